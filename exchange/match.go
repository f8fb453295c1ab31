package exchange

import (
	"cmp"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// nameIndex finds nodes of one kind by name, case- and umlaut-insensitively
// (graph/text.Fold: "Schueler" meets "Schüler", "GOEPPINGEN" meets "Göppingen"), and suggests
// the closest names when one is unknown.
type nameIndex struct {
	byFold map[string][]string // folded name → ids
	name   map[string]string   // id → name as written
}

func newNameIndex() *nameIndex {
	return &nameIndex{byFold: map[string][]string{}, name: map[string]string{}}
}

// foldName folds a name for matching: text.Fold, with runs of white space made one space.
func foldName(s string) string { return strings.Join(strings.Fields(text.Fold(s)), " ") }

// add records that id is called name; a node renamed by an import keeps its old name too, so
// rows that still use it find it.
func (x *nameIndex) add(id, name string) {
	f := foldName(name)
	if f == "" {
		return
	}
	if !slices.Contains(x.byFold[f], id) {
		x.byFold[f] = append(x.byFold[f], id)
	}
	x.name[id] = name
}

// find returns the ids called name.
func (x *nameIndex) find(name string) []string { return x.byFold[foldName(name)] }

// closest returns up to n known names nearest to name: by edit distance of the folded
// forms, names that contain it or that it contains counting as near.
func (x *nameIndex) closest(name string, n int) []string {
	q := foldName(name)
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	seen := map[string]bool{}
	for id, nm := range x.name {
		_ = id
		if seen[nm] {
			continue
		}
		seen[nm] = true
		f := foldName(nm)
		d := levenshtein(q, f)
		if q != "" && (strings.Contains(f, q) || strings.Contains(q, f)) {
			d = min(d, 1+abs(len(f)-len(q))/4)
		}
		cs = append(cs, cand{nm, d})
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.name, b.name)) })
	limit := max(3, len([]rune(q))*2/3)
	var out []string
	for _, c := range cs {
		if len(out) == n || c.d > limit {
			break
		}
		out = append(out, c.name)
	}
	if len(out) == 0 {
		for _, c := range cs[:min(n, len(cs))] {
			out = append(out, c.name)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// levenshtein is the edit distance of a and b in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
