package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// testPasswordChangeEndsTokens: a new password hash ends every session and API token of that
// user in the same write, and only of that user; other changes to the user keep them.
func testPasswordChangeEndsTokens(t *testing.T, f Factory) {
	s := open(t, f)
	erika := must[*graph.User](t)(s.CreateUser(ctx(), &graph.User{Username: "erika", PasswordHash: "$argon2id$alt"}))
	must[*graph.User](t)(s.CreateUser(ctx(), &graph.User{Username: "anton", PasswordHash: "$argon2id$anton"}))
	now := time.Now().UTC().Truncate(time.Microsecond)
	var n byte
	tok := func(user string, session bool) *graph.Token {
		n++
		tk := &graph.Token{ID: graph.NewTokenID(), Hash: strings.Repeat(string("0123456789abcdef"[n%16]), 64), Username: user,
			Name: "Token", Session: session, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
		ok(t, s.CreateToken(ctx(), tk))
		return tk
	}
	session, script, other := tok("erika", true), tok("erika", false), tok("anton", true)

	// Roles change, the password does not: the tokens stay.
	erika.Roles = map[string]graph.Role{regionA: graph.RoleMember}
	erika = must[*graph.User](t)(s.UpdateUser(ctx(), erika, erika.Version))
	for _, tk := range []*graph.Token{session, script, other} {
		must[*graph.Token](t)(s.TokenByHash(ctx(), tk.Hash))
	}

	// A refused update (stale version) ends nothing.
	stale := erika.Clone()
	stale.PasswordHash = "$argon2id$neu"
	_, err := s.UpdateUser(ctx(), stale, erika.Version-1)
	wantCode(t, err, graph.ECONFLICT)
	must[*graph.Token](t)(s.TokenByHash(ctx(), session.Hash))

	// The password changes: both of erika's tokens end, anton's stays.
	erika.PasswordHash = "$argon2id$neu"
	erika = must[*graph.User](t)(s.UpdateUser(ctx(), erika, erika.Version))
	for _, tk := range []*graph.Token{session, script} {
		_, err := s.TokenByHash(ctx(), tk.Hash)
		wantCode(t, err, graph.ENOTFOUND)
	}
	if ts := must[[]*graph.Token](t)(s.ListTokens(ctx(), "erika")); len(ts) != 0 {
		t.Fatalf("erika still has %d tokens after the password change", len(ts))
	}
	must[*graph.Token](t)(s.TokenByHash(ctx(), other.Hash))
	if got := must[*graph.User](t)(s.GetUser(ctx(), "erika")); got.PasswordHash != "$argon2id$neu" {
		t.Fatalf("password hash %q after the change", got.PasswordHash)
	}

	// A session made after the change works; the next change ends it too.
	fresh := tok("erika", true)
	must[*graph.Token](t)(s.TokenByHash(ctx(), fresh.Hash))
	erika.PasswordHash = "$argon2id$dritt"
	must[*graph.User](t)(s.UpdateUser(ctx(), erika, erika.Version))
	_, err = s.TokenByHash(ctx(), fresh.Hash)
	wantCode(t, err, graph.ENOTFOUND)
}

// testNFC: names and titles are stored in Unicode normalisation form C, so a decomposed
// "Mu\u0308nster" is stored as "Münster" and found by a search for the composed word.
func testNFC(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	decomposed := "Integrationskurs Mu\u0308nster"
	if decomposed == "Integrationskurs Münster" {
		t.Fatal("the test's input is not decomposed")
	}
	m := c.measure(decomposed)
	m.Description = "  Beratung in Mu\u0308nster und Go\u0308ttingen  "
	created := must[graph.Entity](t)(s.Create(ctx(), m)).(*graph.Measure)
	if created.Title != "Integrationskurs Münster" || created.Description != "Beratung in Münster und Göttingen" {
		t.Fatalf("created %q / %q, want NFC", created.Title, created.Description)
	}
	got := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, created.ID)).(*graph.Measure)
	if got.Title != "Integrationskurs Münster" {
		t.Fatalf("stored title %q (% x), want NFC \"Integrationskurs Münster\"", got.Title, got.Title)
	}
	org := must[graph.Entity](t)(s.Create(ctx(), &graph.Organisation{Name: "Caritas Mu\u0308nster", Region: regionA, Kind: "welfare_association"})).(*graph.Organisation)
	if org.Name != "Caritas Münster" {
		t.Fatalf("organisation name %q, want NFC", org.Name)
	}
	// The length limit counts the composed characters: 200 × "ü" written as u + U+0308 fits.
	long := c.measure(strings.Repeat("u\u0308", graph.MaxName))
	must[graph.Entity](t)(s.Create(ctx(), long))
	for _, q := range []string{"Münster", "Mu\u0308nster", "münster"} {
		res := must[graph.SearchResult](t)(s.Search(ctx(), graph.SearchQuery{Text: q, Filter: graph.Filter{Region: regionA}}))
		found := map[string]bool{}
		for _, h := range res.Hits {
			found[h.Entity.Base().ID] = true
		}
		if !found[created.ID] || !found[org.ID] {
			t.Errorf("search %q finds %v, want the measure %s and the organisation %s", q, found, created.ID, org.ID)
		}
	}
}
