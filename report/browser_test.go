package report

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The HTML report in Debian's Chromium (headless): axe-core's WCAG 2.1 AA rules find nothing
// serious or critical, and printing to PDF gives A4 pages with "Seite N von M" from the CSS
// page margin boxes (read back with pdftotext). Like the program's browser tests, this skips
// without Chromium unless NETZWERKATLAS_TEST_BROWSER=1 demands it.

func chromium(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("NETZWERKATLAS_TEST_BROWSER") == "1" {
			t.Fatal("chromium is not installed and NETZWERKATLAS_TEST_BROWSER=1 demands the browser tests")
		}
		t.Skip("chromium is not installed (apt-get install -y chromium)")
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
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// axeSource finds axe-core: $NETZWERKATLAS_AXE, or the web app's node_modules when it has
// axe-core as a development dependency.
func axeSource() string {
	for _, p := range []string{os.Getenv("NETZWERKATLAS_AXE"), filepath.Join("..", "frontend", "node_modules", "axe-core", "axe.min.js")} {
		if p == "" {
			continue
		}
		if src, err := os.ReadFile(p); err == nil {
			return string(src)
		}
	}
	return ""
}

func TestHTMLInChromium(t *testing.T) {
	ctx := chromium(t)
	path := writeTemp(t, "bericht.html", sampleOutputs()[FormatHTML])
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}

	// Every class cell shows its class's fill (not, say, the zebra rows' colour).
	t.Run("class colours", func(t *testing.T) {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify([...document.querySelectorAll("td.cls")].map(td => [td.className, getComputedStyle(td).backgroundColor, td.textContent]))`))
		if err != nil {
			t.Fatal(err)
		}
		var cells [][3]string
		if err := json.Unmarshal([]byte(raw), &cells); err != nil {
			t.Fatal(err)
		}
		if len(cells) != 65 {
			t.Errorf("%d class cells, want 65", len(cells))
		}
		for _, c := range cells {
			class := strings.TrimPrefix(strings.Fields(c[0])[1], "cls-")
			f := classStyles[class].fill
			want := "rgb(" + strconv.Itoa(int(f.r)) + ", " + strconv.Itoa(int(f.g)) + ", " + strconv.Itoa(int(f.b)) + ")"
			if c[1] != want {
				t.Errorf("%q cell %q: background %s, want %s", class, c[2], c[1], want)
			}
		}
	})

	t.Run("axe", func(t *testing.T) {
		src := axeSource()
		if src == "" {
			t.Skip("axe-core not found: set NETZWERKATLAS_AXE to axe.min.js (npm install axe-core) or add axe-core to the web app's devDependencies")
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](src+";0")); err != nil {
			t.Fatal(err)
		}
		const js = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
			.then(r => JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(" ")})), passes: r.passes.length}))`
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Violations []struct {
				ID, Impact, Help, Target string
				Nodes                    int
			}
			Passes int
		}
		if err := json.Unmarshal([]byte(raw), &res); err != nil {
			t.Fatal(err)
		}
		t.Logf("axe: %d rules passed, %d violated", res.Passes, len(res.Violations))
		for _, v := range res.Violations {
			msg := v.ID + " (" + v.Impact + "): " + v.Help + ", " + strconv.Itoa(v.Nodes) + " elements, e.g. " + v.Target
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Error(msg)
			} else {
				t.Log(msg)
			}
		}
	})

	t.Run("print", func(t *testing.T) {
		pdftotext := poppler(t, "pdftotext")
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(func(p *page.PrintToPDFParams) {
			yes := true
			p.PreferCSSPageSize = &yes
			p.PrintBackground = &yes
		}))
		if err != nil {
			t.Fatal(err)
		}
		out := writeTemp(t, "gedruckt.pdf", pdf)
		if dir := os.Getenv("NETZWERKATLAS_ARTIFACTS"); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "sachstandsbericht-html-gedruckt.pdf")
			if err := os.WriteFile(p, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("printed: %s", p)
		}
		info := pdfInfo(t, out)
		if !strings.Contains(info["Page size"], "(A4)") {
			t.Errorf("printed page size %q, want A4", info["Page size"])
		}
		pages, _ := strconv.Atoi(info["Pages"])
		if pages < 2 {
			t.Fatalf("printed %d pages", pages)
		}
		for _, p := range []int{1, pages} {
			text := run(t, pdftotext, "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), out, "-")
			if want := "Seite " + strconv.Itoa(p) + " von " + strconv.Itoa(pages); !strings.Contains(text, want) {
				t.Errorf("printed page %d lacks %q", p, want)
			}
		}
		all := run(t, pdftotext, out, "-")
		for _, want := range []string{markTitle, markUmlauts, markCell} {
			if !strings.Contains(all, want) {
				t.Errorf("printed HTML lacks %q", want)
			}
		}
	})
}
