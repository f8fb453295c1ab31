package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestCoverageRoute(t *testing.T) {
	f := newFixture(t)
	code, _, v := f.get(t, "/api/v1/analysis/coverage?region=09991")
	if code != 200 || len(v["cells"].([]any)) != 0 {
		// the fixture's region has a municipality but no field: an empty matrix
		t.Fatalf("coverage: %d %v", code, v)
	}
	// A field makes a matrix: the public measure is offered in the municipality but is in no
	// field yet, so the cell is a gap; after linking, it is covered.
	ctx := t.Context()
	fld, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	if gaps := v["gaps"].([]any); len(gaps) != 1 {
		t.Fatalf("gaps %v", gaps)
	}
	if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: f.measure, To: fld.Base().ID}}); err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	cell := v["cells"].([]any)[0].(map[string]any)
	if cell["class"] != "covered" || cell["offers"].(float64) != 1 {
		t.Fatalf("after linking the field: %v (the cache must not serve the old result)", cell)
	}
	for path, want := range map[string]int{
		"/api/v1/analysis/coverage":                            400,
		"/api/v1/analysis/coverage?region=09992":               404, // internal region, anonymous caller
		"/api/v1/analysis/coverage?region=09991&demand=alle":   400,
		"/api/v1/analysis/coverage?region=09991&thin_factor=x": 400,
		"/api/v1/analysis/coverage?region=09991&sort=x":        400,
	} {
		if code, _, _ := f.get(t, path); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
}

// TestGapsAndMapRoutes: the gap list and the GeoJSON map of the fixture's region, before and
// after its one measure is put into the field.
func TestGapsAndMapRoutes(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	fld, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	code, _, v := f.get(t, "/api/v1/analysis/gaps?region=09991")
	if code != 200 || len(v["gaps"].([]any)) != 1 {
		t.Fatalf("gaps: %d %v", code, v)
	}
	gap := v["gaps"].([]any)[0].(map[string]any)
	if gap["municipality"] != f.muni || gap["field"] != fld.Base().ID || gap["explanation"] != "Kein aktives Angebot im Handlungsfeld „Sprache“ in Musterstadt." {
		t.Errorf("gap %v", gap)
	}
	// The explanations follow Accept-Language (German unless English is preferred) or lang=.
	for _, c := range []struct{ path, accept, want string }{
		{"/api/v1/analysis/gaps?region=09991", "en-GB,en;q=0.9,de;q=0.5", "No active measure in “Sprache” is offered in Musterstadt."},
		{"/api/v1/analysis/gaps?region=09991&lang=de", "en", "Kein aktives Angebot im Handlungsfeld „Sprache“ in Musterstadt."},
		{"/api/v1/analysis/gaps?region=09991&lang=en", "", "No active measure in “Sprache” is offered in Musterstadt."},
	} {
		code, h, v := f.do(t, "GET", c.path, "", nil, "Accept-Language", c.accept)
		if code != 200 || h.Get("Vary") == "" || v["gaps"].([]any)[0].(map[string]any)["explanation"] != c.want {
			t.Errorf("%s (Accept-Language %q): %d, Vary %q, %v; want %q", c.path, c.accept, code, h.Get("Vary"), v["gaps"], c.want)
		}
	}
	if code, _, v := f.do(t, "GET", "/api/v1/analysis/gaps?region=09991&lang=fr", "", nil); code != 400 || !strings.Contains(fmt.Sprint(v), "lang") {
		t.Errorf("lang=fr: %d %v, want 400 naming lang", code, v)
	}
	code, h, v := f.get(t, "/api/v1/map/municipalities.geojson?region=09991&field="+fld.Base().ID)
	if code != 200 || h.Get("Content-Type") != "application/geo+json" || v["type"] != "FeatureCollection" {
		t.Fatalf("map: %d %s %v", code, h.Get("Content-Type"), v)
	}
	feats := v["features"].([]any)
	if len(feats) != 1 {
		t.Fatalf("features %v", feats)
	}
	props := feats[0].(map[string]any)["properties"].(map[string]any)
	if props["class"] != "gap" || props["ags"] != f.muni || props["offers"].(float64) != 1 || props["field_offers"].(float64) != 0 {
		t.Errorf("before linking: %v", props)
	}
	if feats[0].(map[string]any)["geometry"].(map[string]any)["type"] != "Polygon" {
		t.Errorf("geometry %v", feats[0])
	}
	if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: f.measure, To: fld.Base().ID}}); err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/map/municipalities.geojson?region=09991&field="+fld.Base().ID)
	props = v["features"].([]any)[0].(map[string]any)["properties"].(map[string]any)
	if props["class"] != "covered" || props["field_offers"].(float64) != 1 {
		t.Errorf("after linking: %v", props)
	}
	_, _, v = f.get(t, "/api/v1/analysis/gaps?region=09991")
	if len(v["gaps"].([]any)) != 0 {
		t.Errorf("gaps after linking: %v", v["gaps"])
	}
	for path, want := range map[string]int{
		"/api/v1/map/municipalities.geojson?region=09991&field=fld_01HK153X00CSQVWANBEDWQEWCJ": 400,
		"/api/v1/map/municipalities.geojson?region=09992":                                      404,
		"/api/v1/map/municipalities.geojson":                                                   400,
		"/api/v1/analysis/gaps?region=09991&threshold=1":                                       400,
		"/api/v1/analysis/gaps?region=09991&thin_factor=2":                                     400,
	} {
		code, _, v := f.get(t, path)
		if code != want {
			t.Errorf("%s: %d, want %d (%v)", path, code, want, v)
		}
		if code == 400 && len(v["errors"].([]any)) == 0 {
			t.Errorf("%s: the problem names no field: %v", path, v)
		}
	}
}

// TestAnalysisCacheSharesAndCancels: concurrent requests for one result share one
// computation; a cancelled request returns at once; when the last waiter leaves, the
// computation is cancelled and not kept; a new revision computes afresh.
func TestAnalysisCacheSharesAndCancels(t *testing.T) {
	var c analysisCache
	var calls atomic.Int32
	release := make(chan struct{})
	compute := func(ctx context.Context) (any, error) {
		calls.Add(1)
		select {
		case <-release:
			return map[string]int{"n": 1}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := c.get(context.Background(), 1, "k", compute)
			if err != nil || string(res.body) != `{"n":1}` {
				t.Errorf("shared result: %v %v", res, err)
			}
		}()
	}
	// Wait until all four wait on the one computation.
	for {
		c.mu.Lock()
		n := 0
		if r := c.results["k"]; r != nil {
			n = r.waiters
		}
		c.mu.Unlock()
		if n == 4 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	// A request that gives up returns with its context's error while the others wait.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := c.get(ctx, 1, "k", compute); done <- err }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d computations for one result, want 1", n)
	}
	if _, err := c.get(context.Background(), 1, "k", compute); err != nil || calls.Load() != 1 {
		t.Errorf("cached result recomputed: %v, %d calls", err, calls.Load())
	}
	if _, err := c.get(context.Background(), 2, "k", compute); err != nil || calls.Load() != 2 {
		t.Errorf("a new revision must compute afresh: %v, %d calls", err, calls.Load())
	}

	// Everyone leaves: the computation sees its context end and nothing is cached.
	started := make(chan context.Context, 1)
	blocked := func(ctx context.Context) (any, error) {
		started <- ctx
		<-ctx.Done()
		return nil, ctx.Err()
	}
	ctx, cancel = context.WithCancel(context.Background())
	go func() { _, err := c.get(ctx, 2, "slow", blocked); done <- err }()
	cctx := <-started
	cancel()
	<-done
	select {
	case <-cctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the computation was not cancelled when its last waiter left")
	}
	if res, err := c.get(context.Background(), 2, "slow", func(context.Context) (any, error) { return 1, nil }); err != nil || string(res.body) != "1" {
		t.Errorf("after a cancelled computation the next request must compute anew: %v %v", res, err)
	}
}

// TestPartnersNetworkEgoRoutes: two public organisations share a network, a third offers the
// same measure's field and municipality without a tie: the third is recommended (with its
// contact's e-mail for the coordinator only), the ego view shows the network neighbour, the
// network view counts the tie; the internal organisation stays out for the public.
func TestPartnersNetworkEgoRoutes(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	mk := func(e graph.Entity) string {
		t.Helper()
		out, err := f.store.Create(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return out.Base().ID
	}
	rel := func(typ graph.RelType, from, to string) {
		t.Helper()
		if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: typ, From: from, To: to}}); err != nil {
			t.Fatal(err)
		}
	}
	awo := mk(&graph.Organisation{Name: "AWO Musterstadt", Region: "09991", Kind: "welfare_association"})
	vhs := mk(&graph.Organisation{Name: "VHS Musterstadt", Region: "09991", Kind: "education_provider"})
	net := mk(&graph.Network{Name: "Runder Tisch", Region: "09991", Kind: "round_table", Level: "municipal"})
	rel(graph.MemberOf, f.org, net)
	rel(graph.MemberOf, awo, net)
	rel(graph.ActiveIn, vhs, f.muni)
	rel(graph.ActiveIn, f.org, f.muni)
	person := mk(&graph.Actor{Meta: graph.Meta{Visibility: graph.Public}, Name: "Max Lehrer", Region: "09991", Email: "max@vhs.example", Consent: true})
	rel(graph.WorksFor, person, vhs)

	code, _, v := f.get(t, "/api/v1/analysis/partners/"+f.org)
	if code != 200 {
		t.Fatalf("partners: %d %v", code, v)
	}
	partners := v["partners"].([]any)
	if len(partners) != 1 || partners[0].(map[string]any)["organisation"] != vhs {
		t.Fatalf("partners %v, want the VHS only (the AWO shares the round table)", partners)
	}
	first := partners[0].(map[string]any)
	if first["reasons"].([]any)[0].(map[string]any)["code"] != "shared_municipalities" {
		t.Errorf("reasons %v", first["reasons"])
	}
	contacts := first["contacts"].([]any)
	if len(contacts) != 0 {
		// the public part of the snapshot holds no actors at all
		t.Errorf("anonymous callers see contacts: %v", contacts)
	}
	f.addUser(t, "koordination", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	// Members see the internal organisation too (it provides the same measure): find the VHS.
	contactsOf := func(v map[string]any) []any {
		for _, p := range v["partners"].([]any) {
			if p.(map[string]any)["organisation"] == vhs {
				return p.(map[string]any)["contacts"].([]any)
			}
		}
		t.Fatalf("the VHS is not recommended: %v", v)
		return nil
	}
	_, _, v = f.do(t, "GET", "/api/v1/analysis/partners/"+f.org, f.login(t, "koordination"), nil)
	c := contactsOf(v)
	if len(c) != 1 || c[0].(map[string]any)["email"] != "max@vhs.example" {
		t.Errorf("the coordinator's contacts: %v", c)
	}
	_, _, v = f.do(t, "GET", "/api/v1/analysis/partners/"+f.org, f.login(t, "mitglied"), nil)
	c = contactsOf(v)
	if len(c) != 1 || c[0].(map[string]any)["name"] != "Max Lehrer" || c[0].(map[string]any)["email"] != nil {
		t.Errorf("a member sees the person but not the e-mail: %v", c)
	}

	code, _, v = f.get(t, "/api/v1/analysis/network/ego/"+f.org+"?depth=2")
	if code != 200 || len(v["nodes"].([]any)) != 2 || v["nodes"].([]any)[1].(map[string]any)["id"] != awo {
		t.Fatalf("ego: %d %v", code, v)
	}
	code, _, v = f.get(t, "/api/v1/analysis/network?region=09991")
	if code != 200 || v["ties"].(float64) != 1 || v["organisations"].(float64) != 3 || len(v["isolated"].([]any)) != 1 {
		t.Fatalf("network (public part: 3 organisations, 1 tie, the VHS isolated): %d %v", code, v)
	}
	for path, want := range map[string]int{
		"/api/v1/analysis/partners/" + f.hidden:              404, // internal, anonymous caller
		"/api/v1/analysis/partners/" + f.secret:              404, // internal region
		"/api/v1/analysis/partners/" + f.measure:             404,
		"/api/v1/analysis/partners/" + f.org + "?limit=0x":   400,
		"/api/v1/analysis/partners/" + f.org + "?limit=1000": 400,
		"/api/v1/analysis/network/ego/" + f.org + "?depth=4": 400,
		"/api/v1/analysis/network?region=09991&field=nope":   400,
		"/api/v1/analysis/network?region=09991&seed=-1":      400,
		"/api/v1/analysis/network?region=09992":              404,
	} {
		if code, _, v := f.get(t, path); code != want {
			t.Errorf("%s: %d, want %d (%v)", path, code, want, v)
		}
	}
}

// TestVerdictRoute: coordinators record verdicts, a second verdict says whom it overrules,
// and every bad request is refused naming the field.
func TestVerdictRoute(t *testing.T) {
	f := newFixture(t)
	other, err := f.store.Create(t.Context(), &graph.Measure{Title: "Sprachcafé am Markt", Region: "09991", Status: "active", Level: "operational"})
	if err != nil {
		t.Fatal(err)
	}
	m2 := other.Base().ID
	f.addUser(t, "koordination", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "zweite", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	coord := f.login(t, "koordination")
	code, _, v := f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", coord, map[string]string{"a": m2, "b": f.measure, "verdict": "intended"})
	if code != 200 || v["by"] != "koordination" || v["replaced"] != nil || v["a"].(string) > v["b"].(string) {
		t.Fatalf("verdict: %d %v", code, v)
	}
	code, _, v = f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", f.login(t, "zweite"), map[string]string{"a": f.measure, "b": m2, "verdict": "duplicate"})
	if code != 200 || v["replaced"].(map[string]any)["by"] != "koordination" || v["replaced"].(map[string]any)["verdict"] != "intended" {
		t.Fatalf("second verdict must name the one it replaces: %d %v", code, v)
	}
	code, _, v = f.get(t, "/api/v1/analysis/duplicates?region=09991")
	if code != 200 || len(v["pairs"].([]any)) != 1 || v["pairs"].([]any)[0].(map[string]any)["verdict"] != "duplicate" {
		t.Fatalf("a confirmed pair is reported whatever its score: %d %v", code, v["pairs"])
	}
	if by := v["pairs"].([]any)[0].(map[string]any)["verdict_by"]; by != nil {
		t.Errorf("the public sees who reviewed: %v", by)
	}
	_, _, v = f.do(t, "GET", "/api/v1/analysis/duplicates?region=09991", f.login(t, "mitglied"), nil)
	if by := v["pairs"].([]any)[0].(map[string]any)["verdict_by"]; by != "zweite" {
		t.Errorf("members see who reviewed: %v", by)
	}
	for _, tc := range []struct {
		token string
		body  map[string]string
		want  int
		field string
	}{
		{f.login(t, "mitglied"), map[string]string{"a": f.measure, "b": m2, "verdict": "duplicate"}, 403, ""},
		{"", map[string]string{"a": f.measure, "b": m2, "verdict": "duplicate"}, 401, ""},
		{coord, map[string]string{"a": f.measure, "b": m2, "verdict": "vielleicht"}, 400, "verdict"},
		{coord, map[string]string{"a": f.measure, "b": f.measure, "verdict": "duplicate"}, 400, "b"},
		{coord, map[string]string{"a": f.org, "b": m2, "verdict": "duplicate"}, 400, "a"},
		{coord, map[string]string{"a": f.measure, "b": "msr_01HK153X00CSQVWANBEDWQEWCJ", "verdict": "duplicate"}, 404, "b"},
	} {
		code, _, v := f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", tc.token, tc.body)
		if code != tc.want {
			t.Errorf("%v: %d, want %d (%v)", tc.body, code, tc.want, v)
			continue
		}
		if tc.field != "" && (v["errors"] == nil || v["errors"].([]any)[0].(map[string]any)["field"] != tc.field) {
			t.Errorf("%v: the problem must name %q: %v", tc.body, tc.field, v)
		}
	}
	if code, _, _ := f.get(t, "/api/v1/analysis/duplicates?region=09991&threshold=abc"); code != 400 {
		t.Errorf("bad threshold: %d", code)
	}
	if code, _, _ := f.get(t, "/api/v1/analysis/duplicates?region=09991&threshold=7"); code != 400 {
		t.Errorf("threshold 7: %d", code)
	}
	// The region's model learnt from the verdict; the review queue and its order.
	code, _, v = f.do(t, "GET", "/api/v1/analysis/duplicates?region=09991&order=uncertain", f.login(t, "mitglied"), nil)
	model, _ := v["model"].(map[string]any)
	if code != 200 || v["order"] != "uncertain" || v["uncertain"] == nil || model["source"] != "fitted" || model["verdicts"] != 1.0 || model["weights"].(map[string]any)["synonyms"] == nil {
		t.Errorf("order=uncertain: %d, order %v, model %v, uncertain %v", code, v["order"], v["model"], v["uncertain"])
	}
	if code, _, v = f.get(t, "/api/v1/analysis/duplicates?region=09991&model=built_in"); code != 200 || v["model"].(map[string]any)["source"] != "built_in" {
		t.Errorf("model=built_in: %d %v", code, v["model"])
	}
	if p := v["pairs"].([]any)[0].(map[string]any); p["why"].(map[string]any)["de"] == "" || len(p["features"].([]any)) == 0 {
		t.Errorf("a pair without features or why: %v", p)
	}
	// The review list as a table: members see who decided, the public does not.
	for _, c := range []struct {
		token, format, by string
	}{{f.login(t, "mitglied"), "xlsx", "zweite"}, {"", "xlsx", ""}, {"", "csv", ""}} {
		req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/analysis/duplicates?region=09991&format="+c.format, nil)
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "dubletten-09991."+c.format) {
			t.Fatalf("format=%s: %d %s %q", c.format, resp.StatusCode, resp.Header.Get("Content-Disposition"), body)
		}
		var rows [][]string
		if c.format == "xlsx" {
			wb, err := excelize.OpenReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ = wb.GetRows("Dubletten")
		} else {
			for _, line := range strings.Split(strings.TrimRight(strings.TrimPrefix(string(body), "\ufeff"), "\r\n"), "\r\n") {
				rows = append(rows, strings.Split(line, ";"))
			}
		}
		if len(rows) != 2 || rows[1][17] != "Dublette" || len(rows[1]) > 18 && rows[1][18] != c.by || c.by != "" && len(rows[1]) < 19 {
			t.Errorf("format=%s, token %t: rows %q", c.format, c.token != "", rows)
		}
	}
	for _, q := range []string{"order=random", "model=mine", "max_block=1", "max_block=5001", "text_weight=0.5", "format=pdf"} {
		code, _, v := f.get(t, "/api/v1/analysis/duplicates?region=09991&"+q)
		field, _, _ := strings.Cut(q, "=")
		if code != 400 || v["errors"] == nil || v["errors"].([]any)[0].(map[string]any)["field"] != field {
			t.Errorf("%s: %d %v, want 400 naming %s", q, code, v, field)
		}
	}
	// The bound holds for anonymous callers too, and the refusals are German by default.
	for q, want := range map[string]string{"max_block=100000": "muss zwischen 2 und 5000 liegen", "threshold=2": "muss größer als 0 und höchstens 1 sein", "order=x": "muss clusters oder uncertain sein", "model=x": "muss built_in oder fitted sein"} {
		code, _, v := f.get(t, "/api/v1/analysis/duplicates?region=09991&"+q)
		if code != 400 || v["errors"].([]any)[0].(map[string]any)["message"] != want {
			t.Errorf("%s: %d %v, want %q", q, code, v["errors"], want)
		}
	}
}
