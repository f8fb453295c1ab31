package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// holder is a heavy route that blocks each request (named by ?hold=) until it is released,
// so tests decide exactly how many heavy requests run.
type holder struct {
	entered chan string
	mu      sync.Mutex
	release map[string]chan struct{}
}

func newHolder() *holder {
	return &holder{entered: make(chan string, 16), release: map[string]chan struct{}{}}
}

func (h *holder) ch(name string) chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	c, ok := h.release[name]
	if !ok {
		c = make(chan struct{})
		h.release[name] = c
	}
	return c
}

func (h *holder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("hold")
	h.entered <- name
	<-h.ch(name)
	io.WriteString(w, "done "+name)
}

// limitFixture serves the holder behind authentication and the heavy-route gate with lim.
func limitFixture(t *testing.T, lim HeavyLimits) (*fixture, *holder, *httptest.Server) {
	t.Helper()
	f := newFixture(t)
	f.addUser(t, "mia", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "kai", false, map[string]graph.Role{"09991": graph.RoleViewer})
	f.addUser(t, "cora", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.api.heavy = newGate(lim)
	h := newHolder()
	srv := httptest.NewServer(f.api.authenticate(f.api.limitHeavy(h)))
	t.Cleanup(srv.Close)
	return f, h, srv
}

type answer struct {
	status int
	header http.Header
	body   string
}

// heavyGet sends GET /api/v1/export?hold=name (a heavy route) and returns its answer on a
// channel.
func heavyGet(t *testing.T, srv *httptest.Server, name, token string, lang string) chan answer {
	out := make(chan answer, 1)
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/export?hold="+name, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			out <- answer{}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out <- answer{resp.StatusCode, resp.Header, string(b)}
	}()
	return out
}

func (h *holder) waitEntered(t *testing.T, want string) {
	t.Helper()
	select {
	case got := <-h.entered:
		if got != want {
			t.Fatalf("%s started, want %s", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never started", want)
	}
}

// waitQueued waits until n requests wait for a turn.
func waitQueued(t *testing.T, g *gate, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for g.waiting() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d requests wait, want %d", g.waiting(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func problemDetail(t *testing.T, body string) string {
	t.Helper()
	var p problem
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("not a problem: %s", body)
	}
	return p.Detail
}

// TestHeavyLimitPerCaller: anonymous callers share one budget; beyond it a request waits and,
// when no turn comes within the wait, gets 429 with Retry-After and a German (or English)
// problem. A signed-in member has a budget of their own meanwhile.
func TestHeavyLimitPerCaller(t *testing.T) {
	f, h, srv := limitFixture(t, HeavyLimits{Anonymous: 1, PerUser: 1, PerCoordinator: 2, Total: 4, Wait: 20 * time.Millisecond, RetryAfter: 7 * time.Second})
	a := heavyGet(t, srv, "a", "", "")
	h.waitEntered(t, "a")

	// The anonymous budget is spent: the next anonymous request is refused once its wait ends.
	b := <-heavyGet(t, srv, "b", "", "")
	if b.status != http.StatusTooManyRequests || b.header.Get("Retry-After") != "7" || b.header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("second anonymous request: %d %v %s", b.status, b.header, b.body)
	}
	if d := problemDetail(t, b.body); !strings.Contains(d, "anonyme Aufrufe haben gerade 1 aufwendige Anfragen") {
		t.Errorf("German detail: %q", d)
	}
	e := <-heavyGet(t, srv, "e", "", "en")
	if d := problemDetail(t, e.body); e.status != 429 || !strings.Contains(d, "anonymous callers have 1 heavy requests") {
		t.Errorf("English detail: %d %q", e.status, d)
	}

	// A member is not held up by the anonymous public, but has a budget of one.
	mia := f.login(t, "mia")
	m1 := heavyGet(t, srv, "m1", mia, "")
	h.waitEntered(t, "m1")
	m2 := <-heavyGet(t, srv, "m2", mia, "en")
	if d := problemDetail(t, m2.body); m2.status != 429 || m2.header.Get("Retry-After") != "7" || !strings.Contains(d, "you have 1 heavy requests") {
		t.Fatalf("member's second request: %d %v %q", m2.status, m2.header, d)
	}
	// A coordinator has two.
	cora := f.login(t, "cora")
	c1, c2 := heavyGet(t, srv, "c1", cora, ""), (chan answer)(nil)
	h.waitEntered(t, "c1")
	c2 = heavyGet(t, srv, "c2", cora, "")
	h.waitEntered(t, "c2")

	for _, n := range []string{"a", "m1", "c1", "c2"} {
		close(h.ch(n))
	}
	for _, c := range []chan answer{a, m1, c1, c2} {
		if got := <-c; got.status != 200 {
			t.Errorf("held request: %d %s", got.status, got.body)
		}
	}
	// Not heavy: no budget applies.
	if code, _, _ := f.do(t, "GET", "/api/v1/organisations", "", nil); code != 200 {
		t.Errorf("a light route: %d", code)
	}
}

// TestHeavyLimitServerWide: when the server's budget is spent by others, a caller with
// budget left gets 503 with Retry-After.
func TestHeavyLimitServerWide(t *testing.T) {
	f, h, srv := limitFixture(t, HeavyLimits{Anonymous: 2, PerUser: 2, Total: 2, Wait: 20 * time.Millisecond, RetryAfter: 3 * time.Second})
	a := heavyGet(t, srv, "a", "", "")
	h.waitEntered(t, "a")
	m := heavyGet(t, srv, "m", f.login(t, "mia"), "")
	h.waitEntered(t, "m")
	k := <-heavyGet(t, srv, "k", f.login(t, "kai"), "")
	if k.status != http.StatusServiceUnavailable || k.header.Get("Retry-After") != "3" {
		t.Fatalf("request beyond the server's budget: %d %v %s", k.status, k.header, k.body)
	}
	if d := problemDetail(t, k.body); !strings.Contains(d, "der Server ist mit 2 aufwendigen Anfragen") {
		t.Errorf("German detail: %q", d)
	}
	close(h.ch("a"))
	close(h.ch("m"))
	<-a
	<-m
}

// TestHeavyLimitFreedTurn: a request that waits in the queue starts as soon as a running one
// finishes — the anonymous budget's and the server's alike.
func TestHeavyLimitFreedTurn(t *testing.T) {
	f, h, srv := limitFixture(t, HeavyLimits{Anonymous: 1, PerUser: 1, Total: 2, Wait: time.Minute})
	a := heavyGet(t, srv, "a", "", "")
	h.waitEntered(t, "a")
	b := heavyGet(t, srv, "b", "", "")
	waitQueued(t, f.api.heavy, 1)
	close(h.ch("a"))
	if got := <-a; got.status != 200 {
		t.Fatalf("first: %d", got.status)
	}
	h.waitEntered(t, "b") // b got the freed turn

	// Server-wide: b and m run, k waits for either.
	m := heavyGet(t, srv, "m", f.login(t, "mia"), "")
	h.waitEntered(t, "m")
	k := heavyGet(t, srv, "k", f.login(t, "kai"), "")
	waitQueued(t, f.api.heavy, 1)
	close(h.ch("m"))
	h.waitEntered(t, "k")
	close(h.ch("b"))
	close(h.ch("k"))
	for _, c := range []chan answer{b, m, k} {
		if got := <-c; got.status != 200 {
			t.Errorf("%d %s", got.status, got.body)
		}
	}
	if f.api.heavy.running != 0 || len(f.api.heavy.byKey) != 0 {
		t.Errorf("turns left over: %d %v", f.api.heavy.running, f.api.heavy.byKey)
	}
}

// TestHeavyRoutes lists what counts as heavy.
func TestHeavyRoutes(t *testing.T) {
	for _, c := range []struct {
		method, path string
		heavy        bool
	}{
		{"GET", "/api/v1/export", true},
		{"HEAD", "/api/v1/export", true},
		{"GET", "/api/v1/analysis/coverage", true},
		{"GET", "/api/v1/analysis/network/ego/org_1", true},
		{"GET", "/api/v1/reports/status", true},
		{"POST", "/api/v1/import", true},
		{"GET", "/api/v1/import/template", false},
		{"POST", "/api/v1/analysis/duplicates/verdicts", false},
		{"GET", "/api/v1/organisations", false},
		{"GET", "/healthz", false},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		if heavyRoute(r) != c.heavy {
			t.Errorf("%s %s: heavy %t, want %t", c.method, c.path, !c.heavy, c.heavy)
		}
	}
}

// TestHeavyRoutesDocumented: the OpenAPI document lists 429 and 503 with Retry-After on the
// heavy routes and only there.
func TestHeavyRoutesDocumented(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, method string
		heavy        bool
	}{
		{"/api/v1/export", "get", true},
		{"/api/v1/import", "post", true},
		{"/api/v1/analysis/coverage", "get", true},
		{"/api/v1/analysis/partners/{id}", "get", true},
		{"/api/v1/reports/status", "get", true},
		{"/api/v1/organisations", "get", false},
	} {
		op, ok := doc.Paths[c.path][c.method]
		if !ok {
			t.Fatalf("%s %s is not documented", c.method, c.path)
		}
		_, has429 := op.Responses["429"]
		_, has503 := op.Responses["503"]
		if c.heavy && (!has429 || !has503) || !c.heavy && has429 {
			t.Errorf("%s %s: 429 %t, 503 %t; heavy %t", c.method, c.path, has429, has503, c.heavy)
		}
	}
}
