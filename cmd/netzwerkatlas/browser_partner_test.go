package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPartner: choosing DITIB-Moscheegemeinde Dorsten lists ranked partners with their
// reasons in German; anonymous visitors see the organisations' general contact but no contact
// people, a signed-in coordinator sees the contact person of the Kommunales
// Integrationszentrum with her e-mail.
func TestBrowserPartner(t *testing.T) {
	p := openApp(t)
	p.goTo("/partner?region=05562")
	// The picker narrows as one types, and Enter chooses the first match, by keyboard only.
	p.waitFor("the organisations", `document.querySelector('#partner-org')?.options.length > 50`)
	p.fill(`#partner-org-search`, "ditib dorsten")
	p.waitFor("the narrowed list", `document.querySelector('#partner-org').options.length === 2 &&
		document.querySelector('#partner-org-count').textContent.includes('1 von')`)
	p.press(`#partner-org-search`, "\r")
	const ki = `#partner-results [data-org="org_01HK153X00BY9P2ZT3H579BPYY"]`
	p.waitFor("the partners", `document.querySelector('`+ki+`') !== null`)
	if got := eval[string](p, `document.querySelector('#partner-org').selectedOptions[0].textContent`); got != "DITIB-Moscheegemeinde Dorsten" {
		t.Errorf("Enter in the search box chose %q", got)
	}
	reasons := p.text(ki + ` .reasons`)
	for _, want := range []string{"Arbeitet in denselben Handlungsfeldern:", "Ist in denselben Kommunen aktiv:", "Bietet in Ihren Kommunen an, was Sie nicht anbieten:"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("the reasons for the Kommunales Integrationszentrum lack %q:\n%s", want, reasons)
		}
	}
	if c := p.text(ki + ` .contact`); !strings.Contains(c, "info@kommunales-integrationszentrum-kreis-recklinghausen.example") || strings.Contains(c, "Nour Khalil") {
		t.Errorf("anonymous contact block: %q", c)
	}
	if loc := eval[string](p, `location.search`); !strings.Contains(loc, "org=org_01HK153X00110DYXVYDR35G121") {
		t.Errorf("the address %s does not hold the organisation", loc)
	}

	// Filters by Handlungsfeld, Kommune and Zielgruppe narrow the suggestions to those whose
	// reasons name the chosen value, and are kept in the address.
	all := eval[int](p, `document.querySelectorAll('#partner-results li.partner').length`)
	p.choose(`#partner-municipality`, "Dorsten")
	p.waitFor("the municipality filter", `location.search.includes('municipality=') &&
		document.querySelector('#partner-results .partner-filtered') !== null`)
	filtered := eval[int](p, `document.querySelectorAll('#partner-results li.partner').length`)
	if filtered == 0 || filtered > all {
		t.Errorf("%d suggestions in Dorsten, of %d", filtered, all)
	}
	if !eval[bool](p, `[...document.querySelectorAll('#partner-results li.partner')].every((li) =>
		li.querySelector('[data-reason="shared_municipalities"]') !== null)`) {
		t.Errorf("a suggestion filtered by Kommune names no shared municipality")
	}
	field := eval[string](p, `document.querySelector('#partner-field').options[1].textContent`)
	p.choose(`#partner-field`, field)
	p.waitFor("the field filter", `location.search.includes('field=') && (document.querySelector('#partner-results li.partner') !== null ||
		document.querySelector('#partner-results .partner-filtered') !== null)`)
	if n := eval[int](p, `document.querySelectorAll('#partner-results li.partner').length`); n > filtered {
		t.Errorf("a second filter shows more suggestions (%d) than one (%d)", n, filtered)
	}
	p.axe(t, "")
	p.choose(`#partner-field`, "Alle Handlungsfelder")
	p.choose(`#partner-municipality`, "Alle Kommunen")
	p.waitFor("all suggestions again", `!location.search.includes('municipality=') &&
		document.querySelector('#partner-results .partner-filtered') === null`)

	p.signIn("admin", adminPassword)
	p.goTo("/partner?region=05562&org=org_01HK153X00110DYXVYDR35G121")
	p.waitFor("the contact person", `document.querySelector('`+ki+` .contact-people')?.textContent.includes('Nour Khalil')`)
	if people := p.text(ki + ` .contact-people`); !strings.Contains(people, "@") {
		t.Errorf("a coordinator should see the contact person's e-mail: %q", people)
	}
	p.shotAt("partner", "main .controls")

	// Picker and filters at phone width: axe finds nothing serious, nothing scrolls sideways.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.waitFor("the phone layout", `screen.width === 390`)
	p.axe(t, "")
	if w := eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the partner finder on a phone is %d px wide", w)
	}
	p.checkErrors()
}
