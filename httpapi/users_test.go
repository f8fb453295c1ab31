package httpapi

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestUserAdministration(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "admin", true, nil)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	admin, coord := f.login(t, "admin"), f.login(t, "coord")

	for tok, want := range map[string]int{"": 401, coord: 403, admin: 200} {
		if code, _, _ := f.do(t, "GET", "/api/v1/users", tok, nil); code != want {
			t.Errorf("list users: %d, want %d", code, want)
		}
	}
	code, _, v := f.do(t, "POST", "/api/v1/users", admin, map[string]any{"username": "Neu", "roles": map[string]string{"09991": "member"}, "organisation": f.org})
	if code != 201 || v["password"] == nil || v["user"].(map[string]any)["username"] != "neu" {
		t.Fatalf("create user: %d %v", code, v)
	}
	pw := v["password"].(string)
	if code, _, _ := f.do(t, "POST", "/api/v1/auth/login", "", map[string]string{"username": "neu", "password": pw}); code != 200 {
		t.Fatalf("the new user cannot sign in: %d", code)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/users", admin, map[string]any{"username": "neu"}); code != 409 {
		t.Fatalf("duplicate user: %d %v", code, v)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/users", admin, map[string]any{"username": "x", "password": "kurz"}); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "password" {
		t.Fatalf("short password: %d %v", code, v)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/users", admin, map[string]any{"username": "yvonne", "roles": map[string]string{"09991": "boss"}}); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "roles[09991]" {
		t.Fatalf("unknown role: %d %v", code, v)
	}
	// Changing roles needs the version; a stale one is 412.
	if code, _, _ := f.do(t, "PATCH", "/api/v1/users/neu", admin, map[string]any{"roles": map[string]string{"09991": "coordinator"}}); code != 428 {
		t.Fatalf("patch without If-Match: %d", code)
	}
	code, h, v := f.do(t, "PATCH", "/api/v1/users/neu", admin, map[string]any{"roles": map[string]string{"09991": "coordinator"}}, "If-Match", `"1"`)
	if code != 200 || h.Get("ETag") != `"2"` || v["roles"].(map[string]any)["09991"] != "coordinator" {
		t.Fatalf("patch: %d %v", code, v)
	}
	if code, _, _ := f.do(t, "PATCH", "/api/v1/users/neu", admin, map[string]any{"admin": true}, "If-Match", `"1"`); code != 412 {
		t.Fatalf("stale patch: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/users/admin", admin, nil); code != 409 {
		t.Fatalf("self-delete: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/users/neu", admin, nil); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/users/neu", admin, nil); code != 404 {
		t.Fatalf("delete again: %d", code)
	}
}
