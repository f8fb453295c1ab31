package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPhoneWidth opens every view at a phone's width (390 px) and checks that the page
// does not scroll sideways: wide tables scroll inside their own box, everything else wraps.
func TestBrowserPhoneWidth(t *testing.T) {
	p := openApp(t)
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	views := []struct{ path, ready string }{
		{"/karte?region=05562&field=fld_01HK153X00AYAAZ3S0NAKZD2EM&sel=05562004", `document.querySelector('#karte-panel .offer-list')`},
		{"/verzeichnis?region=05562&q=Sprachcaf%C3%A9", `document.querySelector('#search-results .hit')`},
		{"/verzeichnis/massnahme/msr_01HK153X00XF1B596KGT0E6MGD", `document.querySelector('[data-section="providers"] a')`},
		{"/netzwerk?region=05562&org=org_01HK153X002WBZ89KQBS32RA6H", `document.querySelector('#netzwerk-ego [data-distance="1"]')`},
		{"/dubletten?region=05562", `document.querySelector('#dup-queue .dup-pair')`},
		{"/partner?region=05562&org=org_01HK153X00110DYXVYDR35G121", `document.querySelector('#partner-results .partner')`},
		{"/steuerung?region=05562", `document.querySelector('#heatmap-table') && document.querySelector('#statuses-table')`},
		{"/verwaltung", `document.querySelector('#login-form')`},
	}
	for _, v := range views {
		p.goTo(v.path)
		p.waitFor(v.path, v.ready)
		// The layout viewport (clientWidth), not window.innerWidth: a phone zooms out to show
		// wide content, so innerWidth grows with the page and would hide the problem.
		if w := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
			culprit := eval[string](p, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
				!e.closest('.table-scroll, .leaflet-container, .graph')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')`)
			t.Errorf("%s is %d px wider than the phone (%s)", v.path, w, culprit)
		}
	}
	p.shot("verwaltung-phone")
}
