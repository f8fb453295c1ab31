package main

import "testing"

// TestBrowserPasswort: a signed-in user (not an admin) opens "Konto" from the header, meets
// the service's German refusals at the fields (a wrong current password, a common new one),
// changes the password, stays signed in in this browser, while the API token made with the
// old password ends; after signing out the old password no longer signs in and the new one
// does. axe runs on the empty form, on the refusals and on the confirmation.
func TestBrowserPasswort(t *testing.T) {
	p := openApp(t)
	const oldPW, newPW = "Heide-Wald-Fluss-1", "Moor-Ufer-Birke-42"
	admin := p.adminToken()
	if code := p.apiJSON("POST", "/api/v1/users", admin, map[string]any{"username": "erika", "password": oldPW,
		"roles": map[string]string{"05562": "viewer"}}, nil, nil); code != 201 {
		t.Fatalf("creating erika: %d", code)
	}
	// A script of erika's, signed in over the API with the old password.
	var login struct {
		Token string `json:"token"`
	}
	if code := p.apiJSON("POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": oldPW}, nil, &login); code != 200 {
		t.Fatalf("API login: %d", code)
	}
	var script struct {
		Token string `json:"token"`
	}
	if code := p.apiJSON("POST", "/api/v1/auth/tokens", login.Token, map[string]any{"name": "Skript", "expires_in_days": 30}, nil, &script); code != 201 {
		t.Fatalf("API token: %d", code)
	}

	p.signIn("erika", oldPW)
	p.click(`.account a[href="/konto"]`)
	p.waitFor("the password form", `document.querySelector('#password-form') && document.querySelector('main h1')?.textContent === 'Konto'`)
	if got := p.text(`label[for="pw-current"]`); got != "Bisheriges Passwort" {
		t.Errorf("label of the current password: %q", got)
	}
	if got := eval[string](p, `document.querySelector('.account a[href="/konto"]').getAttribute('aria-current') || ''`); got != "page" {
		t.Errorf("the header's Konto link is not marked as the current page: %q", got)
	}
	p.axe(t, "")

	// The hint follows the typing.
	p.fill(`#pw-new`, "kurz")
	p.waitFor("the length hint", `document.querySelector('#pw-new-hint')?.textContent.includes('4 von mindestens 10')`)

	// A wrong current password: refused at its field, in German.
	p.fill(`#pw-current`, "falsch-falsch")
	p.fill(`#pw-new`, newPW)
	p.fill(`#pw-repeat`, newPW)
	p.click(`#password-form button[type="submit"]`)
	p.waitFor("the refusal of the current password", `document.querySelector('#pw-current-error')?.textContent === 'ist falsch' &&
		document.querySelector('#pw-current')?.getAttribute('aria-invalid') === 'true'`)
	p.axe(t, "")

	// A common new password: refused at its field.
	p.fill(`#pw-current`, oldPW)
	p.fill(`#pw-new`, "1234567890")
	p.fill(`#pw-repeat`, "1234567890")
	p.click(`#password-form button[type="submit"]`)
	p.waitFor("the refusal of the new password", `document.querySelector('#pw-new-error')?.textContent.includes('häufigsten Passwörter') &&
		!document.querySelector('#pw-current')?.hasAttribute('aria-invalid') && document.activeElement?.id === 'password-problems'`)
	p.axe(t, "")

	// The change.
	p.fill(`#pw-current`, oldPW)
	p.fill(`#pw-new`, newPW)
	p.fill(`#pw-repeat`, newPW)
	p.click(`#password-form button[type="submit"]`)
	p.waitFor("the confirmation", `document.querySelector('#password-changed')?.textContent.includes('Ihr Passwort wurde geändert')`)
	if v := eval[string](p, `document.querySelector('#pw-current').value + document.querySelector('#pw-new').value`); v != "" {
		t.Errorf("the fields keep the passwords after the change: %q", v)
	}
	p.axe(t, "")

	// This browser stays signed in (its session was renewed); the script's token has ended.
	p.goTo("/konto")
	p.waitFor("still signed in after a reload", `document.querySelector('.account-name')?.textContent.includes('erika') && document.querySelector('#password-form')`)
	for name, tok := range map[string]string{"the API token": script.Token, "the API session": login.Token} {
		if code := p.apiJSON("GET", "/api/v1/auth/me", tok, nil, nil, nil); code != 401 {
			t.Errorf("%s made with the old password still works: %d", name, code)
		}
	}

	// Signed out, the old password no longer works and the new one does.
	p.click(`.account-out`)
	p.waitFor("signed out", `!document.querySelector('.account-name')`)
	p.goTo("/verwaltung")
	p.fill(`#login-username`, "erika")
	p.fill(`#login-password`, oldPW)
	p.click(`#login-form button[type="submit"]`)
	p.waitFor("the refusal of the old password", `document.querySelector('#login-form [role="alert"]')?.textContent.includes('stimmen nicht')`)
	p.signIn("erika", newPW)
	if code := p.apiJSON("POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": oldPW}, nil, nil); code != 401 {
		t.Errorf("the old password over the API: %d, want 401", code)
	}
	t.Log("erika changed her password in the browser; the old password's session and token ended")
}
