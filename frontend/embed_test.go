package frontend

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const indexHTML = `<!doctype html><html lang="de"><script type="module" src="/assets/index-abc123.js"></script></html>`

// built is what `vite build` leaves in dist/, in small.
func built() fstest.MapFS {
	return fstest.MapFS{
		".gitkeep":                {Data: nil},
		"index.html":              {Data: []byte(indexHTML)},
		"favicon.svg":             {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"assets/index-abc123.js":  {Data: []byte(`console.log("hallo")`)},
		"assets/index-def456.css": {Data: []byte(`body{margin:0}`)},
	}
}

func get(t *testing.T, h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for name, values := range header {
		req.Header[name] = values
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func check(t *testing.T, rec *httptest.ResponseRecorder, status int, contentType, cacheControl, bodyPart string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d (body %q)", rec.Code, status, rec.Body.String())
	}
	if contentType != "" {
		if got := rec.Header().Get("Content-Type"); got != contentType {
			t.Errorf("Content-Type = %q, want %q", got, contentType)
		}
	}
	if cacheControl != "" {
		if got := rec.Header().Get("Cache-Control"); got != cacheControl {
			t.Errorf("Cache-Control = %q, want %q", got, cacheControl)
		}
	}
	if !strings.Contains(rec.Body.String(), bodyPart) {
		t.Errorf("body = %q, want it to contain %q", rec.Body.String(), bodyPart)
	}
}

func TestAssetsAreServedWithTypeAndLongCache(t *testing.T) {
	h := newHandler(built(), true)
	for _, tc := range []struct{ path, contentType, body string }{
		{"/assets/index-abc123.js", "text/javascript; charset=utf-8", `console.log("hallo")`},
		{"/assets/index-def456.css", "text/css; charset=utf-8", "body{margin:0}"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tc.path, nil)
			check(t, rec, http.StatusOK, tc.contentType, "public, max-age=31536000, immutable", tc.body)
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
			}
		})
	}
}

func TestOtherFilesAreRevalidated(t *testing.T) {
	h := newHandler(built(), true)
	rec := get(t, h, http.MethodGet, "/favicon.svg", nil)
	check(t, rec, http.StatusOK, "image/svg+xml", "no-cache", "<svg")
}

func TestIndexIsServedWithoutCaching(t *testing.T) {
	h := newHandler(built(), true)
	for _, target := range []string{"/", "/index.html"} {
		rec := get(t, h, http.MethodGet, target, nil)
		check(t, rec, http.StatusOK, "text/html; charset=utf-8", "no-cache", indexHTML)
	}
}

func TestClientRoutesFallBackToIndex(t *testing.T) {
	h := newHandler(built(), true)
	for _, target := range []string{"/karte", "/verzeichnis/org_01J", "/netzwerk/?ego=org_1", "/.gitkeep", "/assetsfoo"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target, nil)
			check(t, rec, http.StatusOK, "text/html; charset=utf-8", "no-cache", indexHTML)
		})
	}
}

func TestIndexRevalidatesWithETag(t *testing.T) {
	h := newHandler(built(), true)
	first := get(t, h, http.MethodGet, "/karte", nil)
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on index.html")
	}
	again := get(t, h, http.MethodGet, "/steuerung", http.Header{"If-None-Match": {etag}})
	if again.Code != http.StatusNotModified {
		t.Errorf("status = %d, want 304 for a matching If-None-Match", again.Code)
	}
}

func TestMissingAssetIsNotFound(t *testing.T) {
	h := newHandler(built(), true)
	for _, target := range []string{"/assets/x.js", "/assets/", "/assets"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target, nil)
			if rec.Code != http.StatusNotFound {
				t.Errorf("status = %d, want 404", rec.Code)
			}
			if strings.Contains(rec.Body.String(), "<html") {
				t.Errorf("a missing asset got the app: %q", rec.Body.String())
			}
		})
	}
}

func TestAPIPathsNeverGetTheApp(t *testing.T) {
	h := newHandler(built(), true)
	for _, target := range []string{"/api/v1/nope", "/api", "/karte/../api/v1/regions"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target, nil)
			if rec.Code != http.StatusNotFound {
				t.Errorf("status = %d, want 404", rec.Code)
			}
		})
	}
}

func TestNotBuiltAnswers503(t *testing.T) {
	h := newHandler(fstest.MapFS{".gitkeep": {Data: nil}}, true)
	for _, target := range []string{"/", "/karte"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target, nil)
			check(t, rec, http.StatusServiceUnavailable, "text/plain; charset=utf-8", "no-store", "frontend not built: run make build")
		})
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	h := newHandler(built(), true)
	head := get(t, h, http.MethodHead, "/karte", nil)
	if head.Code != http.StatusOK || head.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, %d body bytes; want 200 and none", head.Code, head.Body.Len())
	}
	post := get(t, h, http.MethodPost, "/karte", nil)
	if post.Code != http.StatusMethodNotAllowed || post.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q; want 405 and GET, HEAD", post.Code, post.Header().Get("Allow"))
	}
}

func TestDevDirServesFromDisk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "dist")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("geheim"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir)

	// Nothing built yet: the hint, and it goes away as soon as a build appears.
	check(t, get(t, h, http.MethodGet, "/karte", nil), http.StatusServiceUnavailable, "", "", "run make build")

	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(indexHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "assets", "app-1.js"), []byte("1"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(t, get(t, h, http.MethodGet, "/karte", nil), http.StatusOK, "text/html; charset=utf-8", "no-cache", indexHTML)
	check(t, get(t, h, http.MethodGet, "/assets/app-1.js", nil), http.StatusOK, "text/javascript; charset=utf-8", "", "1")

	// Files are read per request, ETags included: an edited index.html is not answered 304.
	etag := get(t, h, http.MethodGet, "/", nil).Header().Get("ETag")
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(indexHTML+"<!-- rebuilt -->"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(t, get(t, h, http.MethodGet, "/", http.Header{"If-None-Match": {etag}}), http.StatusOK, "", "", "rebuilt")

	// Paths cannot leave the directory.
	for _, target := range []string{"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt"} {
		if rec := get(t, h, http.MethodGet, target, nil); strings.Contains(rec.Body.String(), "geheim") {
			t.Errorf("%s: served a file outside devDir", target)
		}
	}
}

// The embedded handler must agree with what was embedded: the app when a build exists, the
// hint when dist holds only .gitkeep (as in a fresh checkout).
func TestEmbeddedHandler(t *testing.T) {
	rec := get(t, Handler(""), http.MethodGet, "/karte", nil)
	if _, err := fs.Stat(dist, "dist/index.html"); err == nil {
		check(t, rec, http.StatusOK, "text/html; charset=utf-8", "no-cache", "<html")
	} else {
		check(t, rec, http.StatusServiceUnavailable, "text/plain; charset=utf-8", "", "frontend not built")
	}
}

func TestEmbeddedTextIsGzippedForClientsThatAcceptIt(t *testing.T) {
	big := strings.Repeat(`console.log("Netzwerkatlas");`, 200)
	files := built()
	files["assets/big-abc.js"] = &fstest.MapFile{Data: []byte(big)}
	files["index.html"] = &fstest.MapFile{Data: []byte(indexHTML + strings.Repeat("<!-- padding -->", 100))}
	h := newHandler(files, true)

	rec := get(t, h, http.MethodGet, "/assets/big-abc.js", http.Header{"Accept-Encoding": {"br, gzip"}})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("status %d, Content-Encoding %q, Vary %q; want 200, gzip, Accept-Encoding", rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Vary"))
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || string(plain) != big {
		t.Fatalf("gunzipped body differs (%v)", err)
	}
	if n := rec.Header().Get("Content-Length"); n == "" || n == fmt.Sprint(len(big)) {
		t.Errorf("Content-Length %q, want the compressed length", n)
	}

	// Without gzip in Accept-Encoding, or with q=0, the plain file.
	for _, accept := range []string{"", "identity", "gzip;q=0"} {
		rec = get(t, h, http.MethodGet, "/assets/big-abc.js", http.Header{"Accept-Encoding": {accept}})
		if rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != big {
			t.Errorf("Accept-Encoding %q: got Content-Encoding %q", accept, rec.Header().Get("Content-Encoding"))
		}
	}

	// index.html: the gzipped variant has its own ETag, and revalidation still works.
	plainTag := get(t, h, http.MethodGet, "/", nil).Header().Get("ETag")
	rec = get(t, h, http.MethodGet, "/", http.Header{"Accept-Encoding": {"gzip"}})
	gzTag := rec.Header().Get("ETag")
	if gzTag == "" || gzTag == plainTag {
		t.Errorf("gzip ETag %q, plain %q: want two different tags", gzTag, plainTag)
	}
	rec = get(t, h, http.MethodGet, "/karte", http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {gzTag}})
	if rec.Code != http.StatusNotModified {
		t.Errorf("revalidating the gzipped index: status %d, want 304", rec.Code)
	}

	// Small files and development mode stay as they are.
	if rec = get(t, h, http.MethodGet, "/assets/index-abc123.js", http.Header{"Accept-Encoding": {"gzip"}}); rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("a 20-byte file was gzipped")
	}
	dev := newHandler(files, false)
	if rec = get(t, dev, http.MethodGet, "/assets/big-abc.js", http.Header{"Accept-Encoding": {"gzip"}}); rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("development mode gzipped a file")
	}
}
