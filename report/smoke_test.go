package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSmokeAllFormats renders the realistic sample (two fields of action, a table of 60
// measures, three charts, every class) in every format into the test's folder, and with
// NETZWERKATLAS_ARTIFACTS=dir also into dir, for a person to open them. HTML and DOCX are
// deterministic: the same document gives the same bytes. PDF and XLSX are equal in content
// only: fpdf writes images of equal width in map order (putimages sorts by width only), and
// excelize zips its parts in map order.
func TestSmokeAllFormats(t *testing.T) {
	dir := t.TempDir()
	artifacts := os.Getenv("NETZWERKATLAS_ARTIFACTS")
	if artifacts != "" {
		if err := os.MkdirAll(artifacts, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range Formats {
		out := sampleOutputs()[f]
		name := "sachstandsbericht" + FileExtension(f)
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			t.Fatal(err)
		}
		if artifacts != "" {
			p := filepath.Join(artifacts, name)
			if err := os.WriteFile(p, out, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s (%d bytes)", f, p, len(out))
		}
		if again := render(t, sampleDocument(), f); (f == FormatHTML || f == FormatDOCX) && !bytes.Equal(again, out) {
			t.Errorf("%s: two renderings of the same document differ", f)
		}
	}
}

// BenchmarkWrite renders the sample in each format and reports the output's size.
func BenchmarkWrite(b *testing.B) {
	d := sampleDocument()
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			var n int
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, d, f); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes/doc")
		})
	}
}
