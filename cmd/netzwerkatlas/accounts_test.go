package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/httpapi"
)

// TestUserPasswordCommand: the command line refuses weak passwords naming the field (in
// German by default), and `user password` resets a password and ends every session and API
// token of the user.
func TestUserPasswordCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	runCmd := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(ctx, append(args, "--data", dir), strings.NewReader(stdin), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	for _, weak := range []string{"1234567890", "passwort123", "erika-erika-1"} {
		code, _, errOut := runCmd(weak+"\n", "user", "add", "--username", "erika", "--password-stdin")
		if code != 1 || !strings.Contains(errOut, "  password: ") || !strings.Contains(errOut, "ungültige Angaben") || strings.Contains(errOut, "must") {
			t.Errorf("user add with %q: exit %d, %q; want a German refusal naming password", weak, code, errOut)
		}
	}
	if code, out, errOut := runCmd("Heide-Wald-Fluss-1\n", "user", "add", "--username", "erika", "--password-stdin"); code != 0 {
		t.Fatalf("user add: %d %s %s", code, out, errOut)
	}

	// A session and an API token made with the first password.
	store, err := openStore(ctx, Config{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	hashes := []string{strings.Repeat("a", 64), strings.Repeat("b", 64)}
	for i, h := range hashes {
		tok := &graph.Token{ID: graph.NewTokenID(), Hash: h, Username: "erika", Name: "Sitzung", Session: i == 0, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := store.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()

	if code, _, errOut := runCmd("kurz\n", "user", "password", "--username", "erika", "--password-stdin"); code != 1 || !strings.Contains(errOut, "mindestens 10 Zeichen") {
		t.Fatalf("short reset: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd("Neues-Moor-Ufer-22\n", "user", "password", "--username", "niemand", "--password-stdin"); code != 1 || !strings.Contains(errOut, "niemand") {
		t.Fatalf("reset of an unknown user: %d %q", code, errOut)
	}
	code, out, errOut := runCmd("Neues-Moor-Ufer-22\n", "user", "password", "--username", "Erika", "--password-stdin", "--lang", "en")
	if code != 0 || !strings.Contains(out, "changed the password of erika") {
		t.Fatalf("user password: %d %q %q", code, out, errOut)
	}
	store, err = openStore(ctx, Config{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hashes {
		if _, err := store.TokenByHash(ctx, h); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("token %s… after the reset: %v, want not found", h[:4], err)
		}
	}
	u, err := store.GetUser(ctx, "erika")
	if err != nil {
		t.Fatal(err)
	}
	if !httpapi.CheckPassword(u.PasswordHash, "Neues-Moor-Ufer-22") || httpapi.CheckPassword(u.PasswordHash, "Heide-Wald-Fluss-1") {
		t.Fatal("the stored hash is not the new password's")
	}
	store.Close()

	// Without --password-stdin a random password is made and printed once.
	code, out, _ = runCmd("", "user", "password", "--username", "erika")
	if code != 0 || !strings.Contains(out, "Passwort: ") {
		t.Fatalf("random reset: %d %q", code, out)
	}
}

// TestTrustedProxiesConfig: the trusted-proxy setting reaches the API — behind a trusted
// proxy a guesser's X-Forwarded-For address is throttled, the owner's is not — and a
// malformed list stops the start, naming the flag.
func TestTrustedProxiesConfig(t *testing.T) {
	bad := &Main{Config: Config{Addr: "127.0.0.1:0", Data: t.TempDir(), NoDemo: true, TrustedProxies: "10.0.0.0/33"}, Stdout: &bytes.Buffer{}}
	if err := bad.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "--trusted-proxies") {
		bad.Close()
		t.Fatalf("a malformed proxy list: %v", err)
	}
	m := &Main{Config: Config{Addr: "127.0.0.1:0", Data: t.TempDir(), NoDemo: true, AdminPassword: "Heide-Wald-Fluss-1", TrustedProxies: "127.0.0.1, ::1"},
		Stdout: &bytes.Buffer{}}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	login := func(pw, client string) int {
		return callAPI(t, "POST", "http://"+m.Addr()+"/api/v1/auth/login", "", map[string]string{"username": "admin", "password": pw},
			map[string]string{"X-Forwarded-For": client}, nil)
	}
	code := 0
	for i := 0; i < 6; i++ {
		code = login("falsch-falsch", "203.0.113.9")
	}
	if code != 429 {
		t.Fatalf("6 wrong passwords from one client behind the proxy: %d, want 429", code)
	}
	if code := login("Heide-Wald-Fluss-1", "198.51.100.4"); code != 200 {
		t.Fatalf("the owner from another client behind the proxy: %d, want 200", code)
	}
}
