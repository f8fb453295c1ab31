package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// TestMain makes the command line speak German in the tests, whatever the locale of the
// machine that runs them; the tests of English set the environment themselves.
func TestMain(m *testing.M) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Unsetenv(name)
	}
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

func TestEnvLang(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want msg.Lang
	}{
		{map[string]string{}, msg.DE},
		{map[string]string{"LANG": "en_GB.UTF-8"}, msg.EN},
		{map[string]string{"LANG": "C.UTF-8"}, msg.DE},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, msg.EN},
		// LC_ALL overrides everything, as in POSIX.
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "de_AT.UTF-8"}, msg.DE},
		{map[string]string{"LC_ALL": "EN"}, msg.EN},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, msg.DE},
	} {
		if got := envLang(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.env, got, tc.want)
		}
	}
}

// TestCommandLanguages runs commands in German (the default), in English by the
// environment and in English by --lang: the summaries, the errors of the command line and the
// domain's errors follow.
func TestCommandLanguages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cmd := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(ctx, args, strings.NewReader(stdin), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	check := func(name string, code, wantCode int, got string, want ...string) {
		t.Helper()
		if code != wantCode {
			t.Errorf("%s: exit %d, want %d\n%s", name, code, wantCode, got)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", name, got, w)
			}
		}
	}

	code, out, _ := cmd("Heide-Wald-Fluss-1\n", "user", "add", "--username", "erika", "--password-stdin", "--data", dir)
	check("German summary", code, 0, out, "Benutzer erika angelegt")
	code, _, errOut := cmd("", "user", "add", "--username", "Erika Musterfrau", "--data", dir)
	check("German domain error", code, 1, errOut, "username")
	if strings.Contains(errOut, "must") {
		t.Errorf("German domain error in English: %q", errOut)
	}
	code, _, errOut = cmd("", "seed", "--scale", "galaxy", "--data", t.TempDir())
	check("German command error", code, 1, errOut, `--scale „galaxy“: bitte county, state oder nation`)

	// English by --lang, in a German environment.
	code, out, _ = cmd("Heide-Wald-Fluss-2\n", "user", "add", "--lang", "en", "--username", "max", "--password-stdin", "--data", dir)
	check("--lang en", code, 0, out, "created user max")
	code, _, errOut = cmd("", "seed", "--lang", "fr", "--data", t.TempDir())
	check("--lang fr", code, 2, errOut, "„fr“ ist keine Sprache des Programms")

	// English by the environment; --lang de wins over it.
	t.Setenv("LANG", "en_GB.UTF-8")
	code, _, errOut = cmd("", "seed", "--scale", "galaxy", "--data", t.TempDir())
	check("English command error", code, 1, errOut, `--scale "galaxy": use county, state or nation`)
	code, _, errOut = cmd("", "user", "add", "--username", "Erika Musterfrau", "--data", dir)
	check("English domain error", code, 1, errOut, "username")
	code, _, errOut = cmd("", "frobnicate")
	check("English unknown command", code, 2, errOut, `unknown command "frobnicate"`)
	code, out, _ = cmd("Heide-Wald-Fluss-3\n", "user", "add", "--lang", "de", "--username", "jana", "--password-stdin", "--data", dir)
	check("--lang de", code, 0, out, "Benutzer jana angelegt")

	// An import's report: German and English words around the same figures.
	file := filepath.Join(t.TempDir(), "kreis.json")
	region := `{"format":"netzwerkatlas","version":1,"regions":[{"id":"09991","name":"Musterkreis","kind":"county"}],"relations":[]}`
	if err := os.WriteFile(file, []byte(region), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = cmd("", "import", "--dry-run", "--quiet", "--data", t.TempDir(), file)
	check("English import", code, 0, out+errOut, "1 row: 1 created, 0 updated", "0 problems — dry run, nothing written")
	code, out, errOut = cmd("", "import", "--lang", "de", "--dry-run", "--quiet", "--data", t.TempDir(), file)
	check("German import", code, 0, out+errOut, "1 Zeile: 1 angelegt, 0 geändert", "0 Probleme – Probelauf, nichts geschrieben")
}
