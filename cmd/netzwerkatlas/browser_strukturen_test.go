package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserStrukturen: a coordinator opens Dubletten for Kreis Recklinghausen, switches to
// the tab "Doppelstrukturen" by keyboard, finds the demo's planted parallel working groups
// ("Arbeitskreis …" and "Fachgruppe Zusammenleben und Teilhabe") with their shared members,
// and records "Gewollt" with a note; the card moves to "Bereits entschieden", and after a
// reload the pair is still there. Changing the verdict says which one it replaced. The tab
// passes axe-core at 1280 and 390 px and does not scroll sideways on a phone.
func TestBrowserStrukturen(t *testing.T) {
	p := openApp(t)

	// Readers see the overlaps but no verdict buttons.
	p.goTo("/dubletten?region=05562&tab=strukturen")
	p.waitFor("the structures tab from the address", `document.querySelector('#dup-tab-strukturen')?.getAttribute('aria-selected') === 'true' &&
		document.querySelector('#str-queue .str-card') !== null`)
	if n := eval[int](p, `document.querySelectorAll('#str-queue button[data-verdict]').length`); n != 0 {
		t.Errorf("%d verdict buttons without sign-in", n)
	}
	if eval[bool](p, `!!document.querySelector('#dup-queue .dup-pair')`) {
		t.Errorf("the hidden Angebote tab was loaded although the address names Doppelstrukturen")
	}

	p.signIn("admin", adminPassword)
	p.goTo("/dubletten?region=05562")
	p.waitFor("the Angebote tab selected", `document.querySelector('#dup-tab-angebote')?.getAttribute('aria-selected') === 'true' &&
		document.querySelector('#dup-queue .dup-pair') !== null`)

	// Keyboard only: from the region to the tab list, the arrow selects the other tab.
	p.press(`#dup-region`, kb.Tab)
	p.waitFor("the focus on the selected tab", `document.activeElement?.id === 'dup-tab-angebote'`)
	p.do(chromedp.KeyEvent(kb.ArrowRight))
	p.waitFor("the structures tab", `document.activeElement?.id === 'dup-tab-strukturen' &&
		document.activeElement.getAttribute('aria-selected') === 'true' &&
		!document.querySelector('#dup-panel-strukturen').hidden && document.querySelector('#dup-panel-angebote').hidden`)
	if search := eval[string](p, `location.search`); !strings.Contains(search, "tab=strukturen") || !strings.Contains(search, "region=05562") {
		t.Errorf("the address does not keep the tab: %s", search)
	}

	find := `[...document.querySelectorAll('#str-queue .str-card[data-kind="parallel_networks"]')].find(c => {
		const h = c.querySelector('h3').textContent;
		return h.includes('Fachgruppe Zusammenleben und Teilhabe') && h.includes('Arbeitskreis Zusammenleben und Teilhabe') && !h.includes('Recklinghausen') })`
	p.waitFor("the parallel working groups", find+` !== undefined`)
	key := eval[string](p, find+`.dataset.pair`)
	card := `#str-queue [data-pair="` + key + `"]`
	text := p.text(card)
	for _, want := range []string{"Parallele Gremien", "Arbeitskreis · kreisweit", "Gemeinsame Mitglieder", "Kommunales Integrationszentrum Kreis Recklinghausen",
		"Flüchtlingshilfe Marl e.V.", "fast dieselben Mitglieder", "Zusammenleben und Teilhabe", "Prüfen Sie"} {
		if !strings.Contains(text, want) {
			t.Errorf("the card lacks %q:\n%s", want, text)
		}
	}
	if links := eval[int](p, fmt.Sprintf(`document.querySelectorAll(%q).length`, card+` .str-side a[href^="/verzeichnis/netzwerk/net_"]`)); links != 2 {
		t.Errorf("%d sides linked to their network pages, want 2", links)
	}
	if town := p.text(`#str-queue .str-card[data-kind="town_concept"]`); !strings.Contains(town, "Integrationskonzept der Stadt Marl") ||
		!strings.Contains(town, "Konzept einer Kommune") || !strings.Contains(town, "Ziele des Kreiskonzepts") {
		t.Errorf("the town concept's card reads %q", town)
	}
	if !eval[bool](p, `!!document.querySelector('#str-queue .str-card[data-kind="town_concept"] .str-side a[href^="/steuerung/konzept/cpt_"]')`) {
		t.Errorf("the town concept is not linked to its page")
	}
	if !eval[bool](p, `!!document.querySelector('#str-queue .str-card[data-kind="county_and_town"]')`) {
		t.Errorf("no card for the town's working group beside the county's")
	}
	t.Logf("axe at 1280 px: %d findings (none critical or serious)", len(p.axe(t, "main")))

	// The note typed, the verdict by keyboard.
	note := card + ` input.str-note-input`
	p.do(chromedp.Focus(chromedp.CSS(note)), chromedp.SendKeys(chromedp.CSS(note), "Die Fachgruppe bereitet die Sitzungen des Arbeitskreises vor."))
	p.shotAt("dubletten-strukturen", card)
	p.press(card+` button[data-verdict="intended"]`, "\r")
	decided := `#str-decided [data-pair="` + key + `"][data-verdict="intended"]`
	p.waitFor("the card to move to the decided list", fmt.Sprintf(`document.querySelector(%q) === null && document.querySelector(%q) !== null`, card, decided))
	if s := p.text(`#str-status`); !strings.Contains(s, "Gewollt") || !strings.Contains(s, "Bereits entschieden") {
		t.Errorf("the verdict was not announced: %q", s)
	}
	if d := p.text(decided); !strings.Contains(d, "admin") || !strings.Contains(d, "bereitet die Sitzungen") {
		t.Errorf("the decided pair does not say who decided and why: %q", d)
	}
	if focus := eval[string](p, `document.activeElement?.tagName + ' ' + document.activeElement?.closest('.str-card, #str-decided')?.className`); !strings.HasPrefix(focus, "H") {
		t.Errorf("after the verdict the focus is on %q, want the next card's heading", focus)
	}

	p.goTo("/dubletten?region=05562&tab=strukturen")
	p.waitFor("the verdict after a reload", fmt.Sprintf(`document.querySelector(%q) !== null`, decided))
	if eval[bool](p, fmt.Sprintf(`document.querySelector(%q) !== null`, card)) {
		t.Errorf("after a reload the decided pair is back among the open ones")
	}
	if h := p.text(`#str-decided h2`); !strings.HasPrefix(h, "Bereits entschieden") {
		t.Errorf("the decided list is headed %q", h)
	}
	p.shotAt("dubletten-strukturen-entschieden", "#str-decided")

	// Changing the verdict names the one it replaced.
	p.click(decided + ` details summary`)
	p.click(decided + ` button[data-verdict="not_duplicate"]`)
	p.waitFor("the changed verdict", fmt.Sprintf(`document.querySelector('#str-decided [data-pair=%q][data-verdict="not_duplicate"]') !== null`, key))
	if s := p.text(`#str-status`); !strings.Contains(s, "ersetzt die frühere „Gewollt“ von admin") {
		t.Errorf("the replaced verdict is not explained: %q", s)
	}

	// A phone's width: no sideways scrolling, no accessibility problem.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.noSidewaysScroll("the Doppelstrukturen tab")
	t.Logf("axe at 390 px: %d findings (none critical or serious)", len(p.axe(t, "main")))
	p.shotAt("dubletten-strukturen-phone", "#dup-tabs")
	p.do(chromedp.EmulateViewport(1280, 900))
}
