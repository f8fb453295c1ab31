package exchange_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestJSONRoundTrip exports the demo with an integration concept (conceptStore: sub-goals
// whose ids sort before their parents', funding, status notes, provider roles) as JSON,
// imports it into an empty store and gets the same data back, ids, versions and timestamps
// included; a second import changes nothing, and the copy exports to the same bytes.
func TestJSONRoundTrip(t *testing.T) {
	_, src := conceptStore(t)
	p := writeFile(t, "export.json", func(w *bytes.Buffer) error {
		return exchange.Export(w, src, exchange.ExportOptions{Format: exchange.ExportJSON})
	})
	dst := openStore(t)
	rep, err := exchange.Import(ctx, dst, []exchange.Input{{Name: "export.json", Path: p}}, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || !rep.Written || rep.Created != len(src.Nodes()) || rep.Relations.Added != len(src.Relations) {
		t.Fatalf("import: %+v", rep)
	}
	got, err := dst.Snapshot(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	sameGraph(t, src, got)
	// Lossless: versions and timestamps too.
	want := map[string]graph.Meta{}
	for _, e := range src.Nodes() {
		want[e.Base().ID] = *e.Base()
	}
	for _, e := range got.Nodes() {
		w, g := want[e.Base().ID], *e.Base()
		if w.Version != g.Version || !w.CreatedAt.Equal(g.CreatedAt) || !w.UpdatedAt.Equal(g.UpdatedAt) || w.Visibility != g.Visibility {
			t.Fatalf("%s: meta %+v, want %+v", w.ID, g, w)
		}
	}
	again, err := exchange.Import(ctx, dst, []exchange.Input{{Name: "export.json", Path: p}}, exchange.Options{})
	if err != nil || !again.OK || again.Written || again.Unchanged != len(src.Nodes()) {
		t.Fatalf("second import: %v %+v", err, again)
	}
	// The export of the copy is the export of the original.
	var a, b bytes.Buffer
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	got.Revision = src.Revision
	if err := exchange.WriteJSON(&a, src, now); err != nil {
		t.Fatal(err)
	}
	if err := exchange.WriteJSON(&b, got, now); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the export of the imported copy differs from the original export")
	}
	for _, part := range []string{`"concepts": [`, `"guidelines": [`, `"periods":[`, `"parent":"gol_`, `"target_upper":`, `"budget_neutral":true`, `"status_notes":[`, `"role":"lead"`} {
		if !bytes.Contains(a.Bytes(), []byte(part)) {
			t.Errorf("the export lacks %s", part)
		}
	}
}

// hsdsDir is the folder of the official HSDS 3.0 schemas.
const hsdsDir = "../../../shared/hsds"

// TestHSDSValidates validates every object of the HSDS export of the demo against the
// official HSDS 3.0 JSON schemas (formats asserted: uuid, email, uri, date-time).
func TestHSDSValidates(t *testing.T) {
	if _, err := os.Stat(filepath.Join(hsdsDir, "service.json")); err != nil {
		t.Skipf("the HSDS 3.0 schemas are not at %s (shared/hsds); skipping the validation", hsdsDir)
	}
	_, src := demoStore(t)
	var buf bytes.Buffer
	if err := exchange.Export(&buf, src, exchange.ExportOptions{Format: exchange.ExportHSDS}); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	files, _ := filepath.Glob(filepath.Join(hsdsDir, "*.json"))
	for _, f := range files {
		if filepath.Base(f) == "openapi.json" {
			continue
		}
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource("https://hsds.example/schema/"+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	schema := func(name string) *jsonschema.Schema {
		s, err := c.Compile("https://hsds.example/schema/" + name + ".json")
		if err != nil {
			t.Fatalf("compiling %s: %v", name, err)
		}
		return s
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	doc := inst.(map[string]any)
	counts := map[string]int{}
	for member, name := range map[string]string{"organizations": "organization", "services": "service", "service_areas": "service_area", "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term"} {
		s := schema(name)
		items, _ := doc[member].([]any)
		if len(items) == 0 {
			t.Fatalf("the export has no %s", member)
		}
		for i, it := range items {
			if err := s.Validate(it); err != nil {
				t.Fatalf("%s[%d] does not validate against %s.json: %v", member, i, name, err)
			}
			counts[member]++
			if name == "service" {
				counts["service_areas"] += len(it.(map[string]any)["service_areas"].([]any))
				counts["attributes"] += len(it.(map[string]any)["attributes"].([]any))
			}
		}
	}
	if counts["service_areas"] == 0 || counts["attributes"] == 0 {
		t.Fatalf("services without areas or taxonomy terms: %v", counts)
	}
	// Service areas are referenced: a service's area names the municipality's URI and carries
	// no boundary; each boundary is written once, at the top level, under that URI.
	top := map[string]bool{}
	for _, it := range doc["service_areas"].([]any) {
		a := it.(map[string]any)
		uri, _ := a["uri"].(string)
		if top[uri] || !strings.HasPrefix(uri, "urn:de:ags:") {
			t.Fatalf("top-level service area %v: its URI is repeated or not an AGS URN", a)
		}
		top[uri] = true
	}
	withExtent := 0
	for _, it := range doc["service_areas"].([]any) {
		if it.(map[string]any)["extent"] != nil {
			withExtent++
		}
	}
	if withExtent == 0 {
		t.Fatal("no top-level service area carries its boundary")
	}
	for _, it := range doc["services"].([]any) {
		for _, a := range it.(map[string]any)["service_areas"].([]any) {
			area := a.(map[string]any)
			if area["extent"] != nil || !top[area["uri"].(string)] {
				t.Fatalf("a service's area repeats its boundary or names an area that is not listed: %v", area)
			}
		}
	}
	if schema("service").Validate(map[string]any{"id": "not-a-uuid", "name": "x", "status": "active"}) == nil ||
		schema("service").Validate(map[string]any{"id": exchange.HSDSUUID("service", "x"), "name": "x", "status": "running"}) == nil {
		t.Fatal("the schema check lets a malformed service pass")
	}
	t.Logf("valid HSDS 3.0: %v", counts)
}

// TestGraphMLParses parses the GraphML export back: a graph with one node per organisation,
// the metrics as attributes, and edges between known nodes.
func TestGraphMLParses(t *testing.T) {
	_, src := demoStore(t)
	var buf bytes.Buffer
	if err := exchange.Export(&buf, src, exchange.ExportOptions{Format: exchange.ExportGraphML}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Nodes) != len(src.Organisations) || len(doc.Graph.Edges) == 0 || doc.Graph.EdgeDefault != "undirected" {
		t.Fatalf("%d nodes (want %d), %d edges", len(doc.Graph.Nodes), len(src.Organisations), len(doc.Graph.Edges))
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		keys := map[string]bool{}
		for _, d := range n.Data {
			keys[d.Key] = true
		}
		for _, k := range []string{"label", "betweenness", "pagerank", "community", "degree"} {
			if !keys[k] {
				t.Fatalf("node %s lacks %s", n.ID, k)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Fatalf("edge %s–%s to an unknown node", e.Source, e.Target)
		}
	}
	t.Logf("GraphML: %d keys, %d nodes, %d edges", len(doc.Keys), len(doc.Graph.Nodes), len(doc.Graph.Edges))
}

// TestGeoJSONExport: one feature per municipality with its boundary and coverage figures.
func TestGeoJSONExport(t *testing.T) {
	_, src := demoStore(t)
	var buf bytes.Buffer
	if err := exchange.Export(&buf, src, exchange.ExportOptions{Format: exchange.ExportGeoJSON}); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID         string          `json:"id"`
			Geometry   json.RawMessage `json:"geometry"`
			Properties map[string]any  `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(src.Municipalities) {
		t.Fatalf("%s with %d features, want %d", fc.Type, len(fc.Features), len(src.Municipalities))
	}
	f := fc.Features[0]
	if !strings.Contains(string(f.Geometry), "Polygon") || f.Properties["gaps"] == nil || f.Properties["ags"] != f.ID {
		t.Fatalf("feature %s: %.100s %v", f.ID, f.Geometry, f.Properties)
	}
}

// TestDirIndexShared: exports of one snapshot at the same time share its directory index,
// which is let go with the last of them.
func TestDirIndexShared(t *testing.T) {
	_, src := demoStore(t)
	a, doneA := exchange.SharedIndexForTest(src)
	b, doneB := exchange.SharedIndexForTest(src)
	if a != b {
		t.Fatal("two exports of one snapshot built two indexes")
	}
	doneA()
	doneB()
	c, doneC := exchange.SharedIndexForTest(src)
	defer doneC()
	if c == a {
		t.Fatal("the index outlived its exports")
	}
}
