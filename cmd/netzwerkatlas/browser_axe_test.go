package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeView is a page of the app and what shows that it has finished loading.
type axeView struct{ path, ready string }

// axeViews lists every view of the web app, signed in as an administrator (so that the
// coordinators' controls show): the map with a municipality's panel, the directory's search,
// the four kinds of entry pages, the entry form, the network, both Dubletten tabs, the partner
// finder, the Steuerung with a goal's and an indicator's page, the Verwaltung and the
// Handbuch. Ids the demo does not fix are asked from the API.
func axeViews(p *page) []axeView {
	token := p.adminToken()
	first := func(path string) string {
		var l struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		if code := p.apiJSON("GET", path, token, nil, nil, &l); code != 200 || len(l.Items) == 0 {
			p.fail("%s: %d, %d items", path, code, len(l.Items))
		}
		return l.Items[0].ID
	}
	network := first("/api/v1/networks?region=05562&limit=1")
	actor := first("/api/v1/actors?region=05562&limit=1")
	goal := first("/api/v1/goals?region=05562&limit=1")
	indicator := first("/api/v1/indicators?region=05562&limit=1")
	loaded := `!document.querySelector('main .loading')`
	return []axeView{
		{"/karte?region=05562&field=fld_01HK153X00AYAAZ3S0NAKZD2EM&sel=05562004", `document.querySelector('#karte-panel .offer-list')`},
		{"/verzeichnis?region=05562&q=Sprachcaf%C3%A9", `document.querySelector('#search-results .hit')`},
		{"/verzeichnis/massnahme/msr_01HK153X00XF1B596KGT0E6MGD", `document.querySelector('[data-section="providers"] a')`},
		{"/verzeichnis/organisation/org_01HK153X00110DYXVYDR35G121", `document.querySelector('[data-section="people"]')`},
		{"/verzeichnis/netzwerk/" + network, `document.querySelector('[data-section="members"]')`},
		{"/verzeichnis/person/" + actor, `document.querySelector('[data-section="employers"]')`},
		{"/verzeichnis/neu/massnahme?region=05562", `document.querySelector('#edit-form #edit-providers-search')`},
		{"/netzwerk?region=05562", `document.querySelector('#netzwerk-nodes') && ` + loaded},
		{"/dubletten?region=05562", `document.querySelector('#dup-queue .dup-pair')`},
		{"/dubletten?region=05562&tab=strukturen", `document.querySelector('#str-queue .str-card')`},
		{"/partner?region=05562&org=org_01HK153X00110DYXVYDR35G121", `document.querySelector('#partner-results .partner')`},
		{"/steuerung?region=05562", `document.querySelector('#heatmap-table') && document.querySelector('#statuses-table')`},
		{"/steuerung/ziel/" + goal, `document.querySelector('#goal-page')?.dataset.state === 'ready'`},
		{"/steuerung/kennzahl/" + indicator, `document.querySelector('#indicator-page')?.dataset.state === 'ready'`},
		{"/verwaltung?region=05562", `document.querySelector('#users-table') && document.querySelector('#audit-list .audit-entry')`},
		{"/handbuch", `document.querySelector('main h1')`},
	}
}

// checkViews opens half of the views (0: the first, 1: the second, so that each test stays well
// inside the browser's time limit) at desktop and then at phone width, and fails on any
// critical or serious axe finding and on sideways scrolling.
func checkViews(t *testing.T, half int) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	views := axeViews(p)
	mid := (len(views) + 1) / 2
	views = [][]axeView{views[:mid], views[mid:]}[half]
	for _, size := range []struct {
		width, height int
		mobile        bool
	}{{1280, 900, false}, {390, 844, true}} {
		if size.mobile {
			p.do(chromedp.EmulateViewport(int64(size.width), int64(size.height), chromedp.EmulateMobile))
		} else {
			p.do(chromedp.EmulateViewport(int64(size.width), int64(size.height)))
		}
		for _, v := range views {
			p.goTo(v.path)
			p.waitFor(v.path, v.ready)
			for _, f := range p.axe(t, "") {
				if f.Impact == "critical" || f.Impact == "serious" {
					t.Errorf("… found on %s at %d px", v.path, size.width)
				}
			}
			if w := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
				culprit := eval[string](p, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
				!e.closest('.table-scroll, .leaflet-container, .graph')).slice(0, 3).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')`)
				t.Errorf("%s at %d px scrolls %d px sideways (%s)", v.path, size.width, w, culprit)
			}
		}
	}
	t.Logf("axe ran on %d views at 1280 and 390 px", len(views))
}

// TestBrowserAxe: axe-core on every view at desktop (1280 px) and phone (390 px) width, signed
// in as an administrator: zero critical and zero serious violations (WCAG 2.1 AA, as BITV 2.0
// asks), and no view scrolls sideways.
func TestBrowserAxe(t *testing.T) {
	for half := range 2 {
		t.Run(fmt.Sprintf("views-%d", half+1), func(t *testing.T) { checkViews(t, half) })
	}
}
