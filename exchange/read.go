package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Formats an import reads.
const (
	FormatCSV     = "csv"
	FormatXLSX    = "xlsx"
	FormatJSON    = "json"
	FormatGeoJSON = "geojson"
)

// table is one sheet of an input, read row by row.
type table interface {
	// name is the sheet name (XLSX) or "" (CSV, where the file name stands for the sheet).
	name() string
	// next returns the next row and its 1-based row number; io.EOF after the last.
	next() (row int, cells []string, err error)
	// close releases the table.
	close() error
}

// fileError is a problem with a file as a whole: it cannot be read, or is not what it says.
type fileError struct {
	file string
	row  int
	msg  string
}

func (e *fileError) Error() string {
	if e.row > 0 {
		return fmt.Sprintf("%s, row %d: %s", e.file, e.row, e.msg)
	}
	return e.file + ": " + e.msg
}

// DetectFormat tells the format of a file from its name and its first bytes.
func DetectFormat(name string, head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return FormatXLSX
	case strings.HasSuffix(strings.ToLower(name), ".geojson"):
		return FormatGeoJSON
	}
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		if t[0] == '[' || bytes.Contains(head, []byte(`"Feature`)) && !bytes.Contains(head, []byte(`"netzwerkatlas`)) {
			return FormatGeoJSON
		}
		return FormatJSON
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return FormatXLSX
	case ".json":
		return FormatJSON
	}
	return FormatCSV
}

// sniff reads the first bytes of a file.
func sniff(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:n], nil
}

// csvTable reads a CSV file.
type csvTable struct {
	r      *csv.Reader
	closer io.Closer
	limit  *rowLimiter
	// rows counts the records read; last is the line the last one ended on.
	rows, last int
	// Encoding and Delimiter as detected, for the report.
	encoding  string
	delimiter rune
}

func (t *csvTable) name() string { return "" }
func (t *csvTable) close() error {
	if t.closer != nil {
		return t.closer.Close()
	}
	return nil
}

func (t *csvTable) next() (int, []string, error) {
	for {
		rec, err := t.r.Read()
		if errors.Is(err, errRowTooLong) {
			return t.last + 1, nil, limitAt(t.last+1, 0, "the row is longer than %d KiB, the most a row may hold", maxRowBytes>>10)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return pe.StartLine, nil, &fileError{row: pe.StartLine, msg: csvMessage(pe)}
			}
			return 0, nil, err
		}
		if t.limit != nil {
			t.limit.rowTaken()
		}
		line, _ := t.r.FieldPos(0)
		t.last, _ = t.r.FieldPos(len(rec) - 1)
		t.rows++
		if err := checkRow(rec, line, t.rows); err != nil {
			return line, nil, err
		}
		if blank(rec) {
			continue
		}
		for i, c := range rec {
			rec[i] = unCSVSafe(c)
		}
		return line, rec, nil
	}
}

func csvMessage(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("a quotation mark in column %d is not where CSV allows one (a field with quotation marks must be enclosed in them, and inner ones doubled)", pe.Column)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("a bare quotation mark in column %d of an unquoted field; enclose the field in quotation marks and double the inner ones", pe.Column)
	}
	return pe.Err.Error()
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// openCSV prepares a CSV reader over r: UTF-8 (with or without BOM), UTF-16 with BOM, or
// Windows-1252 when the bytes are not valid UTF-8; the delimiter is whichever of ; , and tab
// the header line holds most often outside quotes. r is read once to check the encoding and
// then from the start again.
func openCSV(r io.ReadSeeker) (*csvTable, error) {
	head := make([]byte, 4)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	var dec io.Reader
	enc := "UTF-8"
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		dec = transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
		enc = "UTF-16"
	default:
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		valid, err := validUTF8(r)
		if err != nil {
			return nil, err
		}
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		if valid {
			dec = r
		} else {
			dec = charmap.Windows1252.NewDecoder().Reader(r)
			enc = "Windows-1252"
		}
	}
	lim := &rowLimiter{r: dec, limit: maxRowBytes}
	br := bufio.NewReaderSize(lim, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	first, _ := br.Peek(br.Size())
	delim := detectDelimiter(first)
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &csvTable{r: cr, limit: lim, encoding: enc, delimiter: delim}
	if c, ok := r.(io.Closer); ok {
		t.closer = c
	}
	return t, nil
}

// validUTF8 reports whether everything r yields is valid UTF-8, reading it in chunks.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		end := n
		if err == nil {
			// Keep an incomplete rune at the end for the next chunk.
			for i := 1; i <= 3 && i <= end; i++ {
				if utf8.RuneStart(buf[end-i]) {
					if !utf8.FullRune(buf[end-i : end]) {
						end -= i
					}
					break
				}
			}
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		carry = copy(buf, buf[end:n])
		if errors.Is(err, io.EOF) {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// detectDelimiter counts ; , and tab outside quotes in the first line of b.
func detectDelimiter(b []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(b) {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		switch c {
		case ';', ',', '\t':
			counts[c]++
		}
	}
	best := ';'
	for _, c := range []rune{';', ',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// xlsxBook is an XLSX workbook whose sheets are read one at a time.
type xlsxBook struct {
	f *excelize.File
}

// Bounds for reading workbooks, which checkWorkbook enforces before excelize opens one
// (limits.go); excelize's own limit trusts the sizes the archive declares. Worksheets and
// shared strings above the XML limit are unpacked to temporary files instead of memory.
const (
	xlsxUnzipLimit = maxXLSXTotal
	xlsxXMLLimit   = 8 << 20
)

func xlsxOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxXMLLimit}
}

// openXLSX opens the workbook at path, once checkWorkbook has found its parts within the
// bounds.
func openXLSX(path string) (b *xlsxBook, err error) {
	defer recoverAs(&err, "the workbook cannot be read")
	if err := checkWorkbookFile(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, xlsxOptions())
	if err != nil {
		return nil, xlsxError(err)
	}
	return &xlsxBook{f: f}, nil
}

// openXLSXBytes opens a workbook held in memory (fuzz tests).
func openXLSXBytes(data []byte) (b *xlsxBook, err error) {
	defer recoverAs(&err, "the workbook cannot be read")
	if err := checkWorkbook(bytes.NewReader(data), int64(len(data))); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions())
	if err != nil {
		return nil, xlsxError(err)
	}
	return &xlsxBook{f: f}, nil
}

func xlsxError(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "unzip size"):
		msg = "unpacks to more than " + fmt.Sprint(xlsxUnzipLimit>>20) + " MiB; split it"
	case strings.Contains(msg, "zip"):
		msg = "is not an XLSX workbook (not a valid zip archive): " + msg
	default:
		msg = "cannot be read as an XLSX workbook: " + msg
	}
	return &fileError{msg: msg}
}

// recoverAs turns a panic of the XLSX library on a malformed file into an error.
func recoverAs(err *error, msg string) {
	if r := recover(); r != nil {
		*err = &fileError{msg: fmt.Sprintf("%s (%v)", msg, r)}
	}
}

func (b *xlsxBook) sheets() []string { return b.f.GetSheetList() }

func (b *xlsxBook) close() error { return b.f.Close() }

// table opens one sheet.
func (b *xlsxBook) table(sheet string) (t table, err error) {
	defer recoverAs(&err, "sheet "+sheet+" cannot be read")
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, &fileError{msg: "sheet " + sheet + " cannot be read: " + err.Error()}
	}
	return &xlsxTable{sheet: sheet, rows: rows}, nil
}

type xlsxTable struct {
	sheet string
	rows  *excelize.Rows
	n     int
}

func (t *xlsxTable) name() string { return t.sheet }
func (t *xlsxTable) close() error { return t.rows.Close() }

func (t *xlsxTable) next() (row int, cells []string, err error) {
	defer recoverAs(&err, "sheet "+t.sheet+" cannot be read")
	for t.rows.Next() {
		t.n++
		cells, err := t.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return t.n, nil, &fileError{row: t.n, msg: "cannot be read: " + err.Error()}
		}
		if err := checkRow(cells, t.n, t.n); err != nil {
			return t.n, nil, err
		}
		if blank(cells) {
			continue
		}
		return t.n, cells, nil
	}
	if err := t.rows.Error(); err != nil {
		return t.n, nil, &fileError{row: t.n, msg: "cannot be read: " + err.Error()}
	}
	return t.n, nil, io.EOF
}
