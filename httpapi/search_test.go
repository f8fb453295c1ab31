package httpapi

import (
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	f := newFixture(t)
	code, _, v := f.get(t, "/api/v1/search?q=sprachcafe")
	if code != 200 || v["total"].(float64) != 1 {
		t.Fatalf("search: %d %v", code, v)
	}
	hit := v["items"].([]any)[0].(map[string]any)
	if hit["kind"] != "measure" || hit["item"].(map[string]any)["id"] != f.measure || hit["score"].(float64) <= 0 {
		t.Fatalf("hit %v", hit)
	}
	m := hit["matches"].([]any)[0].(map[string]any)
	span := m["spans"].([]any)[0].([]any)
	if m["field"] != "title" || span[0].(float64) != 0 || span[1].(float64) != float64(len("Sprachcafé")) {
		t.Fatalf("matches %v, want the whole title", m)
	}
	// What anonymous callers may not read is never found.
	for _, q := range []string{"Interner", "geschlossenen"} {
		if _, _, v := f.get(t, "/api/v1/search?q="+q); v["total"].(float64) != 0 {
			t.Errorf("search %q found hidden entries: %v", q, v)
		}
	}
	// Kinds, filters and paging.
	if _, _, v := f.get(t, "/api/v1/search?q=caritas&types=organisation"); v["total"].(float64) != 1 {
		t.Errorf("organisation search %v", v)
	}
	if _, _, v := f.get(t, "/api/v1/search?q=sprachcafe&types=network"); v["total"].(float64) != 0 {
		t.Errorf("network search found a measure: %v", v)
	}
	if _, _, v := f.get(t, "/api/v1/search?municipality="+f.muni); v["total"].(float64) != 1 {
		t.Errorf("search without words in a municipality %v", v)
	}
	for path, field := range map[string]string{
		"/api/v1/search?q=x&types=actor":                 "types",
		"/api/v1/search?q=" + strings.Repeat("a", 501):   "q",
		"/api/v1/search?q=x&q=y":                         "q",
		"/api/v1/search?q=x&sort=name":                   "sort",
		"/api/v1/search?q=x&limit=5000":                  "limit",
		"/api/v1/search?q=x&cursor=@@":                   "cursor",
		"/api/v1/search?q=x&status=active&types=network": "status",
	} {
		code, _, v := f.get(t, path)
		errs, _ := v["errors"].([]any)
		if code != 400 || len(errs) == 0 || errs[0].(map[string]any)["field"] != field {
			t.Errorf("%s: %d %v, want 400 naming %s", path, code, v, field)
		}
	}
}
