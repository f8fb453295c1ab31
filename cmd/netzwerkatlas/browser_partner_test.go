package main

import (
	"strings"
	"testing"
)

// TestBrowserPartner: choosing DITIB-Moscheegemeinde Dorsten lists ranked partners with their
// reasons in German; anonymous visitors see the organisations' general contact but no contact
// people, a signed-in coordinator sees the contact person of the Kommunales
// Integrationszentrum with her e-mail.
func TestBrowserPartner(t *testing.T) {
	p := openApp(t)
	p.goTo("/partner?region=05562")
	p.choose(`#partner-org`, "DITIB-Moscheegemeinde Dorsten")
	const ki = `#partner-results [data-org="org_01HK153X00BY9P2ZT3H579BPYY"]`
	p.waitFor("the partners", `document.querySelector('`+ki+`') !== null`)
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

	p.signIn("admin", adminPassword)
	p.goTo("/partner?region=05562&org=org_01HK153X00110DYXVYDR35G121")
	p.waitFor("the contact person", `document.querySelector('`+ki+` .contact-people')?.textContent.includes('Nour Khalil')`)
	if people := p.text(ki + ` .contact-people`); !strings.Contains(people, "@") {
		t.Errorf("a coordinator should see the contact person's e-mail: %q", people)
	}
	p.shotAt("partner", "main .controls")
}
