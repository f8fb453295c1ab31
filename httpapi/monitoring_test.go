package httpapi

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// concept is a small integration concept built through the API by TestMonitoringThroughAPI.
type concept struct {
	field, concept, guideline, goal, indicator string
	token                                      string
}

// buildConcept creates, as a coordinator of 09991, a field, a concept with a period, a
// guideline, a strategic goal in the field, an indicator (baseline 40 in 2022, target 95 in
// 2026, higher is better) measuring it, and makes the fixture's measure pursue the goal with
// the fixture's organisation as its lead body.
func buildConcept(t *testing.T, f *fixture) *concept {
	t.Helper()
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	c := &concept{token: f.login(t, "coord")}
	create := func(collection string, body map[string]any) map[string]any {
		t.Helper()
		code, _, v := f.do(t, "POST", "/api/v1/"+collection, c.token, body)
		if code != 201 {
			t.Fatalf("creating in %s: %d %v", collection, code, v)
		}
		return v
	}
	c.field = create("fields", map[string]any{"name": "Sprache und Bildung", "region": "09991", "canonical": "language_education"})["id"].(string)
	c.concept = create("concepts", map[string]any{"title": "Integrationskonzept Offener Kreis", "region": "09991",
		"periods": []map[string]any{{"name": "Integrationskonzept 2023", "starts": "2023-01-01"}}})["id"].(string)
	c.guideline = create("guidelines", map[string]any{"title": "Sprache öffnet Türen", "region": "09991", "concept": c.concept, "reference": "L 1"})["id"].(string)
	goal := create("goals", map[string]any{"text": "Alle Neuzugewanderten finden einen Sprachkurs.", "region": "09991",
		"guideline": c.guideline, "level": "strategic", "reference": "1", "priority": "focus", "period": "Integrationskonzept 2023"})
	if goal["concept"] != c.concept {
		t.Fatalf("the goal below the guideline has concept %v, want %s", goal["concept"], c.concept)
	}
	c.goal = goal["id"].(string)
	c.indicator = create("indicators", map[string]any{"name": "Kursplätze", "region": "09991", "unit": "Plätze", "source": "VHS-Statistik",
		"direction": "higher", "baseline": 40, "baseline_year": 2022, "target": 95, "target_year": 2026})["id"].(string)
	for _, r := range []map[string]any{
		{"type": "IN_FIELD", "from": c.goal, "to": c.field},
		{"type": "MEASURED_BY", "from": c.goal, "to": c.indicator},
		{"type": "PURSUES", "from": f.measure, "to": c.goal},
		{"type": "PROVIDES", "from": f.org, "to": f.measure, "props": map[string]any{"role": "lead"}},
	} {
		if code, _, v := f.do(t, "POST", "/api/v1/relations", c.token, r); code != 200 {
			t.Fatalf("relating %v: %d %v", r, code, v)
		}
	}
	return c
}

// enterValues replaces the indicator's values (PATCH with the version it reads first).
func (c *concept) enterValues(t *testing.T, f *fixture, values []map[string]any) (int, map[string]any) {
	t.Helper()
	_, h, _ := f.do(t, "GET", "/api/v1/indicators/"+c.indicator, c.token, nil)
	code, _, v := f.do(t, "PATCH", "/api/v1/indicators/"+c.indicator, c.token, map[string]any{"values": values}, "If-Match", h.Get("ETag"))
	return code, v
}

// TestMonitoringThroughAPI builds a small concept through the API, records values for two
// years and reads the monitoring: the indicator on track (trend +15 places a year from 40 in
// 2022 projects 100 in 2026 ≥ 95), the goal, the field and the concept rolled up from it, in
// German and English; the goal route lists the measure with its lead body.
func TestMonitoringThroughAPI(t *testing.T) {
	f := newFixture(t)
	c := buildConcept(t, f)
	if code, v := c.enterValues(t, f, []map[string]any{{"year": 2023, "value": 55}}); code != 200 {
		t.Fatalf("first year's value: %d %v", code, v)
	}
	if code, v := c.enterValues(t, f, []map[string]any{{"year": 2023, "value": 55}, {"year": 2024, "value": 70}, {"municipality": f.muni, "year": 2024, "value": 12}}); code != 200 {
		t.Fatalf("second year's values: %d %v", code, v)
	}

	code, h, v := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=2024", c.token, nil)
	if code != 200 || h.Get("Vary") == "" {
		t.Fatalf("monitoring: %d %v (Vary %q)", code, v, h.Get("Vary"))
	}
	inds := v["indicators"].([]any)
	if len(inds) != 1 {
		t.Fatalf("%d indicators, want 1", len(inds))
	}
	ind := inds[0].(map[string]any)
	if ind["class"] != "on_track" || ind["reason"] != "projection_meets_target" {
		t.Errorf("indicator class %v (%v), want on_track by projection", ind["class"], ind["reason"])
	}
	if share := ind["share"].(float64); share < 30.0/55-1e-9 || share > 30.0/55+1e-9 {
		t.Errorf("share %v, want 30/55 (40 → 70 of the way to 95)", share)
	}
	trend := ind["trend"].(map[string]any)
	if trend["slope"].(float64) != 15 || ind["projected"].(float64) != 100 {
		t.Errorf("trend %v projected %v, want slope 15 and 100 in 2026", trend, ind["projected"])
	}
	expl := ind["explanation"].(string)
	if !strings.Contains(expl, "Kursplätze") || !strings.Contains(expl, "2026") {
		t.Errorf("explanation %q", expl)
	}
	if munis := ind["municipalities"].([]any); len(munis) != 1 || munis[0].(map[string]any)["name"] != "Musterstadt" {
		t.Errorf("municipal judgements %v", munis)
	}
	goals := v["goals"].([]any)
	if len(goals) != 1 || goals[0].(map[string]any)["class"] != "on_track" || goals[0].(map[string]any)["concept"] != c.concept {
		t.Errorf("goals %v", goals)
	}
	fields := v["fields"].([]any)
	var sprache map[string]any
	for _, x := range fields {
		if x.(map[string]any)["id"] == c.field {
			sprache = x.(map[string]any)
		}
	}
	if sprache == nil || sprache["class"] != "on_track" {
		t.Errorf("field %v", sprache)
	}
	if cs := v["concepts"].([]any); len(cs) == 0 || cs[0].(map[string]any)["id"] != c.concept || cs[0].(map[string]any)["class"] != "on_track" {
		t.Errorf("concepts %v", cs)
	}

	// The same in English, asked by header or by parameter.
	_, _, en := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=2024", c.token, nil, "Accept-Language", "en-GB,en;q=0.9")
	enExpl := en["indicators"].([]any)[0].(map[string]any)["explanation"].(string)
	_, _, en2 := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=2024&lang=en", c.token, nil)
	if enExpl == expl || en2["indicators"].([]any)[0].(map[string]any)["explanation"] != enExpl {
		t.Errorf("English explanation %q (German %q)", enExpl, expl)
	}

	// Looking from 2023, only one value counts besides the baseline.
	_, _, then := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=2023", c.token, nil)
	if latest := then["indicators"].([]any)[0].(map[string]any)["latest"].(map[string]any); latest["year"].(float64) != 2023 {
		t.Errorf("latest value as of 2023: %v", latest)
	}

	code, _, g := f.do(t, "GET", "/api/v1/analysis/monitoring/goals/"+c.goal+"?year=2024", c.token, nil)
	if code != 200 {
		t.Fatalf("goal route: %d %v", code, g)
	}
	ms := g["measures"].([]any)
	if len(ms) != 1 || ms[0].(map[string]any)["id"] != f.measure || ms[0].(map[string]any)["lead"].(map[string]any)["name"] != "Caritasverband Musterstadt" {
		t.Errorf("goal's measures %v", ms)
	}
	if len(g["indicators"].([]any)) != 1 || g["goal"].(map[string]any)["goal"] != c.goal {
		t.Errorf("goal route: %v", g)
	}
	code, _, i := f.do(t, "GET", "/api/v1/analysis/monitoring/indicators/"+c.indicator+"?year=2024&lang=en", c.token, nil)
	if code != 200 || i["explanation"] != enExpl {
		t.Errorf("indicator route: %d %v", code, i)
	}
	// Anonymous callers read the monitoring of the public region too.
	if code, _, _ := f.do(t, "GET", "/api/v1/analysis/monitoring/indicators/"+c.indicator, "", nil); code != 200 {
		t.Errorf("anonymous indicator route: %d", code)
	}
}

// TestMonitoringBadInput: each bad request is a 400 naming the field, and nothing is written.
func TestMonitoringBadInput(t *testing.T) {
	f := newFixture(t)
	c := buildConcept(t, f)
	other, err := f.store.Create(context.Background(), &graph.FieldOfAction{Name: "Arbeit", Region: "09992", Canonical: "work"})
	if err != nil {
		t.Fatal(err)
	}
	rev, _ := f.store.Revision(context.Background())
	cases := []struct {
		name  string
		send  func() (int, map[string]any)
		field string
	}{
		{"a value for a year that has not begun", func() (int, map[string]any) {
			return c.enterValues(t, f, []map[string]any{{"year": 2023, "value": 55}, {"year": 2099, "value": 80}})
		}, "values[1].year"},
		{"a value for an unknown municipality", func() (int, map[string]any) {
			return c.enterValues(t, f, []map[string]any{{"municipality": "09991999", "year": 2024, "value": 3}})
		}, "values[0].municipality"},
		{"a value for another county's municipality", func() (int, map[string]any) {
			if _, err := f.store.Create(context.Background(), &graph.Municipality{Meta: graph.Meta{ID: "09992001"}, Name: "Anderswo", Region: "09992"}); err != nil && graph.ErrorCode(err) != graph.ECONFLICT {
				t.Fatal(err)
			}
			rev, _ = f.store.Revision(context.Background())
			return c.enterValues(t, f, []map[string]any{{"municipality": "09992001", "year": 2024, "value": 3}})
		}, "values[0].municipality"},
		{"a target without direction", func() (int, map[string]any) {
			code, _, v := f.do(t, "POST", "/api/v1/indicators", c.token, map[string]any{"name": "Wartezeit", "region": "09991", "target": 4})
			return code, v
		}, "direction"},
		{"a goal in a field of another county", func() (int, map[string]any) {
			code, _, v := f.do(t, "POST", "/api/v1/relations", c.token, map[string]any{"type": "IN_FIELD", "from": c.goal, "to": other.Base().ID})
			return code, v
		}, "to"},
		{"a goal below a guideline of an unknown concept", func() (int, map[string]any) {
			code, _, v := f.do(t, "POST", "/api/v1/goals", c.token, map[string]any{"text": "X", "region": "09991", "guideline": c.guideline, "concept": "cpt_01JZZZZZZZZZZZZZZZZZZZZZZZ"})
			return code, v
		}, "concept"},
		{"a year that is no number", func() (int, map[string]any) {
			code, _, v := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=letztes", c.token, nil)
			return code, v
		}, "year"},
		{"a year out of range", func() (int, map[string]any) {
			code, _, v := f.do(t, "GET", "/api/v1/analysis/monitoring?region=09991&year=1800", c.token, nil)
			return code, v
		}, "year"},
		{"an unknown language", func() (int, map[string]any) {
			code, _, v := f.do(t, "GET", "/api/v1/analysis/monitoring/goals/"+c.goal+"?lang=fr", c.token, nil)
			return code, v
		}, "lang"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, v := tc.send()
			errs, _ := v["errors"].([]any)
			if code != 400 || len(errs) == 0 || errs[0].(map[string]any)["field"] != tc.field {
				t.Fatalf("%d %v, want 400 naming %s", code, v, tc.field)
			}
			if now, _ := f.store.Revision(context.Background()); now != rev {
				t.Fatalf("the refused request changed the revision from %d to %d", rev, now)
			}
		})
	}
	// A goal or indicator the caller may not read is not found, like a missing one.
	hidden, err := f.store.Create(context.Background(), &graph.Goal{Meta: graph.Meta{Visibility: graph.Internal}, Text: "Intern", Region: "09991"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/goals/" + hidden.Base().ID, "/goals/gol_01JZZZZZZZZZZZZZZZZZZZZZZZ", "/indicators/" + c.goal} {
		if code, _, _ := f.do(t, "GET", "/api/v1/analysis/monitoring"+path, "", nil); code != 404 {
			t.Errorf("anonymous %s: %d, want 404", path, code)
		}
	}
}

// TestStatusReportThroughAPI: a coordinator saves the state, the measure is completed with a
// status note, and the Sachstandsbericht names the measure with its change, the goal and the
// indicator — in each format; bad requests are refused naming the parameter.
func TestStatusReportThroughAPI(t *testing.T) {
	f := newFixture(t)
	c := buildConcept(t, f)
	if code, v := c.enterValues(t, f, []map[string]any{{"year": 2023, "value": 55}, {"year": 2024, "value": 70}}); code != 200 {
		t.Fatalf("values: %d %v", code, v)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/snapshots", c.token, map[string]any{"region": "09991", "label": "Steuerungsgruppe Frühjahr"}); code != 201 {
		t.Fatalf("saving the state: %d %v", code, v)
	}
	_, h, _ := f.do(t, "GET", "/api/v1/measures/"+f.measure, c.token, nil)
	if code, _, v := f.do(t, "PATCH", "/api/v1/measures/"+f.measure, c.token, map[string]any{"status": "completed", "reference": "IP 1.3",
		"status_notes": []map[string]any{{"date": "2024-11-20", "text": "vor dem Zeitraum"}, {"date": time.Now().Format(time.DateOnly), "text": "Abschlussfest mit 40 Gästen"}}}, "If-Match", h.Get("ETag")); code != 200 {
		t.Fatalf("completing the measure: %d %v", code, v)
	}

	code, hdr, body := f.raw(t, "GET", "/api/v1/reports/status?region=09991&format=html", c.token, "", nil)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || !strings.HasPrefix(hdr.Get("Content-Disposition"), "inline") {
		t.Fatalf("html report: %d %s %s", code, hdr.Get("Content-Type"), body)
	}
	html := string(body)
	for _, want := range []string{"Sachstandsbericht", "Offener Kreis", "Alle Neuzugewanderten finden einen Sprachkurs.", "IP 1.3", "Sprachcafé",
		"Caritasverband Musterstadt", "läuft", "abgeschlossen (geändert)", "Abschlussfest mit 40 Gästen", "Kursplätze", "Steuerungsgruppe Frühjahr", "<svg"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(html, "vor dem Zeitraum") {
		t.Errorf("the report shows a status note written before the period")
	}
	code, _, en := f.raw(t, "GET", "/api/v1/reports/status?region=09991&lang=en", c.token, "", nil)
	if code != 200 || !strings.Contains(string(en), "completed (changed)") {
		t.Errorf("English report: %d", code)
	}
	for _, tc := range []struct{ format, magic string }{{"pdf", "%PDF-"}, {"docx", "PK"}, {"xlsx", "PK"}} {
		code, hdr, body := f.raw(t, "GET", "/api/v1/reports/status?region=09991&format="+tc.format, c.token, "", nil)
		if code != 200 || !strings.HasPrefix(string(body), tc.magic) || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") ||
			!strings.HasSuffix(strings.Trim(hdr.Get("Content-Disposition"), `"`), "."+tc.format) {
			t.Errorf("%s: %d, %q, starts %q", tc.format, code, hdr.Get("Content-Disposition"), body[:min(8, len(body))])
		}
	}

	for _, tc := range []struct{ query, field string }{
		{"region=09991&format=odt", "format"},
		{"region=09991&from=letzte-Sitzung", "from"},
		{"region=09991&to=2001-01-01", "to"},
		{"region=09991&lang=fr", "lang"},
		{"format=pdf", "region"},
		{"region=09991&colour=blue", "colour"},
	} {
		code, _, v := f.do(t, "GET", "/api/v1/reports/status?"+tc.query, c.token, nil)
		errs, _ := v["errors"].([]any)
		if code != 400 || len(errs) == 0 || errs[0].(map[string]any)["field"] != tc.field {
			t.Errorf("%s: %d %v, want 400 naming %s", tc.query, code, v, tc.field)
		}
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/reports/status?region=09991", "", nil); code != 401 {
		t.Errorf("anonymous report: %d, want 401", code)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/reports/status?region=09992", c.token, nil); code != 404 {
		t.Errorf("report of a region the caller cannot see: %d, want 404", code)
	}
}

// TestStatusReportWaitsItsTurn: with every report slot taken, a request is told to come back
// (503 with Retry-After) instead of adding to the load.
func TestStatusReportWaitsItsTurn(t *testing.T) {
	f := newFixture(t)
	c := buildConcept(t, f)
	srv := f.api
	for range cap(srv.reports) {
		srv.reports <- struct{}{}
	}
	defer func() {
		for range cap(srv.reports) {
			<-srv.reports
		}
	}()
	old := reportWait
	reportWait = 10 * time.Millisecond
	defer func() { reportWait = old }()
	code, h, v := f.do(t, "GET", "/api/v1/reports/status?region=09991", c.token, nil)
	if code != 503 || h.Get("Retry-After") == "" {
		t.Fatalf("report with every slot taken: %d %v (Retry-After %q)", code, v, h.Get("Retry-After"))
	}
}
