package main

import (
	"strings"
	"testing"
)

// TestBrowserVerwaltung: signing in through the form, an edit of a measure saved with its
// version, a concurrent change by someone else shown to the user as a version conflict with
// both values and resolved by keeping the user's change; then the audit log lists the edits,
// and an administrator creates a coordinator whose one-time password is shown.
func TestBrowserVerwaltung(t *testing.T) {
	p := openApp(t)
	p.goTo("/verwaltung")
	p.waitFor("the import section", `document.querySelector('#import [data-state="signin"]') !== null`)
	p.shot("verwaltung-anmeldung")
	p.signIn("admin", adminPassword)
	p.waitFor("the users table", `document.querySelector('#users-table [data-user="admin"]') !== null`)

	const measure = "msr_01HK153X00XF1B596KGT0E6MGD" // Sprachcafé Marl
	p.goTo("/verzeichnis/massnahme/" + measure)
	p.click(`#edit-start`)
	p.fill(`#edit-capacity`, "30")
	p.click(`#edit-save`)
	p.waitFor("the saved edit", `document.querySelector('main [role="status"]')?.textContent.includes('Version 2')`)
	if facts := p.text(`main .facts`); !strings.Contains(facts, "30") {
		t.Errorf("the saved capacity does not show:\n%s", facts)
	}
	// Who changed the entry last, from the audit log (coordinators and admins see it).
	p.waitFor("the last change", `document.querySelector('#detail-last-change')?.textContent.startsWith('Zuletzt geändert von admin am ')`)

	// The user starts the next edit; meanwhile someone else changes the measure.
	p.click(`#edit-start`)
	p.fill(`#edit-title`, "Sprachcafé Marl (dienstags)")
	token := p.adminToken()
	var changed map[string]any
	if code := p.apiJSON("PATCH", "/api/v1/measures/"+measure, token, map[string]any{"description": "Jetzt donnerstags im Stadtteilzentrum."},
		map[string]string{"If-Match": `"2"`}, &changed); code != 200 {
		t.Fatalf("the concurrent change: status %d %v", code, changed)
	}
	p.click(`#edit-save`)
	p.waitFor("the version conflict", `document.querySelector('#edit-conflict') !== null`)
	conflict := p.text(`#edit-conflict`)
	for _, want := range []string{"Jemand anderes hat diesen Eintrag inzwischen geändert", "Version 2", "Version 3", "Sprachcafé Marl (dienstags)", "Jetzt donnerstags im Stadtteilzentrum."} {
		if !strings.Contains(conflict, want) {
			t.Errorf("the conflict message lacks %q:\n%s", want, conflict)
		}
	}
	p.shotAt("verwaltung-konflikt", "#edit-form")

	p.click(`#edit-keep-mine`)
	p.waitFor("the saved change", `document.querySelector('main [role="status"]')?.textContent.includes('Version 4')`)
	if h := p.text(`main h1`); h != "Sprachcafé Marl (dienstags)" {
		t.Errorf("heading after keeping my change: %q", h)
	}
	if d := p.text(`main .description`); !strings.Contains(d, "donnerstags") {
		t.Errorf("the other user's description was lost: %q", d)
	}

	p.goTo("/verwaltung?region=05562")
	p.waitFor("the audit log", `document.querySelector('#audit-list .audit-entry a[href*="`+measure+`"]') !== null`)
	if log := p.text(`#audit-list`); !strings.Contains(log, "geändert") {
		t.Errorf("the audit log does not list the change:\n%s", log)
	}

	p.fill(`#new-username`, "erika")
	p.choose(`#new-role-05562`, "Koordination")
	p.click(`#user-create button[type="submit"]`)
	p.waitFor("the new user", `document.querySelector('#users-table [data-user="erika"]') !== null &&
		document.querySelector('#users-message .secret') !== null`)
	if roles := p.text(`#users-table [data-user="erika"]`); !strings.Contains(roles, "Kreis Recklinghausen: Koordination") {
		t.Errorf("erika's roles: %q", roles)
	}
	if msg := p.text(`#users-message`); !strings.Contains(msg, "Benutzer erika wurde angelegt.") {
		t.Errorf("the message after creating erika: %q", msg)
	}
	p.shotAt("verwaltung", "#users")
}
