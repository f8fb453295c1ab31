package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// addByKeyboard picks name in the searchable multi-select id as a keyboard user does: type
// into the search, Enter takes the first match; then checks that it is among the picked ones.
func (p *page) addByKeyboard(id, name string) {
	p.t.Helper()
	p.press("#"+id+"-search", name)
	p.waitFor("the matches for "+name, fmt.Sprintf(`document.querySelector('#%s-search')?.getAttribute('aria-expanded') === 'true' &&
		document.querySelector('#%s-list [role="option"].active')?.textContent.startsWith(%q)`, id, id, name))
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor(name+" picked", fmt.Sprintf(`[...document.querySelectorAll('#%s .picked-name')].some(e => e.textContent.startsWith(%q))`, id, name))
}

// TestBrowserEintraege: a coordinator creates an offer with all its relationships in the
// browser — providers with their role, field of action, target group, municipality, languages,
// format, dates typed the German way — first meets the service's German refusal at the field
// (the end lies before the start; nothing is written), then saves and finds the offer on its
// page and on the map, and deletes it again after a confirmation. axe runs on the form and
// the confirmation.
func TestBrowserEintraege(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	token := p.adminToken()

	// Names to pick, from the demo through the API.
	const region, field, town, townName = "05562", "fld_01HK153X00AYAAZ3S0NAKZD2EM", "05562004", "Castrop-Rauxel"
	var f struct {
		Name string `json:"name"`
	}
	if code := p.apiJSON("GET", "/api/v1/fields/"+field, token, nil, nil, &f); code != 200 {
		t.Fatalf("field: %d", code)
	}
	var list struct {
		Items []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
		Total int `json:"total"`
	}
	if code := p.apiJSON("GET", "/api/v1/target-groups?limit=1", token, nil, nil, &list); code != 200 || len(list.Items) == 0 {
		t.Fatalf("target groups: %d", code)
	}
	group := list.Items[0].Name
	if code := p.apiJSON("GET", "/api/v1/organisations?region="+region+"&limit=1", token, nil, nil, &list); code != 200 || len(list.Items) == 0 {
		t.Fatalf("organisations: %d", code)
	}
	provider := list.Items[0].Name
	countMeasures := func() int {
		var l struct {
			Total int `json:"total"`
		}
		p.apiJSON("GET", "/api/v1/measures?region="+region+"&limit=1", token, nil, nil, &l)
		return l.Total
	}
	before := countMeasures()

	p.goTo("/verzeichnis?region=" + region)
	p.click(`#new-measures`)
	p.waitFor("the new offer's form", `document.querySelector('#edit-form #edit-title') !== null`)
	if h := p.text(`main h1`); h != "Neues Angebot" {
		t.Errorf("heading %q", h)
	}
	const title = "Elterncafé Habinghorst"
	p.fill(`#edit-title`, title)
	p.fill(`#edit-description`, "Offener Treff für Eltern mit Kinderbetreuung, jeden Mittwoch.")
	p.fill(`#edit-starts`, "01.09.2026")
	p.fill(`#edit-ends`, "01.08.2026")
	p.choose(`#edit-format`, "Präsenz")
	p.addByKeyboard("edit-languages", "Arabisch")
	p.addByKeyboard("edit-providers", provider)
	p.choose(`#edit-providers-0-role`, "Federführung")
	p.addByKeyboard("edit-fields", f.Name)
	p.addByKeyboard("edit-groups", group)
	p.addByKeyboard("edit-municipalities", townName)
	p.axe(t, "")
	p.shotAt("eintrag-neu", "#edit-form")

	// The service refuses the end before the start, in German, at the field; nothing is written.
	p.click(`#edit-save`)
	p.waitFor("the refusal at the end date", `document.querySelector('#edit-ends-error')?.textContent !== ''`)
	if msg := p.text(`#edit-ends-error`); !strings.HasPrefix(msg, "liegt vor dem Beginn") {
		t.Errorf("the end date's message is %q, want German", msg)
	}
	if inv := eval[string](p, `document.querySelector('#edit-ends').getAttribute('aria-invalid')`); inv != "true" {
		t.Errorf("the end date is not marked invalid: %q", inv)
	}
	if focused := eval[string](p, `document.activeElement?.getAttribute('role') ?? ''`); focused != "alert" {
		t.Errorf("focus is not on the problem summary but on %q", focused)
	}
	if n := countMeasures(); n != before {
		t.Fatalf("the refused offer was written: %d → %d measures", before, n)
	}
	p.axe(t, "")

	p.fill(`#edit-ends`, "30.06.2027")
	p.click(`#edit-save`)
	p.waitFor("the new offer's page", `location.pathname.startsWith('/verzeichnis/massnahme/msr_') && document.querySelector('[data-section="providers"] li') !== null`)
	id := eval[string](p, `location.pathname.split('/').pop()`)
	if st := p.text(`main [role="status"]`); !strings.Contains(st, "Angelegt") {
		t.Errorf("status after creating: %q", st)
	}
	facts := p.text(`main .facts`)
	for _, want := range []string{"01.09.2026 – 30.06.2027", "Präsenz", "Arabisch"} {
		if !strings.Contains(facts, want) {
			t.Errorf("the facts lack %q:\n%s", want, facts)
		}
	}
	for section, want := range map[string]string{"providers": provider, "fields": f.Name, "groups": group, "municipalities": townName} {
		if got := p.text(`[data-section="` + section + `"]`); !strings.Contains(got, want) {
			t.Errorf("section %s lacks %q:\n%s", section, want, got)
		}
	}
	var rels struct {
		Items []struct {
			Type  string            `json:"type"`
			From  string            `json:"from"`
			Props map[string]string `json:"props"`
		} `json:"items"`
	}
	p.apiJSON("GET", "/api/v1/measures/"+id+"/relations?type=PROVIDES", token, nil, nil, &rels)
	if len(rels.Items) != 1 || rels.Items[0].Props["role"] != "lead" {
		t.Errorf("the provider relationship: %+v", rels.Items)
	}

	// The offer is on the map, in its municipality's panel for its field.
	p.goTo("/karte?region=" + region + "&field=" + field + "&sel=" + town)
	p.waitFor("the panel's offers", `document.querySelector('#karte-panel[data-ags="`+town+`"] .offer-list') !== null`)
	if offers := p.text(`#karte-panel .offer-list`); !strings.Contains(offers, title) {
		t.Errorf("the map's panel for %s does not list the new offer:\n%s", townName, offers)
	}

	// The offer is deleted again, after a confirmation.
	p.goTo("/verzeichnis/massnahme/" + id)
	p.click(`#delete-start`)
	p.waitFor("the confirmation", `document.querySelector('#delete-confirm') !== null`)
	p.axe(t, "")
	p.click(`#delete-confirm-button`)
	p.waitFor("the directory after deleting", `location.pathname === '/verzeichnis' && document.querySelector('#verzeichnis-notice')?.textContent.includes('gelöscht')`)
	var gone map[string]any
	if code := p.apiJSON("GET", "/api/v1/measures/"+id, token, nil, nil, &gone); code != 404 {
		t.Errorf("the deleted offer answers %d", code)
	}
}

// TestBrowserMitglieder: a coordinator edits a network's members in the browser — one leaves,
// one joins with a function and since when, picked by keyboard — checked at phone width with
// axe, then on the network's page and through the API.
func TestBrowserMitglieder(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	token := p.adminToken()
	const region = "05562"
	var list struct {
		Items []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
	}
	// A network's members: one leaves, one joins with a function and since when.
	if code := p.apiJSON("GET", "/api/v1/networks?region="+region+"&limit=1", token, nil, nil, &list); code != 200 || len(list.Items) == 0 {
		t.Fatalf("networks: %d", code)
	}
	network := list.Items[0].ID
	var members, all struct {
		Items []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
	}
	p.apiJSON("GET", "/api/v1/organisations?network="+network+"&limit=500", token, nil, nil, &members)
	p.apiJSON("GET", "/api/v1/organisations?region="+region+"&limit=500", token, nil, nil, &all)
	if len(members.Items) < 2 {
		t.Fatalf("network %s has %d members", network, len(members.Items))
	}
	leaving := members.Items[0]
	isMember := map[string]bool{}
	for _, m := range members.Items {
		isMember[m.ID] = true
	}
	joining := ""
	for _, o := range all.Items {
		unique := true
		for _, x := range all.Items {
			if x.ID != o.ID && strings.HasPrefix(x.Name, o.Name) {
				unique = false
			}
		}
		if !isMember[o.ID] && unique {
			joining = o.Name
			break
		}
	}
	if joining == "" {
		t.Fatal("no organisation left to join")
	}
	p.goTo("/verzeichnis/netzwerk/" + network)
	p.click(`#edit-start`)
	p.waitFor("the members' widget", `document.querySelector('#edit-members [data-value="`+leaving.ID+`"]') !== null`)
	p.click(`#edit-members [data-value="` + leaving.ID + `"] button`)
	p.addByKeyboard("edit-members", joining)
	n := eval[int](p, fmt.Sprintf(`[...document.querySelectorAll('#edit-members .picked-list li')].findIndex(li => li.querySelector('.picked-name').textContent.startsWith(%q))`, joining))
	p.fill(fmt.Sprintf(`#edit-members-%d-role`, n), "Sprecherin")
	p.fill(fmt.Sprintf(`#edit-members-%d-since`, n), "15.03.2024")
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.axe(t, "")
	if w := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
		t.Errorf("the edit form is %d px wider than the phone", w)
	}
	p.shotAt("eintrag-mitglieder", "#edit-members")
	p.do(chromedp.EmulateViewport(1280, 900))
	p.click(`#edit-save`)
	p.waitFor("the saved members", `document.querySelector('main [role="status"]')?.textContent.startsWith('Gespeichert') &&
		document.querySelector('[data-section="members"]') !== null`)
	got := p.text(`[data-section="members"]`)
	if !strings.Contains(got, joining) || !strings.Contains(got, "Sprecherin, seit 15.03.2024") {
		t.Errorf("the members lack %s as Sprecherin since 15.03.2024:\n%s", joining, got)
	}
	if eval[bool](p, `document.querySelector('[data-section="members"] a[href$="`+leaving.ID+`"]') !== null`) {
		t.Errorf("%s is still listed as a member:\n%s", leaving.Name, got)
	}
	p.apiJSON("GET", "/api/v1/organisations?network="+network+"&limit=500", token, nil, nil, &members)
	if len(members.Items) != len(isMember) {
		t.Errorf("the network has %d members after one left and one joined, want %d", len(members.Items), len(isMember))
	}

	// A contact person of an organisation: created from its page, already working for it.
	org := members.Items[0]
	p.goTo("/verzeichnis/organisation/" + org.ID)
	p.click(`#new-person`)
	p.waitFor("the person's form", `document.querySelector('#edit-form #edit-name') !== null &&
		document.querySelector('#edit-employers [data-value="`+org.ID+`"]') !== null`)
	p.fill(`#edit-name`, "Erika Musterfrau")
	p.fill(`#edit-role`, "Integrationslotsin")
	p.fill(`#edit-email`, "erika.musterfrau@example.org")
	p.click(`#edit-consent`)
	p.addByKeyboard("edit-networks", list.Items[0].Name)
	p.axe(t, "")
	p.click(`#edit-save`)
	p.waitFor("the person's page", `location.pathname.startsWith('/verzeichnis/person/act_') && document.querySelector('[data-section="employers"] li') !== null`)
	facts := p.text(`main .facts`)
	for _, want := range []string{"Integrationslotsin", "erika.musterfrau@example.org", "liegt vor"} {
		if !strings.Contains(facts, want) {
			t.Errorf("the person's facts lack %q:\n%s", want, facts)
		}
	}
	if got := p.text(`[data-section="employers"]`); !strings.Contains(got, org.Name) {
		t.Errorf("the person does not work for %s:\n%s", org.Name, got)
	}
	person := eval[string](p, `location.pathname.split('/').pop()`)
	p.goTo("/verzeichnis/organisation/" + org.ID)
	p.waitFor("the person among the contacts", `document.querySelector('[data-section="people"] a[href$="`+person+`"]') !== null`)
	p.goTo("/verzeichnis/person/" + person)
	p.click(`#delete-start`)
	p.click(`#delete-confirm-button`)
	p.waitFor("the directory after deleting the person", `location.pathname === '/verzeichnis' && document.querySelector('#verzeichnis-notice')?.textContent.includes('Erika Musterfrau')`)
}
