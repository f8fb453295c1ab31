package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// The bounds an import is read within. A file beyond one is refused before it costs the
// memory, with a LimitError (HTTP 413). They are generous for a real county workbook: a
// sheet of 50,000 rows and 30 columns with a 450-character description in every row is
// 117 MB of sheet XML with inline strings, or 53 MB of sheet and 69 MB of shared strings,
// and packs 15:1 to 24:1 (docs/decisions.md, "Feindliche Eingaben").
const (
	// maxXLSXEntries bounds the parts of a workbook (a county workbook has 10 to 50).
	maxXLSXEntries = 1000
	// maxXLSXSheetPart bounds one worksheet's unpacked XML; larger ones than
	// xlsxXMLLimit are unpacked to a temporary file and read row by row.
	maxXLSXSheetPart = 256 << 20
	// maxXLSXSharedStrings bounds the shared strings; read from a temporary file like a
	// sheet, but excelize keeps an index entry (about 40 bytes) per string in memory.
	maxXLSXSharedStrings = 128 << 20
	// maxSharedStrings bounds the number of shared strings: reading a sheet indexes every one
	// (about 15 µs and 100 bytes each). A sheet of 50,000 rows × 30 columns has at most 1.5
	// million distinct strings.
	maxSharedStrings = 2_000_000
	// maxXLSXOtherPart bounds every other part (styles, workbook, content types,
	// relationships, theme, drawings, pictures, …): they are held and parsed in memory.
	maxXLSXOtherPart = 16 << 20
	// maxXLSXInMemory bounds the parts excelize keeps in memory together: all but the sheets
	// and shared strings above xlsxXMLLimit.
	maxXLSXInMemory = 128 << 20
	// maxXLSXTotal bounds the whole workbook unpacked.
	maxXLSXTotal = 512 << 20
	// maxXLSXRatio bounds how much a part may unpack per packed byte, for parts above
	// ratioFloor; real sheets pack 10:1 to 30:1, deflate cannot pass about 1,032:1.
	maxXLSXRatio = 200
	ratioFloor   = 1 << 20

	// maxCellBytes bounds one cell: Excel itself holds at most 32,767 characters in a
	// cell, and the longest field (a description) 10,000.
	maxCellBytes = 128 << 10
	// maxRowBytes bounds one CSV row (all its cells and delimiters).
	maxRowBytes = 1 << 20
	// maxColumns bounds the cells of a row; a sheet has at most 40 columns.
	maxColumns = 1000
	// maxRows bounds the rows of one sheet or CSV file: Excel's own limit.
	maxRows = 1 << 20
)

// LimitError says that an input goes beyond one of the bounds above: it is refused as a
// whole, nothing is written. The API answers 413 (Payload Too Large).
type LimitError struct {
	// File is the input's name.
	File string
	// Row is the 1-based row, 0 when the limit is not about a row.
	Row int
	// Column is the 1-based column, 0 when the limit is not about a cell.
	Column int
	// Format and Args are the English sentence (a catalogue key of msg/catalogue/problems.json).
	Format string
	Args   []any
}

// limitf is a LimitError saying format with args; the file's name is filled in by named.
func limitf(format string, args ...any) *LimitError {
	return &LimitError{Format: format, Args: args}
}

// limitAt is a LimitError about a row and (when not 0) a column.
func limitAt(row, column int, format string, args ...any) *LimitError {
	return &LimitError{Row: row, Column: column, Format: format, Args: args}
}

// Where names the place: "file, row N, column M".
func (e *LimitError) Where() string {
	parts := []string{}
	if e.File != "" {
		parts = append(parts, e.File)
	}
	if e.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", e.Row))
	}
	if e.Column > 0 {
		parts = append(parts, fmt.Sprintf("column %d", e.Column))
	}
	return strings.Join(parts, ", ")
}

func (e *LimitError) Error() string {
	text := fmt.Sprintf(e.Format, e.Args...)
	if w := e.Where(); w != "" {
		return w + ": " + text
	}
	return text
}

// checkWorkbook looks at a workbook's zip archive before excelize does, and refuses it when a
// part, all parts together, or the parts held in memory would unpack beyond the bounds, or
// pack more densely than a real workbook does. It does not trust the sizes the archive
// declares: every part is unpacked once through a counter (into nothing), and one that holds
// more than it declares is refused as soon as it passes its bound or the ratio. A file that
// is no zip archive is a fileError.
func checkWorkbook(r io.ReaderAt, size int64) error {
	// zip.NewReader keeps a few hundred bytes per directory entry, whatever the entries
	// count the archive declares: count the entries' signatures first. Every entry it parses
	// starts with one, so this is an upper bound.
	n, err := countSignatures(io.NewSectionReader(r, 0, size), []byte("PK\x01\x02"), maxXLSXEntries)
	if err != nil {
		return &fileError{msg: "cannot be read: " + err.Error()}
	}
	if n > maxXLSXEntries {
		return limitf("the workbook holds more than %d parts; a workbook has a few dozen", maxXLSXEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return &fileError{msg: "is not an XLSX workbook (not a valid zip archive): " + err.Error()}
	}
	if len(zr.File) > maxXLSXEntries {
		return limitf("the workbook holds more than %d parts; a workbook has a few dozen", maxXLSXEntries)
	}
	// First what the archive declares, which costs nothing to check.
	var total, inMemory uint64
	for _, f := range zr.File {
		limit, spooled := partLimit(f.Name, f.UncompressedSize64)
		if f.UncompressedSize64 > limit {
			return limitf("part %s unpacks to %d MiB, more than the %d MiB allowed", f.Name, mib(f.UncompressedSize64), mib(limit))
		}
		if tooDense(f.UncompressedSize64, f.CompressedSize64) {
			return limitf("part %s unpacks %d times its packed size, more than the %d times allowed (a zip bomb?)", f.Name, f.UncompressedSize64/max(1, f.CompressedSize64), maxXLSXRatio)
		}
		total += f.UncompressedSize64
		if !spooled {
			inMemory += f.UncompressedSize64
		}
	}
	if total > maxXLSXTotal {
		return limitf("the workbook unpacks to %d MiB, more than the %d MiB allowed", mib(total), mib(maxXLSXTotal))
	}
	if inMemory > maxXLSXInMemory {
		return limitf("the workbook's parts other than large sheets unpack to %d MiB, more than the %d MiB allowed", mib(inMemory), mib(maxXLSXInMemory))
	}
	// Then what the parts really hold.
	total = 0
	for _, f := range zr.File {
		got, err := unpackedSize(f)
		if err != nil {
			return err
		}
		total += got
		if total > maxXLSXTotal {
			return limitf("the workbook unpacks to %d MiB, more than the %d MiB allowed", mib(total), mib(maxXLSXTotal))
		}
	}
	return nil
}

// partLimit is the bound on a part's unpacked size, and whether excelize unpacks a part of
// that size to a temporary file rather than into memory.
func partLimit(name string, size uint64) (limit uint64, spooled bool) {
	lower := strings.ToLower(strings.ReplaceAll(name, `\`, "/"))
	switch {
	case strings.HasPrefix(lower, "xl/worksheets/sheet"):
		return maxXLSXSheetPart, size > xlsxXMLLimit
	case lower == "xl/sharedstrings.xml":
		return maxXLSXSharedStrings, size > xlsxXMLLimit
	}
	return maxXLSXOtherPart, false
}

// tooDense reports whether a part unpacks more than maxXLSXRatio times its packed size;
// small parts may (a short XML file of repeated elements packs well and costs nothing).
func tooDense(unpacked, packed uint64) bool {
	return unpacked > ratioFloor && unpacked/max(1, packed) >= maxXLSXRatio
}

// unpackedSize unpacks a part into nothing and returns its real size; it stops with a
// LimitError as soon as the part passes its bound or the ratio, and with a fileError when
// it holds other than it declares.
func unpackedSize(f *zip.File) (uint64, error) {
	r, err := f.OpenRaw()
	if err != nil {
		return 0, &fileError{msg: fmt.Sprintf("part %s cannot be read: %v", f.Name, err)}
	}
	// The ratio is taken against the packed bytes really read, not the declared packed size.
	raw := &countingReader{r: r}
	var rd io.Reader
	switch f.Method {
	case zip.Store:
		rd = raw
	case zip.Deflate:
		fr := flate.NewReader(raw)
		defer fr.Close()
		rd = fr
	default:
		return 0, &fileError{msg: fmt.Sprintf("part %s is packed with method %d; XLSX uses deflate", f.Name, f.Method)}
	}
	limit, _ := partLimit(f.Name, 0)
	sst := strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), "xl/sharedStrings.xml")
	var tags tagCounter
	buf := make([]byte, 32<<10)
	var n uint64
	for {
		k, err := rd.Read(buf)
		n += uint64(k)
		if sst {
			if tags.write(buf[:k]); tags.n > maxSharedStrings {
				return n, limitf("part %s holds more than %d shared strings, the most allowed", f.Name, maxSharedStrings)
			}
		}
		if n > limit {
			return n, limitf("part %s unpacks to more than %d MiB, the most allowed", f.Name, mib(limit))
		}
		if tooDense(n, raw.n) {
			return n, limitf("part %s unpacks more than %d times its packed size (a zip bomb?)", f.Name, maxXLSXRatio)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, &fileError{msg: fmt.Sprintf("part %s is damaged: %v", f.Name, err)}
		}
	}
	if n != f.UncompressedSize64 {
		return n, &fileError{msg: fmt.Sprintf("part %s is damaged: it holds %d bytes, its directory entry says %d", f.Name, n, f.UncompressedSize64)}
	}
	return n, nil
}

// stringTags are the starts of a shared string's element, with or without a namespace prefix
// (an overcount in text is harmless: the count only bounds).
var stringTags = [][]byte{[]byte("<si>"), []byte("<si "), []byte("<si/"), []byte(":si>"), []byte(":si "), []byte(":si/")}

// tagCounter counts shared strings' tags in a text given in pieces.
type tagCounter struct {
	// window is the last 3 bytes of what came before, then the new piece: a tag astride two
	// pieces is counted, and once, since no tag fits in 3 bytes.
	window []byte
	n      uint64
}

func (c *tagCounter) write(p []byte) {
	c.window = append(c.window, p...)
	c.n += countStringTags(c.window)
	keep := min(3, len(c.window))
	c.window = append(c.window[:0], c.window[len(c.window)-keep:]...)
}

func countStringTags(b []byte) uint64 {
	var n int
	for _, t := range stringTags {
		n += bytes.Count(b, t)
	}
	return uint64(n)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n uint64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += uint64(k)
	return k, err
}

func mib(n uint64) uint64 { return (n + 1<<20 - 1) >> 20 }

// countSignatures counts sig in r, stopping once it passes limit.
func countSignatures(r io.Reader, sig []byte, limit int) (int, error) {
	buf := make([]byte, 1<<20)
	keep := len(sig) - 1
	n, have := 0, 0
	for {
		k, err := io.ReadFull(r, buf[have:])
		k += have
		n += bytes.Count(buf[:k], sig)
		if n > limit {
			return n, nil
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		// Keep the tail for a signature across the boundary; it cannot be a whole one.
		have = copy(buf, buf[k-keep:k])
	}
}

// rowLimiter sits below a CSV reader's buffer and refuses to yield more than maxRowBytes
// (plus the buffer's read-ahead) since the last row was taken, so that one enormous cell or
// line costs at most that much memory.
type rowLimiter struct {
	r     io.Reader
	n     int64
	limit int64
}

// errRowTooLong is the rowLimiter's refusal; csvTable turns it into a LimitError with the row.
var errRowTooLong = errors.New("row too long")

func (l *rowLimiter) Read(p []byte) (int, error) {
	if l.n >= l.limit {
		return 0, errRowTooLong
	}
	if room := l.limit - l.n; int64(len(p)) > room {
		p = p[:room]
	}
	k, err := l.r.Read(p)
	l.n += int64(k)
	return k, err
}

// rowTaken starts the count for the next row.
func (l *rowLimiter) rowTaken() { l.n = 0 }

// checkRow refuses a row beyond the bounds on cells, their size, and rows: row is its number,
// count how many rows the table has yielded so far.
func checkRow(cells []string, row, count int) error {
	if count > maxRows {
		return limitAt(row, 0, "the table has more than %d rows, the most read from one sheet or file", maxRows)
	}
	if len(cells) > maxColumns {
		return limitAt(row, maxColumns+1, "the row has %d columns, more than the %d read", len(cells), maxColumns)
	}
	for i, c := range cells {
		if len(c) > maxCellBytes {
			return limitAt(row, i+1, "the cell holds %d KiB, more than the %d KiB a cell may hold", len(c)>>10, maxCellBytes>>10)
		}
	}
	return nil
}

// checkWorkbookFile is checkWorkbook for the file at path.
func checkWorkbookFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &fileError{msg: "cannot be opened: " + err.Error()}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return &fileError{msg: "cannot be opened: " + err.Error()}
	}
	return checkWorkbook(f, st.Size())
}
