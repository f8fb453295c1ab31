package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser tests drive Debian's Chromium (headless) against the real program. They skip when
// Chromium or the frontend build is missing, unless NETZWERKATLAS_TEST_BROWSER=1 (set by
// .ci/run) demands them. Screenshots go to $NETZWERKATLAS_ARTIFACTS (default: a temp dir).

func browser(t *testing.T) context.Context {
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
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// screenshot saves the page as an artifact of the journey.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
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

// text returns the text of the first element matching the CSS selector.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// TestBrowserStartPage opens the web app as a new user would and finds the five demo counties;
// switching to English relabels the page.
func TestBrowserStartPage(t *testing.T) {
	ctx := browser(t)
	m := boot(t, t.TempDir(), &bytes.Buffer{})
	defer m.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate("http://"+m.Addr()+"/"),
		chromedp.WaitVisible(chromedp.CSS(`ul.region-list`)),
	); err != nil {
		t.Fatal(err)
	}
	list := text(t, ctx, `ul.region-list`)
	heading := text(t, ctx, `main h1`)
	for _, name := range []string{"Rhein-Neckar-Kreis", "Börde", "Märkischer Kreis", "Recklinghausen", "Rems-Murr-Kreis"} {
		if !strings.Contains(list, name) {
			t.Errorf("start page does not list %s:\n%s", name, list)
		}
	}
	if heading != "Karte" {
		t.Errorf("heading %q, want Karte (German first)", heading)
	}
	screenshot(t, ctx, "start-page-de")

	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`button[lang="en"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]`)),
	); err != nil {
		t.Fatal(err)
	}
	heading = text(t, ctx, `main h1`)
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`html`), "lang"))
	if err != nil {
		t.Fatal(err)
	}
	lang := attr.Value
	if heading != "Map" || lang != "en" {
		t.Errorf("after switching: heading %q lang %q, want Map and en", heading, lang)
	}
	screenshot(t, ctx, "start-page-en")
}
