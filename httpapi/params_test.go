package httpapi

import (
	"encoding/json"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// TestQueryParametersBounded walks every GET route of the OpenAPI document: each integer and
// number query parameter must document a maximum, and a huge value must be refused with 400
// naming the parameter — before any work is done, never a 500 and never a huge computation.
func TestQueryParametersBounded(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "root", true, nil)
	token := f.login(t, "root")
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{"organisations": f.org, "partners": f.org, "ego": f.org, "measures": f.measure,
		"municipalities": f.muni, "actors": f.actor, "regions": "09991"}
	var paths []string
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	checked := 0
	for _, path := range paths {
		raw, ok := doc.Paths[path]["get"]
		if !ok {
			continue
		}
		var op struct {
			Parameters []struct {
				Name   string         `json:"name"`
				In     string         `json:"in"`
				Schema map[string]any `json:"schema"`
				Ref    string         `json:"$ref"`
			} `json:"parameters"`
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Fatal(err)
		}
		concrete := path
		if strings.Contains(path, "{") {
			parts := strings.Split(path, "/")
			for i, part := range parts {
				if strings.HasPrefix(part, "{") {
					id := ids[parts[i-1]]
					if id == "" {
						id = "x"
					}
					parts[i] = id
				}
			}
			concrete = strings.Join(parts, "/")
		}
		for _, p := range op.Parameters {
			typ, _ := p.Schema["type"].(string)
			if p.In != "query" || (typ != "integer" && typ != "number") {
				continue
			}
			if _, ok := p.Schema["maximum"]; !ok {
				t.Errorf("GET %s: %s documents no maximum", path, p.Name)
			}
			huge := "1000000000000"
			if typ == "number" {
				huge = "1e300"
			}
			q := url.Values{p.Name: {huge}}
			for _, other := range op.Parameters {
				if other.Name == "region" && other.In == "query" {
					q.Set("region", "09991")
				}
			}
			code, _, v := f.do(t, "GET", concrete+"?"+q.Encode(), token, nil)
			checked++
			if code != 400 {
				t.Errorf("GET %s?%s: %d %v", concrete, q.Encode(), code, v)
				continue
			}
			errs, _ := v["errors"].([]any)
			if len(errs) == 0 || errs[0].(map[string]any)["field"] != p.Name {
				t.Errorf("GET %s?%s: the refusal does not name %s: %v", concrete, q.Encode(), p.Name, v)
				continue
			}
			// German by default: the sentence comes from the catalogue.
			if m, _ := errs[0].(map[string]any)["message"].(string); strings.Contains(m, "must be") || strings.Contains(m, " is not ") {
				t.Errorf("GET %s?%s: the refusal is not in German: %q", concrete, q.Encode(), m)
			}
		}
	}
	if checked < 8 {
		t.Fatalf("only %d parameters checked", checked)
	}
	t.Logf("%d integer and number parameters refuse a huge value", checked)
}
