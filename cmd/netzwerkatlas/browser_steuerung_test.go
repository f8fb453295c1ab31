package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserSteuerung: the steering report of Kreis Recklinghausen shows the heatmap, the
// ranked gaps with Herten's missing offer in "Wohnen und Mobilität", the network figures and
// the measures by status; a coordinator saves a state, a new offer closes Herten's gap, a
// second state is saved, and the comparison shows the closed gap. In print the navigation
// and the controls are left out.
func TestBrowserSteuerung(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", `document.querySelector('#heatmap-table') && document.querySelector('#gaps-table') &&
		document.querySelector('#statuses-table') && document.querySelector('#network .figures') && document.querySelector('#snapshot-form')`)
	if !eval[bool](p, `!!(document.querySelector('#cockpit')?.compareDocumentPosition(document.querySelector('#heatmap')) & Node.DOCUMENT_POSITION_FOLLOWING)`) {
		t.Errorf("the concept cockpit does not stand above the heatmap")
	}
	if n := eval[int](p, `document.querySelectorAll('#heatmap-table tbody tr').length`); n != 10 {
		t.Errorf("heatmap with %d municipalities, want 10", n)
	}
	if gaps := p.text(`#gaps-table`); !strings.Contains(gaps, "Herten") || !strings.Contains(gaps, "Wohnen und Mobilität") {
		t.Errorf("the gap list lacks Herten · Wohnen und Mobilität:\n%s", gaps)
	}

	p.fill(`#snapshot-label`, "Vorher")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the first state", `document.querySelector('#snapshot-form [role="status"]')?.textContent.includes('Vorher')`)

	// A new offer in Herten closes its gap in "Wohnen und Mobilität".
	token := p.adminToken()
	var created struct {
		ID string `json:"id"`
	}
	if code := p.apiJSON("POST", "/api/v1/measures", token, map[string]any{"title": "Wohnungslotsen Herten", "region": "05562", "status": "active", "level": "operational"}, nil, &created); code != 201 {
		t.Fatalf("creating the measure: status %d", code)
	}
	for _, rel := range []map[string]string{
		{"type": "OFFERED_IN", "from": created.ID, "to": "05562020"},
		{"type": "IN_FIELD", "from": created.ID, "to": "fld_01HK153X00RAJ5N0K6RAGAV9CA"},
	} {
		if code := p.apiJSON("POST", "/api/v1/relations", token, rel, nil, nil); code/100 != 2 {
			t.Fatalf("relating %v: status %d", rel, code)
		}
	}

	p.fill(`#snapshot-label`, "Nachher")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the comparison", `document.querySelector('#comparison [data-change="gaps-closed"]')?.textContent.includes('Herten · Wohnen und Mobilität')`)
	if from := eval[string](p, `document.querySelector('#compare-from').selectedOptions[0].textContent`); !strings.HasPrefix(from, "Vorher") {
		t.Errorf("compared from %q, want Vorher", from)
	}
	if figures := p.text(`#comparison`); !strings.Contains(figures, "Maßnahmen") {
		t.Errorf("the comparison lacks the figures:\n%s", figures)
	}
	// The comparison names the measure, not only the counts.
	if added := p.text(`#comparison [data-change="measures-added"]`); !strings.Contains(added, "Wohnungslotsen Herten") {
		t.Errorf("the comparison does not name the new measure:\n%s", added)
	}
	p.shotAt("steuerung-vergleich", "#compare")
	p.shotAt("steuerung", "#heatmap")

	// A coordinator deletes the state "Nachher" (after confirming); it leaves the list and the
	// comparison's choices, and the focus stays on the list.
	p.click(`#snapshot-manage summary`)
	nachher := eval[string](p, `[...document.querySelectorAll('#snapshot-manage li')].find(li => li.textContent.includes('Nachher'))?.dataset.snapshot ?? ''`)
	if nachher == "" {
		t.Fatalf("the saved states lack Nachher: %s", p.text(`#snapshot-manage`))
	}
	// Renamed first (Enter in its field): the new name is in the list and the comparison.
	p.fill(fmt.Sprintf(`#snapshot-label-%s`, nachher), "Nachher, geprüft")
	p.press(fmt.Sprintf(`#snapshot-label-%s`, nachher), "\r")
	p.waitFor("Nachher renamed", `[...(document.querySelector('#compare-from')?.options ?? [])].some(o => o.textContent.includes('Nachher, geprüft'))`)
	eval[bool](p, `(() => { window.confirm = () => true; return true })()`)
	p.click(fmt.Sprintf(`#snapshot-manage li[data-snapshot=%q] button[data-action="delete"]`, nachher))
	p.waitFor("Nachher deleted", `![...document.querySelectorAll('#snapshot-manage li')].some(li => li.textContent.includes('Nachher')) &&
		![...(document.querySelector('#compare-from')?.options ?? [])].some(o => o.textContent.includes('Nachher')) &&
		document.activeElement?.id === 'snapshot-manage-summary'`)

	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if eval[string](p, `getComputedStyle(document.querySelector('.site-header')).display`) != "none" ||
		eval[string](p, `getComputedStyle(document.querySelector('.report-title')).display`) == "none" {
		t.Errorf("the printed report shows the navigation or lacks its title")
	}
	p.shot("steuerung-druck")
}

// steuerungReady is true once every live section of the report has its table or figures.
const steuerungReady = `document.querySelector('#heatmap-table') && document.querySelector('#gaps-table') &&
	document.querySelector('#statuses-table') && document.querySelector('#network .figures')`

// TestBrowserSteuerungGroupAndDownload: the target-group filter narrows coverage and gaps,
// lives in the address (a copied link opens the same filter) and is named above the tables;
// the gap list downloads as a CSV file that German Excel opens (BOM, semicolons, German
// headers).
func TestBrowserSteuerungGroupAndDownload(t *testing.T) {
	p := openApp(t)
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", steuerungReady)
	p.waitFor("the target groups", `document.querySelectorAll('#steuerung-group option').length > 1`)
	label := eval[string](p, `document.querySelectorAll('#steuerung-group option')[1].textContent`)
	p.choose(`#steuerung-group`, label)
	id := eval[string](p, `document.querySelector('#steuerung-group').value`)
	p.waitFor("the group in the address", fmt.Sprintf(`new URLSearchParams(location.search).get('group') === %q`, id))
	p.waitFor("the group named above the heatmap", fmt.Sprintf(`document.querySelector('#heatmap-group')?.textContent.includes(%q) && !!document.querySelector('#heatmap-table')`, label))
	if href := eval[string](p, `document.querySelector('#heatmap-table tbody th a').getAttribute('href')`); !strings.Contains(href, "group="+id) {
		t.Errorf("the heatmap's link to the map drops the group: %s", href)
	}

	// The address opens the same filter.
	p.goTo("/steuerung?region=05562&group=" + id)
	p.waitFor("the report with the group", steuerungReady+fmt.Sprintf(` && document.querySelector('#steuerung-group')?.value === %q && !!document.querySelector('#heatmap-group')`, id))

	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	p.click(`#gaps-csv`)
	var data []byte
	deadline := time.Now().Add(10 * time.Second)
	for data == nil && time.Now().Before(deadline) {
		names, _ := filepath.Glob(filepath.Join(dir, "netzwerkatlas-05562-luecken-*.csv"))
		if len(names) == 1 {
			data, _ = os.ReadFile(names[0])
		}
		time.Sleep(50 * time.Millisecond)
	}
	if data == nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("no CSV of the gap list downloaded (%v)", entries)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFRang;Kommune;Handlungsfeld;Einstufung;")) {
		t.Errorf("the CSV does not start with the BOM and the German headers:\n%.200s", data)
	}
	rows := strings.Split(strings.TrimSpace(string(data)), "\r\n")
	if want := eval[int](p, `document.querySelectorAll('#gaps-table tbody tr').length`) + 1; len(rows) != want {
		t.Errorf("the CSV has %d rows, the table %d (with the header)", len(rows), want)
	}
	if p.axe(t, "#steuerung-report"); t.Failed() {
		p.shot("steuerung-zielgruppe-fehler")
	}
}

// TestBrowserSteuerungPhone: at a phone's width (390 px) the Steuerung does not scroll
// sideways (wide tables scroll in their own named, focusable box) and axe-core finds no
// critical or serious violation, scrollable-region-focusable included.
func TestBrowserSteuerungPhone(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", steuerungReady+` && !!document.querySelector('#compare h2') && !document.querySelector('#compare .loading')`)
	if w := eval[int](p, `document.documentElement.scrollWidth - Math.min(window.innerWidth, document.documentElement.clientWidth)`); w > 0 {
		culprit := eval[string](p, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
			!e.closest('.table-scroll')).slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')`)
		t.Errorf("the Steuerung is %d px wider than the phone (%s)", w, culprit)
	}
	// Every box that scrolls can be reached with the keyboard and is named.
	if bad := eval[string](p, `[...document.querySelectorAll('#steuerung-report .table-scroll')].filter(e => e.scrollWidth > e.clientWidth &&
		(e.tabIndex !== 0 || e.getAttribute('role') !== 'region' || !e.getAttribute('aria-label'))).map(e => e.firstElementChild?.id || e.className).join(', ')`); bad != "" {
		t.Errorf("scrolling tables without focus or name: %s", bad)
	}
	p.axe(t, "")
	p.shotAt("steuerung-phone", "#heatmap")
	p.do(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserSteuerungPrint: printed, the report is A4 landscape (the named page of its
// print rules) and every column of every table lies inside the page: laid out for print at
// the width of A4 landscape less its margins (273 mm, 1032 CSS px), no table is wider than
// the page and no scrolling box hides a column. The PDF has landscape A4 pages.
func TestBrowserSteuerungPrint(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", steuerungReady+` && !!document.querySelector('#compare h2')`)
	p.do(chromedp.EmulateViewport(1032, 730))
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if eval[string](p, `getComputedStyle(document.querySelector('#steuerung-group').closest('.controls')).display`) != "none" {
		t.Errorf("the printed report shows the filters")
	}
	if over := eval[string](p, `(() => {
		const page = document.documentElement.clientWidth;
		const out = [];
		for (const e of document.querySelectorAll('#steuerung-report table, #steuerung-report th, #steuerung-report td')) {
			const r = e.getBoundingClientRect();
			if (r.width > 0 && r.right > page + 1) out.push((e.closest('table').id || 'table') + ' ' + e.tagName + ' ' + Math.round(r.right) + '>' + page);
		}
		for (const e of document.querySelectorAll('#steuerung-report .table-scroll')) {
			if (e.scrollWidth > e.clientWidth + 1) out.push('scroll box of ' + (e.firstElementChild?.id || '?') + ': ' + e.scrollWidth + '>' + e.clientWidth);
		}
		if (document.documentElement.scrollWidth > page) out.push('page ' + document.documentElement.scrollWidth + '>' + page);
		return out.slice(0, 5).join('; ');
	})()`); over != "" {
		t.Errorf("printed, the report is wider than A4 landscape: %s", over)
	}
	// Headers of the heatmap never overlap: each one ends before the next begins.
	if overlap := eval[string](p, `(() => {
		const hs = [...document.querySelectorAll('#heatmap-table thead th')];
		const out = [];
		for (const th of hs) {
			if (th.scrollWidth > th.clientWidth + 1) out.push(th.textContent + ' ' + th.scrollWidth + '>' + th.clientWidth);
		}
		return out.join('; ');
	})()`); overlap != "" {
		t.Errorf("printed heatmap headers run over their columns: %s", overlap)
	}
	p.shot("steuerung-druck-a4")

	yes := true
	pdf, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindAllSubmatch(pdf.Data, -1)
	if len(boxes) == 0 {
		t.Fatalf("the PDF (%d bytes) names no page size", len(pdf.Data))
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		// A4 landscape: 842 × 595 pt.
		if w < 835 || w > 848 || h < 590 || h > 600 {
			t.Errorf("a printed page is %.0f × %.0f pt, want A4 landscape (842 × 595)", w, h)
			break
		}
	}
	t.Logf("the report prints on %d pages", len(boxes))
	if dir := os.Getenv("NETZWERKATLAS_ARTIFACTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "steuerung-a4.pdf"), pdf.Data, 0o644)
	}
}
