package report

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// poppler returns the path of a poppler tool (pdftotext, pdfinfo). Without it the test
// skips — unless NETZWERKATLAS_TEST_REPORTS is set (CI), then it fails.
func poppler(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if demandReports() {
			t.Fatalf("%s is missing and NETZWERKATLAS_TEST_REPORTS demands the report readers (apt-get install -y poppler-utils)", tool)
		}
		t.Skipf("%s is missing (apt-get install -y poppler-utils); set NETZWERKATLAS_TEST_REPORTS=1 to make this a failure", tool)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfInfo returns pdfinfo's fields.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(run(t, poppler(t, "pdfinfo"), path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// TestPDFReadBack reads the PDF with poppler: metadata, A4 pages, the texts with umlauts,
// ß and en dash (so the font is embedded with those glyphs and a Unicode map), a table
// cell, the page footer "Seite 1 von N" with the real N, and the repeated header row of
// the long table.
func TestPDFReadBack(t *testing.T) {
	pdftotext := poppler(t, "pdftotext")
	path := writeTemp(t, "bericht.pdf", sampleOutputs()[FormatPDF])

	info := pdfInfo(t, path)
	if info["Title"] != markTitle || !strings.Contains(info["Author"], "Recklinghausen") {
		t.Errorf("metadata: %v", info)
	}
	if !strings.HasPrefix(info["Page size"], "595.28 x 841.89 pts") {
		t.Errorf("page size %q, want A4", info["Page size"])
	}
	pages, err := strconv.Atoi(info["Pages"])
	if err != nil || pages < 2 {
		t.Fatalf("pages %q, want at least 2", info["Pages"])
	}
	// Every font embedded (as a subset) with a Unicode map: columns emb, sub, uni, object.
	fonts := run(t, poppler(t, "pdffonts"), path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 6 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded with a Unicode map: %s", l)
		}
	}

	all := run(t, pdftotext, "-layout", path, "-")
	for _, want := range []string{markTitle, markHeading1, markHeading2, markUmlauts, markCell, "Kreis Recklinghausen – Fortschreibung 2024", "Erstellt am 03.12.2026", "Tabelle 2: " + markMeasures, "Kosten (€)", "1250,50", "nicht auf Kurs", "keine Daten", "Abbildung 3: Geflüchtete im Langzeitleistungsbezug", "Inhalt"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for p := 1; p <= pages; p++ {
		page := run(t, pdftotext, "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-")
		want := "Seite " + strconv.Itoa(p) + " von " + strconv.Itoa(pages)
		if !strings.Contains(page, want) {
			t.Errorf("page %d lacks %q", p, want)
		}
	}
	// The long table goes over at least two pages, each with the header row.
	headers := regexp.MustCompile(`Nr\.\s+Maßnahme\s+Kommune\s+Beginn`).FindAllString(all, -1)
	if len(headers) < 2 {
		t.Errorf("the measures table's header appears %d times, want one per page (≥ 2)", len(headers))
	}
	if !strings.Contains(all, "(Fortsetzung)") {
		t.Error("no continued caption")
	}
	// The table of contents has the page numbers of the headings.
	toc := regexp.MustCompile(`Handlungsfeld Arbeitsmarkt\s+(\d+)`).FindStringSubmatch(all)
	if toc == nil {
		t.Fatal("no TOC entry for Handlungsfeld Arbeitsmarkt")
	}
	p, _ := strconv.Atoi(toc[1])
	page := run(t, pdftotext, "-layout", "-f", toc[1], "-l", toc[1], path, "-")
	if p < 2 || !strings.Contains(page, markHeading2) {
		t.Errorf("TOC says page %s for %q, which does not show it", toc[1], markHeading2)
	}
	if strings.Contains(all, "{toc") || strings.Contains(all, "{nb}") {
		t.Error("an unreplaced alias")
	}
}

// TestPDFShort: a document of one page says "Seite 1 von 1".
func TestPDFShort(t *testing.T) {
	pdftotext := poppler(t, "pdftotext")
	d := &Document{Title: "Kurz", Blocks: []Block{ParagraphBlock("Ohne Ziffern.", "")}}
	path := writeTemp(t, "kurz.pdf", render(t, d, FormatPDF))
	if got := pdfInfo(t, path)["Pages"]; got != "1" {
		t.Fatalf("pages %s", got)
	}
	if out := run(t, pdftotext, path, "-"); !strings.Contains(out, "Seite 1 von 1") || !strings.Contains(out, "Ohne Ziffern.") {
		t.Errorf("text:\n%s", out)
	}
}
