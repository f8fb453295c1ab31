package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeHandbuch: the running program serves the user handbook at /handbuch, with its
// screenshots and stylesheet, under the same security headers as everything else; unknown
// API paths stay problem+json, so the handbook cannot shadow the API.
func TestServeHandbuch(t *testing.T) {
	m := boot(t, t.TempDir(), io.Discard)
	t.Cleanup(func() { m.Close() })
	base := "http://" + m.Addr()

	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, string(b)
	}

	resp, page := get("/handbuch")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /handbuch: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("the handbook lacks the security headers: %v", resp.Header)
	}
	for _, want := range []string{`<h2 id="netzwerk-wer-arbeitet-mit-wem">`, `<h3 id="das-netzwerk-mit-der-tastatur">`, `href="/handbuch/handbuch.css"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the handbook page lacks %s", want)
		}
	}
	if resp, _ := get("/handbuch/netzwerk-gremien.png"); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("a screenshot: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp, _ := get("/handbuch/handbuch.css"); resp.StatusCode != http.StatusOK {
		t.Errorf("the stylesheet: %d", resp.StatusCode)
	}
	if resp, _ := get("/api/v1/handbuch"); resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		t.Errorf("an unknown API path: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
