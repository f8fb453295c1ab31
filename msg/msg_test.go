package msg

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// addTestMessage puts a message into the catalogue for a test, once per test binary (the
// bundle cannot forget a message; test keys are complete, so TestCatalogueComplete passes
// with them).
func addTestMessage(t *testing.T, key string, forms map[Lang]string) {
	t.Helper()
	if Has(key) {
		return
	}
	if err := cat.add(key, forms); err != nil {
		t.Fatal(err)
	}
}

// TestCatalogueComplete checks that every message exists in German and English with the same
// placeholders.
func TestCatalogueComplete(t *testing.T) {
	keys := Keys()
	if len(keys) < 300 {
		t.Fatalf("only %d keys; is the loading broken?", len(keys))
	}
	for _, key := range keys {
		de, _ := cat.exact(key, DE)
		en, _ := cat.exact(key, EN)
		if de == "" || en == "" {
			t.Errorf("%s: German %q, English %q; both are required", key, de, en)
			continue
		}
		if !slices.Equal(Placeholders(de), Placeholders(en)) {
			t.Errorf("%s: placeholders %v in German, %v in English", key, Placeholders(de), Placeholders(en))
		}
	}
}

// TestLoadRefuses: the loader refuses what the tests above could not see once loaded — a
// language the service does not speak, a key in two files, a file that is no catalogue.
func TestLoadRefuses(t *testing.T) {
	for name, files := range map[string]fstest.MapFS{
		"unknown language": {"catalogue/a.json": {Data: []byte(`{"k": {"de": "Hallo", "fr": "Salut"}}`)}},
		"repeated key": {"catalogue/a.json": {Data: []byte(`{"k": {"de": "a", "en": "a"}}`)},
			"catalogue/b.json": {Data: []byte(`{"k": {"de": "b", "en": "b"}}`)}},
		"not a catalogue": {"catalogue/a.json": {Data: []byte(`["k"]`)}},
	} {
		if _, err := load(files); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

func TestPrinter(t *testing.T) {
	addTestMessage(t, "test.sentence", map[Lang]string{
		DE: "{name}: {value} von {target} %, {count|# Kommune|# Kommunen}",
		EN: "{name}: {value} of {target} %, {count|# municipality|# municipalities}",
	})
	de, en := For(DE), For(EN)
	args := Args{"name": "Kita", "value": 31.5, "target": 35, "count": 1}
	if got := de.T("test.sentence", args); got != "Kita: 31,5 von 35 %, 1 Kommune" {
		t.Errorf("German: %q", got)
	}
	args["count"] = 12345
	if got := en.T("test.sentence", args); got != "Kita: 31.5 of 35 %, 12,345 municipalities" {
		t.Errorf("English: %q", got)
	}
	for _, tc := range []struct {
		got, want string
	}{
		{de.Num(1234567.891, 2), "1.234.567,89"},
		{en.Num(1234567.891, 2), "1,234,567.89"},
		{de.Num(0.26, 1), "0,3"},
		{de.Num(-0.04, 1), "0"},
		{de.Fixed(1.5, 2), "1,50"},
		{de.Signed(1.5, 1), "+1,5"},
		{de.Signed(-0.5, 1), "−0,5"},
		{de.Signed(0.01, 1), "±0"},
		{de.Int(2024), "2024"},
		{de.Int(12000), "12.000"},
		{de.Int(-1234567), "-1.234.567"},
		{de.Date(time.Date(2026, 12, 3, 23, 0, 0, 0, time.UTC)), "03.12.2026"},
		{en.Date(time.Date(2026, 12, 3, 23, 0, 0, 0, time.UTC)), "3 December 2026"},
		{de.Date(time.Time{}), "–"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		explicit, accept string
		want             Lang
	}{
		{"", "", DE},
		{"en", "de-DE", EN},
		{"", "en-GB,en;q=0.9", EN},
		{"", "de-AT, en;q=0.5", DE},
		{"", "fr-FR", DE},
		{"", "fr, en;q=0.8", EN},
		{"", "not a header;;", DE},
	} {
		if got := Parse(tc.explicit, tc.accept); got != tc.want {
			t.Errorf("Parse(%q, %q) = %s, want %s", tc.explicit, tc.accept, got, tc.want)
		}
	}
}

// TestNegotiation: go-i18n's localizer chooses the language from the preferences, German
// when no preference names a language of the catalogue.
func TestNegotiation(t *testing.T) {
	for _, tc := range []struct {
		explicit, accept string
		want             Lang
	}{
		{"", "en-GB;q=0.9, de;q=0.8", EN},
		{"", "de;q=0.8, en-GB;q=0.9", EN},
		{"", "fr", DE},
		{"", "de-AT", DE},
		{"", "de-CH, en-US;q=0.7", DE},
		{"", "en-US", EN},
		{"", "*", DE},
		{"de", "en", DE},
		{"EN", "de", EN},
		{"fr", "en", EN},
	} {
		if got := Parse(tc.explicit, tc.accept); got != tc.want {
			t.Errorf("Parse(%q, %q) = %s, want %s", tc.explicit, tc.accept, got, tc.want)
		}
	}
	// The library is the one answering: the bundle has exactly the catalogue's languages,
	// and a localizer of an English preference finds the English text.
	if got := cat.bundle.LanguageTags(); len(got) != 2 || got[0] != tags[DE] || got[1] != tags[EN] {
		t.Errorf("bundle languages %v", got)
	}
	if got, ok := Message("coverage.base.population", Parse("", "en-GB;q=0.9, de;q=0.8")); !ok || got != "inhabitants" {
		t.Errorf("English text %q", got)
	}
}

// TestPluralChoice: each {n|one|other} is a go-i18n message of its own with One and Other
// forms, chosen by the CLDR rules of the language: one for exactly 1 as shown.
func TestPluralChoice(t *testing.T) {
	addTestMessage(t, "test.plural", map[Lang]string{
		DE: "{n|eine Zeile|# Zeilen} in {files|einer Datei|# Dateien}",
		EN: "{n|one row|# rows} in {files|one file|# files}",
	})
	// The bundle holds the choices: the second one of the German message, in its forms.
	one, _ := cat.localizers[DE].Localize(&i18n.LocalizeConfig{MessageID: choiceID("test.plural", 1), PluralCount: 1, TemplateParser: verbatim})
	other, _ := cat.localizers[DE].Localize(&i18n.LocalizeConfig{MessageID: choiceID("test.plural", 1), PluralCount: 3, TemplateParser: verbatim})
	if one != "einer Datei" || other != "# Dateien" {
		t.Errorf("the bundle's choice: %q, %q", one, other)
	}
	de, en := For(DE), For(EN)
	for _, tc := range []struct {
		p     Printer
		n     any
		files any
		want  string
	}{
		{de, 1, 1, "eine Zeile in einer Datei"},
		{de, 0, 2, "0 Zeilen in 2 Dateien"},
		{de, int64(12345), 1, "12.345 Zeilen in einer Datei"},
		{en, 1, 3, "one row in 3 files"},
		{en, 2, 1, "2 rows in one file"},
		{de, 1.5, 1, "1,5 Zeilen in einer Datei"},
		{de, 1.0, 1, "eine Zeile in einer Datei"},
		// Shown as 1, so singular, as the reader sees it.
		{en, 1.04, 1, "one row in one file"},
		{en, -1, 1, "one row in one file"},
		{en, "many", 1, "many rows in one file"},
	} {
		if got := tc.p.T("test.plural", Args{"n": tc.n, "files": tc.files}); got != tc.want {
			t.Errorf("%s, n=%v: %q, want %q", tc.p.Lang, tc.n, got, tc.want)
		}
	}
}

// TestScan: braces that are no placeholder stay text, and a placeholder without its argument
// stays as written.
func TestScan(t *testing.T) {
	addTestMessage(t, "test.braces", map[Lang]string{
		DE: "{a} {b|x|y} { } {c|d} {{e}} {f|g|h|i} {missing} }",
		EN: "{a} {b|x|y} { } {c|d} {{e}} {f|g|h|i} {missing} }",
	})
	got := For(DE).T("test.braces", Args{"a": "A", "b": 1, "c": "C", "e": "E", "f": 1})
	if want := "A x { } {c|d} {E} {f|g|h|i} {missing} }"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := Placeholders("{a} {b|x|y} {{e}} {c|d} {missing}"), []string{"a", "b", "e", "missing"}; !slices.Equal(got, want) {
		t.Errorf("placeholders %v", got)
	}
}
