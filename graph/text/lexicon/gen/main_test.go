package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDataUpToDate regenerates the data files from the Debian packages, when
// they are installed, and checks that the committed files are the same: the
// generator is deterministic and nobody edited the data by hand.
func TestDataUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating takes seconds")
	}
	src := sources{
		wordlist:  "/usr/share/dict/ngerman",
		hunspell:  "/usr/share/hunspell/de_DE.dic",
		thesaurus: "/usr/share/openthesaurus-de/openthesaurus.txt",
	}
	for _, p := range []string{src.wordlist, src.hunspell, src.thesaurus} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s is missing: install wngerman, hunspell-de-de and openthesaurus-de-text", p)
		}
	}
	dir := t.TempDir()
	var log bytes.Buffer
	if err := run(src, dir, &log); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + log.String())
	for _, name := range []string{"parts.txt.gz", "synsets.txt.gz"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s differs from what the generator writes now; run go generate ./graph/text/lexicon", name)
		}
	}
}

func TestStripParens(t *testing.T) {
	for in, want := range map[string]string{
		"Bude (ugs.)": "Bude",
		"(eine Regel) mit den Füßen treten (ugs.)": "mit den Füßen treten",
		"Stab und Stütze (bibl.) (geh., fig.)":     "Stab und Stütze",
		" Kurs ":                                   "Kurs",
		"Gör (berl.) (ugs.)":                       "Gör",
		"unbalanced (x":                            "unbalanced",
	} {
		if got := stripParens(in); got != want {
			t.Errorf("stripParens(%q) = %q, want %q", in, got, want)
		}
	}
}
