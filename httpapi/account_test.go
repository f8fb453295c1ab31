package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// fieldOf is the field the first error of a problem names.
func fieldOf(v map[string]any) string {
	errs, _ := v["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	f, _ := errs[0].(map[string]any)["field"].(string)
	return f
}

// TestCheckNewPassword: every rule of a new password, each refusal naming the field.
func TestCheckNewPassword(t *testing.T) {
	pw128 := ""
	for i := 0; len(pw128) < 128; i++ {
		pw128 += string(rune('a'+i*7%26)) + itoa(i*37%100)
	}
	pw128 = pw128[:128]
	for _, tc := range []struct {
		pw       string
		personal []string
		ok       bool
		why      string // part of the English message
	}{
		{"1234567890", nil, false, "most common"},
		{"Passwort123", nil, false, "most common"},
		{"qwertzuiop", nil, false, "most common"},
		{"0123456789", nil, false, "most common"},
		{"0000000000", nil, false, "too easy"},
		{"abcdefghijk", nil, false, "too easy"},
		{"Dortmund1909", nil, false, "too easy"},
		{"aaaaaaaaaaaa", nil, false, "too easy"},
		{"Erika-erika-1", []string{"erika"}, false, "user name"},
		{"Wald-ERIKA-Fluss-7", []string{"erika"}, false, "user name"},
		{"Dachs-e.muster-Wald", []string{"e.muster@kreis.example"}, false, "user name"},
		{"Mustermann1970", []string{"erika.mustermann@kreis.example"}, false, "too easy"},
		{"kurz-9X!", nil, false, "at least 10"},
		{pw128 + "x", nil, false, "at most 128"},
		{"Heide\x00Wald-Fluss-1", nil, false, "control character"},
		{"Heide-Wald-Fluss-1\xff", nil, false, "UTF-8"},
		{"Heide-Wald-Fluss-1", []string{"erika"}, true, ""},
		{"Mustermann-Zaunkönig-Ahorn", []string{"erika"}, true, ""},
		{pw128, nil, true, ""},                                         // exactly 128 characters
		{strings.Repeat("ö", 100) + "Zq8-Wald-Fluss-1", nil, true, ""}, // 116 characters, 216 bytes: characters count
	} {
		err := CheckNewPassword("new_password", tc.pw, tc.personal...)
		if tc.ok {
			if err != nil {
				t.Errorf("%q refused: %v", tc.pw, err)
			}
			continue
		}
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.EINVALID || len(ge.Fields) != 1 || ge.Fields[0].Field != "new_password" {
			t.Errorf("%q: %v, want EINVALID naming new_password", tc.pw, err)
			continue
		}
		if !strings.Contains(ge.Fields[0].Message, tc.why) {
			t.Errorf("%q: %q, want a message about %q", tc.pw, ge.Fields[0].Message, tc.why)
		}
	}
	// The parts of the user's e-mail address count as guessable words.
	if err := CheckNewPassword("password", "Mustermann2024", "erika@mustermann.example"); err == nil {
		t.Error("the domain of the user's address and a year pass")
	}
	if err := CheckNewPassword("password", "Mustermann2024", "erika@kreis.example"); err != nil {
		t.Errorf("the same password for another user is refused: %v", err)
	}
}

// TestPasswordChange: PUT /api/v1/auth/me/password checks the current password, refuses weak
// new ones naming the field (German by default), and ends every session and API token of the
// user — the caller's session is replaced by a new one.
func TestPasswordChange(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	f.addUser(t, "max", false, nil)
	s1, s2, other := f.login(t, "erika"), f.login(t, "erika"), f.login(t, "max")
	_, _, v := f.do(t, "POST", "/api/v1/auth/tokens", s1, map[string]any{"name": "Skript"})
	script := v["token"].(string)
	put := func(tok string, body any, hdr ...string) (int, http.Header, map[string]any) {
		return f.do(t, "PUT", "/api/v1/auth/me/password", tok, body, hdr...)
	}
	if code, _, _ := put("", map[string]string{"current_password": "geheim-erika", "new_password": "Heide-Wald-Fluss-1"}); code != 401 {
		t.Fatalf("anonymous change: %d", code)
	}
	for _, tc := range []struct {
		body  any
		code  int
		field string
		de    string
	}{
		{map[string]string{"new_password": "Heide-Wald-Fluss-1"}, 400, "current_password", "ist erforderlich"},
		{map[string]string{"current_password": "geheim-erika"}, 400, "new_password", "ist erforderlich"},
		{map[string]any{"current_password": "geheim-erika", "new_password": 5}, 400, "new_password", ""},
		{map[string]string{"current_password": "falsch-falsch", "new_password": "Heide-Wald-Fluss-1"}, 403, "current_password", "ist falsch"},
		{map[string]string{"current_password": "geheim-erika", "new_password": "1234567890"}, 400, "new_password", "häufigsten Passwörter"},
		{map[string]string{"current_password": "geheim-erika", "new_password": "erika-erika-1"}, 400, "new_password", "Benutzernamen"},
		{map[string]string{"current_password": "geheim-erika", "new_password": "abcdefghijk"}, 400, "new_password", "zu leicht zu erraten"},
		{map[string]string{"current_password": "geheim-erika", "new_password": "kurz"}, 400, "new_password", "mindestens 10 Zeichen"},
		{map[string]string{"current_password": "geheim-erika", "new_password": strings.Repeat("x7-", 50)}, 400, "new_password", "höchstens 128 Zeichen"},
		{map[string]string{"current_password": "geheim-erika", "new_password": "geheim-erika"}, 400, "new_password", "bisherigen Passwort"},
	} {
		code, _, v := put(s1, tc.body)
		if code != tc.code || fieldOf(v) != tc.field {
			t.Errorf("%v: %d %v, want %d naming %s", tc.body, code, v, tc.code, tc.field)
			continue
		}
		if msg := v["errors"].([]any)[0].(map[string]any)["message"].(string); !strings.Contains(msg, tc.de) {
			t.Errorf("%v: message %q, want German %q", tc.body, msg, tc.de)
		}
	}
	// English on request.
	_, _, v = put(s1, map[string]string{"current_password": "geheim-erika", "new_password": "1234567890"}, "Accept-Language", "en")
	if msg := v["errors"].([]any)[0].(map[string]any)["message"]; msg != "is one of the most common passwords; choose another" {
		t.Errorf("English refusal %q", msg)
	}
	// Nothing has changed so far.
	for _, tok := range []string{s1, s2, script} {
		if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", tok, nil); code != 200 {
			t.Fatalf("a refused change ended a token: %d", code)
		}
	}

	code, h, v := put(s1, map[string]string{"current_password": "geheim-erika", "new_password": "Heide-Wald-Fluss-1"})
	if code != 200 || v["token"] == nil || v["csrf_token"] == nil || v["user"].(map[string]any)["username"] != "erika" {
		t.Fatalf("change: %d %v", code, v)
	}
	if c := strings.Join(h.Values("Set-Cookie"), "\n"); !strings.Contains(c, "nwa_session=") || !strings.Contains(c, "nwa_csrf=") {
		t.Errorf("the renewed session sets no cookies: %q", c)
	}
	renewed := v["token"].(string)
	for name, tok := range map[string]string{"the changing session": s1, "another session": s2, "the API token": script} {
		if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", tok, nil); code != 401 {
			t.Errorf("%s still works after the change: %d", name, code)
		}
	}
	if code, _, v := f.do(t, "GET", "/api/v1/auth/me", renewed, nil); code != 200 || v["username"] != "erika" {
		t.Errorf("the renewed session: %d %v", code, v)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", other, nil); code != 200 {
		t.Errorf("another user's session ended: %d", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": "geheim-erika"}); code != 401 {
		t.Errorf("the old password still signs in: %d", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": "Heide-Wald-Fluss-1"}); code != 200 {
		t.Errorf("the new password does not sign in: %d", code)
	}

	// Made with an API token, the change ends that token too and starts no session.
	_, _, v = f.do(t, "POST", "/api/v1/auth/tokens", renewed, map[string]any{"name": "Skript 2"})
	script = v["token"].(string)
	code, _, v = put(script, map[string]string{"current_password": "Heide-Wald-Fluss-1", "new_password": "Moor-Ufer-Birke-42"})
	if code != 200 || v["token"] != nil {
		t.Fatalf("change by API token: %d %v", code, v)
	}
	for _, tok := range []string{script, renewed} {
		if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", tok, nil); code != 401 {
			t.Errorf("a token survived the second change: %d", code)
		}
	}
}

// TestPasswordChangeByCookie: the browser's way, with the session cookie and the CSRF header;
// the new cookies keep the browser signed in.
func TestPasswordChangeByCookie(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	_, h, v := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": "geheim-erika"})
	var cookies []*http.Cookie
	for _, c := range (&http.Response{Header: h}).Cookies() {
		cookies = append(cookies, c)
	}
	send := func(method, path string, body any, csrf string, cs []*http.Cookie) *http.Response {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, f.srv.URL+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if csrf != "" {
			req.Header.Set("X-CSRF-Token", csrf)
		}
		for _, c := range cs {
			req.AddCookie(c)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		checkResponse(t, req, resp, raw)
		return resp
	}
	body := map[string]string{"current_password": "geheim-erika", "new_password": "Heide-Wald-Fluss-1"}
	if resp := send("PUT", "/api/v1/auth/me/password", body, "", cookies); resp.StatusCode != 403 {
		t.Fatalf("without the CSRF header: %d", resp.StatusCode)
	}
	resp := send("PUT", "/api/v1/auth/me/password", body, v["csrf_token"].(string), cookies)
	if resp.StatusCode != 200 {
		t.Fatalf("change by cookie: %d", resp.StatusCode)
	}
	if r := send("GET", "/api/v1/auth/me", nil, "", cookies); r.StatusCode != 401 && r.StatusCode != 200 {
		t.Fatalf("old cookie: %d", r.StatusCode)
	}
	// The old cookie is stale (the app sees "anonymous"); the new one is signed in.
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/auth/me", nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	old, _ := http.DefaultClient.Do(req)
	old.Body.Close()
	if old.StatusCode != 401 {
		t.Errorf("the old session cookie still signs in: %d", old.StatusCode)
	}
	if r := send("GET", "/api/v1/auth/me", nil, "", resp.Cookies()); r.StatusCode != 200 {
		t.Errorf("the new session cookie: %d", r.StatusCode)
	}
}

// TestAdminResetEndsSessions: an admin's password reset ends the user's sessions and tokens.
func TestAdminResetEndsSessions(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "admin", true, nil)
	f.addUser(t, "erika", false, nil)
	admin, session := f.login(t, "admin"), f.login(t, "erika")
	_, _, v := f.do(t, "POST", "/api/v1/auth/tokens", session, map[string]any{"name": "Skript", "expires_in_days": 366})
	script := v["token"].(string)
	if code, _, v := f.do(t, "PATCH", "/api/v1/users/erika", admin, map[string]any{"password": "1234567890"}, "If-Match", `"1"`); code != 400 || fieldOf(v) != "password" {
		t.Fatalf("weak reset: %d %v", code, v)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/users", admin, map[string]any{"username": "neu", "password": "neu-neu-neu-1"}); code != 400 || fieldOf(v) != "password" {
		t.Fatalf("weak password for a new user: %d %v", code, v)
	}
	if code, _, v := f.do(t, "PATCH", "/api/v1/users/erika", admin, map[string]any{"roles": map[string]string{"09991": "member"}}, "If-Match", `"1"`); code != 200 {
		t.Fatalf("role change: %d %v", code, v)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", script, nil); code != 200 {
		t.Fatalf("a role change ended the token: %d", code)
	}
	if code, _, v := f.do(t, "PATCH", "/api/v1/users/erika", admin, map[string]any{"password": "Heide-Wald-Fluss-1"}, "If-Match", `"2"`); code != 200 {
		t.Fatalf("reset: %d %v", code, v)
	}
	for _, tok := range []string{session, script} {
		if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", tok, nil); code != 401 {
			t.Errorf("a token survived the reset: %d", code)
		}
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", admin, nil); code != 200 {
		t.Errorf("the admin's own session ended: %d", code)
	}
}

// TestTokenLifetime: expires_in_days is a whole number from 1 to 366 (90 when absent);
// anything else is refused naming the field.
func TestTokenLifetime(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	session := f.login(t, "erika")
	for _, tc := range []struct {
		days any
		want time.Duration
	}{{nil, 90 * 24 * time.Hour}, {1, 24 * time.Hour}, {366, 366 * 24 * time.Hour}} {
		body := map[string]any{"name": "Skript"}
		if tc.days != nil {
			body["expires_in_days"] = tc.days
		}
		code, _, v := f.do(t, "POST", "/api/v1/auth/tokens", session, body)
		if code != 201 {
			t.Fatalf("%v days: %d %v", tc.days, code, v)
		}
		created, _ := time.Parse(time.RFC3339, v["created_at"].(string))
		expires, _ := time.Parse(time.RFC3339, v["expires_at"].(string))
		if got := expires.Sub(created); got != tc.want {
			t.Errorf("%v days: lifetime %v, want %v", tc.days, got, tc.want)
		}
	}
	for _, raw := range []string{`0`, `-1`, `367`, `1.5`, `30.0`, `1e2`, `"30"`, `true`, `null`, `[30]`} {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/auth/tokens", strings.NewReader(`{"name":"x","expires_in_days":`+raw+`}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+session)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if raw == `null` {
			// JSON null is "not given": the default lifetime.
			if resp.StatusCode != 201 {
				t.Errorf("expires_in_days null: %d %v", resp.StatusCode, v)
			}
			continue
		}
		if resp.StatusCode != 400 || fieldOf(v) != "expires_in_days" {
			t.Errorf("expires_in_days %s: %d %v, want 400 naming expires_in_days", raw, resp.StatusCode, v)
		}
	}
}

// withProxies serves the fixture's store with trusted proxies.
func withProxies(t *testing.T, f *fixture, proxies ...string) *fixture {
	t.Helper()
	var ps []netip.Prefix
	for _, p := range proxies {
		ps = append(ps, netip.MustParsePrefix(p))
	}
	g := *f
	g.api = New(Config{Store: f.store, Log: zerolog.Nop(), Version: "test", TrustedProxies: ps})
	g.srv = httptest.NewServer(g.api.Handler())
	t.Cleanup(g.srv.Close)
	return &g
}

// TestLoginThrottlePerClient: wrong passwords from one client do not lock the owner out of
// another; behind a trusted proxy the client is the X-Forwarded-For address, otherwise the
// header is ignored.
func TestLoginThrottlePerClient(t *testing.T) {
	f := withProxies(t, newFixture(t), "127.0.0.0/8", "::1/128")
	f.addUser(t, "admin", true, nil)
	try := func(pw, client string) (int, http.Header, map[string]any) {
		return f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "admin", "password": pw}, "X-Forwarded-For", client)
	}
	var code int
	var h http.Header
	var v map[string]any
	for i := 0; i < 6; i++ {
		code, h, v = try("falsch", "203.0.113.9")
	}
	if code != 429 || h.Get("Retry-After") == "" {
		t.Fatalf("6 wrong passwords from the attacker: %d (Retry-After %q)", code, h.Get("Retry-After"))
	}
	if d, _ := v["detail"].(string); !strings.Contains(d, "zu viele Versuche") {
		t.Errorf("429 detail %q, want German", d)
	}
	// The attacker's right password is refused too while throttled.
	if code, _, _ := try("geheim-admin", "203.0.113.9"); code != 429 {
		t.Errorf("attacker with the right password while throttled: %d", code)
	}
	// The owner, from another client, signs in.
	if code, _, v := try("geheim-admin", "198.51.100.4"); code != 200 {
		t.Fatalf("the owner from another client is locked out: %d %v", code, v)
	}
	// A spoofed first hop does not help: the proxy appends the real peer, which counts.
	if code, _, _ := try("falsch", "198.51.100.4, 203.0.113.9"); code != 429 {
		t.Errorf("a forged X-Forwarded-For entry escaped the throttle: %d", code)
	}
	// Successful sign-ins cost nothing: the owner signs in again and again.
	for i := 0; i < 12; i++ {
		if code, _, _ := try("geheim-admin", "198.51.100.4"); code != 200 {
			t.Fatalf("sign-in %d of the owner: %d", i+1, code)
		}
	}

	// Without trusted proxies X-Forwarded-For is anyone's to write and is ignored: changing it
	// does not get around the throttle.
	g := newFixture(t)
	g.addUser(t, "anton", false, nil)
	for i := 0; i < 6; i++ {
		code, _, _ = g.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "anton", "password": "falsch"},
			"X-Forwarded-For", "192.0.2."+itoa(i+1))
	}
	if code != 429 {
		t.Fatalf("rotating X-Forwarded-For without a trusted proxy: %d, want 429", code)
	}
}

// TestPasswordChangeThrottled: guessing the current password through a stolen session is
// throttled like sign-in.
func TestPasswordChangeThrottled(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	session := f.login(t, "erika")
	var code int
	var h http.Header
	for i := 0; i < 6; i++ {
		code, h, _ = f.do(t, "PUT", "/api/v1/auth/me/password", session, map[string]string{"current_password": "rate-" + itoa(i), "new_password": "Heide-Wald-Fluss-1"})
	}
	if code != 429 || h.Get("Retry-After") == "" {
		t.Fatalf("6 wrong current passwords: %d (Retry-After %q)", code, h.Get("Retry-After"))
	}
}

// TestThrottleBudgets: the three budgets of the throttle, without HTTP.
func TestThrottleBudgets(t *testing.T) {
	th := newThrottle()
	fail := func(account, client string) bool {
		_, _, ok := th.begin(account, client)
		return ok
	}
	// Per account and client: 5, then refused; another client is unaffected.
	for i := 0; i < 5; i++ {
		if !fail("admin", "a") {
			t.Fatalf("attempt %d from a refused", i+1)
		}
	}
	if fail("admin", "a") {
		t.Fatal("6th attempt from a let through")
	}
	if !fail("admin", "b") {
		t.Fatal("client b refused after client a's failures")
	}
	// A refused attempt charges nothing elsewhere: a's refusals above did not use the
	// account's budget (5 + 1 charged so far).
	// Per client across accounts: 20 accounts from one client, then refused.
	th = newThrottle()
	for i := 0; i < 20; i++ {
		if !fail("user"+itoa(i), "c") {
			t.Fatalf("account %d from c refused", i)
		}
	}
	if fail("user-21", "c") {
		t.Fatal("a 21st account from one client let through")
	}
	// Per account from anywhere: 100 failures from 20 clients, then even a new client waits.
	th = newThrottle()
	for c := 0; c < 20; c++ {
		for i := 0; i < 5; i++ {
			if !fail("admin", "client"+itoa(c)) {
				t.Fatalf("attempt %d from client %d refused", i, c)
			}
		}
	}
	if _, wait, ok := th.begin("admin", "fresh"); ok || wait <= 0 {
		t.Fatalf("after 100 failures from many clients a fresh client: ok %v wait %v", ok, wait)
	}
	if !fail("someone-else", "fresh") {
		t.Fatal("another account is throttled by admin's budget")
	}
	// Successes are returned: 50 successful attempts in a row are all let through.
	th = newThrottle()
	for i := 0; i < 50; i++ {
		a, _, ok := th.begin("erika", "home")
		if !ok {
			t.Fatalf("successful attempt %d refused", i+1)
		}
		a.succeeded()
	}
}

// TestClientIP: which address counts as the client.
func TestClientIP(t *testing.T) {
	s := New(Config{Store: nil, Log: zerolog.Nop()})
	s.trustedProxies, _ = ParseTrustedProxies("10.0.0.0/8, 192.0.2.7")
	for _, tc := range []struct {
		peer, xff, want string
	}{
		{"203.0.113.5:4000", "198.51.100.1", "203.0.113.5"},                   // untrusted peer: header ignored
		{"10.1.2.3:4000", "", "10.1.2.3"},                                     // trusted peer, no header
		{"10.1.2.3:4000", "198.51.100.1", "198.51.100.1"},                     // one proxy
		{"10.1.2.3:4000", "6.6.6.6, 198.51.100.1, 192.0.2.7", "198.51.100.1"}, // two proxies; a forged left entry
		{"10.1.2.3:4000", "198.51.100.1, nonsense", "10.1.2.3"},               // garbage ends the walk
		{"[::ffff:10.1.2.3]:4000", "198.51.100.1", "198.51.100.1"},            // IPv4-mapped peer
		{"[2001:db8::1]:4000", "198.51.100.1", "2001:db8::1"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.peer
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := s.clientIP(r).String(); got != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: %s, want %s", tc.peer, tc.xff, got, tc.want)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "[2001:db8:1:2:aaaa::1]:4000"
	if got := s.clientKey(r); got != "2001:db8:1:2::/64" {
		t.Errorf("IPv6 key %s, want the /64", got)
	}
	for _, bad := range []string{"10.0.0.0/33", "nonsense", "10.0.0.1/8/2"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("ParseTrustedProxies(%q) accepted", bad)
		}
	}
}
