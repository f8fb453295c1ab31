package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// addUser stores a user with a password and roles.
func (f *fixture) addUser(t *testing.T, name string, admin bool, roles map[string]graph.Role) {
	t.Helper()
	h, err := HashPassword("geheim-" + name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.CreateUser(context.Background(), &graph.User{Username: name, PasswordHash: h, Admin: admin, Roles: roles}); err != nil {
		t.Fatal(err)
	}
}

// do sends a request with optional bearer token and JSON body; it returns status, headers
// and the decoded body (nil when empty).
func (f *fixture) do(t *testing.T, method, path, token string, body any, hdr ...string) (int, http.Header, map[string]any) {
	t.Helper()
	var raw []byte
	contentType := ""
	if body != nil {
		raw, _ = json.Marshal(body)
		contentType = "application/json"
	}
	code, h, out := f.send(t, method, path, token, contentType, raw, hdr...)
	var v map[string]any
	if len(out) > 0 {
		_ = json.Unmarshal(out, &v)
	}
	return code, h, v
}

func (f *fixture) login(t *testing.T, name string) string {
	t.Helper()
	code, _, v := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": name, "password": "geheim-" + name})
	if code != 200 {
		t.Fatalf("login %s: %d %v", name, code, v)
	}
	return v["token"].(string)
}

func TestLogin(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	code, h, v := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "Erika", "password": "geheim-erika"})
	if code != 200 || v["token"] == "" || v["csrf_token"] == "" || v["user"].(map[string]any)["username"] != "erika" {
		t.Fatalf("login: %d %v", code, v)
	}
	cookies := strings.Join(h.Values("Set-Cookie"), "\n")
	for _, want := range []string{"nwa_session=", "HttpOnly", "Secure", "SameSite=Strict", "nwa_csrf="} {
		if !strings.Contains(cookies, want) {
			t.Errorf("cookies %q lack %s", cookies, want)
		}
	}
	tok := v["token"].(string)
	if code, _, v := f.do(t, "GET", "/api/v1/auth/me", tok, nil); code != 200 || v["roles"].(map[string]any)["09991"] != "coordinator" {
		t.Fatalf("me: %d %v", code, v)
	}
	// Wrong password and unknown user look the same.
	c1, _, v1 := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": "falsch"})
	c2, _, v2 := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "niemand", "password": "falsch"})
	if c1 != 401 || c2 != 401 || v1["detail"] != v2["detail"] {
		t.Fatalf("bad logins: %d %v / %d %v", c1, v1, c2, v2)
	}
	// Bad bodies name what to fix.
	for _, tc := range []struct {
		body  string
		ct    string
		code  int
		field string
	}{
		{`{"username":"erika"}`, "application/json", 400, "password"},
		{`{"username":"erika","password":"x","extra":1}`, "application/json", 400, "extra"},
		{`{"username":5,"password":"x"}`, "application/json", 400, "username"},
		{`{"username":"erika",`, "application/json", 400, "body"},
		{``, "application/json", 400, "body"},
		{`{"username":"a","password":"b"} {}`, "application/json", 400, "body"},
		{`username=erika`, "application/x-www-form-urlencoded", 415, "Content-Type"},
		{`{"username":"` + strings.Repeat("x", maxBody) + `","password":"b"}`, "application/json", 413, "body"},
	} {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/auth/login", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ct)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var p problem
		_ = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if resp.StatusCode != tc.code || len(p.Errors) == 0 || p.Errors[0].Field != tc.field {
			t.Errorf("body %.40q: %d %+v, want %d naming %s", tc.body, resp.StatusCode, p, tc.code, tc.field)
		}
	}
}

func TestLoginRateLimit(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "anton", false, nil)
	var last int
	var hdr http.Header
	for i := 0; i < 8; i++ {
		last, hdr, _ = f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "anton", "password": "falsch"})
	}
	if last != 429 || hdr.Get("Retry-After") == "" {
		t.Fatalf("8 quick attempts on one account: last %d, Retry-After %q; want 429", last, hdr.Get("Retry-After"))
	}
	// Another account from the same client is not blocked yet.
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "berta", "password": "falsch"}); code != 401 {
		t.Fatalf("other account: %d, want 401", code)
	}
}

// TestRoleAccess: what each role reads in its own region and in others.
func TestRoleAccess(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "viewer", false, map[string]graph.Role{"09992": graph.RoleViewer})
	f.addUser(t, "member", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	cases := []struct {
		user              string
		orgs              int  // organisations visible: public A, internal A, public B
		seesRegionB       bool // the internal region
		contacts          bool // the actor's e-mail
		internalInternalA bool
	}{
		{"", 1, false, false, false},
		{"viewer", 2, true, false, false},
		{"member", 2, false, false, true},
		{"coord", 2, false, true, true},
		{"admin", 3, true, true, true},
	}
	for _, tc := range cases {
		tok := ""
		if tc.user != "" {
			tok = f.login(t, tc.user)
		}
		_, _, v := f.do(t, "GET", "/api/v1/organisations", tok, nil)
		if got := int(v["total"].(float64)); got != tc.orgs {
			t.Errorf("%q sees %d organisations, want %d", tc.user, got, tc.orgs)
		}
		if code, _, _ := f.do(t, "GET", "/api/v1/regions/09992", tok, nil); (code == 200) != tc.seesRegionB {
			t.Errorf("%q reads the internal region: %d", tc.user, code)
		}
		if code, _, _ := f.do(t, "GET", "/api/v1/organisations/"+f.hidden, tok, nil); (code == 200) != tc.internalInternalA {
			t.Errorf("%q reads the internal organisation: %d", tc.user, code)
		}
		_, _, a := f.do(t, "GET", "/api/v1/actors/"+f.actor, tok, nil)
		if (a["email"] != nil) != tc.contacts {
			t.Errorf("%q sees contact data: %v", tc.user, a["email"])
		}
	}
}

func TestTokens(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	f.addUser(t, "max", false, nil)
	session := f.login(t, "erika")
	code, _, v := f.do(t, "POST", "/api/v1/auth/tokens", session, map[string]any{"name": "Import-Skript", "expires_in_days": 30})
	if code != 201 || v["token"] == "" {
		t.Fatalf("create token: %d %v", code, v)
	}
	api, apiID := v["token"].(string), v["id"].(string)
	if code, _, v := f.do(t, "GET", "/api/v1/auth/me", api, nil); code != 200 || v["username"] != "erika" {
		t.Fatalf("API token: %d %v", code, v)
	}
	_, _, v = f.do(t, "GET", "/api/v1/auth/tokens", session, nil)
	if v["total"].(float64) != 2 {
		t.Fatalf("tokens %v", v)
	}
	// Too long, negative, or so many days that days × 24 h would overflow into a short lifetime
	// (106,751 days and more): each refused naming the field.
	for _, days := range []int64{367, 9999, -1, 106752, 213503982334601} {
		if code, _, v := f.do(t, "POST", "/api/v1/auth/tokens", session, map[string]any{"name": "x", "expires_in_days": days}); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "expires_in_days" {
			t.Fatalf("token for %d days: %d %v", days, code, v)
		}
	}
	// Another user cannot revoke it; its owner can, and then it stops working.
	if code, _, _ := f.do(t, "DELETE", "/api/v1/auth/tokens/"+apiID, f.login(t, "max"), nil); code != 404 {
		t.Fatalf("foreign revoke: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/auth/tokens/"+apiID, session, nil); code != 204 {
		t.Fatalf("revoke: %d", code)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", api, nil); code != 401 {
		t.Fatalf("revoked token still works: %d", code)
	}
	// A malformed Authorization header is 401, not anonymous.
	if code, _, _ := f.do(t, "GET", "/api/v1/regions", "", nil, "Authorization", "Basic abc"); code != 401 {
		t.Fatalf("basic auth header: %d", code)
	}
	// Logout ends the session.
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/logout", session, nil); code != 204 {
		t.Fatalf("logout: %d", code)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", session, nil); code != 401 {
		t.Fatalf("session after logout: %d", code)
	}
}

// TestCSRF: a cookie session must echo the CSRF token on unsafe requests; bearer tokens need
// not.
func TestCSRF(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, nil)
	code, h, v := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "erika", "password": "geheim-erika"})
	if code != 200 {
		t.Fatal(code)
	}
	var session, csrf string
	for _, c := range (&http.Response{Header: h}).Cookies() {
		switch c.Name {
		case sessionCookie:
			session = c.Value
		case csrfCookie:
			csrf = c.Value
		}
	}
	if csrf != v["csrf_token"] {
		t.Fatal("csrf cookie and body differ")
	}
	cookie := sessionCookie + "=" + session + "; " + csrfCookie + "=" + csrf
	if code, _, _ := f.do(t, "GET", "/api/v1/auth/me", "", nil, "Cookie", cookie); code != 200 {
		t.Fatalf("cookie GET: %d", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/tokens", "", map[string]any{"name": "x"}, "Cookie", cookie); code != 403 {
		t.Fatalf("cookie POST without CSRF header: %d, want 403", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/tokens", "", map[string]any{"name": "x"}, "Cookie", cookie, csrfHeader, "wrong"); code != 403 {
		t.Fatalf("cookie POST with a wrong CSRF header: %d, want 403", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/tokens", "", map[string]any{"name": "x"}, "Cookie", cookie, csrfHeader, csrf); code != 201 {
		t.Fatalf("cookie POST with the CSRF header: %d, want 201", code)
	}
}

// TestCookieSecureFlag: session cookies are Secure over HTTPS (or behind a proxy that says
// so) and on localhost, and not over plain HTTP on an intranet address, where browsers would
// drop them and sign-in would silently fail.
func TestCookieSecureFlag(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "erika", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	for _, tc := range []struct {
		host, proto string
		secure      bool
	}{
		{"", "", true}, // the test server's 127.0.0.1
		{"10.0.0.5:8080", "", false},
		{"atlas.kreis.example", "https", true},
		{"localhost:8080", "", true},
	} {
		var hdr []string
		if tc.host != "" {
			hdr = append(hdr, "Host", tc.host)
		}
		if tc.proto != "" {
			hdr = append(hdr, "X-Forwarded-Proto", tc.proto)
		}
		b, _ := json.Marshal(map[string]string{"username": "erika", "password": "geheim-erika"})
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/auth/login", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(hdr); i += 2 {
			if hdr[i] == "Host" {
				req.Host = hdr[i+1]
			} else {
				req.Header.Set(hdr[i], hdr[i+1])
			}
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		cookies := resp.Cookies()
		if resp.StatusCode != 200 || len(cookies) != 2 {
			t.Fatalf("%+v: %d, %d cookies", tc, resp.StatusCode, len(cookies))
		}
		for _, c := range cookies {
			if c.Secure != tc.secure {
				t.Errorf("%+v: cookie %s Secure=%v", tc, c.Name, c.Secure)
			}
		}
	}
}
