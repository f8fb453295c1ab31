package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The goal, the indicator and the field of action the monitoring journey works with.
const (
	monitoringGoal      = "Mehr Kinder aus zugewanderten Familien besuchen ab drei Jahren eine Kita."
	monitoringIndicator = "Kita-Besuchsquote der Dreijährigen mit Zuwanderungsgeschichte"
	monitoringField     = "Bildung und Sprache"
)

// TestBrowserMonitoring: an admin plans in the Steuerung of Kreis Recklinghausen — a goal in
// "Bildung und Sprache" with an indicator (baseline 20 % in 2019, target 35 % by 2028, higher
// is better) — and enters values: a value for a year that has not begun is refused at the
// year's field; 24 % for 2022 makes the indicator "gefährdet" (the trend is too slow), 31 %
// for 2024 "auf Kurs", and the explanation changes with it. The cockpit shows the goal in its
// field with the class as word, the tree opens by keyboard and prints open; the
// Sachstandsbericht downloads in all four formats. axe-core finds no critical or serious
// problem on the cockpit and the indicator page at 1280 and 390 px, and neither page scrolls
// sideways on the phone.
func TestBrowserMonitoring(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)

	// The cockpit before: the demo's goals outside any concept, with the legend and the counts.
	p.goTo("/steuerung?region=05562")
	p.waitFor("the cockpit", `document.querySelector('#cockpit')?.dataset.state === 'ready'`)
	if s := p.text(`#cockpit-summary`); !strings.Contains(s, "Ziele") {
		t.Errorf("the summary line %q does not count the goals", s)
	}
	if legend := p.text(`#cockpit-legend`); !strings.Contains(legend, "auf Kurs") || !strings.Contains(legend, "gefährdet") || !strings.Contains(legend, "nicht auf Kurs") {
		t.Errorf("the legend lacks the classes' words:\n%s", legend)
	}

	// A new goal in the field.
	p.click(`#new-goal`)
	p.waitFor("the goal form", `location.pathname === '/steuerung/neu/ziel' && !!document.querySelector('#ziel-form')`)
	p.fill(`#ziel-form-text`, monitoringGoal)
	p.fill(`#ziel-form-reference`, "9.1")
	p.choose(`#ziel-form-level`, "strategisches Ziel")
	p.choose(`#ziel-form-priority`, "Schwerpunkt")
	if !eval[bool](p, fmt.Sprintf(`(() => { const l = [...document.querySelectorAll('#ziel-form-fields label')].find((x) => x.textContent === %q);
		if (!l) return false; document.getElementById(l.htmlFor).click(); return true })()`, monitoringField)) {
		p.fail("the goal form offers no field %q", monitoringField)
	}
	p.shotAt("steuerung-ziel-anlegen", "#ziel-form")
	p.click(`#ziel-form-save`)
	p.waitFor("the goal's page", `location.pathname.startsWith('/steuerung/ziel/') && document.querySelector('#goal-page')?.dataset.state === 'ready'`)
	goalID := eval[string](p, `decodeURIComponent(location.pathname.split('/').pop())`)
	if h := p.text(`main h1`); !strings.Contains(h, monitoringGoal) || !strings.HasPrefix(h, "9.1") {
		t.Errorf("the goal's page is headed %q", h)
	}
	if f := p.text(`#goal-page .facts`); !strings.Contains(f, monitoringField) || !strings.Contains(f, "Schwerpunkt") {
		t.Errorf("the goal's facts lack its field or priority:\n%s", f)
	}

	// An indicator for it.
	p.click(`#goal-new-indicator`)
	p.waitFor("the indicator form", `location.pathname === '/steuerung/neu/kennzahl' && !!document.querySelector('#kennzahl-form')`)
	if !eval[bool](p, fmt.Sprintf(`document.querySelector('#kennzahl-form-goals input[value=%q]')?.checked === true`, goalID)) {
		t.Errorf("the indicator form does not start with the goal ticked")
	}
	p.fill(`#kennzahl-form-name`, monitoringIndicator)
	p.fill(`#kennzahl-form-unit`, "%")
	p.fill(`#kennzahl-form-source`, "IT.NRW, Kita-Statistik")
	p.choose(`#kennzahl-form-direction`, "höher ist besser")
	p.fill(`#kennzahl-form-baseline`, "20")
	p.fill(`#kennzahl-form-baseline_year`, "2019")
	p.fill(`#kennzahl-form-target`, "35")
	p.fill(`#kennzahl-form-target_year`, "2028")
	if eval[bool](p, `!document.querySelector('#kennzahl-form-target_upper').closest('.control').hidden`) {
		t.Errorf("the upper end of a range is asked for although the direction is not a range")
	}
	p.click(`#kennzahl-form-save`)
	p.waitFor("the indicator's page", `location.pathname.startsWith('/steuerung/kennzahl/') && document.querySelector('#indicator-page')?.dataset.state === 'ready'`)
	if c := eval[string](p, `document.querySelector('#indicator-judgement').dataset.class`); c != "no_data" {
		t.Errorf("a new indicator without values is %q, want no_data", c)
	}
	if g := p.text(`#indicator-goals`); !strings.Contains(g, monitoringGoal) {
		t.Errorf("the indicator's page does not name its goal:\n%s", g)
	}
	before := p.text(`#indicator-explanation`)

	// A value for a year that has not begun is refused, and the problem stands at the year.
	p.click(`#indicator-values`)
	p.waitFor("the values form", `!!document.querySelector('#values-form #values-county')`)
	if n := eval[int](p, `document.querySelectorAll('#values-table tbody tr').length`); n != 10 {
		t.Errorf("the values form lists %d municipalities, want the region's 10", n)
	}
	p.fill(`#values-year`, "2099")
	p.fill(`#values-county`, "30")
	p.click(`#values-save`)
	p.waitFor("the problem at the year", `document.querySelector('#values-year-error')?.textContent.includes('2099') &&
		document.querySelector('#values-year').getAttribute('aria-invalid') === 'true'`)
	p.shotAt("steuerung-werte", "#values-form")

	// 24 % in 2022: the trend from the baseline is too slow for 35 % by 2028.
	p.fill(`#values-year`, "2022")
	p.fill(`#values-county`, "24")
	p.click(`#values-save`)
	p.waitFor("the class after 2022", `!document.querySelector('#values-form') && document.querySelector('#indicator-judgement')?.dataset.class === 'at_risk'`)
	if s := p.text(`main [role="status"]`); !strings.Contains(s, "Werte für 2022 gespeichert") {
		t.Errorf("the status line says %q after saving", s)
	}
	atRisk := p.text(`#indicator-explanation`)
	if atRisk == before || !strings.Contains(atRisk, "24") {
		t.Errorf("the explanation did not change with the value: %q → %q", before, atRisk)
	}
	if w := p.text(`#indicator-judgement .att-word`); w != "gefährdet" {
		t.Errorf("the class reads %q, want gefährdet", w)
	}

	// 31 % in 2024 and 12,5 % in Castrop-Rauxel: on track.
	p.click(`#indicator-values`)
	p.waitFor("the values form", `!!document.querySelector('#values-form #values-county')`)
	p.fill(`#values-year`, "2024")
	p.fill(`#values-county`, "31")
	p.fill(`#values-m-05562004`, "12,5")
	p.click(`#values-save`)
	p.waitFor("the class after 2024", `!document.querySelector('#values-form') && document.querySelector('#indicator-judgement')?.dataset.class === 'on_track'`)
	onTrack := p.text(`#indicator-explanation`)
	if onTrack == atRisk || !strings.Contains(onTrack, "31") {
		t.Errorf("the explanation did not change with the second value: %q → %q", atRisk, onTrack)
	}
	if w := p.text(`#indicator-judgement .att-word`); w != "auf Kurs" {
		t.Errorf("the class reads %q, want auf Kurs", w)
	}
	// The chart: an image with title and description, the values as a table in German.
	if !eval[bool](p, `(() => { const s = document.querySelector('#indicator-chart svg[role="img"]');
		return !!s && !!s.querySelector('title')?.textContent && s.querySelector('desc')?.textContent.includes('Ausgangswert 2019') })()`) {
		t.Errorf("the chart is not an image with title and description")
	}
	if rows := p.text(`#indicator-chart .value-table tbody`); !strings.Contains(rows, "2022") || !strings.Contains(rows, "24\u00a0%") || !strings.Contains(rows, "31\u00a0%") {
		t.Errorf("the value table reads:\n%s", rows)
	}
	if m := p.text(`#municipal-table`); !strings.Contains(m, "Castrop-Rauxel") || !strings.Contains(m, "12,5") {
		t.Errorf("the municipalities’ table lacks Castrop-Rauxel’s value:\n%s", m)
	}
	if d := p.text(`#indicator-chart .chart-legend`); !strings.Contains(d, "Ziel") || !strings.Contains(d, "Trend") {
		t.Errorf("the chart's legend reads %q", d)
	}
	p.axe(t, "main")
	p.shot("steuerung-kennzahl")

	// In English the class and the service's explanation follow the language.
	p.click(`button[lang="en"]`)
	p.waitFor("English", `document.documentElement.lang === 'en' && document.querySelector('#indicator-judgement .att-word')?.textContent === 'on track' &&
		document.querySelector('#indicator-explanation')?.textContent.includes('target')`)
	p.click(`button[lang="de"]`)
	p.waitFor("German", `document.documentElement.lang === 'de' && document.querySelector('#indicator-judgement .att-word')?.textContent === 'auf Kurs' &&
		document.querySelector('#indicator-explanation')?.textContent.includes('Ziel')`)
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.axe(t, "main")
	p.noSidewaysScroll("the indicator page")
	p.do(chromedp.EmulateViewport(1280, 900))

	// The cockpit, filtered to the field: the new goal, its class as a word, its indicator.
	p.goTo("/steuerung?region=05562")
	p.waitFor("the cockpit", `document.querySelector('#cockpit')?.dataset.state === 'ready'`)
	p.choose(`#cockpit-field`, monitoringField)
	p.waitFor("the field in the address", `location.search.includes('field=')`)
	goal := fmt.Sprintf(`#concept-tree [data-goal=%q]`, goalID)
	p.waitFor("the goal in the tree", fmt.Sprintf(`!!document.querySelector(%q)`, goal))
	if w := p.text(goal + ` > .tree-row .att-word`); w != "auf Kurs" {
		t.Errorf("the goal's class reads %q in the tree, want auf Kurs", w)
	}
	if s := p.text(`#cockpit-summary`); !strings.Contains(s, "passen zu den Filtern") {
		t.Errorf("the filtered summary reads %q", s)
	}
	// Opened by keyboard: the disclosure button says whether it is open.
	button := goal + ` > .tree-row button.disclosure`
	p.press(button, "\r")
	p.waitFor("the goal opened", fmt.Sprintf(`document.querySelector(%q).getAttribute('aria-expanded') === 'true' &&
		!document.querySelector(%q).hidden`, button, "#tree-goal-"+goalID))
	if ind := p.text("#tree-goal-" + goalID + " .tree-indicators"); !strings.Contains(ind, monitoringIndicator) || !strings.Contains(ind, "auf Kurs") {
		t.Errorf("the opened goal lists %q", ind)
	}
	if !eval[bool](p, fmt.Sprintf(`!!document.querySelector('#tree-goal-%s .tree-indicators svg.sparkline[role="img"]')`, goalID)) {
		t.Errorf("the indicator has no sparkline")
	}
	if reload := eval[string](p, `location.search`); !strings.Contains(reload, "region=05562") {
		t.Errorf("the cockpit's address lost the region: %s", reload)
	}
	p.axe(t, "#cockpit")
	p.axe(t, "#report")
	p.shotAt("steuerung-cockpit-filter", "#cockpit")
	p.shotAt("steuerung-bericht", "#report")

	// The Sachstandsbericht in every format, fetched as the page's links lead.
	type download struct {
		Status int    `json:"status"`
		Type   string `json:"type"`
		Start  string `json:"start"`
		Goal   bool   `json:"goal"`
	}
	for _, f := range []struct{ id, ctype, magic string }{
		{"report-html", "text/html", "<!"},
		{"report-pdf", "application/pdf", "%PDF-"},
		{"report-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
		{"report-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
	} {
		d := eval[download](p, fmt.Sprintf(`(async () => {
			const r = await fetch(document.querySelector('#%s').href);
			const b = new Uint8Array(await r.clone().arrayBuffer());
			const text = r.headers.get('content-type')?.startsWith('text/html') ? await r.text() : '';
			return { status: r.status, type: r.headers.get('content-type') || '', start: String.fromCharCode(...b.slice(0, 5)), goal: text.includes(%q) };
		})()`, f.id, monitoringGoal))
		if d.Status != 200 || !strings.HasPrefix(d.Type, f.ctype) || !strings.HasPrefix(strings.TrimSpace(d.Start), f.magic) {
			t.Errorf("%s: status %d, type %q, starts %q", f.id, d.Status, d.Type, d.Start)
		}
		if f.id == "report-html" && !d.Goal {
			t.Errorf("the HTML report does not name the new goal")
		}
	}

	// At a phone's width: no sideways scrolling, no accessibility problem.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.noSidewaysScroll("the cockpit")
	p.axe(t, "#cockpit")
	p.do(chromedp.EmulateViewport(1280, 900))

	// A concept with its references, lead bodies and measures: the Rems-Murr-Kreis's
	// Integrationsplan, its first goal opened.
	p.goTo("/steuerung?region=08119")
	p.waitFor("the cockpit", `document.querySelector('#cockpit')?.dataset.state === 'ready' && !!document.querySelector('#concept-tree .tree-concept[data-concept^="cpt_"]')`)
	first := `#concept-tree .tree-concept[data-concept^="cpt_"] .tree-goal`
	p.click(first + ` > .tree-row button.disclosure`)
	p.waitFor("a goal opened", fmt.Sprintf(`!document.querySelector(%q).hidden`, first+" > .tree-body"))
	if eval[bool](p, fmt.Sprintf(`!!document.querySelector(%q)`, first+" > .tree-body .tree-goal")) {
		p.click(first + ` > .tree-body .tree-goal > .tree-row button.disclosure`)
		p.waitFor("a sub-goal opened", fmt.Sprintf(`!document.querySelector(%q).hidden`, first+" > .tree-body .tree-goal > .tree-body"))
	}
	if n := eval[int](p, `document.querySelectorAll('#concept-tree .tree-body:not([hidden]) .tree-measures li .measure-lead').length`); n == 0 {
		t.Errorf("the opened goals list no measures with their lead bodies")
	}
	p.shotAt("steuerung-cockpit", `#concept-tree .tree-concept[data-concept^="cpt_"]`)
	p.axe(t, "#cockpit")

	// In print the tree is open and the controls are gone.
	p.click(`#tree-collapse-all`)
	p.waitFor("the tree closed", `[...document.querySelectorAll('#concept-tree .tree-body')].every((b) => b.hidden)`)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if eval[string](p, `getComputedStyle(document.querySelector('#concept-tree .tree-goal > .tree-body')).display`) == "none" ||
		eval[string](p, `getComputedStyle(document.querySelector('#cockpit-controls')).display`) != "none" {
		t.Errorf("in print the tree is closed or the controls are shown")
	}
}

// noSidewaysScroll fails the test when the page is wider than the window, naming what sticks
// out. It compares with the layout viewport (clientWidth): on a phone the browser zooms out to
// show wide content, so window.innerWidth grows with the page and would hide the problem.
func (p *page) noSidewaysScroll(what string) {
	p.t.Helper()
	if w := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
		culprit := eval[string](p, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
			(!e.closest('.table-scroll') || getComputedStyle(e).position !== 'static')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')`)
		p.t.Errorf("%s is %d px wider than the phone (%s)", what, w, culprit)
	}
}

// TestBrowserMonitoringPlan: a coordinator's planning round in the browser — a concept with two
// periods typed the German way, a Leitlinie in it, a goal under the Leitlinie in the second
// period; the cockpit places the goal under its Leitlinie. An indicator whose target year lies
// before its baseline year is refused at the target year's field. Values entered while someone
// else changed the indicator are not lost: the form explains the conflict and saves them on
// top of the new version.
func TestBrowserMonitoringPlan(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)

	p.goTo("/steuerung/neu/konzept?region=05562")
	p.waitFor("the concept form", `!!document.querySelector('#konzept-form')`)
	p.fill(`#konzept-form-title`, "Integrationsplan Vest 2024")
	p.fill(`#konzept-form-periods`, "Integrationsplan 2024; 1.1.2024\nFortschreibung 2026; 01.07.2026")
	p.click(`#konzept-form-save`)
	p.waitFor("the concept's page", `location.pathname.startsWith('/steuerung/konzept/') && !!document.querySelector('#concept-periods')`)
	conceptID := eval[string](p, `decodeURIComponent(location.pathname.split('/').pop())`)
	if periods := p.text(`#concept-periods tbody`); !strings.Contains(periods, "Fortschreibung 2026") || !strings.Contains(periods, "01.07.2026") {
		t.Errorf("the concept's periods read:\n%s", periods)
	}

	p.click(`#concept-new-guideline`)
	p.waitFor("the guideline form", `!!document.querySelector('#leitlinie-form') && document.querySelector('#leitlinie-form-concept').value !== ''`)
	if v := eval[string](p, `document.querySelector('#leitlinie-form-concept').value`); v != conceptID {
		t.Errorf("the guideline form starts with concept %q, want %q", v, conceptID)
	}
	p.fill(`#leitlinie-form-title`, "Bildung von Anfang an")
	p.fill(`#leitlinie-form-reference`, "L 1")
	p.click(`#leitlinie-form-save`)
	p.waitFor("the guideline's page", `location.pathname.startsWith('/steuerung/leitlinie/') && !!document.querySelector('#guideline-new-goal')`)
	guidelineID := eval[string](p, `decodeURIComponent(location.pathname.split('/').pop())`)

	p.click(`#guideline-new-goal`)
	p.waitFor("the goal form", `!!document.querySelector('#ziel-form-period')`)
	if v := eval[string](p, `document.querySelector('#ziel-form-guideline').value + ' ' + document.querySelector('#ziel-form-concept').value`); v != guidelineID+" "+conceptID {
		t.Errorf("the goal form starts with guideline and concept %q", v)
	}
	p.fill(`#ziel-form-text`, "Jedes Kind mit Zuwanderungsgeschichte spricht bei der Einschulung Deutsch.")
	p.fill(`#ziel-form-reference`, "1.1")
	if !eval[bool](p, `(() => { const s = document.querySelector('#ziel-form-period'); if (![...s.options].some((o) => o.value === 'Fortschreibung 2026')) return false;
		s.value = 'Fortschreibung 2026'; s.dispatchEvent(new Event('change', { bubbles: true })); return true })()`) {
		p.fail("the goal form does not offer the concept's period")
	}
	p.click(`#ziel-form-save`)
	p.waitFor("the goal's page", `location.pathname.startsWith('/steuerung/ziel/') && document.querySelector('#goal-page')?.dataset.state === 'ready'`)
	goalID := eval[string](p, `decodeURIComponent(location.pathname.split('/').pop())`)
	if f := p.text(`#goal-page .facts`); !strings.Contains(f, "L 1 Bildung von Anfang an") || !strings.Contains(f, "Fortschreibung 2026") || !strings.Contains(f, "Integrationsplan Vest 2024") {
		t.Errorf("the goal's facts read:\n%s", f)
	}

	// The cockpit: the goal under its Leitlinie, in its concept, without data yet.
	p.goTo("/steuerung?region=05562")
	p.waitFor("the cockpit", `document.querySelector('#cockpit')?.dataset.state === 'ready'`)
	item := fmt.Sprintf(`#concept-tree [data-concept=%q] [data-guideline=%q] [data-goal=%q]`, conceptID, guidelineID, goalID)
	p.waitFor("the goal under its Leitlinie", fmt.Sprintf(`!!document.querySelector(%q)`, item))
	if w := p.text(item + ` > .tree-row .att-word`); w != "keine Daten" {
		t.Errorf("a goal without indicators or measures reads %q, want keine Daten", w)
	}

	// An indicator whose target year lies before its baseline: refused at the field.
	p.goTo("/steuerung/neu/kennzahl?region=05562&goal=" + goalID)
	p.waitFor("the indicator form", `!!document.querySelector('#kennzahl-form')`)
	p.fill(`#kennzahl-form-name`, "Sprachstand bei der Einschulung")
	p.fill(`#kennzahl-form-unit`, "%")
	p.choose(`#kennzahl-form-direction`, "höher ist besser")
	p.fill(`#kennzahl-form-baseline`, "61,5")
	p.fill(`#kennzahl-form-baseline_year`, "2023")
	p.fill(`#kennzahl-form-target`, "80")
	p.fill(`#kennzahl-form-target_year`, "2020")
	p.click(`#kennzahl-form-save`)
	// In German, like the page: the service's problem follows the page's language.
	p.waitFor("the problem at the target year", `document.querySelector('#kennzahl-form-target_year-error')?.textContent.includes('liegt vor dem Ausgangsjahr (2023)') &&
		document.querySelector('#kennzahl-form-target_year').getAttribute('aria-invalid') === 'true'`)
	if loc := eval[string](p, `location.pathname`); loc != "/steuerung/neu/kennzahl" {
		t.Errorf("a refused indicator left the form for %s", loc)
	}
	p.fill(`#kennzahl-form-target_year`, "2030")
	p.click(`#kennzahl-form-save`)
	p.waitFor("the indicator's page", `location.pathname.startsWith('/steuerung/kennzahl/') && document.querySelector('#indicator-page')?.dataset.state === 'ready'`)
	indicatorID := eval[string](p, `decodeURIComponent(location.pathname.split('/').pop())`)

	// Someone else enters a value while the form is open: the conflict is explained, nothing is lost.
	p.click(`#indicator-values`)
	p.waitFor("the values form", `!!document.querySelector('#values-county')`)
	p.fill(`#values-year`, "2025")
	p.fill(`#values-county`, "66")
	token := p.adminToken()
	var ind struct {
		Version int `json:"version"`
	}
	if code := p.apiJSON("GET", "/api/v1/indicators/"+indicatorID, token, nil, nil, &ind); code != 200 {
		t.Fatalf("reading the indicator: %d", code)
	}
	if code := p.apiJSON("PATCH", "/api/v1/indicators/"+indicatorID, token, map[string]any{"values": []map[string]any{{"year": 2024, "value": 63}}},
		map[string]string{"If-Match": fmt.Sprintf(`"%d"`, ind.Version), "Content-Type": "application/merge-patch+json"}, nil); code != 200 {
		t.Fatalf("the other change: %d", code)
	}
	p.click(`#values-save`)
	p.waitFor("the conflict", `!!document.querySelector('#values-conflict')`)
	if c := p.text(`#values-conflict`); !strings.Contains(c, "Version 1") || !strings.Contains(c, "Version 2") {
		t.Errorf("the conflict does not name both versions:\n%s", c)
	}
	p.click(`#values-keep-mine`)
	p.waitFor("both values kept", `!document.querySelector('#values-form') && document.querySelector('#indicator-page')?.dataset.state === 'ready' &&
		document.querySelector('#indicator-chart .value-table tbody')?.textContent.includes('2024') &&
		document.querySelector('#indicator-chart .value-table tbody')?.textContent.includes('2025')`)
	if c := eval[string](p, `document.querySelector('#indicator-judgement').dataset.class`); c == "no_data" {
		t.Errorf("with three values from 2023 the indicator is still without data")
	}

	// The indicator is deleted again, after a confirmation in the page; the cockpit follows.
	p.click(`#indicator-delete`)
	p.waitFor("the confirmation", `document.querySelector('#indicator-delete-confirm')?.hidden === false`)
	if c := p.text(`#indicator-delete-confirm`); !strings.Contains(c, "„Sprachstand bei der Einschulung“ löschen?") {
		t.Errorf("the confirmation reads %q", c)
	}
	p.axe(t, "")
	p.click(`#indicator-delete-confirm-button`)
	p.waitFor("the cockpit after deleting", `location.pathname === '/steuerung'`)
	if code := p.apiJSON("GET", "/api/v1/indicators/"+indicatorID, token, nil, nil, nil); code != 404 {
		t.Errorf("the deleted indicator answers %d", code)
	}
}
