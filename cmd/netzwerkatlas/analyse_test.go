package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestAnalyseCommand runs the analyses on the seeded demo: the table names a planted gap, the
// JSON is the API's form, and bad arguments are refused with a reason.
func TestAnalyseCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"seed", "--data", dir, "--quiet"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("seed: %d %s", code, errOut.String())
	}
	analyse := func(args ...string) (int, string, string) {
		out.Reset()
		errOut.Reset()
		code := run(ctx, append([]string{"analyse"}, append(args, "--data", dir)...), nil, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	// Dorsten has no offer in "Institution und Professionalisierung" (planted, the largest
	// unserved demand of Kreis Recklinghausen).
	code, stdout, stderr := analyse("gaps", "--region", "05562")
	if code != 0 || !strings.Contains(stdout, "Kreis Recklinghausen") || !strings.Contains(stdout, "1  Dorsten") || !strings.Contains(stdout, "Institution und Professionalisierung") {
		t.Errorf("gaps table: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = analyse("coverage", "--region", "05562", "--format", "json")
	var cov struct {
		Region string           `json:"region"`
		Cells  []map[string]any `json:"cells"`
		Gaps   []map[string]any `json:"gaps"`
	}
	if err := json.Unmarshal([]byte(stdout), &cov); code != 0 || err != nil || cov.Region != "05562" || len(cov.Cells) != 10*7 || len(cov.Gaps) == 0 {
		t.Errorf("coverage JSON: %d %v %s %d cells %d gaps", code, err, stderr, len(cov.Cells), len(cov.Gaps))
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"gaps"}, 2, "--region is required"},
		{[]string{"sorcery", "--region", "05562"}, 2, "unknown analysis"},
		{[]string{"gaps", "--region", "99999"}, 1, `region "99999" does not exist`},
		{[]string{"gaps", "--region", "05562", "--format", "pdf"}, 1, "use table or json"},
		{[]string{"coverage", "--region", "05562", "--demand", "alle"}, 1, "demand"},
	} {
		if code, _, stderr := analyse(tc.args...); code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q, want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
