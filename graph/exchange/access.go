package exchange

import (
	"slices"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Access says what an export may contain: which regions, where internal entries too, and
// whose contact data. The zero value allows everything (the command line, admins).
type Access struct {
	// Regions are the readable regions; nil means all.
	Regions []string
	// Internal are the regions whose internal entries are readable; nil means all.
	Internal []string
	// Contacts are the regions whose actors' e-mail and phone are included; nil means all.
	Contacts []string
}

func within(set []string, region string) bool { return set == nil || slices.Contains(set, region) }

// Full reports whether a allows everything.
func (a Access) Full() bool { return a.Regions == nil && a.Internal == nil && a.Contacts == nil }

// Filter returns the part of s the access allows: readable nodes (a region node when its
// region is readable, other nodes when public or in a region whose internal entries are
// readable, shared target groups always), actors without e-mail and phone outside the
// contact regions, and the relationships whose both ends are kept. s itself is not changed.
func (a Access) Filter(s *graph.Snapshot) *graph.Snapshot {
	if a.Full() {
		return s
	}
	out := &graph.Snapshot{Region: s.Region, Revision: s.Revision, Taken: s.Taken}
	keep := map[string]bool{}
	for _, e := range s.Nodes() {
		r := e.RegionKey()
		ok := false
		switch {
		case r == "":
			ok = true
		case e.EntityKind() == graph.KindRegion:
			ok = within(a.Regions, r)
		default:
			ok = within(a.Regions, r) && (e.Base().Visibility == graph.Public || within(a.Internal, r))
		}
		if !ok {
			continue
		}
		if act, isActor := e.(*graph.Actor); isActor && !within(a.Contacts, r) {
			e = act.WithoutContact()
		}
		keep[e.Base().ID] = true
		out.Add(e)
	}
	for _, rel := range s.Relations {
		if keep[rel.From] && keep[rel.To] {
			out.Relations = append(out.Relations, rel)
		}
	}
	return out
}
