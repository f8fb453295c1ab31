// Package hostile crafts hostile inputs for the hostile-input tests and the memory benchmark
// (internal/hostile/bench): zip bombs in each part of an XLSX workbook, parts whose directory
// entries lie about their size, deeply nested JSON, huge CSV cells and rows of many columns.
// It is test support: the service must never import it.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strings"
)

// Parts are the workbook parts a bomb is put in: the shared strings, a sheet, the styles, the
// workbook, the content types and a document property part (everything else).
var Parts = []string{"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml", "docProps/app.xml"}

// filler is what a bomb repeats inside a part, and the closing tag it goes before: elements
// the XML library really parses where that costs memory, a comment elsewhere.
func filler(part string) (fill, before string) {
	switch part {
	case "xl/sharedStrings.xml":
		return "<si><t>x</t></si>", "</sst>"
	case "xl/worksheets/sheet1.xml":
		return `<row><c t="inlineStr"><is><t>x</t></is></c></row>`, "</sheetData>"
	case "xl/styles.xml":
		return `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, "</cellXfs>"
	}
	return "<!--xxxxxxxxxxxxxxxx-->", ""
}

// Bomb returns the workbook base with part grown to about n bytes (filler repeated inside it),
// packed honestly: the archive declares the sizes the part really has. A part base lacks
// (the shared strings of a workbook with inline strings) is added.
func Bomb(base []byte, part string, n int64) ([]byte, error) { return grow(base, part, n, false) }

// Varied is Bomb with every repetition numbered, so that the part packs about as well as
// real data (10:1 to 20:1): an input just inside the bounds that only the bounds on size,
// not the ratio, keep in check.
func Varied(base []byte, part string, n int64) ([]byte, error) { return grow(base, part, n, true) }

func grow(base []byte, part string, n int64, varied bool) ([]byte, error) {
	orig, err := content(base, part)
	if err != nil {
		return nil, err
	}
	fill, before := filler(part)
	if orig == nil && part == "xl/sharedStrings.xml" {
		orig = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>`)
	}
	at := len(orig)
	if before != "" {
		at = bytes.LastIndex(orig, []byte(before))
	} else {
		at = bytes.LastIndex(orig, []byte("</"))
	}
	if at < 0 {
		return nil, fmt.Errorf("part %s has no %q to grow before", part, before)
	}
	return rewrite(base, []string{part}, func(w *zip.Writer) error {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := fw.Write(orig[:at]); err != nil {
			return err
		}
		chunk := []byte(strings.Repeat(fill, max(1, (64<<10)/len(fill))))
		for i, written := 0, int64(len(orig)); written < n; i++ {
			if varied {
				chunk = chunk[:0]
				for len(chunk) < 64<<10 {
					chunk = append(chunk, numbered(part, i)...)
					i++
				}
			}
			if _, err := fw.Write(chunk); err != nil {
				return err
			}
			written += int64(len(chunk))
		}
		_, err = fw.Write(orig[at:])
		return err
	})
}

// numbered is the i-th repetition of a varied filler.
func numbered(part string, i int) string {
	switch part {
	case "xl/sharedStrings.xml":
		return fmt.Sprintf("<si><t>Beratungsangebot Nummer %07x in der Gemeinde</t></si>", i)
	case "xl/worksheets/sheet1.xml":
		return fmt.Sprintf(`<row><c t="inlineStr"><is><t>x%07x</t></is></c></row>`, i)
	case "xl/styles.xml":
		return fmt.Sprintf(`<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"/>`, i)
	}
	return fmt.Sprintf("<!--%07x-->", i)
}

// Declared returns base with the parts' directory entries declaring unpacked bytes packed
// into packed, although each holds only a short valid XML text: the bomb as the directory
// tells it, which a reader trusting the directory allocates for. (Such an archive cannot be
// rewritten again: a copy would take the declared packed size.)
func Declared(base []byte, unpacked, packed uint64, parts ...string) ([]byte, error) {
	text := []byte(`<?xml version="1.0"?><x/>`)
	raw := Deflate(text)
	return rewrite(base, parts, func(w *zip.Writer) error {
		for _, part := range parts {
			fw, err := w.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(text),
				CompressedSize64: packed, UncompressedSize64: unpacked})
			if err != nil {
				return err
			}
			if _, err = fw.Write(raw); err != nil {
				return err
			}
		}
		return nil
	})
}

// Lying returns base with part's directory entry declaring declared bytes while its packed
// data unpacks to text: a bomb that hides behind a small declared size.
func Lying(base []byte, part string, declared uint64, text []byte) ([]byte, error) {
	raw := Deflate(text)
	return rewrite(base, []string{part}, func(w *zip.Writer) error {
		fw, err := w.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(text),
			CompressedSize64: uint64(len(raw)), UncompressedSize64: declared})
		if err != nil {
			return err
		}
		_, err = fw.Write(raw)
		return err
	})
}

// Raw returns base with part's entry holding the packed bytes raw and declaring the sizes
// unpacked and packed, whatever raw holds.
func Raw(base []byte, part string, raw []byte, unpacked, packed uint64) ([]byte, error) {
	return rewrite(base, []string{part}, func(w *zip.Writer) error {
		fw, err := w.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CompressedSize64: packed, UncompressedSize64: unpacked})
		if err != nil {
			return err
		}
		_, err = fw.Write(raw)
		return err
	})
}

// Stored returns base with part holding text unpacked (zip's method "store"), honestly.
func Stored(base []byte, part string, text []byte) ([]byte, error) {
	return rewrite(base, []string{part}, func(w *zip.Writer) error {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Store})
		if err != nil {
			return err
		}
		_, err = fw.Write(text)
		return err
	})
}

// ManyParts returns base with n small parts added.
func ManyParts(base []byte, n int) ([]byte, error) {
	return rewrite(base, nil, func(w *zip.Writer) error {
		for i := range n {
			fw, err := w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("xl/extra/part%d.xml", i), Method: zip.Store})
			if err != nil {
				return err
			}
			if _, err := io.WriteString(fw, "<x/>"); err != nil {
				return err
			}
		}
		return nil
	})
}

// Deflate packs b.
func Deflate(b []byte) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	_, _ = fw.Write(b)
	_ = fw.Close()
	return buf.Bytes()
}

// content returns the unpacked content of part in the archive b, nil when it has none.
func content(b []byte, part string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, nil
}

// rewrite copies the archive b without the parts named, then lets add write entries.
func rewrite(b []byte, without []string, add func(*zip.Writer) error) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range zr.File {
		if slices.Contains(without, f.Name) {
			continue
		}
		if err := w.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := add(w); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// NestedJSON is a JSON text that opens depth arrays (or objects with key "a") and closes them.
func NestedJSON(depth int, objects bool) []byte {
	if objects {
		return []byte(strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth))
	}
	return []byte(strings.Repeat("[", depth) + strings.Repeat("]", depth))
}

// CSVHugeCell is an organisations CSV whose second row's name cell holds n bytes.
func CSVHugeCell(n int) []byte {
	return []byte("Name;Kreis;Art\n" + strings.Repeat("x", n) + ";09991;Verein\n")
}

// CSVColumns is an organisations CSV (a header of three columns) with rows rows of cols
// columns each.
func CSVColumns(cols, rows int) []byte {
	line := "Verein;09991;Verein" + strings.Repeat(";a", cols-3) + "\n"
	return []byte("Name;Kreis;Art\n" + strings.Repeat(line, rows))
}

// CSVLongLine is a CSV whose one line holds n bytes without a line break.
func CSVLongLine(n int) []byte {
	return bytes.Repeat([]byte("y"), n)
}
