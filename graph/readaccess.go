package graph

import "slices"

// Access says what a caller may read: which regions, where internal entries too, and whose
// actors' contact data. The zero value allows everything (admins, the command line). The API
// derives it from the caller's roles; exports and analyses cut snapshots with it.
type Access struct {
	// Regions are the readable regions; nil means all.
	Regions []string
	// Internal are the regions whose internal entries are readable; nil means all.
	Internal []string
	// Contacts are the regions whose actors' e-mail and phone may be shown; nil means all.
	Contacts []string
}

// Within reports whether region is in set, where a nil set means every region.
func Within(set []string, region string) bool { return set == nil || slices.Contains(set, region) }

// Full reports whether a allows everything.
func (a Access) Full() bool { return a.Regions == nil && a.Internal == nil && a.Contacts == nil }

// CanRead reports whether e may be read: shared nodes always, a region node when its region
// is readable (its visibility says whether the region is public), other nodes when public
// or in a region whose internal entries are readable.
func (a Access) CanRead(e Entity) bool {
	r := e.RegionKey()
	if r == "" {
		return true // shared target groups
	}
	if e.EntityKind() == KindRegion {
		return Within(a.Regions, r)
	}
	return Within(a.Regions, r) && (e.Base().Visibility == Public || Within(a.Internal, r))
}

// View prepares e for the reader: an actor loses e-mail and phone outside the contact
// regions. redacted tells whether contact data was removed.
func (a Access) View(e Entity) (v Entity, redacted bool) {
	if act, ok := e.(*Actor); ok && !Within(a.Contacts, act.Region) {
		return act.WithoutContact(), true
	}
	return e, false
}

// ListFilter narrows a list filter to what a may read.
func (a Access) ListFilter(f Filter) Filter {
	f.Regions = a.Regions
	f.PublicOutside = a.Internal
	if f.Visibility == Internal && a.Internal != nil && len(a.Internal) == 0 {
		f.Regions = []string{} // asks for what the caller may not see: nothing
	}
	return f
}

// Snapshot returns the part of s that a allows: the readable nodes, as View shows them, and
// the relationships whose both ends are kept. s itself is not changed.
func (a Access) Snapshot(s *Snapshot) *Snapshot {
	if a.Full() {
		return s
	}
	return s.Subset(func(e Entity) (Entity, bool) {
		if !a.CanRead(e) {
			return nil, false
		}
		v, _ := a.View(e)
		return v, true
	})
}

// Subset returns a snapshot of the nodes keep accepts (in the form it returns) and the
// relationships whose both ends are kept. s itself is not changed.
func (s *Snapshot) Subset(keep func(Entity) (Entity, bool)) *Snapshot {
	out := &Snapshot{Region: s.Region, Revision: s.Revision, Taken: s.Taken}
	kept := map[string]bool{}
	for _, e := range s.Nodes() {
		if v, ok := keep(e); ok {
			kept[v.Base().ID] = true
			out.Add(v)
		}
	}
	// Counted first, so the copy is made once at its size (a state holds a million
	// relationships; growing the slice by appending held up to twice that).
	n := 0
	for i := range s.Relations {
		if kept[s.Relations[i].From] && kept[s.Relations[i].To] {
			n++
		}
	}
	out.Relations = make([]Relation, 0, n)
	for i := range s.Relations {
		if rel := &s.Relations[i]; kept[rel.From] && kept[rel.To] {
			out.Relations = append(out.Relations, *rel)
		}
	}
	return out
}
