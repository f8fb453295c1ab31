package exchange

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// sink receives sheets row by row: a CSV file, a zip of CSV files, or an XLSX workbook.
type sink interface {
	// begin starts a sheet with its header row and, for templates, the explanation row.
	begin(name, file string, headers, explain []string, lists [][]string) error
	row(c cells) error
	close() error
}

// csvSafe protects a CSV cell from being run as a formula by a spreadsheet program (CSV
// injection): a text starting with = + - @ gets a leading apostrophe, which imports remove
// again.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unCSVSafe removes the apostrophe csvSafe added.
func unCSVSafe(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

func csvCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return csvSafe(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatNumber(x)
	case bool:
		return yesNoLabel(x)
	}
	return fmt.Sprint(v)
}

// csvSink writes CSV files the way German spreadsheet programs open them: UTF-8 with BOM,
// semicolons, decimal commas, CRLF line ends. With a zip writer each sheet is one file of
// the archive; without, only one sheet may be written.
type csvSink struct {
	w     io.Writer
	zw    *zip.Writer
	cw    *csv.Writer
	n     int
	rec   []string
	mtime time.Time
}

func (s *csvSink) begin(name, file string, headers, explain []string, _ [][]string) error {
	if err := s.flush(); err != nil {
		return err
	}
	s.n++
	out := s.w
	if s.zw != nil {
		f, err := s.zw.CreateHeader(&zip.FileHeader{Name: file, Method: zip.Deflate, Modified: s.mtime})
		if err != nil {
			return err
		}
		out = f
	} else if s.n > 1 {
		return fmt.Errorf("exchange: a single CSV file holds one sheet")
	}
	if _, err := io.WriteString(out, "\ufeff"); err != nil {
		return err
	}
	s.cw = csv.NewWriter(out)
	s.cw.Comma = ';'
	s.cw.UseCRLF = true
	if err := s.cw.Write(headers); err != nil {
		return err
	}
	if explain != nil {
		return s.cw.Write(explain)
	}
	return nil
}

func (s *csvSink) row(c cells) error {
	s.rec = s.rec[:0]
	for _, v := range c {
		s.rec = append(s.rec, csvCell(v))
	}
	return s.cw.Write(s.rec)
}

func (s *csvSink) flush() error {
	if s.cw == nil {
		return nil
	}
	s.cw.Flush()
	return s.cw.Error()
}

func (s *csvSink) close() error {
	if err := s.flush(); err != nil {
		return err
	}
	if s.zw != nil {
		return s.zw.Close()
	}
	return nil
}

// xlsxSink writes an XLSX workbook. Data sheets are streamed; a template's small sheets get
// drop-down lists of the allowed values.
type xlsxSink struct {
	w        io.Writer
	f        *excelize.File
	sw       *excelize.StreamWriter
	sheet    string
	rown     int
	bold     int
	italic   int
	template bool
	valid    []validation
	first    bool
}

type validation struct {
	sheet, col string
	values     []string
}

func newXLSXSink(w io.Writer, template bool) (*xlsxSink, error) {
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	italic, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	return &xlsxSink{w: w, f: f, bold: bold, italic: italic, template: template, first: true}, nil
}

func (s *xlsxSink) begin(name, _ string, headers, explain []string, lists [][]string) error {
	if err := s.flushSheet(); err != nil {
		return err
	}
	if s.first {
		if err := s.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		s.first = false
	} else if _, err := s.f.NewSheet(name); err != nil {
		return err
	}
	sw, err := s.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	s.sw, s.sheet, s.rown = sw, name, 0
	for i, h := range headers {
		width := float64(max(12, min(40, len([]rune(h))+4)))
		if explain != nil {
			width = 28
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := s.put(headers, s.bold); err != nil {
		return err
	}
	if explain != nil {
		if err := s.put(explain, s.italic); err != nil {
			return err
		}
		for i, l := range lists {
			if len(l) > 0 {
				col, _ := excelize.ColumnNumberToName(i + 1)
				s.valid = append(s.valid, validation{sheet: name, col: col, values: l})
			}
		}
	}
	return nil
}

func (s *xlsxSink) put(values []string, style int) error {
	s.rown++
	row := make([]any, len(values))
	for i, v := range values {
		row[i] = excelize.Cell{StyleID: style, Value: v}
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.rown)
	return s.sw.SetRow(cell, row)
}

func (s *xlsxSink) row(c cells) error {
	s.rown++
	cell, _ := excelize.CoordinatesToCellName(1, s.rown)
	row := make([]any, len(c))
	for i, v := range c {
		if b, ok := v.(bool); ok {
			v = yesNoLabel(b)
		}
		row[i] = v
	}
	return s.sw.SetRow(cell, row)
}

func (s *xlsxSink) flushSheet() error {
	if s.sw == nil {
		return nil
	}
	err := s.sw.Flush()
	s.sw = nil
	return err
}

func (s *xlsxSink) close() error {
	if err := s.flushSheet(); err != nil {
		return err
	}
	if len(s.valid) > 0 {
		// The allowed values go to a sheet of their own; each column of a template with a
		// list gets a drop-down that refers to it.
		const values = "Werte"
		if _, err := s.f.NewSheet(values); err != nil {
			return err
		}
		for i, v := range s.valid {
			col, _ := excelize.ColumnNumberToName(i + 1)
			header := v.sheet + ": " + strings.TrimSpace(s.header(v.sheet, v.col))
			_ = s.f.SetCellValue(values, col+"1", header)
			_ = s.f.SetColWidth(values, col, col, 30)
			for j, val := range v.values {
				_ = s.f.SetCellValue(values, fmt.Sprintf("%s%d", col, j+2), val)
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s3:%s5000", v.col, v.col)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", values, col, col, len(v.values)+1))
			dv.ShowErrorMessage = false // lists of several values are allowed too
			if err := s.f.AddDataValidation(v.sheet, dv); err != nil {
				return err
			}
		}
		_ = s.f.SetCellStyle(values, "A1", "ZZ1", s.bold)
	}
	// excelize's Write builds the whole archive in a bytes.Buffer before copying it out. Its
	// zip writer hook lets the archive go straight to s.w instead: WriteToBuffer then only
	// hands that writer the parts (the streamed sheets are read back from their temporary
	// files), and its buffer stays empty. Zip64 needs no patching here: archive/zip writes
	// the zip64 records itself.
	s.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(s.w) })
	_, err := s.f.WriteToBuffer()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// abort releases the workbook's temporary files after a failed export.
func (s *xlsxSink) abort() { _ = s.f.Close() }

func (s *xlsxSink) header(sheet, col string) string {
	v, _ := s.f.GetCellValue(sheet, col+"1")
	return v
}

// SheetOptions choose what WriteSheets writes.
type SheetOptions struct {
	// Format is csv or xlsx. CSV with more than one sheet is a zip archive of CSV files.
	Format string
	// Sheet limits the output to one directory sheet (a single CSV file for csv).
	Sheet SheetKind
	// Template adds the explanation row under each header and, in XLSX, the allowed values
	// as drop-down lists and a sheet of hints.
	Template bool
	// Data fills the directory sheets from a snapshot (an export, or a filled template);
	// for templates it also supplies the region's names as allowed values.
	Data *graph.Snapshot
	// Fill writes Data's entries into the sheets (otherwise Data only lists allowed values).
	Fill bool
	// Analyses adds the analysis sheets (coverage, gaps, duplicates, partners, network).
	Analyses *Analyses
	// Now stamps the files of a zip archive.
	Now time.Time
}

// WriteSheets writes the directory sheets (and optionally the analysis sheets) as CSV, a
// zip of CSV files, or an XLSX workbook.
func WriteSheets(w io.Writer, o SheetOptions) (err error) {
	var out sink
	switch o.Format {
	case FormatCSV:
		cs := &csvSink{w: w, mtime: o.Now}
		if o.Sheet == "" {
			cs.zw = zip.NewWriter(w)
		}
		out = cs
	case FormatXLSX:
		xs, err := newXLSXSink(w, o.Template)
		if err != nil {
			return err
		}
		out = xs
	default:
		return fmt.Errorf("exchange: sheets are written as csv or xlsx, not %q", o.Format)
	}
	var x *dirIndex
	if o.Data != nil && o.Fill {
		var done func()
		x, done = sharedIndex(o.Data)
		defer done()
	}
	if xs, ok := out.(*xlsxSink); ok {
		// A StreamWriter keeps a sheet in memory up to 16 MB, then in a temporary file
		// (os.TempDir, removed by Close); on any failure those files must go too.
		defer func() {
			if err != nil {
				xs.abort()
			}
		}()
	}
	for _, def := range sheets {
		if o.Sheet != "" && def.kind != o.Sheet {
			continue
		}
		var explain []string
		var lists [][]string
		if o.Template {
			for i := range def.columns {
				c := &def.columns[i]
				vals := allowedValues(c, o.Data)
				e := c.explain
				if len(vals) > 0 && (o.Format == FormatCSV || len(vals) <= 12) {
					e += ". Erlaubt: " + strings.Join(vals, "; ")
				} else if len(vals) > 0 {
					e += ". Erlaubte Werte: Blatt Werte"
				}
				if i == 0 {
					e = "# " + e
				}
				explain = append(explain, e)
				lists = append(lists, vals)
			}
		}
		if err := out.begin(def.name, def.file(), def.headers(), explain, lists); err != nil {
			return err
		}
		if x != nil {
			if err := x.directoryRows(def.kind, out.row); err != nil {
				return err
			}
		}
	}
	if o.Template && o.Format == FormatXLSX && o.Sheet == "" {
		if err := out.begin("Hinweise", "hinweise.csv", []string{"Hinweise zum Import"}, nil, nil); err != nil {
			return err
		}
		for _, line := range templateHints() {
			if err := out.row(cells{line}); err != nil {
				return err
			}
		}
	}
	if o.Analyses != nil && o.Sheet == "" {
		if err := o.Analyses.write(out); err != nil {
			return err
		}
	}
	return out.close()
}

func templateHints() []string {
	out := []string{
		"Jedes Blatt ist eine Tabelle; die erste Zeile nennt die Spalten, die zweite (mit # am Anfang) erklärt sie und wird beim Import übersprungen.",
		"Spalten, die fehlen, lassen die gespeicherten Werte unverändert; leere Zellen löschen einen Wert.",
		"Listen (Gemeinden, Handlungsfelder, Zielgruppen, Träger, Partner, Ziele, Sprachen) werden durch Semikolon getrennt.",
		"Das Integrationskonzept: Konzepte (mit ihren Zeiträumen im Blatt Zeiträume), darunter Leitlinien, Ziele (Handlungsziele nennen ihr Oberziel) und Kennzahlen; die gemessenen Werte stehen im Blatt Kennzahlwerte, eine Zeile je Kennzahl, Jahr und Kommune.",
		"Maßnahmen: Federführung und Partner sind die Organisationen mit dieser Rolle. Mehrere Förderungen: in allen Förderspalten die Werte in derselben Reihenfolge durch Semikolon trennen. Sachstand vom und Sachstand fügen einen Sachstand hinzu; frühere stehen im Blatt Sachstände.",
		"Auswahlwerte (Richtung, Priorität, Zeithorizont, Adressat, Ebene …) werden ebenso erkannt; bei Tippfehlern nennt der Import die nächstliegenden erlaubten Werte.",
		"Namen von Gemeinden, Handlungsfeldern, Zielgruppen und Organisationen werden ohne Rücksicht auf Groß-/Kleinschreibung und Umlaut-Schreibweise erkannt (Schueler = Schüler).",
		"Der Schlüssel macht eine Zeile wiedererkennbar: derselbe Schlüssel beim nächsten Import aktualisiert den Eintrag, statt einen neuen anzulegen.",
		"Der Import ist ganz oder gar nicht: eine fehlerhafte Zeile, und nichts wird geschrieben. Die Probe (dry run) zeigt alle Fehler mit Zeile und Spalte.",
		"Blätter: " + sheetNames() + ".",
	}
	return out
}
