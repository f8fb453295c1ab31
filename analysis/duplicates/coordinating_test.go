package duplicates

import (
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// coordinated is a fixture of three measures by three providers in Nordheim: two alike
// (msr_a, msr_b, a parallel offer well above the threshold) and a third about something
// else (msr_c); msr_d, alike but in Südheim, passes no blocking with msr_a.
func coordinated() *dupFixture {
	f := newDupFixture()
	f.add(dupM{id: "msr_a", title: cafeTitle, desc: cafeDesc, providers: []string{"org_1"}})
	f.add(dupM{id: "msr_b", title: cafeTitle, desc: cafeDesc, providers: []string{"org_2"}})
	f.add(dupM{id: "msr_c", title: "Bewerbungstraining am Computer", desc: "Lebenslauf schreiben, Anschreiben üben, Vorstellungsgespräche proben.", providers: []string{"org_3"}})
	f.add(dupM{id: "msr_d", title: cafeTitle, desc: cafeDesc, providers: []string{"org_3"}, towns: []string{"09999002"}})
	return f
}

func (f *dupFixture) coordinate(a, b string, due graph.Date) *dupFixture {
	f.review(a, b, VerdictCoordinating)
	f.s.Relations[len(f.s.Relations)-1].Props.Due = due
	return f
}

func findPair(ps []Pair, a, b string) *Pair {
	for i := range ps {
		if ps[i].A == min(a, b) && ps[i].B == max(a, b) {
			return &ps[i]
		}
	}
	return nil
}

// TestCoordinatingKeepsPairVisible: a parallel offer under coordination stays reported and
// clustered with its due date, is neither set aside (Reviewed) nor a label for the model, and
// is overdue only from the day after its due date.
func TestCoordinatingKeepsPairVisible(t *testing.T) {
	plain := mustFind(t, coordinated().s, Params{Today: "2026-12-03"})
	before := findPair(plain.Pairs, "msr_a", "msr_b")
	if before == nil || before.Kind != "parallel_offer" {
		t.Fatalf("fixture: msr_a–msr_b not reported as a parallel offer: %v", pairIDs(plain.Pairs))
	}

	for _, tc := range []struct {
		today   graph.Date
		overdue bool
		de, en  string
	}{
		{"2026-12-03", false, "Abstimmung angestoßen: in Abstimmung bis 31.12.2026.", "Coordination under way: to be settled by 2026-12-31."},
		{"2026-12-31", false, "in Abstimmung bis 31.12.2026", "to be settled by 2026-12-31"}, // due today: not yet late
		{"2027-01-01", true, "Abstimmung angestoßen: Frist 31.12.2026 überschritten.", "Coordination under way: the deadline 2026-12-31 has passed."},
		{"", false, "in Abstimmung bis 31.12.2026", "to be settled by 2026-12-31"}, // no today, nothing is late
	} {
		d := mustFind(t, coordinated().coordinate("msr_b", "msr_a", "2026-12-31").s, Params{Today: tc.today})
		p := findPair(d.Pairs, "msr_a", "msr_b")
		if p == nil {
			t.Fatalf("today %s: pair under coordination not reported: %v", tc.today, pairIDs(d.Pairs))
		}
		if p.Verdict != VerdictCoordinating || p.Due != "2026-12-31" || p.Overdue != tc.overdue {
			t.Errorf("today %s: verdict %q due %q overdue %t; want coordinating, 2026-12-31, %t", tc.today, p.Verdict, p.Due, p.Overdue, tc.overdue)
		}
		if !strings.Contains(p.Why.DE, tc.de) || !strings.Contains(p.Why.EN, tc.en) {
			t.Errorf("today %s: why %q / %q, want %q / %q", tc.today, p.Why.DE, p.Why.EN, tc.de, tc.en)
		}
		if len(d.Reviewed) != 0 {
			t.Errorf("today %s: coordination set aside: %v", tc.today, pairIDs(d.Reviewed))
		}
		// Not a label: the model is the built-in one, and the score is the unreviewed one.
		if d.Model.Source != ModelBuiltIn || d.Model.Verdicts != 0 || p.Score != before.Score {
			t.Errorf("today %s: model %s with %d verdicts, score %v (unreviewed %v); a coordination must not teach the model",
				tc.today, d.Model.Source, d.Model.Verdicts, p.Score, before.Score)
		}
		if len(d.Clusters) != 1 || !slices.Equal(d.Clusters[0].Measures, []string{"msr_a", "msr_b"}) {
			t.Errorf("today %s: clusters %+v, want msr_a with msr_b", tc.today, d.Clusters)
		}
	}

	// A final verdict is a label: the model refits.
	final := mustFind(t, coordinated().review("msr_a", "msr_b", VerdictIntended).s, Params{})
	if final.Model.Source != ModelFitted || final.Model.Verdicts != 1 || len(final.Reviewed) != 1 {
		t.Errorf("intended: model %s with %d verdicts, reviewed %d; want fitted, 1, 1", final.Model.Source, final.Model.Verdicts, len(final.Reviewed))
	}
}

// TestCoordinatingOutsideBlocking: like a confirmed duplicate, a pair under coordination is
// reported even when blocking no longer brings it up (here: offered in different towns).
func TestCoordinatingOutsideBlocking(t *testing.T) {
	d := mustFind(t, coordinated().coordinate("msr_a", "msr_d", "2027-03-01").s, Params{Today: "2027-03-02"})
	p := findPair(d.Pairs, "msr_a", "msr_d")
	if p == nil {
		t.Fatalf("pair under coordination outside blocking not reported: %v", pairIDs(d.Pairs))
	}
	if !p.Overdue || p.Due != "2027-03-01" {
		t.Errorf("due %q overdue %t; want 2027-03-01, overdue", p.Due, p.Overdue)
	}
}

// TestTodayValidated: a malformed Params.Today is refused, naming the field.
func TestTodayValidated(t *testing.T) {
	_, err := Find(coordinated().s, Params{Today: "03.12.2026"})
	var e *graph.Error
	if graph.ErrorCode(err) != graph.EINVALID || !asError(err, &e) || len(e.Fields) != 1 || e.Fields[0].Field != "today" {
		t.Fatalf("err = %v, want EINVALID on today", err)
	}
}

func asError(err error, e **graph.Error) bool {
	x, ok := err.(*graph.Error)
	*e = x
	return ok
}
