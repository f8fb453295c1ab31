package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"
)

// Browser tests drive Debian's Chromium (headless) against the real program on the demo data,
// one journey per view. They skip when Chromium or the frontend build is missing, unless
// NETZWERKATLAS_TEST_BROWSER=1 (set by .ci/run) demands them. Every journey saves screenshots
// to $NETZWERKATLAS_ARTIFACTS (default: a temporary folder); `make screenshots` writes them
// to docs/handbuch, where the user guide shows them.
//
// Journeys wait for elements and attributes the app sets when it is ready (data-state,
// data-key, …), never for fixed times, and fail on any uncaught JavaScript error.

// adminPassword is the first admin's password in every browser journey.
const adminPassword = "browser-admin-1"

func browser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	demand := os.Getenv("NETZWERKATLAS_TEST_BROWSER") == "1"
	skip := func(why string) {
		if demand {
			t.Fatal(why + " (NETZWERKATLAS_TEST_BROWSER=1 demands the browser tests)")
		}
		t.Skip(why)
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		skip("chromium is not installed (apt-get install -y chromium)")
	}
	if _, err := os.Stat(filepath.Join("..", "..", "frontend", "dist", "index.html")); err != nil {
		skip("the frontend is not built (make build)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// screenshot saves what the browser window shows as an artifact of the journey (the
// viewport, not the whole page: the user guide shows what a user sees at once).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("NETZWERKATLAS_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// page is one browser tab on a freshly seeded program.
type page struct {
	t    *testing.T
	ctx  context.Context
	base string
	m    *Main

	mu     sync.Mutex
	errors []string
}

// seeded is a data folder the program seeded with the demo once per test run; every journey
// starts on its own copy, as if it had seeded a new store itself, without paying for the seed.
var seeded struct {
	once sync.Once
	dir  string
	err  error
}

// seededCopy returns a new folder holding a copy of the seeded data folder.
func seededCopy(t *testing.T) string {
	t.Helper()
	seeded.once.Do(func() {
		dir, err := os.MkdirTemp("", "netzwerkatlas-journeys-")
		if err != nil {
			seeded.err = err
			return
		}
		m := &Main{Config: Config{Addr: "127.0.0.1:0", Store: "embedded", Data: dir, AdminPassword: adminPassword},
			Log: zerolog.New(io.Discard), Stdout: &bytes.Buffer{}}
		seeded.err = m.Run(context.Background())
		if err := m.Close(); seeded.err == nil {
			seeded.err = err
		}
		seeded.dir = dir
	})
	if seeded.err != nil {
		t.Fatalf("seeding the journeys' data folder: %v", seeded.err)
	}
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(seeded.dir)); err != nil {
		t.Fatalf("copying the seeded data folder: %v", err)
	}
	return dst
}

// openApp boots the program on a new data folder (the demo data, admin with adminPassword)
// and a browser that records uncaught JavaScript errors.
func openApp(t *testing.T, extra ...chromedp.ExecAllocatorOption) *page {
	t.Helper()
	ctx := browser(t, extra...)
	m := &Main{
		Config: Config{Addr: "127.0.0.1:0", Store: "embedded", Data: seededCopy(t), AdminPassword: adminPassword},
		Log:    zerolog.New(io.Discard),
		Stdout: &bytes.Buffer{},
	}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	p := &page{t: t, ctx: ctx, base: "http://" + m.Addr(), m: m}
	// The service's Content-Security-Policy forbids inline styles and scripts: a violation
	// would break the page in a way no assertion sees, so it counts as an error.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error('Content-Security-Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`}); err != nil {
		t.Fatal(err)
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			p.mu.Lock()
			p.errors = append(p.errors, msg)
			p.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type != "error" {
				continue
			}
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.mu.Lock()
			p.errors = append(p.errors, "console.error: "+strings.Join(parts, " "))
			p.mu.Unlock()
		}
	}()
	t.Cleanup(p.checkErrors)
	return p
}

// checkErrors fails the test when the page threw or logged an error.
func (p *page) checkErrors() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range p.errors {
		p.t.Errorf("JavaScript error in the page: %s", e)
	}
	p.errors = nil
}

// do runs actions and fails the test (with a screenshot) on error.
func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.fail("%v", err)
	}
}

// fail saves a screenshot of the failing page and stops the test.
func (p *page) fail(format string, args ...any) {
	p.t.Helper()
	if png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot()); err == nil {
		dir := os.Getenv("NETZWERKATLAS_ARTIFACTS")
		if dir == "" {
			dir = os.TempDir()
		}
		name := filepath.Join(dir, "failed-"+strings.ReplaceAll(p.t.Name(), "/", "-")+".png")
		if os.WriteFile(name, png, 0o644) == nil {
			p.t.Logf("screenshot of the failure: %s", name)
		}
	}
	p.t.Fatalf(format, args...)
}

// goTo opens path of the app and waits for the shell.
func (p *page) goTo(path string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.base+path), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
}

// waitFor polls the JavaScript expression until it is truthy (at most 20 s).
func (p *page) waitFor(what, js string) {
	p.t.Helper()
	p.waitWithin(20*time.Second, what, js)
}

// waitWithin polls the JavaScript expression until it is truthy, at most d.
func (p *page) waitWithin(d time.Duration, what, js string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](js,
		chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(d)))
	if err != nil {
		p.fail("waiting for %s (%s): %v", what, js, err)
	}
}

// eval evaluates js in the page and decodes its result.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.fail("evaluating %s: %v", js, err)
	}
	return v
}

// text is the visible text (innerText) of the first element matching css, once it is
// visible; read in one step, so a view re-rendering meanwhile cannot pull the node away.
func (p *page) text(css string) string {
	p.t.Helper()
	p.waitFor("visible "+css, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.getClientRects().length > 0 })()`, css))
	return strings.TrimSpace(eval[string](p, fmt.Sprintf(`document.querySelector(%q)?.innerText ?? ''`, css)))
}

// click clicks the first element matching css once it is visible. When the page replaced
// the element between finding and clicking it (a view re-rendered as data arrived), it looks
// the element up again, as a user would simply click once more.
func (p *page) click(css string) {
	p.t.Helper()
	var err error
	for try := 0; try < 3; try++ {
		if err = chromedp.Do(p.ctx, chromedp.WaitVisible(chromedp.CSS(css)), chromedp.Click(chromedp.CSS(css))); err == nil {
			return
		}
		if !strings.Contains(err.Error(), "Could not find node") && !strings.Contains(err.Error(), "box model") {
			break
		}
		p.t.Logf("clicking %s again: %v", css, err)
	}
	p.fail("clicking %s: %v", css, err)
}

// press focuses css and presses keys there, as a keyboard user would. A page that renders
// again between finding the element and focusing it replaces the node, so it tries again.
func (p *page) press(css string, keys ...string) {
	p.t.Helper()
	var err error
	for try := 0; try < 3; try++ {
		actions := []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(css)), chromedp.Focus(chromedp.CSS(css))}
		for _, k := range keys {
			actions = append(actions, chromedp.KeyEvent(k))
		}
		if err = chromedp.Do(p.ctx, actions...); err == nil {
			return
		}
		if !strings.Contains(err.Error(), "Could not find node") && !strings.Contains(err.Error(), "box model") {
			break
		}
		p.t.Logf("pressing keys on %s again: %v", css, err)
	}
	p.fail("pressing keys on %s: %v", css, err)
}

// choose picks the option of the <select> css whose text is label, as a user would.
func (p *page) choose(css, label string) {
	p.t.Helper()
	p.waitFor("select "+css+" with "+label, fmt.Sprintf(
		`[...(document.querySelector(%q)?.options ?? [])].some(o => o.textContent === %q)`, css, label))
	p.do(chromedp.Focus(chromedp.CSS(css)))
	ok := eval[bool](p, fmt.Sprintf(`(() => {
		const s = document.querySelector(%q);
		const o = [...s.options].find(o => o.textContent === %q);
		if (!o) return false;
		s.value = o.value;
		s.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})()`, css, label))
	if !ok {
		p.fail("%s has no option %q", css, label)
	}
}

// fill replaces the value of the input css with value, typing it.
// A page that renders again between finding the input and typing replaces the node, so it
// tries again, as click and press do.
func (p *page) fill(css, value string) {
	p.t.Helper()
	var err error
	for try := 0; try < 3; try++ {
		if err = chromedp.Do(p.ctx, chromedp.WaitVisible(chromedp.CSS(css)), chromedp.Focus(chromedp.CSS(css))); err == nil {
			eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = '';
		e.dispatchEvent(new Event('input', { bubbles: true })); return true })()`, css))
			if err = chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.CSS(css), value)); err == nil {
				return
			}
		}
		if !strings.Contains(err.Error(), "Could not find node") && !strings.Contains(err.Error(), "box model") {
			break
		}
		p.t.Logf("filling %s again: %v", css, err)
	}
	p.fail("filling %s: %v", css, err)
}

// signIn signs in through the form of the Verwaltung view and waits for the header to say so.
func (p *page) signIn(user, password string) {
	p.t.Helper()
	p.goTo("/verwaltung")
	p.fill(`#login-username`, user)
	p.fill(`#login-password`, password)
	p.click(`#login-form button[type="submit"]`)
	p.waitFor("the header to name "+user, fmt.Sprintf(`document.querySelector('.account-name')?.textContent.includes(%q)`, user))
}

// shot saves a screenshot named name of the top of the page.
func (p *page) shot(name string) {
	p.t.Helper()
	eval[bool](p, `(() => { window.scrollTo(0, 0); document.activeElement?.blur?.(); return true })()`)
	screenshot(p.t, p.ctx, name)
}

// shotAt saves a screenshot named name with the element css scrolled to the top.
func (p *page) shotAt(name, css string) {
	p.t.Helper()
	eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false;
		window.scrollTo(0, Math.max(0, e.getBoundingClientRect().top + window.scrollY - 16)); return true })()`, css))
	screenshot(p.t, p.ctx, name)
}

// axeViolation is one rule axe-core found broken, with the first elements that break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axe runs axe-core (frontend/node_modules/axe-core, a devDependency) in the page on the
// elements matching context (the whole document when empty) and fails the test on every
// critical or serious violation; minor and moderate ones are logged. It returns all of them.
func (p *page) axe(t *testing.T, context string) []axeViolation {
	t.Helper()
	if !eval[bool](p, `typeof window.axe === 'object'`) {
		src, err := os.ReadFile(filepath.Join("..", "..", "frontend", "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			p.fail("axe-core is not installed (cd frontend && npm ci): %v", err)
		}
		if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			p.fail("loading axe-core: %v", err)
		}
	}
	target := "document"
	if context != "" {
		target = fmt.Sprintf("{ include: [[%q]] }", context)
	}
	out := eval[[]axeViolation](p, fmt.Sprintf(`axe.run(%s, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
		id: v.id, impact: v.impact || '', help: v.help,
		nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
	})))`, target))
	for _, v := range out {
		if v.Impact == "critical" || v.Impact == "serious" {
			t.Errorf("axe (%s): %s %s – %s\n\t%s", context, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
		} else {
			t.Logf("axe (%s): %s %s – %s", context, v.Impact, v.ID, v.Help)
		}
	}
	return out
}

// api calls the JSON API directly (as another client would) and decodes the answer into v.
func (p *page) apiJSON(method, path, token string, body any, header map[string]string, v any) int {
	p.t.Helper()
	return callAPI(p.t, method, p.base+path, token, body, header, v)
}

// adminToken signs in as the admin over the API and returns the bearer token.
func (p *page) adminToken() string {
	p.t.Helper()
	var login struct {
		Token string `json:"token"`
	}
	if code := p.apiJSON("POST", "/api/v1/auth/login", "", map[string]string{"username": "admin", "password": adminPassword}, nil, &login); code != 200 {
		p.t.Fatalf("login: status %d", code)
	}
	return login.Token
}

// callAPI sends one request to the API, with a bearer token when given, and decodes the JSON
// answer into v (when v is not nil); it returns the status code.
func callAPI(t *testing.T, method, url, token string, body any, header map[string]string, v any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, val := range header {
		req.Header.Set(k, val)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("%s %s: %v", method, url, err)
		}
	}
	return resp.StatusCode
}

// TestBrowserStartPage opens the web app as a new user would: German first, the map of the
// first region; switching to English relabels the page.
func TestBrowserStartPage(t *testing.T) {
	p := openApp(t)
	p.goTo("/")
	p.waitFor("the map", `document.querySelector('#karte-map')?.dataset.state === 'ready'`)
	if h := p.text(`main h1`); h != "Karte" {
		t.Errorf("heading %q, want Karte (German first)", h)
	}
	if loc := eval[string](p, `location.pathname + location.search`); !strings.HasPrefix(loc, "/karte?region=") {
		t.Errorf("the start page is %s, want the map with its region in the address", loc)
	}
	p.shot("start-page-de")

	p.click(`button[lang="en"]`)
	p.waitFor("English", `document.documentElement.lang === 'en'`)
	if h := p.text(`main h1`); h != "Map" {
		t.Errorf("after switching: heading %q, want Map", h)
	}
	if l := p.text(`label[for="karte-field"]`); l != "Field of action" {
		t.Errorf("after switching: field label %q, want Field of action", l)
	}
	p.shot("start-page-en")
}
