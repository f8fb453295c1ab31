package duplicates

import (
	"cmp"
	"slices"
)

// dupBlock is the members (local indexes) of one block with its key. When window > 0 (an
// oversized block), each member is compared only with the window − 1 members before it.
type dupBlock struct {
	key     int64
	members []int32
	window  int
}

// blocks groups the region's measures by (municipality, field). Blocks larger than maxBlock
// are ordered for the sorted-neighbourhood comparison (see Params.MaxBlock) and
// recorded in out.capped.
func (r *dupRun) blocks(out *dupRegion) []dupBlock {
	type entry struct {
		key int64
		k   int32
	}
	var entries []entry
	for k, dm := range r.ms {
		for _, t := range dm.towns {
			for _, f := range dm.fields {
				entries = append(entries, entry{int64(t)<<32 | int64(f), int32(k)})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.k, b.k)) })
	var blocks []dupBlock
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].key == entries[lo].key {
			hi++
		}
		if hi-lo >= 2 {
			members := make([]int32, hi-lo)
			for i := range members {
				members[i] = entries[lo+i].k
			}
			b := dupBlock{key: entries[lo].key, members: members}
			if len(members) > r.p.maxBlock {
				out.capped = append(out.capped, CappedBlock{Municipality: r.ix.towns.ids[b.key>>32],
					Field: r.ix.fields.ids[int32(b.key)], Measures: len(members)})
				b.window = r.p.maxBlock
				top := make(map[int32]int32, len(members))
				for _, k := range members {
					top[k] = dupTopTerm(r.model.vecs[k])
				}
				slices.SortFunc(members, func(x, y int32) int {
					return cmp.Or(cmp.Compare(top[x], top[y]), cmp.Compare(r.start[x], r.start[y]), cmp.Compare(x, y))
				})
			}
			blocks = append(blocks, b)
		}
		lo = hi
	}
	return blocks
}

// dupTopTerm returns the id of the term with the highest weight in v (the first among
// equals), or -1 for an empty vector.
func dupTopTerm(v sparseVec) int32 {
	best, id := float32(-1), int32(-1)
	for i, w := range v.ws {
		if w > best {
			best, id = w, v.ids[i]
		}
	}
	return id
}

// dupFirstSharedKey returns the smallest (municipality, field) key two measures share, or -1.
func dupFirstSharedKey(a, c *dupMeasure) int64 {
	for _, t := range a.towns {
		if _, ok := slices.BinarySearch(c.towns, t); !ok {
			continue
		}
		for _, f := range a.fields {
			if _, ok := slices.BinarySearch(c.fields, f); ok {
				return int64(t)<<32 | int64(f)
			}
		}
	}
	return -1
}

// dupIntersects reports whether two sorted lists share an element.
func dupIntersects(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}
