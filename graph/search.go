package graph

import (
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// SearchKinds are the kinds full-text search covers, by default all of them.
var SearchKinds = []Kind{KindMeasure, KindOrganisation, KindNetwork}

// TextField is one searchable property of a node with its weight in ranking.
type TextField struct {
	// Name is the JSON name of the property.
	Name string
	// Text is the property's value.
	Text string
	// Weight multiplies the property's term frequencies: names count more than descriptions.
	Weight float32
}

// SearchFields returns the searchable properties of e (none for kinds search does not cover).
// Every backend indexes exactly these, so rankings agree.
func SearchFields(e Entity) []TextField {
	switch v := e.(type) {
	case *Measure:
		return []TextField{{"title", v.Title, 3}, {"programme", v.Programme, 2}, {"description", v.Description, 1}}
	case *Organisation:
		return []TextField{{"name", v.Name, 3}, {"city", v.City, 1}, {"description", v.Description, 1}}
	case *Network:
		return []TextField{{"name", v.Name, 3}, {"description", v.Description, 1}}
	}
	return nil
}

// QueryToken is one word of a search query after analysis.
type QueryToken struct {
	// Term is the folded, stemmed word; a document term equal to it is an exact match.
	Term string
	// Prefix, when set, also matches document terms that start with it (the last word, so
	// that results appear while the user is still typing).
	Prefix string
}

// MinPrefix is the shortest prefix that matches as a prefix.
const MinPrefix = 3

// ParseQuery analyses the query text like document text. Stop words drop out; the last word
// also matches as a prefix of its folded form.
func ParseQuery(s string) []QueryToken {
	toks := text.Analyze(s)
	q := make([]QueryToken, 0, len(toks))
	seen := map[string]bool{}
	for i, t := range toks {
		qt := QueryToken{Term: t.Term}
		if i == len(toks)-1 {
			if p := text.Fold(s[t.Start:t.End]); len(p) >= MinPrefix {
				qt.Prefix = p
			}
		}
		if seen[qt.Term] && qt.Prefix == "" {
			continue
		}
		seen[qt.Term] = true
		q = append(q, qt)
	}
	return q
}

// Match tells how a document term matches the token: 1 for exact, PrefixWeight for a prefix
// match, 0 for none.
func (q QueryToken) Match(term string) float32 {
	switch {
	case term == q.Term:
		return 1
	case q.Prefix != "" && strings.HasPrefix(term, q.Prefix):
		return PrefixWeight
	case q.Prefix != "" && len(q.Term) >= MinPrefix && strings.HasPrefix(term, q.Term):
		return PrefixWeight
	}
	return 0
}

// PrefixWeight is how much a prefix match counts against an exact one.
const PrefixWeight = 0.5

// Highlight returns, per searchable field of e, where the query's words match.
func Highlight(e Entity, q []QueryToken) []FieldMatch {
	var out []FieldMatch
	for _, f := range SearchFields(e) {
		var spans [][2]int
		for _, t := range text.Analyze(f.Text) {
			for _, qt := range q {
				if qt.Match(t.Term) > 0 {
					spans = append(spans, [2]int{t.Start, t.End})
					break
				}
			}
		}
		if len(spans) > 0 {
			out = append(out, FieldMatch{Field: f.Name, Spans: spans})
		}
	}
	return out
}
