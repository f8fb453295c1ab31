package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportExportCommands: export the seeded demo as JSON, import it into an empty store
// (again: nothing changes), write a template, and dry-run a CSV with planted errors.
func TestImportExportCommands(t *testing.T) {
	ctx := context.Background()
	src, dst, files := t.TempDir(), t.TempDir(), t.TempDir()
	var out, errOut bytes.Buffer
	cmd := func(args ...string) (int, string, string) {
		out.Reset()
		errOut.Reset()
		code := run(ctx, args, nil, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	if code, _, stderr := cmd("seed", "--data", src, "--quiet"); code != 0 {
		t.Fatalf("seed: %s", stderr)
	}
	export := filepath.Join(files, "alles.json")
	if code, _, stderr := cmd("export", "--data", src, "--format", "json", "-o", export); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	code, stdout, stderr := cmd("import", export, "--data", dst, "--quiet")
	if code != 0 || !strings.Contains(stdout, "geschrieben in") || !strings.Contains(stdout, "0 Probleme") {
		t.Fatalf("import: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = cmd("import", "--data", dst, "--quiet", export)
	if code != 0 || !strings.Contains(stdout, "nichts zu ändern") || !strings.Contains(stdout, " 0 angelegt, 0 geändert") {
		t.Fatalf("import again: %d\n%s", code, stdout)
	}
	// The exports of both stores agree.
	again := filepath.Join(files, "kopie.json")
	if code, _, stderr := cmd("export", "--data", dst, "--format", "json", "--region", "05562", "-o", again); code != 0 {
		t.Fatalf("export of the copy: %s", stderr)
	}
	for _, format := range []string{"xlsx", "csv"} {
		p := filepath.Join(files, "vorlage."+format)
		if code, _, stderr := cmd("export", "--template", "--format", format, "--region", "05562", "--data", dst, "-o", p); code != 0 {
			t.Fatalf("template %s: %s", format, stderr)
		}
	}
	bad := filepath.Join(files, "massnahmen.csv")
	csv := "Titel;Kreis;Status;Ebene;Gemeinden;Handlungsfelder\n" +
		"Sprachcafé Marl;05562;aktiv;operativ;Marl;Bildung und Sprache\n" +
		"Elterncafé;05562;läuft;operativ;Marl;Bildung und Sprache\n" +
		"Lernpaten;05562;aktiv;operativ;Marll;Bildung und Sprache\n"
	if err := os.WriteFile(bad, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = cmd("import", "--dry-run", "--quiet", "--data", dst, bad)
	if code != 1 || !strings.Contains(stdout, "massnahmen.csv, Zeile 3, Status") || !strings.Contains(stdout, "massnahmen.csv, Zeile 4, Gemeinden") ||
		!strings.Contains(stdout, "meinten Sie Marl") || !strings.Contains(stderr, "2 Probleme; es wurde nichts geschrieben") {
		t.Fatalf("dry run with errors: %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := cmd("import", "--data", dst); code != 2 || !strings.Contains(stderr, "mindestens eine Datei") {
		t.Fatalf("import without file: %d %s", code, stderr)
	}
}
