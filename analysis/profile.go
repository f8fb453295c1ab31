package analysis

import (
	"slices"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Profiles say what each organisation offers where: the fields, municipalities and target
// groups of the measures it provides (completed ones left out), its ACTIVE_IN municipalities,
// and which fields it offers in which municipality. Ids are interned to small numbers and
// kept in sorted slices, so that comparing two organisations is a merge of short lists, not a
// walk over maps — the partner score compares one organisation with every other one.

// profileSet holds the profiles of a snapshot's organisations.
type profileSet struct {
	// ids names the interned numbers; index is its inverse.
	ids   []string
	index map[string]int32
	of    map[string]*profile
}

// profile is what one organisation offers, as interned ids.
type profile struct {
	// fields, munis and groups are sorted and free of repeats.
	fields, munis, groups []int32
	// offers holds municipality<<32 | field for every field offered in a municipality, sorted.
	offers []uint64
}

func (ps *profileSet) intern(id string) int32 {
	if n, ok := ps.index[id]; ok {
		return n
	}
	n := int32(len(ps.ids))
	ps.ids = append(ps.ids, id)
	ps.index[id] = n
	return n
}

// lookup returns the number of id, or -1 when no profile mentions it.
func (ps *profileSet) lookup(id string) int32 {
	if n, ok := ps.index[id]; ok {
		return n
	}
	return -1
}

func (ps *profileSet) names(ns []int32) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = ps.ids[n]
	}
	return out
}

func has(sorted []int32, x int32) bool {
	_, ok := slices.BinarySearch(sorted, x)
	return ok
}

func sortedSet[T int32 | uint64](xs []T) []T {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// addFields adds fields to p's fields.
func (p *profile) addFields(fs []int32) {
	p.fields = sortedSet(append(p.fields, fs...))
}

// profiles collects the profile of every organisation of the snapshot.
func profiles(s *graph.Snapshot) *profileSet {
	ps := &profileSet{index: map[string]int32{}, of: make(map[string]*profile, len(s.Organisations))}
	for _, o := range s.Organisations {
		ps.of[o.ID] = &profile{}
	}
	mi := make(map[string]int, len(s.Measures))
	for i, m := range s.Measures {
		mi[m.ID] = i
	}
	n := len(s.Measures)
	provides := make([][]*profile, n)
	offeredIn := make([][]int32, n)
	inField := make([][]int32, n)
	targets := make([][]int32, n)
	for _, r := range s.Relations {
		switch r.Type {
		case graph.Provides:
			if i, ok := mi[r.To]; ok && ps.of[r.From] != nil {
				provides[i] = append(provides[i], ps.of[r.From])
			}
		case graph.OfferedIn:
			if i, ok := mi[r.From]; ok {
				offeredIn[i] = append(offeredIn[i], ps.intern(r.To))
			}
		case graph.InField:
			if i, ok := mi[r.From]; ok {
				inField[i] = append(inField[i], ps.intern(r.To))
			}
		case graph.Targets:
			if i, ok := mi[r.From]; ok {
				targets[i] = append(targets[i], ps.intern(r.To))
			}
		case graph.ActiveIn:
			if p := ps.of[r.From]; p != nil {
				p.munis = append(p.munis, ps.intern(r.To))
			}
		}
	}
	for i, m := range s.Measures {
		if m.Status == "completed" {
			continue // what an organisation no longer offers does not make it a partner
		}
		for _, p := range provides[i] {
			p.fields = append(p.fields, inField[i]...)
			p.groups = append(p.groups, targets[i]...)
			p.munis = append(p.munis, offeredIn[i]...)
			for _, mu := range offeredIn[i] {
				for _, f := range inField[i] {
					p.offers = append(p.offers, uint64(mu)<<32|uint64(uint32(f)))
				}
			}
		}
	}
	for _, p := range ps.of {
		p.fields, p.munis, p.groups, p.offers = sortedSet(p.fields), sortedSet(p.munis), sortedSet(p.groups), sortedSet(p.offers)
	}
	return ps
}

// jaccard returns |a∩b| / |a∪b| of two sorted sets and the shared members.
func jaccard(a, b []int32) (float64, []int32) {
	var shared []int32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared = append(shared, a[i])
			i++
			j++
		}
	}
	union := len(a) + len(b) - len(shared)
	if union == 0 {
		return 0, nil
	}
	return float64(len(shared)) / float64(union), shared
}
