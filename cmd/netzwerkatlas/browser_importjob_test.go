package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportJob: a coordinator checks and imports a measures file of 1.2 MB (4,000
// rows for Kreis Recklinghausen). The service runs both as jobs; the view shows their progress
// — a progress bar with the rows read and valid, and Abbrechen — and then the same report as
// for a small file. The measures are in the directory afterwards.
func TestBrowserImportJob(t *testing.T) {
	const rows = 4000
	var b strings.Builder
	b.WriteString("Titel;Kreis;Status;Ebene;Handlungsfelder;Zielgruppen;Gemeinden;Träger;Beschreibung\n")
	for i := range rows {
		fmt.Fprintf(&b, "Lernpatenschaft Nummer %d für Kinder in Marl;05562;aktiv;operativ;Bildung und Sprache;Eltern;Marl;Flüchtlingshilfe Marl e.V.;Ehrenamtliche begleiten Kinder beim Lernen, einmal in der Woche im Stadtteilbüro. Eltern sind willkommen, Dolmetscherinnen für Arabisch, Türkisch und Ukrainisch helfen beim ersten Gespräch.\n", i+1)
	}
	file := filepath.Join(t.TempDir(), "massnahmen.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if b.Len() < 1<<20 {
		t.Fatalf("the file has %d bytes: too small to run as a job", b.Len())
	}

	p := openApp(t)
	p.signIn("admin", adminPassword)
	before := countMeasures(p)
	p.goTo("/verwaltung?region=05562")
	p.waitFor("the import form", `document.querySelector('#import-form') !== null`)
	// Everything the progress panel shows while it is there is written down.
	eval[bool](p, `(() => {
		window.progressSeen = [];
		new MutationObserver(() => {
			const box = document.querySelector('#import-progress');
			if (!box || !box.isConnected) return;
			const bar = box.querySelector('progress');
			window.progressSeen.push({ state: box.dataset.state, phase: box.dataset.phase, text: box.querySelector('#import-progress-text').textContent,
				label: box.querySelector('label').textContent, max: bar.max, cancel: box.querySelector('#import-cancel').textContent });
		}).observe(document.querySelector('#import-result'), { childList: true, subtree: true, characterData: true, attributes: true });
		return true;
	})()`)
	p.do(chromedp.SetUploadFiles(chromedp.CSS(`#import-files`), []string{file}))
	p.waitFor("the chosen file", `document.querySelector('#import-chosen [data-file="massnahmen.csv"]') !== null`)
	p.click(`#import-check`)
	p.waitFor("a clean check", `document.querySelector('#import-result')?.dataset.state === 'clean'`)
	if s := p.text(`#import-result`); !strings.Contains(s, "Keine Probleme gefunden") || !strings.Contains(s, "4.000 Einträge neu angelegt") {
		t.Errorf("the check of the job says:\n%s", s)
	}
	type seen struct {
		State, Phase, Text, Label, Cancel string
		Max                               float64
	}
	steps := eval[[]seen](p, `window.progressSeen`)
	if len(steps) == 0 {
		t.Fatal("the check ran as a job but no progress was shown")
	}
	first := steps[0]
	if !strings.Contains(first.Label, "Fortschritt des Imports") || first.Cancel != "Abbrechen" || first.Max < 1<<20 {
		t.Errorf("the progress panel: %+v", first)
	}
	texts := []string{}
	for _, s := range steps {
		texts = append(texts, s.Text)
	}
	all := strings.Join(texts, " | ")
	if !strings.Contains(all, "wartet") && !strings.Contains(all, "Gelesen") && !strings.Contains(all, "Zeilen gelesen") {
		t.Errorf("the progress texts say neither waiting nor reading: %s", all)
	}
	t.Logf("progress shown during the check: %d updates, e.g. %q", len(steps), texts[len(texts)-1])
	p.axe(t, "#import")

	p.click(`#import-run`)
	// Writing 4,000 measures with their 16,000 relationships and audit entries takes a while
	// under the race detector.
	p.waitWithin(2*time.Minute, "the import", `document.querySelector('#import-result')?.dataset.state === 'done'`)
	if s := p.text(`#import-result`); !strings.Contains(s, "Import abgeschlossen.") || !strings.Contains(s, "4.000 Einträge neu angelegt") {
		t.Errorf("the import of the job says:\n%s", s)
	}
	if after := countMeasures(p); after != before+rows {
		t.Errorf("%d measures after the import, want %d + %d", after, before, rows)
	}
}

// countMeasures counts the measures of Kreis Recklinghausen through the API as admin.
func countMeasures(p *page) int {
	p.t.Helper()
	var page struct{ Total int }
	if code := p.apiJSON("GET", "/api/v1/measures?region=05562&limit=1", p.adminToken(), nil, nil, &page); code != 200 {
		p.t.Fatalf("counting measures: %d", code)
	}
	return page.Total
}
