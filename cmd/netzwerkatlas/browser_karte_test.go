package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// fills returns every municipality's fill on the map, by AGS.
func fills(p *page) map[string]string {
	p.t.Helper()
	return eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('#karte-map path.municipality')]
		.map(e => [e.dataset.ags, e.getAttribute('fill')]))`)
}

// clickMunicipality clicks the map inside the municipality's polygon (not just its bounding
// box, whose centre may lie in a neighbour).
func clickMunicipality(p *page, ags string) {
	p.t.Helper()
	pt := eval[[]float64](p, fmt.Sprintf(`(() => {
		const el = document.querySelector('#karte-map path[data-ags="%s"]');
		// Scroll the page, not the map: Leaflet's container must keep its own offsets.
		document.querySelector('#karte-map').scrollIntoView({ block: 'center' });
		const r = el.getBoundingClientRect();
		for (let i = 0; i < 400; i++) {
			const x = r.left + r.width * (0.5 + 0.45 * Math.cos(i * 2.4) * Math.sqrt(i / 400));
			const y = r.top + r.height * (0.5 + 0.45 * Math.sin(i * 2.4) * Math.sqrt(i / 400));
			if (document.elementFromPoint(x, y) === el) return [x, y];
		}
		return null;
	})()`, ags))
	if len(pt) != 2 {
		p.fail("no visible point inside municipality %s", ags)
	}
	p.do(chromedp.MouseClickXY(pt[0], pt[1]))
}

// TestBrowserKarte: the transparency map of Kreis Recklinghausen changes its colours with the
// field of action, a click on Castrop-Rauxel opens its panel with its offers, and the address
// holds region, field and selection, so that the link opens the same map.
func TestBrowserKarte(t *testing.T) {
	p := openApp(t)
	p.goTo("/karte?region=05562")
	p.waitFor("the map", `document.querySelector('#karte-map')?.dataset.state === 'ready'`)
	if n := eval[int](p, `document.querySelectorAll('#karte-map path.municipality').length`); n != 10 {
		t.Fatalf("%d municipalities on the map, want the 10 of Kreis Recklinghausen", n)
	}
	before := fills(p)
	if legend := p.text(`#karte-legend`); !strings.Contains(legend, "Lücke") || !strings.Contains(legend, "Dünn versorgt") {
		t.Errorf("legend without the classes:\n%s", legend)
	}
	checkKarteWords(p)
	checkKarteNames(p)
	karteKeyboard(p, "05562004", "Castrop-Rauxel")
	p.axe(t, "main")

	p.choose(`#karte-field`, "Wohnen und Mobilität")
	p.waitFor("the map of the field", `(() => { const m = document.querySelector('#karte-map');
		return m.dataset.state === 'ready' && m.dataset.key.includes('fld_') })()`)
	after := fills(p)
	changed := 0
	for ags, f := range after {
		if before[ags] != f {
			changed++
		}
	}
	if changed == 0 {
		t.Errorf("no municipality changed its colour with the field:\nbefore %v\nafter  %v", before, after)
	}
	// Herten has no offer in "Wohnen und Mobilität": a gap, hatched.
	if f := after["05562020"]; !strings.Contains(f, "url(#nwa-hatch)") {
		t.Errorf("Herten's fill is %q, want the gap hatching", f)
	}
	p.choose(`#karte-field`, "Wirtschaft und Arbeitsmarkt")
	p.waitFor("the map of the second field", `(() => { const m = document.querySelector('#karte-map');
		return m.dataset.state === 'ready' && m.dataset.key.includes('fld_01HK153X00AYAAZ3S0NAKZD2EM') })()`)

	clickMunicipality(p, "05562004")
	p.waitFor("Castrop-Rauxel's offers", `document.querySelector('#karte-panel[data-ags="05562004"] .offer-list') !== null`)
	if h := p.text(`#karte-panel h2`); h != "Castrop-Rauxel" {
		t.Errorf("panel heading %q, want Castrop-Rauxel", h)
	}
	offers := p.text(`#karte-panel .offer-list`)
	if !strings.Contains(offers, "Bewerbungswerkstatt Castrop-Rauxel") {
		t.Errorf("Castrop-Rauxel's panel does not list its offer Bewerbungswerkstatt Castrop-Rauxel:\n%s", offers)
	}
	panel := p.text(`#karte-panel`)
	for _, want := range []string{"Anbieter", "Netzwerke", "Lücken"} {
		if !strings.Contains(panel, want) {
			t.Errorf("the panel lacks %s:\n%s", want, panel)
		}
	}
	link := eval[string](p, `location.pathname + location.search`)
	for _, want := range []string{"region=05562", "field=fld_01HK153X00AYAAZ3S0NAKZD2EM", "sel=05562004"} {
		if !strings.Contains(link, want) {
			t.Errorf("address %s lacks %s", link, want)
		}
	}
	p.shotAt("karte", "main .controls")

	// The deep link opens the same map in a new page.
	p.goTo(link)
	p.waitFor("the deep-linked panel", `document.querySelector('#karte-panel[data-ags="05562004"] .offer-list') !== null`)
	if v := eval[string](p, `document.querySelector('#karte-field').value`); v != "fld_01HK153X00AYAAZ3S0NAKZD2EM" {
		t.Errorf("the deep link chose field %q", v)
	}

	// On a phone's width the panel follows the map.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the narrow layout", `document.querySelector('#karte-panel').getBoundingClientRect().top >
		document.querySelector('#karte-map').getBoundingClientRect().bottom`)
	p.shotAt("karte-phone", "#karte-map")
	p.axe(t, "main")
	// On the phone, too, Escape closes the panel and the keyboard is back on the municipality.
	p.press(`#karte-panel-title`, kb.Escape)
	p.waitFor("the closed panel", `!document.querySelector('#karte-panel-title') &&
		document.activeElement?.dataset?.ags === '05562004'`)
	karteKeyboard(p, "05562020", "Herten")
	p.axe(t, "main")
}

// checkKarteWords: the map is German, zoom buttons included, and names its population base
// one way, with source and year.
func checkKarteWords(p *page) {
	p.t.Helper()
	for css, want := range map[string]string{
		`#karte-map .leaflet-control-zoom-in`:  "Vergrößern",
		`#karte-map .leaflet-control-zoom-out`: "Verkleinern",
	} {
		if got := eval[string](p, fmt.Sprintf(`document.querySelector(%q)?.getAttribute('aria-label') ?? ''`, css)); got != want {
			p.t.Errorf("zoom button %s is named %q, want %q", css, got, want)
		}
	}
	p.waitFor("the legend with the base's source", `document.querySelector('#karte-legend .legend-unit')?.textContent.includes('Stand 2022')`)
	unit := p.text(`#karte-legend .legend-unit`)
	if want := "Aktive Angebote je 10.000 Menschen mit ausländischer Staatsangehörigkeit (Schätzung aus dem Anteil im Kreis, Stand 2022)"; unit != want {
		p.t.Errorf("legend unit %q, want %q", unit, want)
	}
	text := eval[string](p, `document.querySelector('main').textContent + [...document.querySelectorAll('main [aria-label]')].map(e => e.getAttribute('aria-label')).join(' ')`)
	for _, other := range []string{"Zuwanderungsgeschichte", "Bedarfsgruppe", "Zoom in", "Zoom out"} {
		if strings.Contains(text, other) {
			p.t.Errorf("the map says %q", other)
		}
	}
	if !strings.Contains(p.text(`main .lead`), "Menschen mit ausländischer Staatsangehörigkeit") {
		p.t.Errorf("the introduction does not name the base: %s", p.text(`main .lead`))
	}
}

// checkKarteNames: municipalities carry their names where they fit, hidden from screen
// readers (the polygons' labels and the table name them), each inside its municipality.
func checkKarteNames(p *page) {
	p.t.Helper()
	p.waitFor("names on the map", `document.querySelectorAll('#karte-map .map-name').length > 0`)
	type label struct {
		Text   string `json:"text"`
		Hidden bool   `json:"hidden"`
		Inside bool   `json:"inside"`
	}
	labels := eval[[]label](p, `(() => {
		document.querySelector('#karte-map').scrollIntoView({ block: 'center' });
		const names = Object.fromEntries([...document.querySelectorAll('#karte-map path.municipality')]
			.map(e => [e.getAttribute('aria-label').split(':')[0], e]));
		return [...document.querySelectorAll('#karte-map .map-name')].map(e => {
			const text = [...e.querySelectorAll('.map-name-text > span')].map(s => s.textContent).join('').replace(/-$/, '');
			const r = e.getBoundingClientRect();
			// Hide the label a moment to see what lies under its centre.
			e.style.visibility = 'hidden';
			const under = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			e.style.visibility = '';
			return { text, hidden: e.getAttribute('aria-hidden') === 'true', inside: under === names[text] };
		});
	})()`)
	if len(labels) < 3 {
		p.t.Errorf("only %d of 10 municipalities are named on the map: %v", len(labels), labels)
	}
	for _, l := range labels {
		if !l.Hidden || !l.Inside {
			p.t.Errorf("label %+v: want hidden from screen readers and inside its municipality", l)
		}
	}
}

// karteKeyboard opens a municipality with Enter, as a keyboard user would: the focus goes to
// the panel's heading; Escape closes the panel and the focus is on the municipality again.
func karteKeyboard(p *page, ags, name string) {
	p.t.Helper()
	path := fmt.Sprintf(`#karte-map path.municipality[data-ags="%s"]`, ags)
	p.press(path, kb.Enter)
	p.waitFor(name+"'s panel from the keyboard", fmt.Sprintf(`document.querySelector('#karte-panel')?.dataset.ags === %q &&
		document.activeElement?.id === 'karte-panel-title'`, ags))
	if h := p.text(`#karte-panel-title`); h != name {
		p.t.Errorf("panel heading %q, want %s", h, name)
	}
	p.waitFor(name+"'s offers", `document.querySelector('#karte-panel .offer-list, #karte-panel .panel-section p.muted') !== null`)
	if id := eval[string](p, `document.activeElement?.id ?? ''`); id != "karte-panel-title" {
		p.t.Errorf("after the offers arrived the focus is on %q, want the panel's heading", id)
	}
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("the panel closed by Escape", `!document.querySelector('#karte-panel-title') && !location.search.includes('sel=')`)
	if got := eval[string](p, `document.activeElement?.dataset?.ags ?? document.activeElement?.tagName`); got != ags {
		p.t.Errorf("after Escape the focus is on %q, want the municipality %s", got, ags)
	}
}

// TestBrowserKartePerformance measures how long the map of Rhein-Neckar-Kreis (54
// municipalities) takes from navigation until it is interactive (polygons drawn, classes set,
// handlers bound). docs/pending-frontend-performance.md reports the figures.
func TestBrowserKartePerformance(t *testing.T) {
	p := openApp(t)
	// A first visit warms the service's analysis cache, as any earlier visitor would have.
	p.goTo("/karte?region=08226")
	p.waitFor("the map", `document.querySelector('#karte-map')?.dataset.state === 'ready'`)
	var runs []time.Duration
	for i := 0; i < 3; i++ {
		p.goTo("/karte?region=08226")
		p.waitFor("the map", `document.querySelector('#karte-map')?.dataset.state === 'ready'`)
		ms := eval[float64](p, `performance.getEntriesByName('nwa:map-ready')[0].startTime`)
		runs = append(runs, time.Duration(ms*float64(time.Millisecond)))
	}
	n := eval[int](p, `document.querySelectorAll('#karte-map path.municipality').length`)
	if n != 54 {
		t.Fatalf("%d municipalities, want 54", n)
	}
	t.Logf("Rhein-Neckar map interactive after %v (navigation start to map ready)", runs)
	for _, d := range runs {
		// The target is 1 s; the bound leaves room for a machine busy with other builds.
		if d > 3*time.Second {
			t.Errorf("map interactive after %v, want well under 1 s", d)
		}
	}
}
