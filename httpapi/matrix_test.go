package httpapi

import (
	"context"
	"fmt"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestRoleRouteMatrix sends every node route of every kind as every kind of caller and
// checks the status of each cell: anonymous callers and viewers read the public region but
// change nothing (401, 403); a member changes only its own organisation (not part of this
// matrix: TestWriteRoles), a coordinator of another region nothing here; the region's
// coordinator changes everything in it but the region itself; admins everything.
func TestRoleRouteMatrix(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer})
	f.addUser(t, "other", false, map[string]graph.Role{"09992": graph.RoleCoordinator})
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	h, _ := HashPassword("geheim-member")
	if _, err := f.store.CreateUser(context.Background(), &graph.User{Username: "member", PasswordHash: h,
		Roles: map[string]graph.Role{"09991": graph.RoleMember}, Organisation: f.org}); err != nil {
		t.Fatal(err)
	}
	users := []string{"", "viewer", "member", "other", "coord", "admin"}
	tokens := map[string]string{"": ""}
	for _, u := range users[1:] {
		tokens[u] = f.login(t, u)
	}

	seq := 0
	var body func(k graph.Kind) map[string]any
	var fresh func(k graph.Kind) string
	concept := ""
	body = func(k graph.Kind) map[string]any {
		seq++
		n := fmt.Sprintf("Matrix %d", seq)
		switch k {
		case graph.KindRegion:
			return map[string]any{"id": fmt.Sprintf("08%03d", seq), "name": n, "kind": "county"}
		case graph.KindMunicipality:
			return map[string]any{"id": fmt.Sprintf("09991%03d", 100+seq), "name": n, "region": "09991"}
		case graph.KindField:
			return map[string]any{"name": n, "region": "09991", "canonical": "work"}
		case graph.KindTargetGroup, graph.KindActor:
			return map[string]any{"name": n, "region": "09991", "visibility": "public"}
		case graph.KindOrganisation:
			return map[string]any{"name": n, "region": "09991", "kind": "club"}
		case graph.KindNetwork:
			return map[string]any{"name": n, "region": "09991", "kind": "round_table", "level": "county"}
		case graph.KindMeasure:
			return map[string]any{"title": n, "region": "09991", "status": "active", "level": "operational"}
		case graph.KindConcept:
			return map[string]any{"title": n, "region": "09991"}
		case graph.KindGuideline:
			if concept == "" {
				concept = fresh(graph.KindConcept)
			}
			return map[string]any{"title": n, "region": "09991", "concept": concept}
		case graph.KindGoal:
			return map[string]any{"text": n, "region": "09991"}
		case graph.KindIndicator:
			return map[string]any{"name": n, "region": "09991"}
		}
		return nil
	}
	// fresh stores a new node of kind k as admin and returns its id.
	fresh = func(k graph.Kind) string {
		ki, _ := k.Info()
		code, _, v := f.do(t, "POST", "/api/v1/"+ki.Collection, tokens["admin"], body(k))
		if code != 201 {
			t.Fatalf("admin creates a %s: %d %v", k, code, v)
		}
		return v["id"].(string)
	}
	want := func(user string, k graph.Kind, action string) int {
		if action == "list" || action == "get" || action == "relations" {
			return 200
		}
		switch {
		case user == "":
			return 401
		case user == "admin", user == "coord" && k != graph.KindRegion:
			return map[string]int{"create": 201, "put": 200, "patch": 200, "delete": 204}[action]
		}
		return 403
	}
	for _, ki := range graph.Kinds {
		k := ki.Kind
		base := "/api/v1/" + ki.Collection
		for _, user := range users {
			tok := tokens[user]
			id := fresh(k)
			_, h, _ := f.do(t, "GET", base+"/"+id, "", nil)
			etag := h.Get("ETag")
			put := body(k)
			if k == graph.KindRegion || k == graph.KindMunicipality {
				put["id"] = id
			}
			cells := []struct {
				action string
				do     func() int
			}{
				{"list", func() int { c, _, _ := f.do(t, "GET", base+"?region=09991", tok, nil); return c }},
				{"get", func() int { c, _, _ := f.do(t, "GET", base+"/"+id, tok, nil); return c }},
				{"relations", func() int { c, _, _ := f.do(t, "GET", base+"/"+id+"/relations", tok, nil); return c }},
				{"create", func() int { c, _, _ := f.do(t, "POST", base, tok, body(k)); return c }},
				{"patch", func() int {
					c, h2, _ := f.do(t, "PATCH", base+"/"+id, tok, map[string]any{"visibility": "public"}, "If-Match", etag)
					if c == 200 {
						etag = h2.Get("ETag")
					}
					return c
				}},
				{"put", func() int { c, _, _ := f.do(t, "PUT", base+"/"+id, tok, put, "If-Match", etag); return c }},
				{"delete", func() int { c, _, _ := f.do(t, "DELETE", base+"/"+id, tok, nil); return c }},
			}
			for _, cell := range cells {
				if got, exp := cell.do(), want(user, k, cell.action); got != exp {
					t.Errorf("%-12s %-9s as %-7q: %d, want %d", k, cell.action, user, got, exp)
				}
			}
		}
	}
}
