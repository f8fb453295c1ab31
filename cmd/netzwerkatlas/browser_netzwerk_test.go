package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserNetzwerk: the collaboration network of Kreis Recklinghausen draws as a graph with
// its figures and lists; choosing the articulation point Stadt Waltrop shows its ego network
// with a known neighbour, a larger depth reaches more organisations, and a field filter
// redraws a smaller network.
func TestBrowserNetzwerk(t *testing.T) {
	p := openApp(t)
	p.goTo("/netzwerk?region=05562")
	p.waitFor("the graph", `document.querySelector('#netzwerk-graph')?.dataset.state === 'ready' &&
		document.querySelector('#netzwerk-graph canvas') !== null`)
	p.waitFor("the layout", `document.querySelector('#netzwerk-graph')?.dataset.layout === 'done'`)
	if n := eval[string](p, `document.querySelector('#netzwerk-graph').dataset.nodes`); n != "83" {
		t.Errorf("%s organisations in the graph, want 83", n)
	}
	figures := p.text(`#netzwerk-figures`)
	for _, want := range []string{"Organisationen", "83", "Verbindungen", "903", "Gemeinschaften"} {
		if !strings.Contains(figures, want) {
			t.Errorf("figures lack %q:\n%s", want, figures)
		}
	}
	// Each figure explains itself in one German sentence, right under its value.
	for id, want := range map[string]string{
		"density":     "Anteil aller möglichen Verbindungen",
		"modularity":  "Gemeinschaften teilt",
		"communities": "enger verbunden",
		"components":  "keinen Weg",
	} {
		if note := p.text(`#netzwerk-figures [data-figure="` + id + `"] .figure-note`); !strings.Contains(note, want) {
			t.Errorf("the figure %s is explained as %q, want it to contain %q", id, note, want)
		}
	}
	lists := p.text(`#netzwerk-lists`)
	for _, want := range []string{"Vermittler", "kürzesten Wegen zwischen zwei anderen Organisationen", "Caritasverband Recklinghausen", "Schlüsselstellen", "Stadt Waltrop – Fachdienst Integration", "Isolierte Organisationen", "Internationaler Nähtreff Datteln"} {
		if !strings.Contains(lists, want) {
			t.Errorf("lists lack %q:\n%s", want, lists)
		}
	}

	// A readable default: names only at the strongest brokers (and the Gremien), and, in the
	// view of ties over shared Gremien, a threshold on how many Gremien a tie must share,
	// kept in the address.
	if n := eval[string](p, `document.querySelector('#netzwerk-graph').dataset.named`); n != "10" {
		t.Errorf("%s organisations named by default, want the 10 strongest brokers", n)
	}
	if legend := p.text(`#netzwerk-legend`); !strings.Contains(legend, "zehn wichtigsten Vermittlern") {
		t.Errorf("the legend does not say which names are shown:\n%s", legend)
	}
	if eval[bool](p, `document.querySelector('#netzwerk-strength') !== null`) {
		t.Errorf("the threshold on shared Gremien is offered while the Gremien are drawn as nodes")
	}
	p.click(`#netzwerk-view-shared`)
	p.waitFor("the ties over shared Gremien", `location.search.includes('view=shared') &&
		document.querySelector('#netzwerk-graph')?.dataset.view === 'shared' && document.querySelector('#netzwerk-graph').dataset.lines === '903'`)
	p.choose(`#netzwerk-strength`, "ab 2 gemeinsamen Gremien")
	p.waitFor("the weaker ties hidden", `location.search.includes('strength=2') &&
		Number(document.querySelector('#netzwerk-graph').dataset.tiesShown) < 903 &&
		Number(document.querySelector('#netzwerk-graph').dataset.tiesShown) > 0`)
	if note := p.text(`#netzwerk-strength-note`); !strings.Contains(note, "von 903 Verbindungen gezeigt") {
		t.Errorf("no note on the hidden ties: %q", note)
	}
	p.goTo("/netzwerk?region=05562&view=shared&strength=2")
	p.waitFor("the threshold from the address", `document.querySelector('#netzwerk-graph')?.dataset.state === 'ready' &&
		document.querySelector('#netzwerk-strength')?.value === '2'`)
	p.choose(`#netzwerk-strength`, "alle Verbindungen")
	p.waitFor("all ties again", `!location.search.includes('strength=') &&
		document.querySelector('#netzwerk-graph').dataset.tiesShown === '903'`)

	// Back to the default: Gremien as nodes of their own, tied to their members.
	p.click(`#netzwerk-view-hubs`)
	p.waitFor("the bodies in the graph", `document.querySelector('#netzwerk-graph')?.dataset.bodies === '25' && !location.search.includes('view=')`)
	if legend := p.text(`#netzwerk-legend`); !strings.Contains(legend, "Quadrat: Gremium") || !strings.Contains(legend, "vereinbarte Kooperation") {
		t.Errorf("the legend does not explain the bodies and the cooperations:\n%s", legend)
	}

	// The ego view of the articulation point.
	p.click(`[data-list="articulation"] button[data-org]`)
	p.waitFor("the ego network of Stadt Waltrop", `document.querySelector('#netzwerk-ego')?.dataset.center === 'org_01HK153X002WBZ89KQBS32RA6H'`)
	direct := p.text(`#netzwerk-ego [data-distance="1"]`)
	if !strings.Contains(direct, "Willkommen in Waltrop e.V.") {
		t.Errorf("the ego view of Stadt Waltrop does not show its neighbour Willkommen in Waltrop e.V.:\n%s", direct)
	}
	if link := eval[string](p, `location.search`); !strings.Contains(link, "org=org_01HK153X002WBZ89KQBS32RA6H") {
		t.Errorf("the address %s does not hold the chosen organisation", link)
	}
	p.shotAt("netzwerk", "main .controls")

	p.choose(`#netzwerk-depth`, "2 Schritte")
	p.waitFor("depth 2", `document.querySelector('#netzwerk-ego [data-distance="2"]') !== null`)

	p.choose(`#netzwerk-field`, "Wohnen und Mobilität")
	p.waitFor("the field's network", `location.search.includes('field=') &&
		document.querySelector('#netzwerk-graph')?.dataset.state === 'ready' &&
		Number(document.querySelector('#netzwerk-graph').dataset.nodes) < 83`)

	// The explained figures and the threshold pass axe at desktop and phone width, and the
	// phone page does not scroll sideways.
	p.axe(t, "")
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.axe(t, "")
	if w := eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the network view on a phone is %d px wide", w)
	}
	p.checkErrors()
}

// TestBrowserNetzwerkOhneWebGL: on an office PC without WebGL (a virtual desktop) the network
// is drawn on a 2D canvas with the same figures and lists, a note says why it looks simpler,
// choosing an organisation still shows its surroundings, and axe finds nothing serious.
func TestBrowserNetzwerkOhneWebGL(t *testing.T) {
	p := openApp(t, chromedp.Flag("disable-webgl", true), chromedp.Flag("disable-3d-apis", true))
	p.goTo("/netzwerk?region=05562")
	// The 83 organisations as discs and the 25 Gremien with members as squares.
	p.waitFor("the graph without WebGL", `document.querySelector('#netzwerk-graph')?.dataset.state === 'nowebgl' &&
		Number(document.querySelector('#netzwerk-graph canvas.graph-canvas')?.dataset.drawn) === 83 + 25 &&
		document.querySelector('#netzwerk-graph canvas.graph-canvas')?.dataset.squares === '25'`)
	p.waitFor("the layout", `document.querySelector('#netzwerk-graph')?.dataset.layout === 'done'`)
	lines := eval[string](p, `document.querySelector('#netzwerk-graph canvas.graph-canvas').dataset.edges`)
	if want := eval[string](p, `document.querySelector('#netzwerk-graph').dataset.lines`); lines != want {
		t.Errorf("the canvas draws %s lines, want %s", lines, want)
	}
	if w := eval[int](p, `document.querySelector('#netzwerk-graph canvas.graph-canvas').width`); w < 300 {
		t.Errorf("the canvas is %d pixels wide", w)
	}
	if note := p.text(`main`); !strings.Contains(note, "ohne WebGL") {
		t.Errorf("no note on the simpler drawing:\n%s", note)
	}
	p.click(`[data-list="articulation"] button[data-org]`)
	p.waitFor("the ego network of Stadt Waltrop", `document.querySelector('#netzwerk-ego')?.dataset.center === 'org_01HK153X002WBZ89KQBS32RA6H'`)
	p.waitFor("the canvas marking the chosen organisation", `document.querySelector('#netzwerk-graph canvas.graph-canvas')?.dataset.highlighted === '1'`)
	p.axe(t, "")
	p.shotAt("netzwerk-ohne-webgl", "#netzwerk-graph")

	// By keyboard: the first Gremium in the list of nodes, chosen with Enter, is marked on the
	// canvas with its members; Escape gives the focus back to the list.
	p.press(`#netzwerk-nodes`, kb.Home, kb.Enter)
	p.waitFor("the Gremium's panel", `document.querySelector('#netzwerk-ego')?.dataset.kind === 'gremium' &&
		document.activeElement?.id === 'netzwerk-panel-title'`)
	p.waitFor("the canvas marking the chosen Gremium", `document.querySelector('#netzwerk-graph canvas.graph-canvas')?.dataset.highlighted === '1'`)
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("the focus back in the list", `document.activeElement?.id === 'netzwerk-nodes' && !location.search.includes('net=')`)
	p.checkErrors()
}

// TestBrowserNetzwerkTastatur: the network view by keyboard only, with Gremien drawn as hubs.
// The default draws each Gremium as a node of its own (far fewer lines than the ties over
// shared Gremien); the list of nodes is reached by Tab; a Gremium and an organisation are
// chosen with the arrow keys, type-ahead and Enter, each opening its panel with the focus on
// its heading, and Escape brings the focus back to the node in the list. A figure's "Mehr im
// Handbuch" leads to its section of the served handbook. axe finds nothing serious at desktop
// and phone width.
func TestBrowserNetzwerkTastatur(t *testing.T) {
	p := openApp(t)
	p.goTo("/netzwerk?region=05562")
	p.waitFor("the graph", `document.querySelector('#netzwerk-graph')?.dataset.state === 'ready' &&
		document.querySelector('#netzwerk-graph')?.dataset.layout === 'done'`)
	p.shotAt("netzwerk-gremien", "#netzwerk-graph")

	// Gremien as hubs by default.
	type drawn struct {
		View, Nodes, Bodies                                   string
		Lines, Members, Cooperations, Options, GremienOptions int
	}
	d := eval[drawn](p, `(() => { const g = document.querySelector('#netzwerk-graph').dataset; return {
		view: g.view, nodes: g.nodes, bodies: g.bodies, lines: Number(g.lines), members: Number(g.memberLines), cooperations: Number(g.cooperationLines),
		options: document.querySelectorAll('#netzwerk-nodes [role=option]').length,
		gremienOptions: document.querySelectorAll('#netzwerk-nodes [role=option][data-kind=gremium]').length } })()`)
	t.Logf("drawn by default: %+v", d)
	if d.View != "hubs" || d.Nodes != "83" || d.Bodies != "25" {
		t.Errorf("default drawing %+v, want the hub view with 83 organisations and 25 Gremien", d)
	}
	if d.Lines == 0 || d.Lines >= 903 || d.Lines != d.Members+d.Cooperations {
		t.Errorf("the hub view draws %d lines (%d memberships, %d cooperations), want memberships and cooperations, fewer than the 903 ties over shared Gremien", d.Lines, d.Members, d.Cooperations)
	}
	if d.Options != 83+25 || d.GremienOptions != 25 {
		t.Errorf("the list of nodes holds %d options (%d Gremien), want 108 (25)", d.Options, d.GremienOptions)
	}
	if note := p.text(`#netzwerk-figures`); !strings.Contains(note, "Alle Kennzahlen rechnen mit dem Netzwerk der Organisationen") {
		t.Errorf("the figures do not say which graph they are computed on:\n%s", note)
	}

	// Tab from the controls reaches the list of nodes (one stop), with the first Gremium under
	// the keyboard.
	p.press(`#netzwerk-depth`, kb.Tab)
	for i := 0; i < 30 && eval[string](p, `document.activeElement?.id ?? ''`) != "netzwerk-nodes"; i++ {
		p.do(chromedp.KeyEvent(kb.Tab))
	}
	if id := eval[string](p, `document.activeElement?.id ?? ''`); id != "netzwerk-nodes" {
		t.Fatalf("Tab does not reach the list of nodes; the focus is on %q", id)
	}
	if name := eval[string](p, `document.querySelector('#netzwerk-nodes').getAttribute('aria-labelledby')`); name != "netzwerk-nodes-title" {
		t.Errorf("the list is labelled by %q", name)
	}
	first := eval[string](p, `document.querySelector('#netzwerk-nodes [role=option]').dataset.node`)
	if active := eval[string](p, `document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant')`); active != "netzwerk-nodes-"+first {
		t.Errorf("under the keyboard: %q, want the first node %s", active, first)
	}

	// A Gremium: two down, Enter.
	p.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	gremium := eval[string](p, `document.getElementById(document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant')).dataset.node`)
	gremiumName := eval[string](p, `document.getElementById(document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant')).textContent`)
	if !strings.HasPrefix(gremium, "net_") {
		t.Fatalf("two down from the top is %s, want a Gremium", gremium)
	}
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor("the Gremium's panel", fmt.Sprintf(`document.querySelector('#netzwerk-ego')?.dataset.center === %q &&
		document.querySelector('#netzwerk-ego').dataset.kind === 'gremium' && document.activeElement?.id === 'netzwerk-panel-title' &&
		location.search.includes('net=%s')`, gremium, gremium))
	if h := p.text(`#netzwerk-panel-title`); h != gremiumName {
		t.Errorf("the panel is headed %q, want %q", h, gremiumName)
	}
	if members := p.text(`#netzwerk-ego [data-members]`); !strings.Contains(members, "Mitglieder") {
		t.Errorf("the Gremium's panel lists no members:\n%s", members)
	}
	if n := eval[string](p, `document.querySelector('#netzwerk-nodes [aria-selected=true]')?.dataset.node ?? ''`); n != gremium {
		t.Errorf("the list marks %q as chosen, want %s", n, gremium)
	}
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("the panel closed and the focus on the Gremium in the list", fmt.Sprintf(`!location.search.includes('net=') &&
		!document.querySelector('#netzwerk-ego').dataset.center && document.activeElement?.id === 'netzwerk-nodes' &&
		document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant') === 'netzwerk-nodes-%s'`, gremium))

	// An organisation: type the start of the names of towns, then down to Waltrop, Enter.
	activeName := func() string {
		return eval[string](p, `document.getElementById(document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant'))?.textContent ?? ''`)
	}
	p.do(chromedp.KeyEvent("Stadt"))
	if name := activeName(); !strings.HasPrefix(name, "Stadt ") {
		t.Fatalf("typing Stadt leads to %q", name)
	}
	for i := 0; i < 20 && !strings.HasPrefix(activeName(), "Stadt Waltrop"); i++ {
		p.do(chromedp.KeyEvent(kb.ArrowDown))
	}
	p.do(chromedp.KeyEvent(kb.Enter))
	org := eval[string](p, `document.getElementById(document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant')).dataset.node`)
	p.waitFor("the organisation's surroundings", fmt.Sprintf(`document.querySelector('#netzwerk-ego')?.dataset.center === %q &&
		document.querySelector('#netzwerk-ego').dataset.kind === 'organisation' && document.activeElement?.id === 'netzwerk-panel-title'`, org))
	if org != "org_01HK153X002WBZ89KQBS32RA6H" {
		t.Errorf("chose %s, want Stadt Waltrop – Fachdienst Integration", org)
	}
	if direct := p.text(`#netzwerk-ego [data-distance="1"]`); !strings.Contains(direct, "Willkommen in Waltrop e.V.") {
		t.Errorf("the surroundings of Stadt Waltrop lack Willkommen in Waltrop e.V.:\n%s", direct)
	}
	// The drawing keeps the organisation, its Gremien and its neighbours in view.
	if v := eval[string](p, `location.search`); !strings.Contains(v, "org="+org) {
		t.Errorf("the address %s does not hold the chosen organisation", v)
	}
	p.shotAt("netzwerk-tastatur", ".map-layout")
	// Tab into the panel and Escape from there: back to the organisation in the list.
	p.do(chromedp.KeyEvent(kb.Tab))
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("the focus back on the organisation in the list", fmt.Sprintf(`!location.search.includes('org=') &&
		document.activeElement?.id === 'netzwerk-nodes' &&
		document.querySelector('#netzwerk-nodes').getAttribute('aria-activedescendant') === 'netzwerk-nodes-%s'`, org))

	// axe at desktop width, with the list focused.
	p.axe(t, "")

	// Every figure leads to its section of the handbook.
	hrefs := eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('#netzwerk-figures a.handbook-link')].map((a) => [a.closest('[data-figure]').dataset.figure, a.getAttribute('href')]))`)
	if len(hrefs) != 6 || hrefs["modularity"] != "/handbuch#modularitaet" {
		t.Errorf("the figures link to the handbook at %v", hrefs)
	}
	p.press(`[data-figure="modularity"] a.handbook-link`, kb.Enter)
	p.do(chromedp.WaitReady(chromedp.CSS(`h4#modularitaet`)))
	p.waitFor("the handbook's section on modularity", `location.pathname === '/handbuch' && location.hash === '#modularitaet' &&
		document.getElementById('modularitaet')?.textContent === 'Modularität'`)
	if h := p.text(`h2#netzwerk-wer-arbeitet-mit-wem`); h != "Netzwerk – wer arbeitet mit wem?" {
		t.Errorf("the handbook's network chapter is headed %q", h)
	}
	// The screenshots load lazily; each is served.
	if missing := eval[[]string](p, `Promise.all([...document.images].map((i) => fetch(i.src, { method: 'HEAD' }).then((r) => r.ok && r.headers.get('Content-Type') === 'image/png' ? '' : i.src)))
		.then((l) => l.filter(Boolean))`); len(missing) > 0 || eval[int](p, `document.images.length`) < 10 {
		t.Errorf("images of the handbook not served: %v", missing)
	}
	p.axe(t, "")
	p.goTo("/netzwerk?region=05562")
	p.waitFor("the network again", `document.querySelector('#netzwerk-graph')?.dataset.state === 'ready'`)
	if link := eval[string](p, `document.querySelector('footer a[href="/handbuch"]')?.textContent ?? ''`); link != "Handbuch" {
		t.Errorf("the footer links to the handbook as %q", link)
	}

	// At phone width: the same list, and nothing serious for axe.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.press(`#netzwerk-nodes`, kb.End, kb.Enter)
	p.waitFor("the last organisation's panel", `document.querySelector('#netzwerk-ego')?.dataset.kind === 'organisation'`)
	p.axe(t, "")
	if w := eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
		wide := eval[[]string](p, `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 8)
			.map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`)
		t.Errorf("the network view on a phone is %d px wide; too wide: %v", w, wide)
	}
	// The handbook on a phone: nothing serious for axe, no sideways scrolling of the page.
	p.do(chromedp.Navigate(p.base + "/handbuch#das-netzwerk-mit-der-tastatur"))
	p.do(chromedp.WaitReady(chromedp.CSS(`h3#das-netzwerk-mit-der-tastatur`)))
	p.axe(t, "")
	if w := eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the handbook on a phone is %d px wide", w)
	}
	p.checkErrors()
}
