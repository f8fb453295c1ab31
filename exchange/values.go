package exchange

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// listSep separates the items of a list cell. Names of fields of action contain commas
// ("Kinder, Jugend, Familie"), so only semicolons and line breaks separate.
const listSep = "; "

// splitList splits a list cell at semicolons and line breaks, trimming items and dropping
// empty ones.
func splitList(cell string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var thousands = regexp.MustCompile(`^-?\d{1,3}(\.\d{3})+$`)

// parseNumber reads a number the way German and English spreadsheets write it: "1.234,5",
// "1234,5", "1234.5", "12,50 €". raw cells (XLSX values) use a decimal point only, unless
// they hold a comma (a number typed into a text cell).
func parseNumber(cell string, raw bool) (float64, bool) {
	s := strings.TrimSpace(strings.NewReplacer("€", "", "EUR", "", "\u00a0", "", " ", "", "'", "").Replace(cell))
	if s == "" {
		return 0, false
	}
	// A raw XLSX value never holds a comma: a cell with one is text typed the German way.
	if !raw || strings.Contains(s, ",") {
		switch {
		case strings.Contains(s, ","):
			s = strings.ReplaceAll(s, ".", "")
			s = strings.Replace(s, ",", ".", 1)
		case thousands.MatchString(s):
			s = strings.ReplaceAll(s, ".", "")
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// parseInt reads a whole number (see parseNumber).
func parseInt(cell string, raw bool) (int64, bool) {
	f, ok := parseNumber(cell, raw)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseDate reads a day as 2025-09-01, 1.9.2025, 01.09.25 or, from XLSX (serial), as an
// Excel day number.
func parseDate(cell string, serial bool) (graph.Date, bool) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return "", true
	}
	for _, layout := range []string{time.DateOnly, "2.1.2006", "02.01.2006", "2.1.06", "2006/01/02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return graph.Date(t.Format(time.DateOnly)), true
		}
	}
	if serial {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 2958466 {
			return graph.Date(excelEpoch.AddDate(0, 0, int(f)).Format(time.DateOnly)), true
		}
	}
	return "", false
}

// formatNumber writes a number for a CSV cell in German style (decimal comma).
func formatNumber(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1)
}
