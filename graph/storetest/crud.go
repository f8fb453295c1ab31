package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func testCRUD(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	for _, in := range c.samples() {
		k := in.EntityKind()
		t.Run(string(k), func(t *testing.T) {
			before := time.Now().Add(-time.Second)
			created := must[graph.Entity](t)(s.Create(ctx(), in))
			m := created.Base()
			if m.ID == "" || m.Version != 1 || m.CreatedAt.Before(before) || !m.UpdatedAt.Equal(m.CreatedAt) {
				t.Fatalf("created meta = %+v, want id, version 1, fresh equal timestamps", *m)
			}
			if kk, ok := graph.KindOfID(m.ID); !ok || kk != k {
				t.Fatalf("id %q does not name kind %s", m.ID, k)
			}
			if in.Base().ID == "" && in.Base().Version != 0 {
				t.Fatal("Create modified its argument")
			}
			got := must[graph.Entity](t)(s.Get(ctx(), k, m.ID))
			if diff := cmp.Diff(created, got); diff != "" {
				t.Fatalf("Get after Create (-want +got):\n%s", diff)
			}
			want := in.Clone()
			want.Normalize() // defaults such as visibility are filled in
			if !graph.SameContent(want, got) {
				t.Fatalf("stored content differs from input:\n in: %+v\ngot: %+v", in, got)
			}

			// A returned value is a copy: changing it changes nothing stored.
			edit(got)
			again := must[graph.Entity](t)(s.Get(ctx(), k, m.ID))
			if graph.SameContent(got, again) {
				t.Fatal("changing a returned node changed the stored one")
			}

			upd := must[graph.Entity](t)(s.Update(ctx(), got, 1))
			if upd.Base().Version != 2 || !upd.Base().CreatedAt.Equal(m.CreatedAt) || upd.Base().UpdatedAt.Before(m.UpdatedAt) {
				t.Fatalf("updated meta = %+v", *upd.Base())
			}
			if !graph.SameContent(upd, must[graph.Entity](t)(s.Get(ctx(), k, m.ID))) {
				t.Fatal("Get after Update does not show the update")
			}
			// Saving the same content again is not a change.
			same := must[graph.Entity](t)(s.Update(ctx(), upd, 2))
			if same.Base().Version != 2 {
				t.Fatalf("an update without changes made version %d", same.Base().Version)
			}

			ok(t, s.Delete(ctx(), k, m.ID, 2))
			wantCode(t, must2(s.Get(ctx(), k, m.ID)), graph.ENOTFOUND)
			wantCode(t, s.Delete(ctx(), k, m.ID, 0), graph.ENOTFOUND)
		})
	}
	// Get with the wrong kind for an existing id is not found.
	wantCode(t, must2(s.Get(ctx(), graph.KindMeasure, c.orgs[0].ID)), graph.ENOTFOUND)
}

// must2 drops the value and keeps the error.
func must2[T any](_ T, err error) error { return err }

func testValidation(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	rev := must[uint64](t)(s.Revision(ctx()))
	long := strings.Repeat("x", graph.MaxName+1)
	cases := []struct {
		name   string
		e      graph.Entity
		fields []string
	}{
		{"region key", &graph.Region{Meta: graph.Meta{ID: "123"}, Name: "X", Kind: "county"}, []string{"id"}},
		{"region kind", &graph.Region{Meta: graph.Meta{ID: "09995"}, Name: "X", Kind: "kreis"}, []string{"kind"}},
		{"region name and visibility", &graph.Region{Meta: graph.Meta{ID: "09995", Visibility: "secret"}, Kind: "county"}, []string{"name", "visibility"}},
		{"AGS", &graph.Municipality{Meta: graph.Meta{ID: "0999100"}, Name: "X", Region: regionA}, []string{"id"}},
		{"AGS outside region", &graph.Municipality{Meta: graph.Meta{ID: "09992001"}, Name: "X", Region: regionA}, []string{"id"}},
		{"population", &graph.Municipality{Meta: graph.Meta{ID: "09991050"}, Name: "X", Region: regionA, Population: 10, ForeignPopulation: 20}, []string{"foreign_population"}},
		{"geometry type", &graph.Municipality{Meta: graph.Meta{ID: "09991050"}, Name: "X", Region: regionA, Geometry: []byte(`{"type":"Point","coordinates":[7,51]}`)}, []string{"geometry"}},
		{"geometry ring", &graph.Municipality{Meta: graph.Meta{ID: "09991050"}, Name: "X", Region: regionA, Geometry: []byte(`{"type":"Polygon","coordinates":[[[7,51],[8,51],[8,52],[7,51.5]]]}`)}, []string{"geometry"}},
		{"field canonical", &graph.FieldOfAction{Name: "X", Region: regionA, Canonical: "sprache"}, []string{"canonical"}},
		{"field region missing", &graph.FieldOfAction{Name: "X", Canonical: "work"}, []string{"region"}},
		{"name too long", &graph.Organisation{Name: long, Region: regionA, Kind: "club"}, []string{"name"}},
		{"organisation contacts", &graph.Organisation{Name: "X", Region: regionA, Kind: "club", Website: "ftp://x", Email: "no-at", Phone: "call me", PostalCode: "123"}, []string{"website", "email", "phone", "postal_code"}},
		{"organisation coordinates", &graph.Organisation{Name: "X", Region: regionA, Kind: "club", Lat: ptr(95.0), Lon: ptr(7.0)}, []string{"lat"}},
		{"organisation kind", &graph.Organisation{Name: "X", Region: regionA}, []string{"kind"}},
		{"actor email", &graph.Actor{Name: "X", Region: regionA, Email: "Erika <e@example.org>"}, []string{"email"}},
		{"network enums", &graph.Network{Name: "X", Region: regionA, Kind: "club", Level: "land", Cadence: "sometimes"}, []string{"kind", "level", "cadence"}},
		{"measure dates", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "operational", Starts: "2025-02-01", Ends: "2025-01-01"}, []string{"ends"}},
		{"measure date form", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "operational", Starts: "1.2.2025"}, []string{"starts"}},
		{"measure enums", &graph.Measure{Title: "X", Region: regionA, Status: "running", Level: "x", Format: "paper"}, []string{"status", "level", "format"}},
		{"measure numbers", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "strategic", Cost: ptr(-1.0), Capacity: -3}, []string{"cost", "capacity"}},
		{"measure languages", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "strategic", Languages: []string{"de", "Deutsch", "de"}}, []string{"languages[1]", "languages[2]"}},
		{"measure description", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "strategic", Description: strings.Repeat("ä", graph.MaxDescription+1)}, []string{"description"}},
		{"goal text", &graph.Goal{Region: regionA}, []string{"text"}},
		{"measure planning", &graph.Measure{Title: "X", Region: regionA, Status: "active", Level: "strategic", Priority: "urgent", Horizon: "soon", Addressee: "Bund",
			Funding:     []graph.Funding{{Amount: ptr(5.0)}, {Funder: "Land", BudgetNeutral: true, Amount: ptr(10.0)}, {Funder: "Bund", Starts: "2025-02-01", Ends: "2025-01-01"}},
			StatusNotes: []graph.StatusNote{{Date: "2025-01-01", Text: "a"}, {Date: "2025-01-01", Text: "b"}, {Date: "2025-02-01"}}},
			[]string{"priority", "horizon", "addressee", "funding[0].funder", "funding[1].amount", "funding[2].ends", "status_notes[1].date", "status_notes[2].text"}},
		{"indicator values", &graph.Indicator{Name: "X", Region: regionA, Values: []graph.IndicatorValue{{Municipality: "1", Year: 2024}, {Year: 1800}, {Year: 2024}, {Year: 2024}}}, []string{"values[0].municipality", "values[1].year", "values[3]"}},
		{"id of another kind", &graph.Measure{Meta: graph.Meta{ID: c.orgs[0].ID}, Title: "X", Region: regionA, Status: "active", Level: "strategic"}, []string{"id"}},
		{"malformed id", &graph.Measure{Meta: graph.Meta{ID: "msr_123"}, Title: "X", Region: regionA, Status: "active", Level: "strategic"}, []string{"id"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Create(ctx(), tc.e)
			wantFields(t, err, tc.fields...)
		})
	}
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatalf("rejected writes changed the revision from %d to %d", rev, got)
	}
	page := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure}))
	if page.Total != 0 {
		t.Fatalf("rejected writes stored %d measures", page.Total)
	}
}

func testReferences(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	_, err := s.Create(ctx(), &graph.Organisation{Name: "X", Region: "09999", Kind: "club"})
	wantFields(t, err, "region")
	_, err = s.Create(ctx(), &graph.Indicator{Name: "X", Region: regionA, Values: []graph.IndicatorValue{{Municipality: regionA + "777", Year: 2024}}})
	wantFields(t, err, "values[0].municipality")
	_, err = s.Create(ctx(), &graph.Municipality{Meta: graph.Meta{ID: "09994001"}, Name: "X", Region: "09994"})
	wantFields(t, err, "region")
	// Creating an existing id is a conflict naming the id.
	_, err = s.Create(ctx(), &graph.Municipality{Meta: graph.Meta{ID: c.munis[0].ID}, Name: "X", Region: regionA})
	ge := wantCode(t, err, graph.ECONFLICT)
	if len(ge.Fields) != 1 || ge.Fields[0].Field != "id" {
		t.Fatalf("conflict fields = %+v, want id", ge.Fields)
	}
}

func testVersionConflicts(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Integrationskurs"))).(*graph.Measure)
	first, second := m.Clone().(*graph.Measure), m.Clone().(*graph.Measure)
	first.Capacity = 10
	second.Capacity = 20
	must[graph.Entity](t)(s.Update(ctx(), first, 1))
	_, err := s.Update(ctx(), second, 1)
	ge := wantCode(t, err, graph.ECONFLICT)
	if ge.Current != 2 {
		t.Fatalf("conflict reports current version %d, want 2", ge.Current)
	}
	got := must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, m.ID))
	if got.Capacity != 10 || got.Version != 2 {
		t.Fatalf("after a lost race the stored measure is %+v, want capacity 10 at version 2", got)
	}
	wantCode(t, s.Delete(ctx(), graph.KindMeasure, m.ID, 1), graph.ECONFLICT)
	_, err = s.Update(ctx(), &graph.Measure{Meta: graph.Meta{ID: graph.NewID(graph.KindMeasure)}, Title: "X", Region: regionA, Status: "active", Level: "strategic"}, 1)
	wantCode(t, err, graph.ENOTFOUND)
}

func testUpdateRules(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	seedCounty(t, s, regionB)
	o := c.orgs[0].Clone().(*graph.Organisation)
	o.Region = regionB
	_, err := s.Update(ctx(), o, o.Version)
	wantFields(t, err, "region")
	// An update that breaks a field rule names it and changes nothing.
	o = c.orgs[0].Clone().(*graph.Organisation)
	o.Kind = "unknown"
	_, err = s.Update(ctx(), o, o.Version)
	wantFields(t, err, "kind")
	got := must[*graph.Organisation](t)(graph.GetAs[*graph.Organisation](ctx(), s, o.ID))
	if got.Kind != "welfare_association" || got.Version != 1 {
		t.Fatalf("a rejected update changed the organisation: %+v", got)
	}
}
