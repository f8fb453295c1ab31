package docs

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, path string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHandbuchPage: /handbuch answers with the German handbook as one HTML page, its chapters
// as headings with ids made from their German text.
func TestHandbuchPage(t *testing.T) {
	res := get(t, "/handbuch")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /handbuch: %d", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	page := body(t, res)
	for _, want := range []string{
		`<html lang="de">`,
		`<title>Netzwerkatlas – Handbuch</title>`,
		`<main id="inhalt"`,
		`<h2 id="erste-schritte">Erste Schritte</h2>`,
		`<h2 id="netzwerk-wer-arbeitet-mit-wem">Netzwerk – wer arbeitet mit wem?</h2>`,
		`<h3 id="die-kennzahlen-des-netzwerks">Die Kennzahlen des Netzwerks</h3>`,
		`<h4 id="modularitaet">Modularität</h4>`,
		`<h2 id="dubletten-pruefen-koordinierungsstellen">Dubletten prüfen (Koordinierungsstellen)</h2>`,
		`<h2 id="tastatur-und-barrierefreiheit">Tastatur und Barrierefreiheit</h2>`,
		`<table>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the handbook page lacks %s", want)
		}
	}
}

var (
	imgSrc = regexp.MustCompile(`<img src="([^"]+)" alt="([^"]*)" loading="lazy"`)
	idAttr = regexp.MustCompile(`\sid="([^"]+)"`)
)

// TestHandbuchImages: every screenshot the page shows is served, as a PNG, with a text
// alternative.
func TestHandbuchImages(t *testing.T) {
	page, err := Page()
	if err != nil {
		t.Fatal(err)
	}
	imgs := imgSrc.FindAllStringSubmatch(string(page), -1)
	if len(imgs) < 10 {
		t.Fatalf("%d images in the handbook, want the screenshots", len(imgs))
	}
	for _, m := range imgs {
		src, alt := m[1], m[2]
		if alt == "" {
			t.Errorf("%s has no text alternative", src)
		}
		if strings.HasPrefix(src, "/") || strings.Contains(src, ":") {
			t.Errorf("%s is not relative to the page", src)
			continue
		}
		res := get(t, Path+"/"+strings.TrimPrefix(src, "handbuch/"))
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: %d %s", src, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}

// TestHandbuchAnchorsFromTheApp: every section the web app links to (/handbuch#…, anywhere
// in frontend/src) exists on the page, and ids are unique.
func TestHandbuchAnchorsFromTheApp(t *testing.T) {
	page, err := Page()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, m := range idAttr.FindAllStringSubmatch(string(page), -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("the id %q occurs %d times", id, n)
		}
	}
	link := regexp.MustCompile(`/handbuch#([A-Za-z0-9_-]+)`)
	linked := map[string]string{}
	err = filepath.WalkDir(filepath.Join("..", "frontend", "src"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".test.ts") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range link.FindAllStringSubmatch(string(src), -1) {
			linked[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The network view explains seven figures, each with its section.
	if len(linked) < 7 {
		t.Errorf("the web app links to %d sections of the handbook, want at least the network figures': %v", len(linked), linked)
	}
	for id, file := range linked {
		if ids[id] == 0 {
			t.Errorf("%s links to /handbuch#%s, which the page lacks", file, id)
		}
	}
}

// TestHandbuchRoutes: the stylesheet is served, a trailing slash redirects to the page (whose
// images are relative to it), anything else below it is not found, writes are refused.
func TestHandbuchRoutes(t *testing.T) {
	if res := get(t, "/handbuch/handbuch.css"); res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res := get(t, "/handbuch/"); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/handbuch" {
		t.Errorf("/handbuch/: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	for _, p := range []string{"/handbuch/handbuch.md", "/handbuch/fehlt.png", "/handbuch/../embed.go"} {
		if res := get(t, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/handbuch", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /handbuch: %d", rec.Code)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Netzwerk – wer arbeitet mit wem?":         "netzwerk-wer-arbeitet-mit-wem",
		"Modularität":                              "modularitaet",
		"Größe und Maßnahmen":                      "groesse-und-massnahmen",
		"Über Ämter / Öffnungszeiten":              "ueber-aemter-oeffnungszeiten",
		"Dubletten prüfen (Koordinierungsstellen)": "dubletten-pruefen-koordinierungsstellen",
		"Exporte – wer braucht welches Format?":    "exporte-wer-braucht-welches-format",
		"  Café 2026  ":                            "cafe-2026",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	s := newIDs()
	for _, want := range []string{"dichte", "dichte-1", "dichte-2"} {
		if got := string(s.Generate([]byte("Dichte"), 0)); got != want {
			t.Errorf("the id of a repeated heading is %q, want %q", got, want)
		}
	}
}
