package duplicates

import (
	"slices"
	"testing"
)

// TestDuplicatesKinds: a shared provider makes a data duplicate, different or unknown
// providers a parallel offer.
func TestDuplicatesKinds(t *testing.T) {
	for _, c := range []struct {
		a, b             []string
		kind, suggestion string
	}{
		{[]string{"org_1"}, []string{"org_1"}, KindData, SuggestMerge},
		{[]string{"org_1", "org_2"}, []string{"org_2"}, KindData, SuggestMerge},
		{[]string{"org_1"}, []string{"org_2"}, KindParallel, SuggestCoordinate},
		{nil, []string{"org_2"}, KindParallel, SuggestCoordinate},
	} {
		d := mustFind(t, newDupFixture().
			add(dupM{id: "msr_a", title: cafeTitle, desc: cafeDesc, providers: c.a}).
			add(dupM{id: "msr_b", title: cafeTitle, desc: cafeDesc, providers: c.b}).s, Params{})
		if len(d.Pairs) != 1 || d.Pairs[0].Kind != c.kind || d.Pairs[0].Suggestion != c.suggestion {
			t.Errorf("providers %v / %v: %+v, want %s", c.a, c.b, d.Pairs, c.kind)
			continue
		}
		if len(d.Clusters) != 1 || d.Clusters[0].Kind != c.kind || d.Clusters[0].Suggestion != c.suggestion {
			t.Errorf("providers %v / %v: cluster %+v", c.a, c.b, d.Clusters)
		}
	}
}

// TestDuplicatesClusters: clusters are connected components of the reported pairs.
func TestDuplicatesClusters(t *testing.T) {
	d := mustFind(t, clusterFixture().s, Params{})
	if got, want := pairIDs(d.Pairs), []string{"msr_a–msr_b", "msr_b–msr_c", "msr_d–msr_e"}; !slices.Equal(got, want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	if len(d.Clusters) != 2 {
		t.Fatalf("clusters %+v", d.Clusters)
	}
	byID := map[string]Cluster{}
	for _, c := range d.Clusters {
		byID[c.ID] = c
		for i := 1; i < len(c.Pairs); i++ {
			if c.Pairs[i-1].Score < c.Pairs[i].Score {
				t.Errorf("cluster %s: pairs not by score", c.ID)
			}
		}
	}
	abc, de := byID["dup-msr_a"], byID["dup-msr_d"]
	if !slices.Equal(abc.Measures, []string{"msr_a", "msr_b", "msr_c"}) || len(abc.Pairs) != 2 || abc.Kind != KindMixed || abc.Suggestion != SuggestMergeAndCoordinate {
		t.Errorf("cluster a-b-c: %+v", abc)
	}
	if !slices.Equal(de.Measures, []string{"msr_d", "msr_e"}) || de.Kind != KindData || de.Suggestion != SuggestMerge {
		t.Errorf("cluster d-e: %+v", de)
	}
	for i := 1; i < len(d.Clusters); i++ {
		if d.Clusters[i-1].Score < d.Clusters[i].Score {
			t.Errorf("clusters not by score")
		}
	}
}

// TestDuplicatesSpanningTree: a cluster lists the pairs of a spanning tree and counts all its
// links; a confirmed pair is listed even when the tree does not need it.
func TestDuplicatesSpanningTree(t *testing.T) {
	d := mustFind(t, fiveAlike().s, Params{})
	if d.Candidates != 10 || d.AboveThreshold != 10 || len(d.Pairs) != 4 || len(d.Capped) != 0 {
		t.Fatalf("candidates %d, above %d, pairs %d, capped %v; want 10, 10, 4", d.Candidates, d.AboveThreshold, len(d.Pairs), d.Capped)
	}
	if len(d.Clusters) != 1 || d.Clusters[0].Links != 10 || len(d.Clusters[0].Measures) != 5 || len(d.Clusters[0].Pairs) != 4 {
		t.Fatalf("cluster %+v", d.Clusters)
	}
	// The equal scores tie; the tree takes the pairs in id order: msr_0 with each other one.
	if got, want := pairIDs(d.Pairs), []string{"msr_0–msr_1", "msr_0–msr_2", "msr_0–msr_3", "msr_0–msr_4"}; !slices.Equal(got, want) {
		t.Errorf("tree %v, want %v", got, want)
	}
	d = mustFind(t, fiveAlike().review("msr_3", "msr_4", VerdictDuplicate).review("msr_0", "msr_1", VerdictNotDuplicate).s, Params{})
	if got, want := pairIDs(d.Pairs), []string{"msr_0–msr_2", "msr_0–msr_3", "msr_1–msr_2", "msr_3–msr_4"}; !slices.Equal(got, want) {
		t.Errorf("with verdicts: tree %v, want %v", got, want)
	}
	if d.AboveThreshold != 9 || d.Clusters[0].Links != 9 || len(d.Reviewed) != 1 {
		t.Errorf("with verdicts: above %d, links %d, reviewed %d; want 9, 9, 1", d.AboveThreshold, d.Clusters[0].Links, len(d.Reviewed))
	}
}

// TestDuplicatesClustersOnly: without the pairs' descriptions the clusters, their kinds and
// the counts are the same.
func TestDuplicatesClustersOnly(t *testing.T) {
	for key, s := range demoSnapshots(t) {
		full, err := Find(s, Params{})
		if err != nil {
			t.Fatal(err)
		}
		lean, err := Find(s, Params{ClustersOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(lean.Pairs) != 0 || lean.Pairs == nil || lean.Reviewed == nil || len(full.Pairs) == 0 {
			t.Errorf("%s: %d pairs described with ClustersOnly (nil %v), %d without", key, len(lean.Pairs), lean.Pairs == nil, len(full.Pairs))
		}
		if len(lean.Clusters) != len(full.Clusters) || lean.AboveThreshold != full.AboveThreshold || lean.Candidates != full.Candidates {
			t.Fatalf("%s: %d clusters, %d above, %d candidates; full run %d, %d, %d", key,
				len(lean.Clusters), lean.AboveThreshold, lean.Candidates, len(full.Clusters), full.AboveThreshold, full.Candidates)
		}
		for i, c := range lean.Clusters {
			f := full.Clusters[i]
			if !slices.Equal(c.Measures, f.Measures) || c.Kind != f.Kind || c.Score != f.Score || c.Links != f.Links {
				t.Errorf("%s: cluster %d differs: %+v, full %+v", key, i, c, f)
			}
		}
	}
}
