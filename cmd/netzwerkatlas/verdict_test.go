package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/rs/zerolog"
)

// TestVerdictSurvivesRestart: a coordinator's verdict on a duplicate candidate of the demo is
// stored; after a restart the next run still respects it — the pair leaves the review queue
// and is listed as reviewed.
func TestVerdictSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	start := func() (*Main, string) {
		m := &Main{Config: Config{Addr: "127.0.0.1:0", Store: "embedded", Data: dir, AdminPassword: "geheim-geheim-1"}, Log: zerolog.New(io.Discard), Stdout: io.Discard}
		if err := m.Run(t.Context()); err != nil {
			m.Close()
			t.Fatal(err)
		}
		return m, "http://" + m.Addr()
	}
	call := func(method, url, token string, body any, v any) int {
		t.Helper()
		var rd io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
		req, _ := http.NewRequest(method, url, rd)
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("%s %s: %v", method, url, err)
		}
		return resp.StatusCode
	}
	type pair struct {
		A, B    string
		Verdict string
	}
	type dups struct {
		Pairs    []pair `json:"pairs"`
		Reviewed []pair `json:"reviewed"`
	}
	contains := func(ps []pair, p pair) bool {
		for _, x := range ps {
			if x.A == p.A && x.B == p.B {
				return true
			}
		}
		return false
	}

	m, base := start()
	var login struct{ Token string }
	if code := call("POST", base+"/api/v1/auth/login", "", map[string]string{"username": "admin", "password": "geheim-geheim-1"}, &login); code != 200 {
		t.Fatalf("login: %d", code)
	}
	var before dups
	if code := call("GET", base+"/api/v1/analysis/duplicates?region=05562", login.Token, nil, &before); code != 200 || len(before.Pairs) == 0 {
		t.Fatalf("duplicates: %d, %d pairs", code, len(before.Pairs))
	}
	target := before.Pairs[0]
	var rec map[string]any
	if code := call("POST", base+"/api/v1/analysis/duplicates/verdicts", login.Token,
		map[string]string{"a": target.A, "b": target.B, "verdict": "not_duplicate", "note": "zwei Gruppen"}, &rec); code != 200 || rec["by"] != "admin" {
		t.Fatalf("verdict: %d %v", code, rec)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}

	m, base = start()
	defer m.Close()
	var after dups
	if code := call("GET", base+"/api/v1/analysis/duplicates?region=05562", "", nil, &after); code != 200 {
		t.Fatalf("after restart: %d", code)
	}
	if contains(after.Pairs, target) || !contains(after.Reviewed, target) {
		t.Errorf("after restart the pair %s–%s is still in the queue (%v) or not listed as reviewed", target.A, target.B, contains(after.Pairs, target))
	}
	for _, p := range after.Reviewed {
		if p.A == target.A && p.B == target.B && p.Verdict != "not_duplicate" {
			t.Errorf("reviewed pair carries verdict %q", p.Verdict)
		}
	}
}
