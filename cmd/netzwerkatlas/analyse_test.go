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
	code, stdout, stderr = analyse("duplicates", "--region", "05562")
	if code != 0 || !strings.Contains(stdout, "parallel_offer") || !strings.Contains(stdout, "data_duplicate") || !strings.Contains(stdout, "↔") {
		t.Errorf("duplicates: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = analyse("duplicates", "--region", "05562", "--order", "uncertain", "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "review queue") || !strings.Contains(stdout, "Probability") || !strings.Contains(stdout, "model: built_in") {
		t.Errorf("duplicates --order uncertain: %d\n%s%s", code, stdout, stderr)
	}
	// The network names the planted articulation point; partners and ego work from an
	// organisation's id alone.
	code, stdout, stderr = analyse("network", "--region", "05562")
	if code != 0 || !strings.Contains(stdout, "Stadt Waltrop – Fachdienst Integration") || !strings.Contains(stdout, "Modularität") {
		t.Errorf("network: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = analyse("network", "--region", "05562", "--format", "json")
	var net struct {
		Isolated []struct{ ID, Name string } `json:"isolated"`
	}
	if err := json.Unmarshal([]byte(stdout), &net); code != 0 || err != nil || len(net.Isolated) == 0 {
		t.Fatalf("network JSON: %d %v %d isolated", code, err, len(net.Isolated))
	}
	code, stdout, stderr = analyse("partners", "--organisation", net.Isolated[0].ID, "--limit", "3")
	if code != 0 || !strings.Contains(stdout, "Partner für "+net.Isolated[0].Name) || strings.Count(stdout, "\n") < 6 {
		t.Errorf("partners: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = analyse("ego", "--organisation", net.Isolated[0].ID, "--depth", "2")
	if code != 0 || !strings.Contains(stdout, "eine Organisation, 0 Verbindungen") {
		t.Errorf("ego of an isolated organisation: %d\n%s%s", code, stdout, stderr)
	}
	// Two snapshots and their comparison.
	var ids []string
	for _, label := range []string{"Frühjahr", "Herbst"} {
		code, stdout, stderr = analyse("snapshot", "--region", "05562", "--label", label, "--format", "json")
		var head struct{ ID string }
		if err := json.Unmarshal([]byte(stdout), &head); code != 0 || err != nil || head.ID == "" {
			t.Fatalf("snapshot: %d %v %s", code, err, stderr)
		}
		ids = append(ids, head.ID)
	}
	code, stdout, stderr = analyse("snapshots")
	if code != 0 || !strings.Contains(stdout, "Frühjahr") || !strings.Contains(stdout, "Herbst") {
		t.Errorf("snapshots: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = analyse("compare", "--from", ids[0], "--to", ids[1])
	if code != 0 || !strings.Contains(stdout, "geschlossene Lücken: 0") || !strings.Contains(stdout, "neue Lücken: 0") {
		t.Errorf("compare: %d\n%s%s", code, stdout, stderr)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"gaps"}, 2, "--region ist erforderlich"},
		{[]string{"sorcery", "--region", "05562"}, 2, "unbekannte Analyse"},
		{[]string{"gaps", "--region", "99999"}, 1, `Region "99999" gibt es nicht`},
		{[]string{"gaps", "--region", "05562", "--format", "pdf"}, 1, "bitte table oder json"},
		{[]string{"coverage", "--region", "05562", "--demand", "alle"}, 1, "demand"},
		{[]string{"partners"}, 2, "--organisation ist erforderlich"},
		{[]string{"ego", "--organisation", "org_01HK153X00Y3489NT9HSJ9CJD3", "--depth", "5"}, 1, "depth"},
		{[]string{"compare", "--from", "snp_x"}, 2, "--to ist erforderlich"},
		{[]string{"compare", "--from", "snp_x", "--to", "snp_y"}, 1, "snp_x"},
	} {
		if code, _, stderr := analyse(tc.args...); code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q, want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
