package duplicates

import (
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// dupMeasure holds what the comparison needs of one measure; the slices are sorted indexes
// into the dupIndex tables.
type dupMeasure struct {
	m          *graph.Measure
	providers  []int32
	towns      []int32
	fields     []int32
	targets    []int32
	langs      []string
	programme  string // folded
	start, end int32  // days since 1970; open ends are math.MinInt32 and math.MaxInt32
	tmask      uint64 // the target groups as a bit set, when the snapshot has at most 64
	region     int32
	verdicts   bool // some REVIEWED relation involves the measure
}

// dupTable interns the ids of one kind of node with their names.
type dupTable struct {
	index map[string]int32
	ids   []string
	names []string
}

func (t *dupTable) add(id, name string) {
	if _, ok := t.index[id]; !ok {
		t.index[id] = int32(len(t.ids))
		t.ids = append(t.ids, id)
		t.names = append(t.names, name)
	}
}

// dupIndex is the snapshot prepared for the comparison.
type dupIndex struct {
	ms                          []dupMeasure
	orgs, towns, fields, groups dupTable
	// masks is set when target groups fit into dupMeasure.tmask.
	masks bool
	// regions lists the measures of each region, regions ordered by key.
	regions [][]int32
	// verdicts maps a pair of measures (global indexes, smaller first) to its REVIEWED
	// relation's properties in verdictList.
	verdicts    map[[2]int32]int32
	verdictList []graph.RelProps
}

func dupKey(a, b int32) [2]int32 {
	if b < a {
		a, b = b, a
	}
	return [2]int32{a, b}
}

func newDupIndex(s *graph.Snapshot) *dupIndex {
	workers := runtime.GOMAXPROCS(0)
	ix := &dupIndex{ms: make([]dupMeasure, len(s.Measures)), verdicts: map[[2]int32]int32{}}
	newTable := func(n int) dupTable { return dupTable{index: make(map[string]int32, n)} }
	ix.orgs, ix.towns, ix.fields, ix.groups = newTable(len(s.Organisations)), newTable(len(s.Municipalities)),
		newTable(len(s.Fields)), newTable(len(s.TargetGroups))
	for _, o := range s.Organisations {
		ix.orgs.add(o.ID, o.Name)
	}
	for _, m := range s.Municipalities {
		ix.towns.add(m.ID, m.Name)
	}
	for _, f := range s.Fields {
		ix.fields.add(f.ID, f.Name)
	}
	for _, g := range s.TargetGroups {
		ix.groups.add(g.ID, g.Name)
	}
	ix.masks = len(ix.groups.ids) <= 64

	// The measures: ids and regions in one job, the other facts in chunks alongside.
	byID := make(map[string]int32, len(s.Measures))
	regionIndex := map[string]int32{}
	var regionKeys []string
	chunks := max(1, min(workers, len(s.Measures)/4096))
	tfidfParallel(chunks+1, workers, func(job int) {
		if job == chunks {
			for i, m := range s.Measures {
				byID[m.ID] = int32(i)
				r, ok := regionIndex[m.Region]
				if !ok {
					r = int32(len(regionKeys))
					regionIndex[m.Region] = r
					regionKeys = append(regionKeys, m.Region)
				}
				ix.ms[i].m, ix.ms[i].region = m, r
			}
			return
		}
		var langs []string                // storage of the sorted language lists
		programmes := map[string]string{} // programme → folded
		for i := job * len(s.Measures) / chunks; i < (job+1)*len(s.Measures)/chunks; i++ {
			m, dm := s.Measures[i], &ix.ms[i]
			if m.Programme != "" {
				f, ok := programmes[m.Programme]
				if !ok {
					f = text.Fold(strings.TrimSpace(m.Programme))
					programmes[m.Programme] = f
				}
				dm.programme = f
			}
			dm.start, dm.end = math.MinInt32, math.MaxInt32
			if d, ok := dupDay(m.Starts); ok {
				dm.start = d
			}
			if d, ok := dupDay(m.Ends); ok {
				dm.end = d
			}
			dm.langs, langs = dupSortedSet(m.Languages, langs)
		}
	})
	// Regions in key order; measures in snapshot order within each.
	order := slices.Clone(regionKeys)
	slices.Sort(order)
	ix.regions = make([][]int32, len(order))
	rank := make([]int, len(regionKeys))
	for k, key := range order {
		rank[regionIndex[key]] = k
	}
	for i := range ix.ms {
		k := rank[ix.ms[i].region]
		ix.regions[k] = append(ix.regions[k], int32(i))
	}

	// Relationships, collected per type as (measure, other end) in chunks, then spread into
	// one array per type (counting sort), so that a measure's ends are one sub-slice.
	type edge struct{ m, to int32 }
	type review struct {
		a, b  int32
		props graph.RelProps
	}
	type found struct {
		edges   [4][]edge // provides, offered in, in field, targets
		reviews []review
	}
	chunks = max(1, min(workers, len(s.Relations)/16384))
	parts := make([]found, chunks)
	tfidfParallel(chunks, workers, func(c int) {
		f := &parts[c]
		for _, r := range s.Relations[c*len(s.Relations)/chunks : (c+1)*len(s.Relations)/chunks] {
			switch r.Type {
			case graph.Provides:
				m, ok1 := byID[r.To]
				o, ok2 := ix.orgs.index[r.From]
				if ok1 && ok2 {
					f.edges[0] = append(f.edges[0], edge{m, o})
				}
			case graph.OfferedIn, graph.InField, graph.Targets:
				m, ok := byID[r.From]
				if !ok {
					continue
				}
				tab, kind := &ix.towns, 1
				switch r.Type {
				case graph.InField:
					tab, kind = &ix.fields, 2
				case graph.Targets:
					tab, kind = &ix.groups, 3
				}
				if to, ok := tab.index[r.To]; ok {
					f.edges[kind] = append(f.edges[kind], edge{m, to})
				}
			case graph.Reviewed:
				a, ok1 := byID[r.From]
				b, ok2 := byID[r.To]
				if ok1 && ok2 && a != b && slices.Contains(graph.Verdicts, r.Props.Verdict) {
					f.reviews = append(f.reviews, review{a, b, r.Props})
				}
			}
		}
	})
	for _, f := range parts {
		for _, rv := range f.reviews {
			ix.verdicts[dupKey(rv.a, rv.b)] = int32(len(ix.verdictList))
			ix.verdictList = append(ix.verdictList, rv.props)
			ix.ms[rv.a].verdicts, ix.ms[rv.b].verdicts = true, true
		}
	}
	spread := func(kind int, set func(dm *dupMeasure, ends []int32)) {
		start := make([]int32, len(ix.ms)+1)
		n := 0
		for _, f := range parts {
			for _, e := range f.edges[kind] {
				start[e.m+1]++
			}
			n += len(f.edges[kind])
		}
		for i := range ix.ms {
			start[i+1] += start[i]
		}
		ends := make([]int32, n)
		fill := slices.Clone(start[:len(ix.ms)])
		for _, f := range parts {
			for _, e := range f.edges[kind] {
				ends[fill[e.m]] = e.to
				fill[e.m]++
			}
		}
		for i := range ix.ms {
			if lo, hi := start[i], start[i+1]; hi > lo {
				list := ends[lo:hi:hi]
				slices.Sort(list)
				set(&ix.ms[i], slices.Compact(list))
			}
		}
	}
	// Each kind fills other fields of the measures, so the four can run side by side.
	tfidfParallel(4, workers, func(kind int) {
		switch kind {
		case 0:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.providers = e })
		case 1:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.towns = e })
		case 2:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.fields = e })
		case 3:
			spread(kind, func(dm *dupMeasure, e []int32) {
				dm.targets = e
				if ix.masks {
					for _, g := range e {
						dm.tmask |= 1 << uint(g)
					}
				}
			})
		}
	})
	return ix
}

// dupSortedSet returns s sorted and without repeats: s itself when it is so already,
// otherwise a copy at the end of store, which it returns grown.
func dupSortedSet(s, store []string) ([]string, []string) {
	for i := 1; i < len(s); i++ {
		if s[i-1] >= s[i] {
			if cap(store)-len(store) < len(s) {
				store = make([]string, 0, max(4096, len(s)))
			}
			at := len(store)
			store = append(store, s...)
			set := store[at:]
			for i := 1; i < len(set); i++ { // a few elements: insertion sort
				for j := i; j > 0 && set[j] < set[j-1]; j-- {
					set[j], set[j-1] = set[j-1], set[j]
				}
			}
			set = slices.Compact(set)
			return set[:len(set):len(set)], store[:at+len(set)]
		}
	}
	return s, store
}

// dupDay returns the day of d as days since 1970-01-01, parsing the ISO form directly (the
// only form valid dates have) and anything else with graph.Date.Time.
func dupDay(d graph.Date) (int32, bool) {
	s := string(d)
	if s == "" {
		return 0, false
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		if t, ok := d.Time(); ok {
			return int32(t.Unix() / 86400), true
		}
		return 0, false
	}
	num := func(x string) int {
		n := 0
		for i := 0; i < len(x); i++ {
			c := x[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, day := num(s[:4]), num(s[5:7]), num(s[8:])
	last := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		last[2] = 29
	}
	if y < 1 || m < 1 || m > 12 || day < 1 || day > last[m] {
		if t, ok := d.Time(); ok {
			return int32(t.Unix() / 86400), true
		}
		return 0, false
	}
	// Days from civil (Howard Hinnant's algorithm), proleptic Gregorian calendar.
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468), true
}
