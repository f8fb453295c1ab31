package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestBrowserDublettenAbstimmung: a coordinator marks a parallel offer of Kreis Recklinghausen
// "Abstimmung angestoßen" with a deadline typed as TT.MM.JJJJ (a date that does not exist is
// refused, naming the field); the pair stays in the queue marked "In Abstimmung bis …". In
// the Steuerung, "Laufende Abstimmungen" lists it with both offers, their providers and the
// deadline, and another one whose deadline has passed as "überfällig" in words, first; its
// link opens the pair in Dubletten with the focus on it. axe-core finds nothing critical or
// serious at 1280 and 390 px.
func TestBrowserDublettenAbstimmung(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	token := p.adminToken()

	// Two parallel offers of the demo: one to mark in the browser, one marked long ago.
	var dups struct {
		Pairs []struct {
			A      string `json:"a"`
			B      string `json:"b"`
			TitleA string `json:"title_a"`
			TitleB string `json:"title_b"`
			Kind   string `json:"kind"`
		} `json:"pairs"`
	}
	if code := p.apiJSON("GET", "/api/v1/analysis/duplicates?region=05562", token, nil, nil, &dups); code != 200 {
		t.Fatalf("duplicates: status %d", code)
	}
	var parallel []int
	for i, pr := range dups.Pairs {
		if pr.Kind == "parallel_offer" {
			parallel = append(parallel, i)
		}
	}
	if len(parallel) < 2 {
		t.Fatalf("the demo has %d parallel offers, want two", len(parallel))
	}
	mine, late := dups.Pairs[parallel[0]], dups.Pairs[parallel[1]]
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		berlin = time.UTC
	}
	now := time.Now().In(berlin)
	yesterday := graph.Date(now.AddDate(0, 0, -1).Format(time.DateOnly))
	if _, err := p.m.Store().Relate(context.Background(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: late.A, To: late.B},
		Props: graph.RelProps{Verdict: graph.VerdictCoordinating, Due: yesterday, By: "admin", At: now.AddDate(0, -1, 0).UTC().Truncate(time.Second)}}); err != nil {
		t.Fatal(err)
	}
	due := now.AddDate(0, 1, 0)
	dueTyped := due.Format("02.01.2006")

	p.goTo("/dubletten?region=05562&kind=parallel_offer")
	key := mine.A + "|" + mine.B
	sel := fmt.Sprintf(`#dup-queue [data-pair=%q]`, key)
	p.waitFor("the parallel offer with its coordination form", `document.querySelector('`+sel+` .dup-coordinate input') !== null`)
	// The overdue one stays in the queue, marked in words.
	lateSel := fmt.Sprintf(`#dup-queue [data-pair=%q]`, late.A+"|"+late.B)
	p.waitFor("the overdue pair marked", `document.querySelector('`+lateSel+` .dup-coordinating.overdue')?.textContent.includes('überschritten')`)

	input := sel + ` .dup-coordinate input`
	p.fill(input, "31.02.2027")
	p.click(sel + ` .dup-coordinate button[data-verdict="coordinating"]`)
	p.waitFor("the refused date, named", `document.querySelector('`+input+`')?.getAttribute('aria-invalid') === 'true' &&
		document.getElementById(document.querySelector('`+input+`').getAttribute('aria-describedby'))?.textContent.includes('TT.MM.JJJJ')`)
	p.fill(sel+` .dup-note-input`, "Träger treffen sich im Rathaus")
	p.fill(input, dueTyped)
	p.axe(t, "main")
	p.press(input, "\r")
	p.waitFor("the pair marked 'In Abstimmung bis'", `document.querySelector('`+sel+` .dup-coordinating')?.textContent.includes('In Abstimmung bis `+dueTyped+`')`)
	if s := p.text(`main [role="status"]`); !strings.Contains(s, "Abstimmung angestoßen") {
		t.Errorf("the coordination was not announced: %q", s)
	}
	// After the analysis comes again, the pair is still open with its deadline.
	p.goTo("/dubletten?region=05562&kind=parallel_offer")
	p.waitFor("the pair after a reload", `document.querySelector('`+sel+` .dup-coordinating')?.textContent.includes('In Abstimmung bis `+dueTyped+`') &&
		!document.querySelector('#dup-decided [data-pair="`+key+`"]')`)
	p.shotAt("dubletten-abstimmung", sel)

	// Steuerung: Laufende Abstimmungen.
	p.goTo("/steuerung?region=05562")
	p.waitFor("the running coordinations", `document.querySelectorAll('#coordinations-table tbody tr').length === 2`)
	rows := eval[[]string](p, `[...document.querySelectorAll('#coordinations-table tbody tr')].map(r => r.textContent)`)
	if !strings.Contains(rows[0], "überfällig") || !strings.Contains(rows[0], late.TitleA) {
		t.Errorf("the overdue coordination is not first, marked in words: %q", rows[0])
	}
	if !strings.Contains(rows[1], mine.TitleA) || !strings.Contains(rows[1], mine.TitleB) || !strings.Contains(rows[1], dueTyped) || !strings.Contains(rows[1], "läuft") {
		t.Errorf("the new coordination lacks its offers, deadline or state: %q", rows[1])
	}
	if summary := p.text(`#coordinations`); !strings.Contains(summary, "2 laufend, davon 1 überfällig") {
		t.Errorf("the summary: %q", summary)
	}
	p.axe(t, "#steuerung-report")
	p.shotAt("steuerung-abstimmungen", "#coordinations")

	p.click(fmt.Sprintf(`#coordinations-table tr[data-pair=%q] a`, eval[string](p, `document.querySelectorAll('#coordinations-table tbody tr')[1].dataset.pair`)))
	anchor := "dup-pair-" + min(mine.A, mine.B) + "-" + max(mine.A, mine.B)
	p.waitFor("the pair in Dubletten, focused", `location.pathname === '/dubletten' && document.activeElement?.id === '`+anchor+`'`)

	// At a phone's width.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.goTo("/dubletten?region=05562&kind=parallel_offer")
	p.waitFor("the queue on a phone", `document.querySelector('`+sel+` .dup-coordinating') !== null`)
	p.axe(t, "main")
	p.goTo("/steuerung?region=05562")
	p.waitFor("the coordinations on a phone", `document.querySelectorAll('#coordinations-table tbody tr').length === 2`)
	p.axe(t, "#steuerung-report")
	p.do(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserSteuerungVerlauf: with the demo's state of a year ago and two states saved in the
// browser (a new offer in between), the Steuerung draws a small chart per figure over the
// three, each an image whose label says its values; the comparison table has a column per
// chosen state (three, then two when one is unticked), and downloads as CSV with the states'
// names. axe-core finds nothing critical or serious at 1280 and 390 px.
func TestBrowserSteuerungVerlauf(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", steuerungReady+` && !!document.querySelector('#snapshot-form')`)
	p.waitFor("the trend of the demo's one state", `document.querySelectorAll('#trend .trend-chart').length > 10`)

	p.fill(`#snapshot-label`, "Zweiter Stand")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the second state", `document.querySelector('#snapshot-form [role="status"]')?.textContent.includes('Zweiter Stand')`)
	token := p.adminToken()
	var created struct {
		ID string `json:"id"`
	}
	if code := p.apiJSON("POST", "/api/v1/measures", token, map[string]any{"title": "Wohnungslotsen Herten", "region": "05562", "status": "active", "level": "operational"}, nil, &created); code != 201 {
		t.Fatalf("creating the measure: status %d", code)
	}
	p.fill(`#snapshot-label`, "Dritter Stand")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the three states in the trend and the table", `document.querySelectorAll('#trend-table thead th[data-snapshot]').length === 3 &&
		document.querySelector('#trend-table thead')?.textContent.includes('Dritter Stand')`)

	heads := eval[[]string](p, `[...document.querySelectorAll('#trend-table thead th[data-snapshot]')].map(th => th.textContent)`)
	if !strings.HasPrefix(heads[0], "Steuerungsgruppe Herbst 2025") || !strings.HasPrefix(heads[1], "Zweiter Stand") || !strings.HasPrefix(heads[2], "Dritter Stand") {
		t.Errorf("the table's states are not oldest first: %q", heads)
	}
	// Measures: one more in the third state than in the second.
	measures := eval[[]string](p, `[...document.querySelectorAll('#trend-table tr[data-figure="measures"] td')].map(td => td.textContent)`)
	if len(measures) != 4 || measures[3] == "±0" {
		t.Errorf("the measures row %q should change since the first state", measures)
	}
	label := eval[string](p, `document.querySelector('#trend [data-figure="gaps"] svg').getAttribute('aria-label')`)
	for _, want := range []string{"Lücken", "Steuerungsgruppe Herbst 2025:", "Zweiter Stand:", "Dritter Stand:"} {
		if !strings.Contains(label, want) {
			t.Errorf("the gaps chart's label lacks %q: %q", want, label)
		}
	}
	if n := eval[int](p, `document.querySelectorAll('#trend svg.trend-chart[role="img"][aria-label]').length`); n < 20 {
		t.Errorf("%d labelled charts, want one per figure (over 20)", n)
	}

	// Unticking the second state leaves two columns.
	second := eval[string](p, `[...document.querySelectorAll('#trend-compare li')].find(li => li.textContent.includes('Zweiter Stand')).querySelector('input').id`)
	p.click("#" + second)
	p.waitFor("two columns", `document.querySelectorAll('#trend-table thead th[data-snapshot]').length === 2 && document.activeElement?.id === '`+second+`'`)
	p.click("#" + second)
	p.waitFor("three columns again", `document.querySelectorAll('#trend-table thead th[data-snapshot]').length === 3`)
	p.axe(t, "#steuerung-report")
	p.shotAt("steuerung-verlauf", "#trend")

	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	p.click(`#trend-csv`)
	var data []byte
	for deadline := time.Now().Add(10 * time.Second); data == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if names, _ := filepath.Glob(filepath.Join(dir, "netzwerkatlas-05562-verlauf-*.csv")); len(names) == 1 {
			data, _ = os.ReadFile(names[0])
		}
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFKennzahl;Steuerungsgruppe Herbst 2025;Zweiter Stand;Dritter Stand\r\nLücken;")) {
		t.Errorf("the CSV does not start with the BOM, the states and the gaps:\n%.200s", data)
	}

	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.goTo("/steuerung?region=05562")
	p.waitFor("the trend on a phone", steuerungReady+` && document.querySelectorAll('#trend-table thead th[data-snapshot]').length === 3`)
	if w := eval[int](p, `document.documentElement.scrollWidth - Math.min(window.innerWidth, document.documentElement.clientWidth)`); w > 0 {
		t.Errorf("the Steuerung is %d px wider than the phone", w)
	}
	p.axe(t, "#steuerung-report")
	p.do(chromedp.EmulateViewport(1280, 900))
}
