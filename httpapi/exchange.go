package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
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

// maxImportFiles bounds the files of one multipart import (a county sends one workbook or a
// CSV file per sheet, about a dozen).
const maxImportFiles = 50

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
	Report *exchange.Report `json:"report,omitempty"`
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

// handleImport serves POST /api/v1/import?dry_run=&region=&sheet=&format=&async=: the body
// is one file (CSV, XLSX, JSON export, GeoJSON) or multipart/form-data with one or more
// files. The caller needs the right to change every entry a row writes (members their own
// organisation, coordinators their region, admins everything); callers who may change
// nothing are refused before a byte is read. Files under 1 MiB are imported at once: a dry
// run answers 200 with the report and writes nothing; a real run answers 200 with the report
// when everything was written, and 400 (403 for rows the caller may not change) with the
// report and nothing written when a row is wrong. Larger files (or async=true) become a job:
// 202 with its address in Location (see handleJobView), where the same report appears.
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) {
	p := principalFrom(r.Context())
	if p == nil {
		s.authorize(w, r)
		return
	}
	if !mayImport(p) {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "your role does not allow importing: viewers read only"})
		return
	}
	q := r.URL.Query()
	if err := queryParams(q, "dry_run", "region", "sheet", "format", "async"); err != nil {
		s.writeError(w, r, err)
		return
	}
	dry, err := boolParam(q, "dry_run")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	async, err := boolParam(q, "async")
	if err != nil {
		s.writeError(w, r, err)
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
	keep := false // the folder goes to the job
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	inputs, err := spoolUpload(w, r, dir)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var size int64
	for i := range inputs {
		inputs[i].Format = cmpOr(format, inputs[i].Format)
		inputs[i].Sheet = sheet
		if fi, err := os.Stat(inputs[i].Path); err == nil {
			size += fi.Size()
		}
	}
	lang := readerLang(r)
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	opt := exchange.Options{Region: region, DryRun: dry, Allow: func(e graph.Entity) bool { return canWrite(p, e) }}
	if !acc.Full() {
		// What the caller may not read is, for the import, not there (no existence leaks).
		opt.Readable = acc.CanRead
	}
	if async || size >= syncImportLimit {
		keep = true
		s.startImportJob(w, r, p, importRequest{dir: dir, inputs: inputs, opt: opt, lang: lang,
			path: r.URL.Path, reqID: requestID(r.Context())})
		return
	}
	rep, err := exchange.Import(r.Context(), s.store, inputs, opt)
	if err != nil {
		s.writeError(w, r, importFileError(err))
		return
	}
	status, body := importAnswer(rep, dry, lang, r.URL.Path, requestID(r.Context()))
	w.Header().Set("Vary", "Accept-Language")
	if status != http.StatusOK {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
		return
	}
	writeJSON(w, status, body)
}

// importStatus is the status of an import's answer: 200 for a dry run or a written import,
// 400 for rows with problems, 403 when rows change what the caller may not.
func importStatus(rep *exchange.Report, dry bool) int {
	switch {
	case rep.OK || dry:
		return http.StatusOK
	case rep.Forbidden():
		return http.StatusForbidden
	}
	return http.StatusBadRequest
}

// mayImport reports whether p may change anything at all: a member, coordinator or admin.
func mayImport(p *principal) bool {
	if p.user.Admin {
		return true
	}
	for _, role := range p.user.Roles {
		if role.Rank() >= graph.RoleMember.Rank() {
			return true
		}
	}
	return false
}

// boolParam reads an optional true/false query parameter.
func boolParam(q url.Values, name string) (bool, error) {
	switch q.Get(name) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, invalid(name, "must be true or false")
}

// importFileError names the file (and row) of an error that makes a file unreadable.
func importFileError(err error) error {
	if file, row, msg, ok := exchange.IsFileError(err); ok {
		field := file
		if row > 0 {
			field = fmt.Sprintf("%s, row %d", file, row)
		}
		return &graph.Error{Code: graph.EINVALID, Message: field + ": " + msg, Fields: []graph.FieldError{{Field: field, Message: msg}}}
	}
	return err
}

// importAnswer is the status and body of an import's answer in lang: the report (200), or a
// problem document with the report when rows were wrong and nothing was written (400, or 403
// when rows change what the caller may not).
func importAnswer(rep *exchange.Report, dry bool, lang msg.Lang, path, reqID string) (int, any) {
	rep.Localize(lang)
	status := importStatus(rep, dry)
	if status == http.StatusOK {
		return status, rep
	}
	code := graph.EINVALID
	if status == http.StatusForbidden {
		code = graph.EFORBIDDEN
	}
	fields := make([]graph.FieldError, 0, len(rep.Errors))
	for _, e := range rep.Errors {
		fields = append(fields, graph.FieldError{Field: errorField(e), Message: e.Message})
	}
	return status, ImportProblem{Type: problemType(code), Title: http.StatusText(status), Status: status,
		Detail: importDetail(msg.For(lang), rep.ErrorCount), Instance: path, Errors: fields, RequestID: reqID, Report: rep}
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
			if len(inputs) == maxImportFiles {
				part.Close()
				return nil, statusErrorf(http.StatusRequestEntityTooLarge, "body", "holds more than %d files; import them in several requests", maxImportFiles)
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
