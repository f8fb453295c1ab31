package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// maxImportBody bounds an import request: the uploaded files are spooled to temporary files,
// so the bound protects the disk, not the memory.
const maxImportBody = 256 << 20

// registerExchangeRoutes adds import, export and the import templates.
func (s *Server) registerExchangeRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/import", s.handleImport).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/import/template", s.handleTemplate).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/export", s.handleExport).Methods(http.MethodGet, http.MethodHead)
}

// ImportProblem is the answer to an import that was refused because of its rows: a problem
// document whose errors name "file, sheet, row N, column", with the full report beside it.
type ImportProblem struct {
	Type      string             `json:"type"`
	Title     string             `json:"title"`
	Status    int                `json:"status"`
	Detail    string             `json:"detail,omitempty"`
	Instance  string             `json:"instance,omitempty"`
	Errors    []graph.FieldError `json:"errors,omitempty"`
	RequestID string             `json:"request_id,omitempty"`
	// Report is the import report: counts and every error with file, sheet, row, column,
	// value, message, code and suggestions.
	Report *exchange.Report `json:"report"`
}

// errorField renders where an import error is, for problem documents: "file, sheet, row N,
// column".
func errorField(e exchange.RowError) string {
	parts := []string{}
	if e.File != "" {
		parts = append(parts, e.File)
	}
	if e.Sheet != "" {
		parts = append(parts, e.Sheet)
	}
	if e.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", e.Row))
	}
	if e.Column != "" {
		parts = append(parts, e.Column)
	}
	return strings.Join(parts, ", ")
}

// handleImport serves POST /api/v1/import?dry_run=&region=&sheet=&format=: the body is one
// file (CSV, XLSX, JSON export, GeoJSON) or multipart/form-data with one or more files. The
// caller needs the right to change every entry a row writes (coordinators their region,
// admins everything). A dry run answers 200 with the report and writes nothing; a real run
// answers 200 with the report when everything was written, and 400 (403 for rows the caller
// may not change) with the report and nothing written when a row is wrong.
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) {
	p := principalFrom(r.Context())
	if p == nil {
		s.authorize(w, r)
		return
	}
	q := r.URL.Query()
	if err := queryParams(q, "dry_run", "region", "sheet", "format"); err != nil {
		s.writeError(w, r, err)
		return
	}
	dry := false
	switch q.Get("dry_run") {
	case "", "false", "0":
	case "true", "1":
		dry = true
	default:
		s.writeError(w, r, invalid("dry_run", "must be true or false"))
		return
	}
	region := q.Get("region")
	if region != "" && !isRegionKey(region) {
		s.writeError(w, r, invalid("region", "%q is not a region key (5 digits)", region))
		return
	}
	sheet := exchange.SheetKind(q.Get("sheet"))
	if sheet != "" && !containsKind(sheet) {
		s.writeError(w, r, invalid("sheet", "%q is not one of %v", sheet, exchange.SheetKinds()))
		return
	}
	format := q.Get("format")
	switch format {
	case "", exchange.FormatCSV, exchange.FormatXLSX, exchange.FormatJSON, exchange.FormatGeoJSON:
	default:
		s.writeError(w, r, invalid("format", "must be csv, xlsx, json or geojson"))
		return
	}
	dir, err := os.MkdirTemp("", "netzwerkatlas-import-")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer os.RemoveAll(dir)
	inputs, err := spoolUpload(w, r, dir)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for i := range inputs {
		inputs[i].Format = cmpOr(format, inputs[i].Format)
		inputs[i].Sheet = sheet
	}
	rep, err := exchange.Import(r.Context(), s.store, inputs, exchange.Options{Region: region, DryRun: dry,
		Allow: func(e graph.Entity) bool { return canWrite(p, e) }})
	if err != nil {
		if file, row, msg, ok := exchange.IsFileError(err); ok {
			field := file
			if row > 0 {
				field = fmt.Sprintf("%s, row %d", file, row)
			}
			s.writeError(w, r, &graph.Error{Code: graph.EINVALID, Message: field + ": " + msg, Fields: []graph.FieldError{{Field: field, Message: msg}}})
			return
		}
		s.writeError(w, r, err)
		return
	}
	// The problems in the reader's language (German unless English is preferred).
	lang := readerLang(r)
	rep.Localize(lang)
	w.Header().Set("Vary", "Accept-Language")
	if rep.OK || dry {
		writeJSON(w, http.StatusOK, rep)
		return
	}
	status, code := http.StatusBadRequest, graph.EINVALID
	if rep.Forbidden() {
		status, code = http.StatusForbidden, graph.EFORBIDDEN
	}
	fields := make([]graph.FieldError, 0, len(rep.Errors))
	for _, e := range rep.Errors {
		fields = append(fields, graph.FieldError{Field: errorField(e), Message: e.Message})
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(ImportProblem{Type: problemType(code), Title: http.StatusText(status), Status: status,
		Detail:   importDetail(msg.For(lang), rep.ErrorCount),
		Instance: r.URL.Path, Errors: fields, RequestID: requestID(r.Context()), Report: rep})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isRegionKey(s string) bool {
	if len(s) != 5 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func containsKind(k exchange.SheetKind) bool {
	for _, x := range exchange.SheetKinds() {
		if x == k {
			return true
		}
	}
	return false
}

// importMedia maps the accepted content types of a one-file body to formats.
var importMedia = map[string]string{
	"text/csv": exchange.FormatCSV, "text/plain": exchange.FormatCSV, "application/csv": exchange.FormatCSV,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": exchange.FormatXLSX,
	"application/json": exchange.FormatJSON, "application/geo+json": exchange.FormatGeoJSON,
	"application/octet-stream": "",
}

// spoolUpload writes the uploaded file or files into dir.
func spoolUpload(w http.ResponseWriter, r *http.Request, dir string) ([]exchange.Input, error) {
	body := http.MaxBytesReader(w, r.Body, maxImportBody)
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil {
		return nil, statusErrorf(http.StatusUnsupportedMediaType, "Content-Type", "is missing or malformed; send the file as text/csv, an XLSX workbook, application/json, application/geo+json or multipart/form-data")
	}
	tooLarge := func(err error) error {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return statusErrorf(http.StatusRequestEntityTooLarge, "body", "is larger than %d MiB; split the import", maxImportBody>>20)
		}
		return invalid("body", "cannot be read: %v", err)
	}
	if mt == "multipart/form-data" {
		mr := multipart.NewReader(body, params["boundary"])
		var inputs []exchange.Input
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, tooLarge(err)
			}
			if part.FileName() == "" {
				part.Close()
				continue
			}
			name := filepath.Base(part.FileName())
			in, err := spool(part, dir, len(inputs), name)
			part.Close()
			if err != nil {
				return nil, tooLarge(err)
			}
			inputs = append(inputs, in)
		}
		if len(inputs) == 0 {
			return nil, invalid("body", "holds no file; send the file in a form field of type file")
		}
		return inputs, nil
	}
	format, ok := importMedia[mt]
	if !ok {
		return nil, statusErrorf(http.StatusUnsupportedMediaType, "Content-Type", "is %q; send text/csv, an XLSX workbook, application/json, application/geo+json or multipart/form-data", mt)
	}
	name := "upload"
	if _, p, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil && p["filename"] != "" {
		name = filepath.Base(p["filename"])
	}
	in, err := spool(body, dir, 0, name)
	if err != nil {
		return nil, tooLarge(err)
	}
	in.Format = format
	return []exchange.Input{in}, nil
}

func spool(r io.Reader, dir string, i int, name string) (exchange.Input, error) {
	path := filepath.Join(dir, fmt.Sprintf("%d", i))
	f, err := os.Create(path)
	if err != nil {
		return exchange.Input{}, err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return exchange.Input{Name: name, Path: path}, err
}

// handleTemplate serves GET /api/v1/import/template?format=xlsx|csv&sheet=&region=: the import
// template — German headers, an explanation row and the allowed values (as drop-down lists in
// XLSX). With region, the region's fields of action, target groups, municipalities and goals
// are listed as allowed values; csv without sheet is a zip of one CSV file per sheet.
func (s *Server) handleTemplate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "format", "sheet", "region"); err != nil {
		s.writeError(w, r, err)
		return
	}
	format := cmpOr(q.Get("format"), exchange.FormatXLSX)
	if format != exchange.FormatXLSX && format != exchange.FormatCSV {
		s.writeError(w, r, invalid("format", "must be xlsx or csv"))
		return
	}
	sheet := exchange.SheetKind(q.Get("sheet"))
	if sheet != "" && !containsKind(sheet) {
		s.writeError(w, r, invalid("sheet", "%q is not one of %v", sheet, exchange.SheetKinds()))
		return
	}
	o := exchange.SheetOptions{Format: format, Sheet: sheet, Template: true, Now: time.Now()}
	name := "netzwerkatlas-vorlage"
	if region := q.Get("region"); region != "" {
		snap, err := s.readableSnapshot(r, region)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		o.Data = snap
		name += "-" + region
	}
	if sheet != "" {
		name += "-" + string(sheet)
	}
	mt, ext := exchange.ContentType(format, sheet != "")
	w.Header().Set("Content-Type", mt)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+ext))
	if r.Method == http.MethodHead {
		return
	}
	if err := exchange.WriteSheets(w, o); err != nil {
		s.log.Error().Err(err).Str("request_id", requestID(r.Context())).Msg("writing the template failed")
	}
}

// readableSnapshot returns the part of a region (or, for "", of all regions) the caller may
// read; a region the caller may not read is not found.
func (s *Server) readableSnapshot(r *http.Request, region string) (*graph.Snapshot, error) {
	if region != "" && !isRegionKey(region) {
		return nil, invalid("region", "%q is not a region key (5 digits)", region)
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return nil, err
	}
	if region != "" && !within(acc.Regions, region) {
		return nil, graph.NotFound(graph.KindRegion, region)
	}
	snap, err := s.store.Snapshot(r.Context(), region)
	if err != nil {
		return nil, err
	}
	if region != "" && len(snap.Regions) == 0 {
		return nil, graph.NotFound(graph.KindRegion, region)
	}
	return acc.Snapshot(snap), nil
}

// handleExport serves GET /api/v1/export?format=json|csv|xlsx|hsds|graphml|geojson&region=&sheet=&analyses=:
// what the caller may read — the public part of public regions for anonymous callers, no
// actors' e-mail or phone below coordinator — as a download.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "format", "region", "sheet", "analyses"); err != nil {
		s.writeError(w, r, err)
		return
	}
	format := q.Get("format")
	if format == "" {
		s.writeError(w, r, invalid("format", "is required: one of %s", strings.Join(exchange.ExportFormats, ", ")))
		return
	}
	known := false
	for _, f := range exchange.ExportFormats {
		known = known || f == format
	}
	if !known {
		s.writeError(w, r, invalid("format", "%q is not one of %s", format, strings.Join(exchange.ExportFormats, ", ")))
		return
	}
	sheet := exchange.SheetKind(q.Get("sheet"))
	if sheet != "" && (format != exchange.ExportCSV || !containsKind(sheet)) {
		s.writeError(w, r, invalid("sheet", "selects one of %v of a csv export", exchange.SheetKinds()))
		return
	}
	noAnalyses := false
	switch q.Get("analyses") {
	case "", "true", "1":
	case "false", "0":
		noAnalyses = true
	default:
		s.writeError(w, r, invalid("analyses", "must be true or false"))
		return
	}
	region := q.Get("region")
	snap, done, err := s.sharedReadableSnapshot(r, region)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer done()
	now := time.Now()
	mt, ext := exchange.ContentType(format, sheet != "")
	name := "netzwerkatlas-" + cmpOr(region, "alle") + "-" + now.Format("2006-01-02")
	if sheet != "" {
		name += "-" + string(sheet)
	}
	w.Header().Set("Content-Type", mt)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+ext))
	w.Header().Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		return
	}
	s.streamDownload(w, r, "export", func(out io.Writer) error {
		return exchange.Export(out, snap, exchange.ExportOptions{Format: format, Sheet: sheet, NoAnalyses: noAnalyses, Now: now})
	})
}

// importDetail says how many problems an import had, in pr's language.
func importDetail(pr msg.Printer, n int) string {
	if n == 1 {
		return pr.Literal("1 problem in the import; nothing was written")
	}
	return pr.Format("%d problems in the import; nothing was written", n)
}
