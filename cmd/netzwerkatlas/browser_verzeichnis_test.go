package main

import (
	"strings"
	"testing"
)

// TestBrowserVerzeichnis: a search with filters finds a known measure; its detail page lists
// its relations, and the link to its provider leads to the provider's page, which lists the
// measure among its offers.
func TestBrowserVerzeichnis(t *testing.T) {
	p := openApp(t)
	p.goTo("/verzeichnis?region=05562")
	p.waitFor("the first results", `document.querySelector('#search-results .hit') !== null`)

	// Paging through everything of the region.
	first := p.text(`#search-results .hit-title`)
	p.click(`.pager button[data-focus="next"]`)
	p.waitFor("page 2", `document.querySelector('.pager-info')?.textContent.startsWith('Seite 2 von') &&
		document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false'`)
	if second := p.text(`#search-results .hit-title`); second == first {
		t.Errorf("page 2 starts with the same hit as page 1: %q", first)
	}
	if s := p.text(`main [role="status"]`); !strings.Contains(s, "angezeigt 21–40") {
		t.Errorf("status on page 2: %q", s)
	}
	p.click(`.pager button[data-focus="prev"]`)
	p.waitFor("page 1 again", `document.querySelector('.pager-info')?.textContent.startsWith('Seite 1 von') &&
		document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false'`)
	if again := p.text(`#search-results .hit-title`); again != first {
		t.Errorf("back on page 1 the first hit is %q, want %q", again, first)
	}

	p.fill(`#search-q`, "Sprachcafé")
	p.click(`#search-form button[type="submit"]`)
	p.waitFor("the hits for Sprachcafé", `location.search.includes('q=Sprachcaf') &&
		document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false'`)
	p.choose(`#search-types`, "Angebote")
	p.choose(`#search-municipality`, "Marl")
	p.waitFor("the filtered hits", `location.search.includes('municipality=05562024') &&
		document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false'`)

	chips := p.text(`.chips`)
	for _, want := range []string{"Art: Angebote", "Kommune: Marl"} {
		if !strings.Contains(chips, want) {
			t.Errorf("filter chips %q lack %q", chips, want)
		}
	}
	hits := p.text(`#search-results`)
	if !strings.Contains(hits, "Sprachcafé Marl") {
		t.Fatalf("the search for Sprachcafé in Marl does not find Sprachcafé Marl:\n%s", hits)
	}
	if strings.Contains(hits, "Sprachcafé Datteln") {
		t.Errorf("the municipality filter lets Sprachcafé Datteln through:\n%s", hits)
	}
	if marked := eval[string](p, `document.querySelector('#search-results .hit-title mark')?.textContent ?? ''`); marked != "Sprachcafé" {
		t.Errorf("highlighted %q in the title, want Sprachcafé", marked)
	}
	p.shot("verzeichnis")

	// Removing a chip widens the search again.
	p.click(`.chip[data-filter="municipality"]`)
	p.waitFor("the wider hits", `!location.search.includes('municipality=') &&
		document.querySelector('#search-results')?.textContent.includes('Sprachcafé Datteln')`)

	p.goTo("/verzeichnis?region=05562&q=Sprachcaf%C3%A9&types=measure&municipality=05562024")
	p.waitFor("the deep-linked hits", `document.querySelector('#search-results .hit-title a') !== null`)
	p.click(`#search-results .hit-title a`)
	p.waitFor("the detail page", `location.pathname.startsWith('/verzeichnis/massnahme/') &&
		document.querySelector('[data-section="providers"] a') !== null`)
	if h := p.text(`main h1`); h != "Sprachcafé Marl" {
		t.Errorf("detail heading %q, want Sprachcafé Marl", h)
	}
	detail := p.text(`main`)
	for _, want := range []string{"Anbieter", "Handlungsfelder", "Zielgruppen", "Angeboten in", "Marl"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail page lacks %q", want)
		}
	}
	p.shot("verzeichnis-massnahme")

	provider := p.text(`[data-section="providers"] a`)
	p.click(`[data-section="providers"] a`)
	p.waitFor("the provider's page", `location.pathname.startsWith('/verzeichnis/organisation/') &&
		document.querySelector('[data-section="offers"] a') !== null`)
	if h := p.text(`main h1`); h != provider {
		t.Errorf("organisation heading %q, want %q", h, provider)
	}
	if offers := p.text(`[data-section="offers"]`); !strings.Contains(offers, "Sprachcafé Marl") {
		t.Errorf("%s does not list Sprachcafé Marl among its offers:\n%s", provider, offers)
	}
	p.shot("verzeichnis-organisation")
}
