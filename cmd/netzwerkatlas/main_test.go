package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

// boot starts the whole program on a free port with the given data folder.
func boot(t *testing.T, dir string, out io.Writer) *Main {
	t.Helper()
	m := &Main{Config: Config{Addr: "127.0.0.1:0", Store: "embedded", Data: dir}, Log: zerolog.New(io.Discard), Stdout: out}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatal(err)
	}
	return m
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode
}

type list struct {
	Items []map[string]any `json:"items"`
	Total int              `json:"total"`
	Next  string           `json:"next_cursor"`
}

// TestServeDemo boots the program on a new data folder, as `make run` does, and checks what a
// new user sees first; then it restarts on the same folder and finds everything again.
func TestServeDemo(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	m := boot(t, dir, &out)
	base := "http://" + m.Addr()
	if !strings.Contains(out.String(), "Benutzername: admin") || !strings.Contains(out.String(), "Passwort: ") {
		t.Fatalf("the first start did not print the admin password:\n%s", out.String())
	}

	var health map[string]any
	if code := getJSON(t, base+"/healthz", &health); code != 200 || health["status"] != "ok" {
		t.Fatalf("healthz %d %v", code, health)
	}
	if code := getJSON(t, base+"/readyz", &health); code != 200 || health["status"] != "ready" {
		t.Fatalf("readyz %d %v", code, health)
	}
	var regions list
	getJSON(t, base+"/api/v1/regions", &regions)
	names := map[string]bool{}
	for _, r := range regions.Items {
		names[r["id"].(string)] = true
	}
	for _, key := range []string{"08226", "15083", "05962", "05562", "08119"} {
		if !names[key] {
			t.Errorf("region %s missing from %v", key, names)
		}
	}
	if regions.Total != 5 {
		t.Fatalf("regions total %d, want 5", regions.Total)
	}
	var munis list
	getJSON(t, base+"/api/v1/municipalities?region=05562", &munis)
	if munis.Total != 10 || len(munis.Items) != 10 {
		t.Fatalf("Recklinghausen has %d municipalities (%d listed), want 10", munis.Total, len(munis.Items))
	}
	for _, mu := range munis.Items {
		g, ok := mu["geometry"].(map[string]any)
		if !ok || (g["type"] != "Polygon" && g["type"] != "MultiPolygon") {
			t.Fatalf("municipality %v has no boundary", mu["name"])
		}
	}
	var measures list
	getJSON(t, base+"/api/v1/measures?region=08119&limit=1000", &measures)
	if measures.Total == 0 {
		t.Fatal("no measures in Rems-Murr")
	}
	// Actors' contact data never reaches anonymous callers.
	var actors list
	getJSON(t, base+"/api/v1/actors?limit=1000", &actors)
	for _, a := range actors.Items {
		if a["email"] != nil || a["phone"] != nil {
			t.Fatalf("anonymous caller sees contact data of actor %v", a["id"])
		}
	}
	// Bad input names the parameter.
	var prob map[string]any
	if code := getJSON(t, base+"/api/v1/measures?regoin=05562", &prob); code != 400 || !strings.Contains(prob["detail"].(string), "regoin") {
		t.Fatalf("unknown parameter: %d %v", code, prob)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}

	// Restart on the same folder: everything is there, nothing is seeded or printed again.
	out.Reset()
	m = boot(t, dir, &out)
	defer m.Close()
	base = "http://" + m.Addr()
	if out.Len() != 0 {
		t.Fatalf("the restart printed %q", out.String())
	}
	var again list
	getJSON(t, base+"/api/v1/measures?region=08119&limit=1000", &again)
	if again.Total != measures.Total {
		t.Fatalf("after restart %d measures, before %d", again.Total, measures.Total)
	}
	getJSON(t, base+"/api/v1/municipalities?region=05562", &munis)
	if munis.Total != 10 {
		t.Fatalf("after restart %d municipalities", munis.Total)
	}
}

// TestMigrate copies the demo between two embedded stores through the command line and
// prints the verified counts.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	from, to := t.TempDir(), t.TempDir()
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"seed", "--data", from, "--quiet"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("seed: %d %s", code, errOut.String())
	}
	out.Reset()
	args := []string{"migrate", "--from", "embedded", "--to", "embedded", "--from-data", from, "--to-data", to, "--quiet"}
	if code := run(ctx, args, nil, &out, &errOut); code != 0 {
		t.Fatalf("migrate: %d %s", code, errOut.String())
	}
	for _, want := range []string{"geprüft", "municipality         144", "measure              985"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("migrate output lacks %q:\n%s", want, out.String())
		}
	}
	errOut.Reset()
	if code := run(ctx, args, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "nicht leer") {
		t.Fatalf("second migrate into the same store: %d %s", code, errOut.String())
	}
}

func TestUserCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := run(ctx, []string{"user", "add", "--data", dir, "--username", "Erika",
		"--role", "05562=coordinator", "--password-stdin"}, strings.NewReader("ein-langes-passwort\n"), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "Benutzer erika angelegt") {
		t.Fatalf("user add: %d %s %s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run(ctx, []string{"user", "add", "--data", dir, "--username", "x y", "--role", "1=boss"}, nil, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "username:") || !strings.Contains(errOut.String(), "roles[1]") {
		t.Fatalf("bad user: %d %s", code, errOut.String())
	}
	if code := run(ctx, []string{"user", "list", "--data", dir}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "erika 05562=coordinator") {
		t.Fatalf("user list: %d %q", code, out.String())
	}
}

func TestCommandLine(t *testing.T) {
	var out, errOut bytes.Buffer
	ctx := context.Background()
	if code := run(ctx, []string{"version"}, nil, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "netzwerkatlas ") {
		t.Fatalf("version: %d %q", code, out.String())
	}
	if code := run(ctx, []string{"frobnicate"}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "unbekannter Befehl") {
		t.Fatalf("unknown command: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"serve", "--addr"}, nil, &out, &errOut); code != 2 {
		t.Fatalf("bad flag: %d %q", code, errOut.String())
	}
	errOut.Reset()
	t.Setenv("NEO4J_URI", "")
	if code := run(ctx, []string{"serve", "--store", "neo4j", "--data", t.TempDir()}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "NEO4J_URI") {
		t.Fatalf("neo4j store: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(ctx, []string{"seed", "--scale", "galaxy", "--data", t.TempDir()}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "county, state oder nation") {
		t.Fatalf("bad scale: %d %q", code, errOut.String())
	}
}
