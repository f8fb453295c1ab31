package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImport: an administrator takes the CSV template of the measures sheet for Kreis
// Recklinghausen from the Verwaltung view, fills in a new measure with a misspelt
// municipality ("Marll") and lets the view check it: the preview names the row and column
// and suggests "Marl", and Importieren stays disabled. The corrected file (dropped onto the
// same form) checks clean, is imported, the counts are shown, and the new measure is found in
// the Verzeichnis.
func TestBrowserImport(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.goTo("/verwaltung?region=05562")
	p.waitFor("the import form", `document.querySelector('#import-form') !== null &&
		document.querySelector('#downloads-exports [data-format="xlsx"] a') !== null`)

	// Every download link answers with a file.
	links := eval[[]string](p, `[...document.querySelectorAll('#downloads a[download]')].map(a => a.href)`)
	if len(links) != 2+7+6 {
		t.Errorf("%d download links, want 2 templates, 7 sheet templates and 6 exports: %v", len(links), links)
	}
	for _, link := range links {
		if !strings.Contains(link, "region=05562") {
			t.Errorf("the link %s is not for the region chosen in the address", link)
		}
		resp, err := http.Head(link)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("HEAD %s: %d, Content-Disposition %q", link, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	}
	p.shotAt("verwaltung-downloads", "#downloads")

	// The measures template of the county, filled with one new measure.
	template := eval[string](p, `document.querySelector('#downloads [data-template="csv-measures"]').href`)
	resp, err := http.Get(template)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", template, resp.StatusCode, err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil || len(records) != 2 || !strings.HasPrefix(records[1][0], "#") {
		t.Fatalf("the template is not a header and an explanation row (%v):\n%s", err, body)
	}
	measure := map[string]string{
		"Titel": "Elterncafé International Marl", "Kreis": "05562", "Status": "aktiv", "Ebene": "operativ",
		"Beschreibung": "Offener Treffpunkt für Eltern aus aller Welt, mit Kinderbetreuung.",
		"Sprachen":     "de; ar; tr", "Format": "Präsenz", "Teilnahmegebühr": "0", "Träger": "Flüchtlingshilfe Marl e.V.",
		"Handlungsfelder": "Bildung und Sprache", "Zielgruppen": "Eltern", "Gemeinden": "Marll", "Sichtbarkeit": "öffentlich",
	}
	fill := func(municipality string) string {
		measure["Gemeinden"] = municipality
		row := make([]string, len(records[0]))
		for i, col := range records[0] {
			row[i] = measure[col]
		}
		var out bytes.Buffer
		out.WriteString("\ufeff")
		w := csv.NewWriter(&out)
		w.Comma = ';'
		w.UseCRLF = true
		if err := w.WriteAll(append(records[:2:2], row)); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	for col := range measure {
		if !slices.Contains(records[0], col) {
			t.Fatalf("the template has no column %s: %v", col, records[0])
		}
	}
	wrong := filepath.Join(t.TempDir(), "massnahmen.csv")
	if err := os.WriteFile(wrong, []byte(fill("Marll")), 0o644); err != nil {
		t.Fatal(err)
	}

	p.do(chromedp.SetUploadFiles(chromedp.CSS(`#import-files`), []string{wrong}))
	p.waitFor("the chosen file", `document.querySelector('#import-chosen [data-file="massnahmen.csv"]') !== null`)
	p.choose(`#import-region`, "Kreis Recklinghausen")
	p.click(`#import-check`)
	p.waitFor("the check's problems", `document.querySelector('#import-result')?.dataset.state === 'problems'`)
	problem := p.text(`#import-problems tr[data-row="3"][data-column="Gemeinden"]`)
	for _, want := range []string{"massnahmen.csv", "Maßnahmen", "3", "Gemeinden", "Marll", "Unbekannter Name"} {
		if !strings.Contains(problem, want) {
			t.Errorf("the problem row lacks %q:\n%s", want, problem)
		}
	}
	if s := p.text(`#import-problems tr[data-row="3"] .suggestions`); !strings.Contains(s, "Marl") {
		t.Errorf("the suggestions %q do not name Marl", s)
	}
	if n := eval[int](p, `document.querySelectorAll('#import-problems tbody tr').length`); n != 1 {
		t.Errorf("%d problems listed, want the one planted", n)
	}
	if !eval[bool](p, `document.querySelector('#import-run').disabled`) {
		t.Error("Importieren is enabled although the check found a problem")
	}
	p.shotAt("verwaltung-import-pruefung", "#import-dropzone")

	// The corrected file, dropped onto the form, takes the place of the faulty one.
	fixed, err := json.Marshal(fill("Marl"))
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](p, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([`+string(fixed)+`], 'massnahmen.csv', { type: 'text/csv' }));
		const zone = document.querySelector('#import-dropzone');
		for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
		return true;
	})()`)
	p.waitFor("the check to be forgotten", `document.querySelector('#import-result')?.dataset.state === 'idle'`)
	if n := eval[int](p, `document.querySelectorAll('#import-chosen [data-file]').length`); n != 1 {
		t.Errorf("%d files chosen after dropping the corrected one, want 1", n)
	}
	p.click(`#import-check`)
	p.waitFor("a clean check", `document.querySelector('#import-result')?.dataset.state === 'clean'`)
	if s := p.text(`#import-result`); !strings.Contains(s, "Keine Probleme gefunden") || !strings.Contains(s, "1 Eintrag neu angelegt") {
		t.Errorf("the clean check says:\n%s", s)
	}
	p.click(`#import-run`)
	p.waitFor("the import", `document.querySelector('#import-result')?.dataset.state === 'done'`)
	done := p.text(`#import-result`)
	for _, want := range []string{"Import abgeschlossen.", "1 Eintrag neu angelegt, 0 geändert, 0 unverändert."} {
		if !strings.Contains(done, want) {
			t.Errorf("the result lacks %q:\n%s", want, done)
		}
	}
	if row := p.text(`#import-summary tr[data-sheet="Maßnahmen"]`); !strings.Contains(row, "massnahmen.csv") {
		t.Errorf("the summary row: %q", row)
	}
	p.shotAt("verwaltung-import-fertig", "#import")

	p.goTo("/verzeichnis?region=05562&q=Elterncaf%C3%A9%20International")
	p.waitFor("the new measure in the search", `document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
		[...document.querySelectorAll('#search-results .hit-title')].some(e => e.textContent.includes('Elterncafé International Marl'))`)
	p.click(`#search-results .hit-title a`)
	p.waitFor("its detail page", `location.pathname.startsWith('/verzeichnis/massnahme/') &&
		document.querySelector('[data-section="providers"] a') !== null`)
	detail := p.text(`main`)
	for _, want := range []string{"Elterncafé International Marl", "Flüchtlingshilfe Marl e.V.", "Marl", "Eltern"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the imported measure's page lacks %q", want)
		}
	}
}
