package exchange

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Input is one file to import.
type Input struct {
	// Name is the file's name as the user knows it (messages, format detection).
	Name string
	// Path is where the file is read from.
	Path string
	// Format is csv, xlsx, json or geojson; empty detects it from name and content.
	Format string
	// Sheet says which sheet a CSV file holds; empty detects it from the file name and the
	// header row.
	Sheet SheetKind
}

// Options configure an import.
type Options struct {
	// Region is the region key for rows that name none (and, for GeoJSON, the only region
	// whose municipalities are read).
	Region string
	// DryRun validates everything and writes nothing.
	DryRun bool
	// Allow reports whether the importing user may write e (as it will be, and as it was).
	// Nil allows everything (the command line).
	Allow func(e graph.Entity) bool
	// Readable reports whether the importing user may read e. Entries and regions the user
	// may not read are, for the import, not there: a row naming a hidden region or a hidden
	// entry's Schlüssel gets the same answer as one naming nothing, and no suggestion names a
	// hidden entry. With Readable set, a Schlüssel in the form of a Netzwerkatlas id must name
	// an entry the user may read (new entries get their ids from the service). Nil reads
	// everything (the command line, admins).
	Readable func(e graph.Entity) bool
	// Progress, when set, is called now and then with the bytes read and the bytes to read.
	Progress func(done, total int64)
	// Step, when set, is called now and then, and at each change of phase, with where the
	// import stands (for jobs: rows read and valid, the phase).
	Step func(Step)
	// MaxErrors bounds the errors listed in the report (default 1000); all are counted.
	MaxErrors int
}

// Step is where an import stands.
type Step struct {
	// Phase is reading (and checking rows), validating (the store checks the whole batch: a
	// dry run), writing, or done.
	Phase string
	// BytesRead and BytesTotal measure the reading of the files.
	BytesRead, BytesTotal int64
	// RowsRead counts the rows read; RowsValid those without a problem so far.
	RowsRead, RowsValid int64
}

// The phases of an import.
const (
	PhaseReading    = "reading"
	PhaseValidating = "validating"
	PhaseWriting    = "writing"
	PhaseDone       = "done"
)

// DefaultMaxErrors is the default of Options.MaxErrors.
const DefaultMaxErrors = 1000

// AuditDetailLimit is the number of operations up to which an import is recorded in the
// audit log change by change (who, when, before, after). A larger import is recorded as one
// audit entry naming its files and counts, as seeding and migration are: writing hundreds of
// thousands of audit entries and their index in one bbolt transaction took minutes (see
// docs/pending-exchange.md), and the files themselves are the record of such a bulk load.
const AuditDetailLimit = 50000

// maxSuggestions bounds how many unknown names get a list of the closest known ones, so
// that a file full of wrong names does not cost a comparison with every name each time.
const maxSuggestions = 500

// Import reads the inputs and, unless it is a dry run or a row has an error, writes what
// they hold into s as one all-or-nothing batch. The report says what was (or would be)
// created, updated and left unchanged, and lists every problem by file, row and column.
// An error is returned only when a file cannot be read at all (malformed, not what it claims
// to be; its message names the file and, where known, the row) or the store fails.
func Import(ctx context.Context, s graph.Store, inputs []Input, opt Options) (*Report, error) {
	if opt.MaxErrors <= 0 {
		opt.MaxErrors = DefaultMaxErrors
	}
	im := &importer{ctx: ctx, store: s, opt: opt, rep: &Report{DryRun: opt.DryRun, Errors: []RowError{}, Warnings: []string{}},
		states: map[string]*regionState{}, seen: map[string]origin{}, extKeys: map[string]string{}, opIndex: map[string]int{},
		now: time.Now()}
	if err := im.loadRegions(); err != nil {
		return nil, err
	}
	for _, in := range inputs {
		fi, err := os.Stat(in.Path)
		if err != nil {
			return nil, &fileError{file: in.Name, msg: "cannot be opened: " + err.Error()}
		}
		im.total += fi.Size()
	}
	var tabs []*pendingTable
	defer func() {
		for _, t := range tabs {
			_ = t.t.close()
		}
	}()
	// JSON and GeoJSON first (they may bring regions and municipalities that sheets use),
	// then all sheets in dependency order.
	var later []int
	for i, in := range inputs {
		format := in.Format
		if format == "" {
			head, err := sniff(in.Path)
			if err != nil {
				return nil, &fileError{file: in.Name, msg: "cannot be read: " + err.Error()}
			}
			format = DetectFormat(in.Name, head)
		}
		inputs[i].Format = format
		switch format {
		case FormatJSON, FormatGeoJSON:
		case FormatCSV, FormatXLSX:
			later = append(later, i)
			continue
		default:
			return nil, &fileError{file: in.Name, msg: fmt.Sprintf("format %q is not one of csv, xlsx, json, geojson", format)}
		}
		im.rep.Files = append(im.rep.Files, FileReport{File: in.Name, Format: format, Sheets: []SheetReport{}})
		fidx := len(im.rep.Files) - 1
		var err error
		if format == FormatJSON {
			err = im.readJSON(fidx, in)
		} else {
			err = im.readGeoJSON(fidx, in)
		}
		if err != nil {
			return nil, named(err, in.Name)
		}
	}
	for _, i := range later {
		in := inputs[i]
		im.rep.Files = append(im.rep.Files, FileReport{File: in.Name, Format: in.Format, Sheets: []SheetReport{}})
		ts, err := im.openTables(len(im.rep.Files)-1, in)
		tabs = append(tabs, ts...)
		if err != nil {
			return nil, named(err, in.Name)
		}
	}
	slices.SortStableFunc(tabs, func(a, b *pendingTable) int {
		return cmp.Compare(slices.Index(sheets, a.def), slices.Index(sheets, b.def))
	})
	for _, t := range tabs {
		if err := im.readTable(t); err != nil {
			return nil, named(err, im.rep.Files[t.file].File)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep, err := im.finish()
	if err == nil {
		im.step(PhaseDone)
	}
	return rep, err
}

// named fills in the file name of a fileError or a LimitError.
func named(err error, file string) error {
	var fe *fileError
	if errors.As(err, &fe) && fe.file == "" {
		fe.file = file
	}
	var le *LimitError
	if errors.As(err, &le) && le.File == "" {
		le.File = file
	}
	return err
}

// IsFileError reports whether err says that an input file cannot be read, and returns the
// file's name and the row (0 when unknown) it concerns.
func IsFileError(err error) (file string, row int, msg string, ok bool) {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.file, fe.row, fe.msg, true
	}
	return "", 0, "", false
}

// origin locates an operation's row: file, sheet (indexes into the report) and row number.
type origin struct{ file, sheet, row int32 }

// importer holds the state of one import.
type importer struct {
	ctx   context.Context
	store graph.Store
	opt   Options
	rep   *Report

	regionKeys  map[string]bool // regions in the store or created by this import
	regionNames *nameIndex
	states      map[string]*regionState

	seen    map[string]origin // node ids written by rows so far
	extKeys map[string]string // kind|region|external key → id
	opIndex map[string]int    // node id → index of its operation in nodeOps
	failed  map[string]bool   // node ids whose rows have errors
	now     time.Time         // the time the checks of dates and years go by

	nodeOps, relOps, unrelOps          []graph.Op
	nodeOrigin, relOrigin, unrelOrigin []origin
	suggested                          int
	done, total                        int64
	failedRows                         int64
	lastProgress                       time.Time
}

// loadRegions lists the regions of the store (by key and name).
func (im *importer) loadRegions() error {
	im.regionKeys = map[string]bool{}
	im.regionNames = newNameIndex()
	q := graph.ListQuery{Kind: graph.KindRegion, Limit: graph.MaxLimit}
	for {
		page, err := im.store.List(im.ctx, q)
		if err != nil {
			return err
		}
		for _, e := range page.Items {
			r := e.(*graph.Region)
			if !im.readable(r) {
				continue
			}
			im.regionKeys[r.ID] = true
			im.regionNames.add(r.ID, r.Name)
		}
		if page.NextCursor == "" {
			return nil
		}
		q.Cursor = page.NextCursor
	}
}

// progress reports the bytes read, at most a few times a second.
func (im *importer) progress(force bool) {
	if im.opt.Progress == nil && im.opt.Step == nil {
		return
	}
	if now := time.Now(); force || now.Sub(im.lastProgress) > 100*time.Millisecond {
		im.lastProgress = now
		if im.opt.Progress != nil {
			im.opt.Progress(min(im.done, im.total), im.total)
		}
		im.step(PhaseReading)
	}
}

// step tells Options.Step where the import stands.
func (im *importer) step(phase string) {
	if im.opt.Step == nil {
		return
	}
	done := im.done
	if phase != PhaseReading {
		done = im.total
	}
	im.opt.Step(Step{Phase: phase, BytesRead: min(done, im.total), BytesTotal: im.total,
		RowsRead: int64(im.rep.Rows), RowsValid: int64(im.rep.Rows) - im.failedRows})
}

// fail records a problem.
func (im *importer) fail(e RowError) {
	im.rep.ErrorCount++
	if len(e.Value) > 200 {
		e.Value = e.Value[:200] + "…"
	}
	if len(im.rep.Errors) < im.opt.MaxErrors {
		im.rep.Errors = append(im.rep.Errors, e)
	}
}

// where names an origin for an error.
func (im *importer) where(o origin) (file, sheet string) {
	f := im.rep.Files[o.file]
	s := ""
	if int(o.sheet) < len(f.Sheets) && f.Format == FormatXLSX {
		s = f.Sheets[o.sheet].Sheet
	} else if int(o.sheet) < len(f.Sheets) && f.Format != FormatCSV {
		s = f.Sheets[o.sheet].Sheet
	}
	return f.File, s
}

func (im *importer) sheetReport(o origin) *SheetReport { return &im.rep.Files[o.file].Sheets[o.sheet] }

// count records a row's outcome.
func (im *importer) count(o origin, outcome int) {
	sr := im.sheetReport(o)
	im.rep.Rows++
	sr.Rows++
	switch outcome {
	case outCreated:
		im.rep.Created++
		sr.Created++
	case outUpdated:
		im.rep.Updated++
		sr.Updated++
	case outUnchanged:
		im.rep.Unchanged++
		sr.Unchanged++
	case outSkipped:
		im.rep.Skipped++
		sr.Skipped++
	case outFailed:
		im.failedRows++
	}
}

// Outcomes of a row.
const (
	outFailed = iota
	outUnchanged
	outUpdated
	outCreated
	outSkipped
)

// regionState is what the import knows of one region: its nodes as the store holds them,
// then as the rows before have changed them, and the stored relationships.
type regionState struct {
	key    string
	nodes  map[string]graph.Entity
	stored map[string]bool // ids the store holds
	out    map[string][]graph.Relation
	in     map[string][]graph.Relation
	names  map[graph.Kind]*nameIndex
	// measureKeys maps the natural key of the stored measures (title, providers,
	// municipalities) to their ids; built when a row without Schlüssel needs it.
	measureKeys map[string][]string
}

// state returns the region's state, reading its snapshot the first time.
func (im *importer) state(key string) (*regionState, error) {
	if rs, ok := im.states[key]; ok {
		return rs, nil
	}
	rs := &regionState{key: key, nodes: map[string]graph.Entity{}, stored: map[string]bool{},
		out: map[string][]graph.Relation{}, in: map[string][]graph.Relation{}, names: map[graph.Kind]*nameIndex{}}
	for _, ki := range graph.Kinds {
		rs.names[ki.Kind] = newNameIndex()
	}
	if key == "" {
		// Shared target groups belong to no region.
		q := graph.ListQuery{Kind: graph.KindTargetGroup, Limit: graph.MaxLimit}
		for {
			page, err := im.store.List(im.ctx, q)
			if err != nil {
				return nil, err
			}
			for _, e := range page.Items {
				if e.RegionKey() == "" && im.readable(e) {
					rs.addNode(e, true)
				}
			}
			if page.NextCursor == "" {
				break
			}
			q.Cursor = page.NextCursor
		}
	} else if im.regionKeys[key] {
		snap, err := im.store.Snapshot(im.ctx, key)
		if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return nil, err
		}
		if snap != nil {
			hidden := map[string]bool{}
			for _, e := range snap.Nodes() {
				if im.readable(e) {
					rs.addNode(e, true)
				} else {
					hidden[e.Base().ID] = true
				}
			}
			// Relationships with a hidden end stay as they are: the rows cannot see them.
			for _, r := range snap.Relations {
				if hidden[r.From] || hidden[r.To] {
					continue
				}
				rs.out[r.From] = append(rs.out[r.From], r)
				rs.in[r.To] = append(rs.in[r.To], r)
			}
		}
	}
	im.states[key] = rs
	return rs, nil
}

// addNode records a node in the region's view.
func (rs *regionState) addNode(e graph.Entity, stored bool) {
	id := e.Base().ID
	rs.nodes[id] = e
	if stored {
		rs.stored[id] = true
	}
	if name := nodeName(e); name != "" {
		rs.names[e.EntityKind()].add(id, name)
	}
}

// nodeName is the name a node is referred to by in sheets.
func nodeName(e graph.Entity) string {
	switch v := e.(type) {
	case *graph.Region:
		return v.Name
	case *graph.Municipality:
		return v.Name
	case *graph.FieldOfAction:
		return v.Name
	case *graph.TargetGroup:
		return v.Name
	case *graph.Organisation:
		return v.Name
	case *graph.Actor:
		return v.Name
	case *graph.Network:
		return v.Name
	case *graph.Measure:
		return v.Title
	case *graph.Concept:
		return v.Title
	case *graph.Guideline:
		return v.Title
	case *graph.Goal:
		return v.Text
	case *graph.Indicator:
		return v.Name
	}
	return ""
}

// epoch is the time part of ids derived from external keys: ids must not depend on the clock.
var epoch = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)

// KeyedID returns the id an import gives a node of kind k in region whose external key is
// key (a county's own key, or for rows without one the natural key): a ULID whose random part
// is a hash of kind, region and key, so the same row gets the same id on every import.
func KeyedID(k graph.Kind, region, key string) string {
	sum := sha256.Sum256([]byte(string(k) + "\x00" + region + "\x00" + key))
	return graph.IDAt(k, epoch, bytes.NewReader(sum[:]))
}

// pendingTable is a sheet whose header has been read, waiting for its turn.
type pendingTable struct {
	file   int
	t      table
	def    *sheetDef
	header []string
	row    int
	raw    bool // XLSX: raw cell values (decimal point, date serials)
	in     *countingFile
	size   int64
}

// openTables opens the sheets of a CSV or XLSX input and reads their header rows.
func (im *importer) openTables(fidx int, in Input) ([]*pendingTable, error) {
	fr := &im.rep.Files[fidx]
	if in.Format == FormatCSV {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, &fileError{msg: "cannot be opened: " + err.Error()}
		}
		cf := &countingFile{File: f, im: im}
		t, err := openCSV(cf)
		if err != nil {
			f.Close()
			return nil, &fileError{msg: "cannot be read: " + err.Error()}
		}
		fr.Encoding, fr.Delimiter = t.encoding, string(t.delimiter)
		pt := &pendingTable{file: fidx, t: t, in: cf}
		// A file named like a sheet (massnahmen.csv, ziele.csv) is read as that sheet, so
		// that its errors name the columns that do not fit instead of the columns picking
		// another sheet; otherwise the header row picks the sheet.
		def := sheetByKind(in.Sheet)
		if def == nil {
			def = sheetByName(strings.TrimSuffix(in.Name, filepath.Ext(in.Name)))
		}
		if err := im.header(pt, def); err != nil {
			return []*pendingTable{pt}, err
		}
		if pt.def == nil {
			return []*pendingTable{pt}, &fileError{row: pt.row, msg: "its columns match none of the sheets " + sheetNames() + "; start from a template"}
		}
		return []*pendingTable{pt}, nil
	}
	book, err := openXLSX(in.Path)
	if err != nil {
		return nil, err
	}
	st, _ := os.Stat(in.Path)
	var out []*pendingTable
	names := book.sheets()
	for _, name := range names {
		def := sheetByName(name)
		if def == nil && isHelpSheet(name) {
			continue
		}
		t, err := book.table(name)
		if err != nil {
			return out, err
		}
		pt := &pendingTable{file: fidx, t: t, raw: true, size: st.Size() / int64(max(1, len(names)))}
		out = append(out, pt)
		if err := im.header(pt, def); err != nil {
			return out, err
		}
		if pt.def == nil {
			if pt.header != nil {
				im.rep.warn("%s: sheet %q was not read: its name and columns match none of the sheets %s", in.Name, name, sheetNames())
			}
			out = out[:len(out)-1]
			_ = t.close()
		}
	}
	out = append(out, &pendingTable{file: fidx, t: closerTable{book}, def: nil})
	return out, nil
}

// closerTable closes a workbook when the tables are closed.
type closerTable struct{ b *xlsxBook }

func (c closerTable) name() string                 { return "" }
func (c closerTable) next() (int, []string, error) { return 0, nil, io.EOF }
func (c closerTable) close() error                 { return c.b.close() }

func isHelpSheet(name string) bool {
	switch foldHeader(name) {
	case "werte", "hinweise", "erlauterungen", "anleitung", "values", "help":
		return true
	}
	return false
}

// header reads the header row of a table (skipping comment rows) and picks its sheet by the
// headers when def is nil.
func (im *importer) header(pt *pendingTable, def *sheetDef) error {
	for {
		row, cells, err := pt.t.next()
		if errors.Is(err, io.EOF) {
			pt.def = def
			return nil
		}
		if err != nil {
			return err
		}
		if isComment(cells) {
			continue
		}
		pt.row, pt.header = row, slices.Clone(cells)
		break
	}
	if def == nil {
		def = sheetByHeaders(pt.header)
	}
	pt.def = def
	return nil
}

// isComment reports whether a row is a comment (its first cell starts with #), such as the
// templates' explanation row.
func isComment(cells []string) bool {
	return len(cells) > 0 && strings.HasPrefix(strings.TrimSpace(cells[0]), "#")
}

// countingFile counts the bytes read from a file, for progress reports.
type countingFile struct {
	*os.File
	im *importer
	n  int64
}

func (c *countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	c.n += int64(n)
	c.im.done += int64(n)
	return n, err
}

func (c *countingFile) Seek(off int64, whence int) (int64, error) {
	c.im.done -= c.n
	c.n = 0
	return c.File.Seek(off, whence)
}

// readTable reads the rows of one sheet.
func (im *importer) readTable(pt *pendingTable) error {
	if pt.def == nil {
		return nil
	}
	fr := &im.rep.Files[pt.file]
	sheetName := pt.t.name()
	if sheetName == "" {
		sheetName = pt.def.name
	}
	fr.Sheets = append(fr.Sheets, SheetReport{Sheet: sheetName, Kind: string(pt.def.kind)})
	sidx := int32(len(fr.Sheets) - 1)
	cols, ok := im.columns(pt, sidx)
	if !ok {
		return nil
	}
	sh := &sheetRun{def: pt.def}
	for {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		n, cells, err := pt.t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if isComment(cells) {
			continue
		}
		r := &row{im: im, def: pt.def, cols: cols, cells: cells, raw: pt.raw, o: origin{int32(pt.file), sidx, int32(n)}}
		if extra := r.extraCells(); extra >= 0 {
			r.failf("", cells[extra], CodeInvalid, "column %d has a value but no header", extra+1)
		}
		im.handle(r, sh)
		im.progress(false)
	}
	im.finishSheet(sh)
	if pt.size > 0 {
		im.done += pt.size
	}
	im.progress(true)
	return nil
}

// columns maps the header cells to the sheet's columns; unknown, repeated and missing
// required columns are errors of the header row.
func (im *importer) columns(pt *pendingTable, sidx int32) (map[string]int, bool) {
	o := origin{int32(pt.file), sidx, int32(pt.row)}
	cols := map[string]int{}
	ok := true
	r := &row{im: im, def: pt.def, o: o}
	for i, h := range pt.header {
		if strings.TrimSpace(h) == "" {
			continue
		}
		c := pt.def.match(h)
		if c == nil {
			idx := newNameIndex()
			for _, k := range pt.def.headers() {
				idx.add(k, k)
			}
			r.failSf(h, h, CodeUnknownColumn, idx.closest(h, 3), "is not a column of sheet %s", pt.def.name)
			ok = false
			continue
		}
		if _, dup := cols[c.header]; dup {
			r.failf(h, h, CodeInvalid, "the column %s appears twice", c.header)
			ok = false
			continue
		}
		cols[c.header] = i
	}
	for _, c := range pt.def.columns {
		if _, has := cols[c.header]; !has && c.required && !(c.header == colRegion && im.opt.Region != "") {
			r.failf(c.header, "", CodeMissingColumn, "the required column %s is missing", c.header)
			ok = false
		}
	}
	return cols, ok
}

// row is one data row being read.
type row struct {
	im    *importer
	def   *sheetDef
	cols  map[string]int
	cells []string
	raw   bool
	o     origin
	bad   bool
}

// has reports whether the sheet has the column.
func (r *row) has(col string) bool { _, ok := r.cols[col]; return ok }

// get returns the trimmed cell of a column ("" when absent).
func (r *row) get(col string) string {
	i, ok := r.cols[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// extraCells returns the index of a filled cell beyond the header, or -1.
func (r *row) extraCells() int {
	width := 0
	for _, i := range r.cols {
		width = max(width, i+1)
	}
	for i := width; i < len(r.cells); i++ {
		if strings.TrimSpace(r.cells[i]) != "" {
			if _, named := r.colAt(i); !named {
				return i
			}
		}
	}
	return -1
}

func (r *row) colAt(i int) (string, bool) {
	for h, j := range r.cols {
		if j == i {
			return h, true
		}
	}
	return "", false
}

var (
	listIndex   = regexp.MustCompile(`\[\d+\]`)
	indexSuffix = regexp.MustCompile(`[\[.].*$`)
)

// columnOf finds the column of a node field: "funding[1].funder" is the column of
// funding.funder, "languages[2]" the column of languages.
func (r *row) columnOf(field string) (string, string) {
	for _, f := range []string{listIndex.ReplaceAllString(field, ""), indexSuffix.ReplaceAllString(field, "")} {
		for _, c := range r.def.columns {
			if c.field != "" && c.field == f {
				return c.header, r.get(c.header)
			}
		}
	}
	return field, ""
}

// text sets *dst to the column's cell when the sheet has the column.
func (r *row) text(col string, dst *string) {
	if r.has(col) {
		*dst = r.get(col)
	}
}

// enumCode sets *dst to the code of the column's label.
func (r *row) enumCode(col string, e *enum, dst *string) {
	if !r.has(col) {
		return
	}
	v := r.get(col)
	if v == "" {
		*dst = ""
		return
	}
	c, ok := e.code(v)
	if !ok {
		r.failSf(col, v, CodeInvalid, e.closest(v), "%q is not allowed; use one of %s", v, e.allowed())
		return
	}
	*dst = c
}

func (r *row) integer(col string, dst *int64) {
	if !r.has(col) {
		return
	}
	v := r.get(col)
	if v == "" {
		*dst = 0
		return
	}
	n, ok := parseInt(v, r.raw)
	if !ok {
		r.fail(col, v, CodeInvalid, "is not a whole number")
		return
	}
	*dst = n
}

func (r *row) number(col string, dst **float64) {
	if !r.has(col) {
		return
	}
	v := r.get(col)
	if v == "" {
		*dst = nil
		return
	}
	f, ok := parseNumber(v, r.raw)
	if !ok {
		r.fail(col, v, CodeInvalid, "is not a number (write e.g. 12,50 or 12.50)")
		return
	}
	*dst = &f
}

func (r *row) date(col string, dst *graph.Date) {
	if !r.has(col) {
		return
	}
	v := r.get(col)
	d, ok := parseDate(v, r.raw)
	if !ok {
		r.fail(col, v, CodeInvalid, "is not a date; write YYYY-MM-DD or DD.MM.YYYY")
		return
	}
	*dst = d
}

func (r *row) visibility(dst *graph.Visibility) {
	var s string
	if !r.has(colVisibility) {
		return
	}
	r.enumCode(colVisibility, visibilities, &s)
	*dst = graph.Visibility(s)
}

// region resolves the row's region: the Kreis cell (key or name) or the import's default.
func (r *row) region() *regionState {
	im := r.im
	v := r.get(colRegion)
	key := v
	switch {
	case v == "" && im.opt.Region != "":
		key = im.opt.Region
	case v == "":
		r.fail(colRegion, "", CodeInvalid, "is required: the 5-digit Kreisschlüssel or the name of the region (or choose a region for the import)")
		return nil
	case !isDigits(v, 5):
		ids := im.regionNames.find(v)
		switch len(ids) {
		case 1:
			key = ids[0]
		case 0:
			r.failSf(colRegion, v, CodeUnknownName, im.suggest(im.regionNames, v), "no region is called %q", v)
			return nil
		default:
			r.failf(colRegion, v, CodeAmbiguousName, "several regions are called %q (%s); write the Kreisschlüssel", v, strings.Join(ids, ", "))
			return nil
		}
	}
	if !im.regionKeys[key] {
		r.failf(colRegion, v, CodeUnknownName, "region %s does not exist; create it first", key)
		return nil
	}
	rs, err := im.state(key)
	if err != nil {
		r.failErr(colRegion, v, CodeInvalid, err)
		return nil
	}
	return rs
}

func (im *importer) suggest(x *nameIndex, name string) []string {
	if im.suggested >= maxSuggestions {
		return nil
	}
	im.suggested++
	return x.closest(name, 3)
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// kindWords names kinds in messages.
var kindWords = map[graph.Kind]string{
	graph.KindMunicipality: "municipality", graph.KindField: "field of action", graph.KindTargetGroup: "target group",
	graph.KindOrganisation: "organisation", graph.KindActor: "person", graph.KindNetwork: "network", graph.KindGoal: "goal",
	graph.KindMeasure: "measure", graph.KindConcept: "concept", graph.KindGuideline: "guideline (Leitlinie)",
	graph.KindIndicator: "indicator (Kennzahl)",
}

// ref resolves one reference to a node of kind k in the row's region: an id (or AGS), a
// Schlüssel given in this import, or a name.
func (r *row) ref(rs *regionState, col string, k graph.Kind, item string) (string, bool) {
	if kk, ok := graph.KindOfID(item); ok {
		if kk != k {
			r.failf(col, item, CodeInvalid, "%s is the id of a %s, not of a %s", item, kk, kindWords[k])
			return "", false
		}
		if e := rs.nodes[item]; e != nil && e.EntityKind() == k {
			return item, true
		}
		if e, ok := r.im.shared(item); ok && e.EntityKind() == k {
			return item, true
		}
		r.failf(col, item, CodeUnknownName, "there is no %s %s in region %s", kindWords[k], item, rs.key)
		return "", false
	}
	if id, ok := r.im.extKeys[string(k)+"|"+rs.key+"|"+item]; ok {
		return id, true
	}
	if k != graph.KindMunicipality && k != graph.KindTargetGroup {
		// A county's own key given in an earlier import (Schlüssel K-1 → KeyedID).
		if id := KeyedID(k, rs.key, "key:"+item); rs.nodes[id] != nil {
			return id, true
		}
	}
	ids := rs.names[k].find(item)
	switch len(ids) {
	case 1:
		return ids[0], true
	case 0:
		r.failSf(col, item, CodeUnknownName, r.im.suggest(rs.names[k], item), "no %s of region %s is called %q", kindWords[k], rs.key, item)
	default:
		r.failf(col, item, CodeAmbiguousName, "several %ss are called %q (%s); write the id", kindWords[k], item, strings.Join(ids, ", "))
	}
	return "", false
}

// refs resolves a list column; ok is false when the sheet lacks the column.
func (r *row) refs(rs *regionState, col string, k graph.Kind) (ids []string, present bool) {
	if !r.has(col) {
		return nil, false
	}
	seen := map[string]bool{}
	for _, item := range splitList(r.get(col)) {
		if id, ok := r.ref(rs, col, k, item); ok && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, true
}

// shared returns a shared target group (which belongs to no region) from the store.
func (im *importer) shared(id string) (graph.Entity, bool) {
	rs, err := im.state("")
	if err != nil {
		return nil, false
	}
	e, ok := rs.nodes[id]
	return e, ok
}

// nodeID chooses the id of a row's node: the Schlüssel (an id of the kind, or a county's own
// key mapped by KeyedID), else the stored node of that natural name, else an id derived from
// the natural key.
func (r *row) nodeID(rs *regionState, k graph.Kind, natural string, stored func() []string) (string, bool) {
	key := r.get(colKey)
	if key != "" {
		if kk, ok := graph.KindOfID(key); ok {
			if kk != k {
				r.failf(colKey, key, CodeInvalid, "is the id of a %s, not of a %s", kk, kindWords[k])
				return "", false
			}
			if r.im.opt.Readable != nil && !r.im.knownID(rs, k, key) {
				r.failf(colKey, key, CodeUnknownName, "no entry you may see has this Schlüssel; leave it empty for a new entry")
				return "", false
			}
			return key, true
		}
		if strings.Contains(key, "_") && len(key) > 20 {
			r.fail(colKey, key, CodeInvalid, "looks like a Netzwerkatlas id but is not a valid one; check it, or use a key of your own without underscore")
			return "", false
		}
		id := KeyedID(k, rs.key, "key:"+key)
		r.im.extKeys[string(k)+"|"+rs.key+"|"+key] = id
		return id, true
	}
	if natural == "" {
		return "", false // the required name is missing; validation says so
	}
	ids := stored()
	switch len(ids) {
	case 0:
		return KeyedID(k, rs.key, "name:"+natural), true
	case 1:
		return ids[0], true
	}
	r.failf(colKey, "", CodeAmbiguousName, "several %ss of region %s match this row (%s); write the Schlüssel (id) of the one you mean", kindWords[k], rs.key, strings.Join(ids, ", "))
	return "", false
}

// knownID reports whether id names an entry the importing user may read: in the row's region
// as the import sees it, or stored elsewhere and readable. A hidden entry and a missing one
// are alike.
func (im *importer) knownID(rs *regionState, k graph.Kind, id string) bool {
	if rs.nodes[id] != nil {
		return true
	}
	if _, ok := im.opIndex[id]; ok {
		return true
	}
	e, err := im.store.Get(im.ctx, k, id)
	return err == nil && im.readable(e)
}

// storedByName returns the ids of stored nodes of kind k called name.
func (rs *regionState) storedByName(k graph.Kind, name string) []string {
	var out []string
	for _, id := range rs.names[k].find(name) {
		if rs.stored[id] {
			out = append(out, id)
		}
	}
	return out
}

// put validates a row's node and stages its upsert unless it equals the stored node.
func (r *row) put(rs *regionState, e graph.Entity) (outcome int) {
	im := r.im
	id := e.Base().ID
	defer func() {
		if outcome == outFailed && id != "" {
			// Rows after this one that name the node find it and say nothing more: its
			// errors are reported here, and nothing is written.
			if im.failed == nil {
				im.failed = map[string]bool{}
			}
			im.failed[id] = true
			if rs.nodes[id] == nil {
				rs.names[e.EntityKind()].add(id, nodeName(e))
			}
		}
	}()
	if r.bad {
		return outFailed
	}
	if prev, dup := im.seen[id]; dup {
		file, sheet := im.where(prev)
		at := fmt.Sprintf("row %d", prev.row)
		if sheet != "" {
			at = fmt.Sprintf("sheet %s, %s", sheet, at)
		}
		r.failf(colKey, r.get(colKey), CodeDuplicateRow, "repeats the entry of %s of %s (same Schlüssel or name); each entry may appear once", at, file)
		return outFailed
	}
	if err := graph.Prepare(e); err != nil {
		r.fieldErrors(err)
		return outFailed
	}
	if err := im.check(rs, e); err != nil {
		r.fieldErrors(err)
		return outFailed
	}
	cur := rs.nodes[id]
	if cur != nil {
		if err := graph.CheckUpdate(cur, e); err != nil {
			r.fieldErrors(err)
			return outFailed
		}
	}
	if !im.allowed(e) || (cur != nil && !im.allowed(cur)) {
		r.failf(colRegion, rs.key, CodeForbidden, "your role does not allow changing %ss in region %s", e.EntityKind(), rs.key)
		return outFailed
	}
	im.seen[id] = r.o
	outcome = outCreated
	if cur != nil {
		if graph.SameContent(cur, e) {
			return outUnchanged
		}
		outcome = outUpdated
	}
	rs.addNode(e, false)
	im.stageNode(graph.Op{Action: graph.OpUpsert, Entity: e}, r.o)
	return outcome
}

// stageNode adds a node operation, or replaces the one staged for the node before (a later
// sheet amending it).
func (im *importer) stageNode(op graph.Op, o origin) {
	id := op.Entity.Base().ID
	if im.opIndex == nil {
		im.opIndex = map[string]int{}
	}
	if i, ok := im.opIndex[id]; ok {
		im.nodeOps[i].Entity = op.Entity
		return
	}
	im.opIndex[id] = len(im.nodeOps)
	im.nodeOps = append(im.nodeOps, op)
	im.nodeOrigin = append(im.nodeOrigin, o)
}

// check runs graph's checks that look beyond a node's own fields (a goal's guideline,
// parent and period, an indicator's years) against the region as the import sees it; they
// may fill fields that follow (a goal's concept from its guideline), so that the node
// compares equal to what the store will hold.
func (im *importer) check(rs *regionState, e graph.Entity) error {
	c, ok := e.(graph.Checker)
	if !ok {
		return nil
	}
	if im.now.IsZero() {
		im.now = time.Now()
	}
	return c.Check(graph.CheckContext{Now: im.now, Node: func(id string) graph.Entity {
		if n := rs.nodes[id]; n != nil {
			return n
		}
		return nil
	}})
}

func (im *importer) allowed(e graph.Entity) bool { return im.opt.Allow == nil || im.opt.Allow(e) }

func (im *importer) readable(e graph.Entity) bool {
	return im.opt.Readable == nil || im.opt.Readable(e)
}

// sync makes the relationships of type t at node (its start, or its end when incoming)
// exactly want, staging the differences; it reports whether anything changes. governs, when
// set, picks the stored relationships the row states (others stay even when not wanted).
func (im *importer) sync(o origin, rs *regionState, t graph.RelType, node string, incoming bool, want []graph.Relation, governs func(graph.Relation) bool) bool {
	cur := map[graph.RelationKey]graph.Relation{}
	list := rs.out[node]
	if incoming {
		list = rs.in[node]
	}
	for _, r := range list {
		if r.Type == t {
			cur[r.RelationKey] = r
		}
	}
	changed := false
	wanted := map[graph.RelationKey]bool{}
	for _, w := range want {
		w.Normalize()
		wanted[w.RelationKey] = true
		if c, ok := cur[w.RelationKey]; ok && c.Props == w.Props {
			im.rep.Relations.Unchanged++
			continue
		} else if ok {
			im.rep.Relations.Updated++
		} else {
			im.rep.Relations.Added++
		}
		changed = true
		im.relOps = append(im.relOps, graph.Op{Action: graph.OpRelate, Relation: w})
		im.relOrigin = append(im.relOrigin, o)
	}
	keys := make([]graph.RelationKey, 0, len(cur))
	for k, r := range cur {
		if !wanted[k] && (governs == nil || governs(r)) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b graph.RelationKey) int {
		return graph.CompareRelations(graph.Relation{RelationKey: a}, graph.Relation{RelationKey: b})
	})
	for _, k := range keys {
		changed = true
		im.rep.Relations.Removed++
		im.unrelOps = append(im.unrelOps, graph.Op{Action: graph.OpUnrelate, Relation: graph.Relation{RelationKey: k}})
		im.unrelOrigin = append(im.unrelOrigin, o)
	}
	return changed
}

// rels makes relationships of type t from one node to several.
func rels(t graph.RelType, from string, to []string, props graph.RelProps) []graph.Relation {
	out := make([]graph.Relation, len(to))
	for i, id := range to {
		out[i] = graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: id}, Props: props}
	}
	return out
}

// relsTo makes relationships of type t from several nodes to one.
func relsTo(t graph.RelType, from []string, to string) []graph.Relation {
	out := make([]graph.Relation, len(from))
	for i, id := range from {
		out[i] = graph.Relation{RelationKey: graph.RelationKey{Type: t, From: id, To: to}}
	}
	return out
}

// relSync is one relationship type a row states.
type relSync struct {
	t        graph.RelType
	incoming bool
	want     []graph.Relation
	present  bool
	// governs, when set, picks the stored relationships of type t the row states.
	governs func(graph.Relation) bool
}

// finishRow stages the node's relationships and counts the row.
func (r *row) finishRow(rs *regionState, id string, outcome int, syncs ...relSync) {
	if r.bad || outcome == outFailed {
		r.im.count(r.o, outFailed)
		return
	}
	for _, s := range syncs {
		if s.present && r.im.sync(r.o, rs, s.t, id, s.incoming, s.want, s.governs) && outcome == outUnchanged {
			outcome = outUpdated
		}
	}
	r.im.count(r.o, outcome)
}

// finish applies (or dry-runs) the batch and completes the report.
func (im *importer) finish() (*Report, error) {
	rep := im.rep
	n := len(im.nodeOps) + len(im.relOps) + len(im.unrelOps)
	if rep.ErrorCount > 0 {
		rep.OK = false
		return rep, nil
	}
	rep.OK = true
	if n == 0 {
		return rep, nil
	}
	// Within each group the operations go in key order: a store writing them in one
	// transaction then appends to its trees instead of inserting at random places (bbolt
	// splits pages only at commit, so random inserts into one transaction grow quadratic).
	// Ordering nodes by id keeps references valid: region keys and AGS (digits) sort before
	// the prefixed ids, and prefixed nodes refer only to regions and municipalities.
	sortOps(im.unrelOps, im.unrelOrigin, relKeyOf)
	sortOps(im.nodeOps, im.nodeOrigin, im.nodeKeyOf)
	sortOps(im.relOps, im.relOrigin, relKeyOf)
	ops := make([]graph.Op, 0, n)
	ops = append(ops, im.unrelOps...)
	ops = append(ops, im.nodeOps...)
	ops = append(ops, im.relOps...)
	origins := slices.Concat(im.unrelOrigin, im.nodeOrigin, im.relOrigin)
	im.unrelOps, im.nodeOps, im.relOps = nil, nil, nil
	b := &graph.Batch{Ops: ops, DryRun: im.opt.DryRun}
	if len(ops) > AuditDetailLimit {
		var names []string
		for _, f := range rep.Files {
			names = append(names, f.File)
		}
		b.Summary = "import of " + strings.Join(names, ", ") + fmt.Sprintf(" (%d rows)", rep.Rows)
		b.Message = &graph.Message{Key: "audit.import", Args: map[string]any{"files": strings.Join(names, ", "), "rows": rep.Rows}}
	}
	if im.opt.DryRun {
		im.step(PhaseValidating)
	} else {
		im.step(PhaseWriting)
	}
	_, err := im.store.Apply(im.ctx, b)
	if err != nil {
		code := graph.ErrorCode(err)
		if code != graph.EINVALID && code != graph.ECONFLICT && code != graph.ENOTFOUND {
			return nil, err
		}
		im.storeErrors(err, origins, len(ops))
		rep.OK = false
		return rep, nil
	}
	if !im.opt.DryRun {
		rep.Written = true
		if rev, err := im.store.Revision(im.ctx); err == nil {
			rep.Revision = rev
		}
	}
	return rep, nil
}

// nodeKeyOf is the order of node operations: the id, which puts the kinds in an order in which
// they refer only to kinds before them (digits; cpt_ before gdl_ before gol_), except that a
// goal comes after the goals above it: goals are ordered by their depth first.
func (im *importer) nodeKeyOf(op graph.Op) string {
	g, ok := op.Entity.(*graph.Goal)
	if !ok {
		return op.Entity.Base().ID
	}
	depth := 0
	if rs := im.states[g.Region]; rs != nil {
		for p := g.Parent; p != "" && depth <= graph.MaxGoalDepth; depth++ {
			parent, ok := rs.nodes[p].(*graph.Goal)
			if !ok {
				break
			}
			p = parent.Parent
		}
	}
	return fmt.Sprintf("gol_%02d_%s", depth, g.ID)
}

// relKeyOf is the order of relationship operations: type, from, to.
func relKeyOf(op graph.Op) string {
	k := op.Relation.RelationKey.Canonical()
	return string(k.Type) + "\x00" + k.From + "\x00" + k.To
}

// sortOps orders ops (and their origins alike) by key, stably.
func sortOps(ops []graph.Op, origins []origin, key func(graph.Op) string) {
	idx := make([]int, len(ops))
	keys := make([]string, len(ops))
	for i := range ops {
		idx[i], keys[i] = i, key(ops[i])
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	so, sg := make([]graph.Op, len(ops)), make([]origin, len(ops))
	for i, j := range idx {
		so[i], sg[i] = ops[j], origins[j]
	}
	copy(ops, so)
	copy(origins, sg)
}

var opField = regexp.MustCompile(`^ops\[(\d+)\]\.?(.*)$`)

// storeErrors reports the errors of a refused batch at the rows its operations came from.
func (im *importer) storeErrors(err error, origins []origin, nops int) {
	code := CodeInvalid
	if graph.ErrorCode(err) == graph.ECONFLICT {
		code = CodeConflict
	}
	fes := graph.FieldErrors(err)
	if len(fes) == 0 {
		fes = []graph.FieldError{{Field: "ops[0]", Message: graph.ErrorMessage(err)}}
	}
	for _, fe := range fes {
		i, field := 0, fe.Field
		if m := opField.FindStringSubmatch(fe.Field); m != nil {
			i, _ = strconv.Atoi(m[1])
			field = m[2]
		} else if nops != 1 {
			i = -1
		}
		if i < 0 || i >= len(origins) {
			im.fail(RowError{Message: fe.Field + ": " + fe.Message, Code: code})
			continue
		}
		o := origins[i]
		file, sheet := im.where(o)
		col := field
		if f := im.rep.Files[o.file]; f.Format == FormatCSV || f.Format == FormatXLSX {
			if def := sheetByKind(SheetKind(f.Sheets[o.sheet].Kind)); def != nil {
				r := &row{def: def}
				col, _ = r.columnOf(field)
			}
		}
		im.fail(RowError{File: file, Sheet: sheet, Row: int(o.row), Column: col, Message: fe.Message, Format: fe.Format, Args: fe.Args, Code: code})
	}
}
