package httpapi

import (
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestSnapshotRoutes: a coordinator saves a run, a field is added (opening a gap), a second
// run is saved, and the comparison shows the gap opened; members read, viewers and the public
// do not; bad ids and parameters are named.
func TestSnapshotRoutes(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	f.addUser(t, "koordination", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "gast", false, map[string]graph.Role{"09991": graph.RoleViewer})
	coord, member, viewer := f.login(t, "koordination"), f.login(t, "mitglied"), f.login(t, "gast")

	code, h, first := f.do(t, "POST", "/api/v1/snapshots", coord, map[string]string{"region": "09991", "label": "Frühjahr"})
	if code != 201 || first["label"] != "Frühjahr" || h.Get("Location") != "/api/v1/snapshots/"+first["id"].(string) || first["data"] != nil {
		t.Fatalf("save: %d %v", code, first)
	}
	if _, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"}); err != nil {
		t.Fatal(err)
	}
	code, _, second := f.do(t, "POST", "/api/v1/snapshots", coord, map[string]string{"region": "09991", "label": "Herbst"})
	if code != 201 || second["revision"].(float64) <= first["revision"].(float64) {
		t.Fatalf("second save: %d %v (revision must move on: %v)", code, second, first["revision"])
	}

	code, _, list := f.do(t, "GET", "/api/v1/snapshots?region=09991", member, nil)
	if code != 200 || list["total"].(float64) != 2 || list["items"].([]any)[0].(map[string]any)["label"] != "Herbst" {
		t.Fatalf("list: %d %v", code, list)
	}
	code, _, one := f.do(t, "GET", "/api/v1/snapshots/"+first["id"].(string), member, nil)
	if code != 200 || one["data"].(map[string]any)["region"] != "09991" || one["data"].(map[string]any)["organisations"].(float64) != 2 {
		t.Fatalf("view: %d %v", code, one)
	}
	code, _, cmp := f.do(t, "GET", "/api/v1/snapshots/compare?from="+first["id"].(string)+"&to="+second["id"].(string), member, nil)
	if code != 200 {
		t.Fatalf("compare: %d %v", code, cmp)
	}
	opened := cmp["gaps_opened"].([]any)
	if len(opened) != 1 || opened[0].(map[string]any)["field_name"] != "Sprache" || opened[0].(map[string]any)["municipality_name"] != "Musterstadt" {
		t.Errorf("gaps opened %v", opened)
	}
	if cmp["from"].(map[string]any)["label"] != "Frühjahr" || cmp["to"].(map[string]any)["label"] != "Herbst" {
		t.Errorf("refs %v %v", cmp["from"], cmp["to"])
	}

	for _, tc := range []struct {
		method, path, token string
		body                any
		want                int
	}{
		{"POST", "/api/v1/snapshots", member, map[string]string{"region": "09991"}, 403},
		{"POST", "/api/v1/snapshots", "", map[string]string{"region": "09991"}, 401},
		{"POST", "/api/v1/snapshots", coord, map[string]string{"label": "x"}, 400},
		{"POST", "/api/v1/snapshots", coord, map[string]string{"region": "09992"}, 404},
		{"POST", "/api/v1/snapshots", coord, map[string]any{"region": "09991", "colour": "red"}, 400},
		{"GET", "/api/v1/snapshots?region=09991", viewer, nil, 403},
		{"GET", "/api/v1/snapshots?region=09991", "", nil, 401},
		{"GET", "/api/v1/snapshots", viewer, nil, 403},
		{"GET", "/api/v1/snapshots/" + first["id"].(string), viewer, nil, 403},
		{"GET", "/api/v1/snapshots/snp_01HK153X00CSQVWANBEDWQEWCJ", member, nil, 404},
		{"GET", "/api/v1/snapshots/compare?from=" + first["id"].(string), member, nil, 400},
		{"GET", "/api/v1/snapshots/compare?from=" + first["id"].(string) + "&to=snp_nope", member, nil, 404},
		{"DELETE", "/api/v1/snapshots/" + first["id"].(string), member, nil, 403},
		{"PATCH", "/api/v1/snapshots/" + first["id"].(string), member, map[string]string{"label": "x"}, 403},
		{"PATCH", "/api/v1/snapshots/" + first["id"].(string), coord, map[string]string{"label": strings.Repeat("x", 201)}, 400},
		{"PATCH", "/api/v1/snapshots/" + first["id"].(string), coord, map[string]any{"label": "x", "colour": "red"}, 400},
		{"PATCH", "/api/v1/snapshots/snp_01HK153X00CSQVWANBEDWQEWCJ", coord, map[string]string{"label": "x"}, 404},
	} {
		code, _, v := f.do(t, tc.method, tc.path, tc.token, tc.body)
		if code != tc.want {
			t.Errorf("%s %s: %d, want %d (%v)", tc.method, tc.path, code, tc.want, v)
		}
	}
	if code, _, v := f.do(t, "GET", "/api/v1/snapshots/compare?from="+first["id"].(string)+"&to=snp_nope", member, nil); v["errors"] == nil {
		t.Errorf("an unknown id must be named: %d %v", code, v)
	}
	// A new label: the head changes, the figures stay.
	code, _, renamed := f.do(t, "PATCH", "/api/v1/snapshots/"+first["id"].(string), coord, map[string]string{"label": " Steuerungsgruppe Frühjahr "})
	if code != 200 || renamed["label"] != "Steuerungsgruppe Frühjahr" || renamed["id"] != first["id"] {
		t.Fatalf("relabel: %d %v", code, renamed)
	}
	if _, _, one := f.do(t, "GET", "/api/v1/snapshots/"+first["id"].(string), member, nil); one["label"] != "Steuerungsgruppe Frühjahr" || one["data"] == nil {
		t.Errorf("after relabelling: %v", one["label"])
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/snapshots/"+first["id"].(string), coord, nil); code != 204 {
		t.Errorf("delete: %d", code)
	}
	if code, _, list := f.do(t, "GET", "/api/v1/snapshots", member, nil); code != 200 || list["total"].(float64) != 1 {
		t.Errorf("after delete: %d %v", code, list)
	}
}
