package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
