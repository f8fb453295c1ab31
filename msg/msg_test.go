package msg

import (
	"slices"
	"testing"
	"time"
)

// TestCatalogueComplete checks that every message exists in German and English with the same
// placeholders.
func TestCatalogueComplete(t *testing.T) {
	for _, key := range Keys() {
		de, en := catalogue[key][DE], catalogue[key][EN]
		if de == "" || en == "" {
			t.Errorf("%s: German %q, English %q; both are required", key, de, en)
			continue
		}
		if !slices.Equal(Placeholders(de), Placeholders(en)) {
			t.Errorf("%s: placeholders %v in German, %v in English", key, Placeholders(de), Placeholders(en))
		}
		for l := range catalogue[key] {
			if l != DE && l != EN {
				t.Errorf("%s: unknown language %q", key, l)
			}
		}
	}
}

func TestPrinter(t *testing.T) {
	catalogue["test.sentence"] = map[Lang]string{
		DE: "{name}: {value} von {target} %, {count|# Kommune|# Kommunen}",
		EN: "{name}: {value} of {target} %, {count|# municipality|# municipalities}",
	}
	defer delete(catalogue, "test.sentence")
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
