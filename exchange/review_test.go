package exchange

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
)

// reviewResult is a small analysis answer: a data duplicate in a cluster, and a parallel
// offer set aside by a verdict with a note.
func reviewResult() *duplicates.Result {
	at := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	open := duplicates.Pair{A: "msr_a", B: "msr_b", TitleA: "Frauentreff in Datteln", TitleB: "Frauentreff Datteln", Score: 0.97,
		Kind: duplicates.KindData, Suggestion: duplicates.SuggestMerge, Municipalities: []string{"05562008"}, Fields: []string{"fld_1", "fld_x"},
		Parts:  []duplicates.Part{{Name: duplicates.PartProvider, A: "Caritas", B: "Caritas"}, {Name: duplicates.PartTime, A: "2025-01-01 – …", B: "… – …"}},
		Why:    duplicates.Why{DE: "Erkannt an: Wortteile 0,83 (+6,56).", EN: "Detected by: word parts 0.83 (+6.56)."},
		Advice: duplicates.Why{DE: "Beide sind Einträge von Caritas in Datteln: wahrscheinlich dasselbe Angebot zweimal erfasst – zusammenführen.", EN: "…"}}
	decided := duplicates.Pair{A: "msr_c", B: "msr_d", TitleA: "=Sprachcafé", TitleB: "Café der Sprachen", Score: 0.41,
		Kind: duplicates.KindParallel, Suggestion: duplicates.SuggestCoordinate, Verdict: duplicates.VerdictNotDuplicate,
		VerdictBy: "erika", VerdictAt: at, VerdictNote: "verschiedene Wochentage"}
	return &duplicates.Result{Clusters: []duplicates.Cluster{{ID: "dup-msr_a", Pairs: []duplicates.Pair{open}}}, Reviewed: []duplicates.Pair{decided}}
}

// TestDuplicateReviewCSV: one row per pair in German words, the names of municipalities and
// fields, the verdict with its note; a title that looks like a formula is defused.
func TestDuplicateReviewCSV(t *testing.T) {
	var b bytes.Buffer
	names := map[string]string{"05562008": "Datteln", "fld_1": "Zusammenleben"}
	if err := WriteDuplicateReview(&b, FormatCSV, reviewResult(), names, time.Now()); err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(b.String(), "\ufeff")
	lines := strings.Split(strings.TrimRight(text, "\r\n"), "\r\n")
	if len(lines) != 3 || lines[0] != strings.Join(reviewHeaders, ";") {
		t.Fatalf("%d lines, header %q", len(lines), lines[0])
	}
	for _, want := range []string{"dup-msr_a;offen;Datendublette;zusammenführen;0,97;msr_a;Frauentreff in Datteln;Caritas;msr_b;Frauentreff Datteln;Caritas;Datteln;Zusammenleben, fld_x;2025-01-01 – …;… – …;Erkannt an: Wortteile 0,83 (+6,56).;Beide sind Einträge von Caritas in Datteln",
		";entschieden;Parallelangebot;abstimmen;0,41;msr_c;'=Sprachcafé;", ";Keine Dublette;erika;2026-11-21;verschiedene Wochentage"} {
		if !strings.Contains(text, want) {
			t.Errorf("CSV lacks %q:\n%s", want, text)
		}
	}
	if err := WriteDuplicateReview(&b, "pdf", reviewResult(), names, time.Now()); err == nil {
		t.Error("pdf accepted")
	}
}

// TestDuplicateReviewXLSX: the same rows on a sheet "Dubletten".
func TestDuplicateReviewXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDuplicateReview(&b, FormatXLSX, reviewResult(), nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Dubletten")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][1] != "Status" || rows[1][2] != "Datendublette" || rows[1][11] != "05562008" || rows[2][17] != "Keine Dublette" || rows[2][20] != "verschiedene Wochentage" {
		t.Fatalf("rows %q", rows)
	}
}
