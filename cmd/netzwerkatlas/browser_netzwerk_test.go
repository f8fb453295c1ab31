package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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

	// A readable default: names only at the strongest brokers, and a threshold on how many
	// Gremien a tie must share, kept in the address.
	if n := eval[string](p, `document.querySelector('#netzwerk-graph').dataset.named`); n != "10" {
		t.Errorf("%s organisations named by default, want the 10 strongest brokers", n)
	}
	if legend := p.text(`#netzwerk-legend`); !strings.Contains(legend, "zehn wichtigsten Vermittlern") {
		t.Errorf("the legend does not say which names are shown:\n%s", legend)
	}
	p.choose(`#netzwerk-strength`, "ab 2 gemeinsamen Gremien")
	p.waitFor("the weaker ties hidden", `location.search.includes('strength=2') &&
		Number(document.querySelector('#netzwerk-graph').dataset.tiesShown) < 903 &&
		Number(document.querySelector('#netzwerk-graph').dataset.tiesShown) > 0`)
	if note := p.text(`#netzwerk-strength-note`); !strings.Contains(note, "von 903 Verbindungen gezeigt") {
		t.Errorf("no note on the hidden ties: %q", note)
	}
	p.goTo("/netzwerk?region=05562&strength=2")
	p.waitFor("the threshold from the address", `document.querySelector('#netzwerk-graph')?.dataset.state === 'ready' &&
		document.querySelector('#netzwerk-strength')?.value === '2'`)
	p.choose(`#netzwerk-strength`, "alle Verbindungen")
	p.waitFor("all ties again", `!location.search.includes('strength=') &&
		document.querySelector('#netzwerk-graph').dataset.tiesShown === '903'`)

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

	// Bodies as nodes of their own, tied to their members.
	p.click(`#netzwerk-nets`)
	p.waitFor("the bodies in the graph", `document.querySelector('#netzwerk-graph')?.dataset.bodies === '25' && location.search.includes('nets=1')`)
	if legend := p.text(`#netzwerk-legend`); !strings.Contains(legend, "Gremium") {
		t.Errorf("the legend does not explain the bodies:\n%s", legend)
	}
	p.shotAt("netzwerk-gremien", "#netzwerk-graph")

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
	p.waitFor("the graph without WebGL", `document.querySelector('#netzwerk-graph')?.dataset.state === 'nowebgl' &&
		Number(document.querySelector('#netzwerk-graph canvas.graph-canvas')?.dataset.drawn) === 83`)
	p.waitFor("the layout", `document.querySelector('#netzwerk-graph')?.dataset.layout === 'done'`)
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
	p.checkErrors()
}
