package lexicon

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

const (
	// minPart is the least number of letters of a part (without its
	// linking element) of a word the dictionary does not know.
	minPart = 3
	// minPartKnown and minStemKnown are the least numbers of letters of
	// each part and of its stem when a word the dictionary knows is split:
	// only long parts are "clearly better" than a known word
	// (Schuldner|beratung, Kinder|garten, Wohnungs|suche, but not
	// Werk|statt, Rat|haus, Haus|aufgabe, Früh|stück, Lebens|mittel).
	minPartKnown = 5
	minStemKnown = 4
	// minRestored is the least number of letters of a first part that is
	// a word form without its final -e, -en or -n (Lern-, Such-).
	minRestored = 4
)

// suffixHeads are German noun-forming suffixes that are also spelled like
// words of the dictionary (Schaft, Heit, Ion, Ing: rare nouns, names or
// abbreviations), and the English -ing of loanwords. A part whose stem is one
// of them is a derivation, not a compound: Gesellschaft, Nachbarschaft,
// Patenschaft and Monitoring are not split. This is a list of grammar, not
// of vocabulary.
var suffixHeads = map[string]bool{
	"schaft": true, "heit": true, "keit": true, "ung": true, "tum": true,
	"nis": true, "ling": true, "sal": true, "lein": true, "chen": true,
	"ion": true, "itat": true, "ing": true,
}

// sLinked are the suffixes after which German requires the linking s when
// the word is the first part of a compound (Beratungs-, Gesundheits-,
// Migrations-, Gemeinschafts-). A part ending in one of them and followed by
// an s must take the s as its linking element: Migrationsamt is
// Migration|s|amt, not Migration|samt.
var sLinked = [...]string{"ung", "heit", "keit", "schaft", "ion", "tat", "ling", "tum"}

// Decompound returns the stems of the parts of the German compound word, in
// order: Schuldnerberatung → schuldn, berat; Sprachkursangebot → sprach,
// kur, angebot (the stems graph/text's Analyze gives Schuldner, Beratung,
// Sprache, Kurs and Angebot). A word that is not a compound, is unknown,
// contains anything but letters, or is not German comes back unsplit as its
// single stem; Decompound returns nil only when word has nothing to stem.
//
// The rules, applied to the folded word (see graph/text.Fold):
//
//   - The last part is a word form of the dictionary (data/parts.txt.gz:
//     every form of the German word list igerman98). Every other part is a
//     word form (Kinder-, Tages-, Frauen-), one of hunspell's
//     compound-initial forms (Sprach-, Näh-, Arbeits-), or a word form
//     without its final -e, -en, or -n after -el/-er (Lern-, Such-,
//     Wander-). The linking elements of German are thus the ones the
//     dictionary attests, plus the s that German requires after -ung,
//     -heit, -keit, -schaft, -ion, -tät, -ling and -tum (Migrations|amt,
//     not Migration|samt), even where the dictionary lacks the word: a
//     first part the dictionary does not know is accepted when it ends in
//     one of these suffixes and that s (Alphabetisierungs|kurs), but only
//     if there is no split into known parts.
//   - A part has at least 3 letters, is not a stop word (aus-, ein-, mit-,
//     unter- make derivations, not compounds) and not a noun-forming suffix
//     (-schaft, -heit, -ung, …); a split has a part of at least 4 letters.
//   - Of all splits the one with the fewest parts wins, then the one with
//     the longest first part (Arbeits|amt, not Arbeit|samt), then the
//     longest second part, and so on.
//   - A word that is itself a form in the dictionary is split only when
//     each part of its best split has at least 5 letters and a stem of at
//     least 4: Schuldnerberatung and Kindergarten are split, Beratung,
//     Werkstatt, Rathaus, Frühstück and Lebensmittel are not.
//   - Every part is split again by the same rules, so the result does not
//     depend on whether the dictionary happens to list an intermediate
//     compound; a part the dictionary knows stays whole unless the rule for
//     known words splits it (Nähwerkstatt → nah, werkstatt).
//   - Feminine nouns in -in and -innen are split without the suffix, which
//     is then put back on the last part: Elternbegleiterinnen → elt,
//     begleiterin (and not Besuche|rinnen).
//
// The stem of each part is the stem graph/text gives the part, without a
// linking s, as a word of its own (text.StemFolded), so the parts of a
// compound meet the terms of the same words written apart.
//
// Results are memoised per word in a bounded cache. Decompound is safe for
// concurrent use; the returned slice belongs to the caller. It loads the
// dictionary on first use (see [LoadTimes]).
func Decompound(word string) []string {
	f := text.Fold(word)
	if f == "" {
		return nil
	}
	if parts, ok := splits.get(f); ok {
		return slices.Clone(parts)
	}
	f = strings.Clone(f) // the cache must not pin the caller's string
	var parts []string
	if stem := text.StemFolded(f); stem != "" {
		if len(f) > text.MaxTermBytes || !allLetters(f) {
			parts = []string{stem}
		} else {
			d := partSet()
			for _, p := range decompound(d, f, false, d.lookup(f)&classWord != 0, nil) {
				parts = append(parts, strings.Clone(p.stem))
			}
		}
	}
	splits.put(f, parts)
	return slices.Clone(parts)
}

// piece is a part of the final split: its text in the word (without the
// linking s of a last part, with that of a first part) and its stem.
type piece struct{ text, stem string }

// decompound appends the parts of the folded word f to out. If modifier is
// set, f is itself the first part of a compound, so its last part follows
// the rules for first parts; known says whether the dictionary knows f
// (then f is split only if the split is clear).
func decompound(d *wordSet, f string, modifier, known bool, out []piece) []piece {
	if !modifier {
		if o, ok := feminine(d, f, out); ok {
			return o
		}
	}
	var sp splitter
	ps := sp.split(d, f, modifier, !known && !modifier)
	if ps == nil || known && !clear(ps) {
		return append(out, piece{f, text.StemFolded(f)})
	}
	for i, p := range ps {
		if i == len(ps)-1 && !modifier {
			out = decompound(d, p.core, false, true, out) // the head
		} else {
			out = decompound(d, p.surface, true, !p.unknown, out)
		}
	}
	return out
}

// clear reports whether the split ps of a word the dictionary knows is
// clearly better than the word: every part has at least minPartKnown letters
// and a stem of at least minStemKnown.
func clear(ps []part) bool {
	for _, p := range ps {
		if utf8.RuneCountInString(p.core) < minPartKnown || utf8.RuneCountInString(p.stem) < minStemKnown {
			return false
		}
	}
	return true
}

// feminine splits a feminine noun in -in or -innen whose base (the word
// without the suffix) is a noun form or splits: it splits the base and puts
// the suffix back on its last part. It reports false if f is no such noun.
func feminine(d *wordSet, f string, out []piece) ([]piece, bool) {
	var base string
	switch {
	case strings.HasSuffix(f, "innen"):
		base = f[:len(f)-5]
	case strings.HasSuffix(f, "in"):
		base = f[:len(f)-2]
	default:
		return out, false
	}
	if utf8.RuneCountInString(base) < minPart || d.lookup(base)&classNoun == 0 && !splits1(d, base) {
		return out, false
	}
	out = decompound(d, base, false, d.lookup(base)&classWord != 0, out)
	// The last part ends the base; with the suffix it ends f.
	last := &out[len(out)-1]
	last.text = f[len(base)-len(last.text):]
	last.stem = text.StemFolded(last.text)
	return out, true
}

// splits1 reports whether the folded word f splits into parts.
func splits1(d *wordSet, f string) bool {
	var sp splitter
	return sp.split(d, f, false, d.lookup(f) == 0) != nil
}

func allLetters(f string) bool {
	for _, r := range f {
		if r < utf8.RuneSelf {
			if r < 'a' || r > 'z' {
				return false
			}
		} else if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// part is one part of a split: surface is the part with its linking s, if
// any, core the part without, stem the stem of core (set only on the parts
// of the best split); end is the offset in the word where the next part
// starts.
type part struct {
	surface, core, stem string
	end                 int
	links               int  // 1 if it ends in a linking s the dictionary does not attest
	unknown             bool // not in the dictionary (see unknownFirst)
}

// splitter finds the best split of one word by dynamic programming over its
// suffixes: best[j] is the best split of f[j:], compared by its cost (the
// number of parts, see unknownCost), then by the number of linking elements
// the dictionary does not attest, then by the lengths of the parts from the
// left.
type splitter struct {
	best [text.MaxTermBytes + 1]struct {
		cost  int  // cost of the best split of f[j:], 0 if there is none
		links int  // its number of unattested linking elements
		long  bool // whether it has a part of at least 4 letters
		part  part // its first part
	}
	cands []part
}

// unknownCost is the cost of a part the dictionary does not know, in known
// parts: a split with such a part is taken only if there is no other.
const unknownCost = 10

// split returns the best split of f into at least two parts, or nil if
// there is none. If modifier is set, the last part may be a first part (f is
// itself the first part of a compound). If unknown is set, the first part
// may be unknown (see unknownFirst).
func (sp *splitter) split(d *wordSet, f string, modifier, unknown bool) []part {
	n := len(f)
	if utf8.RuneCountInString(f) < 2*minPart || n > text.MaxTermBytes {
		return nil
	}
	for j := n - 1; j >= 0; j-- {
		sp.best[j].cost = 0
		if !utf8.RuneStart(f[j]) {
			continue
		}
		sp.cands = candidates(d, f, j, modifier, sp.cands[:0])
		if j == 0 && unknown {
			sp.cands = unknownFirst(f, sp.cands)
		}
		for _, p := range sp.cands {
			cost, links, long := 1, p.links, utf8.RuneCountInString(p.core) >= 4
			if p.unknown {
				cost = unknownCost
			}
			switch {
			case p.end == n:
				if j == 0 { // the word itself is no split
					continue
				}
			case sp.best[p.end].cost > 0:
				cost += sp.best[p.end].cost
				links += sp.best[p.end].links
				long = long || sp.best[p.end].long
			default:
				continue
			}
			if j == 0 && !long {
				continue
			}
			b := &sp.best[j]
			if b.cost == 0 || cost < b.cost || cost == b.cost && (links < b.links || links == b.links && p.end > b.part.end) {
				b.cost, b.links, b.long, b.part = cost, links, long, p
			}
		}
	}
	if sp.best[0].cost == 0 {
		return nil
	}
	var out []part
	for j := 0; j < n; j = sp.best[j].part.end {
		p := sp.best[j].part
		p.stem = text.StemFolded(p.core)
		out = append(out, p)
	}
	return out
}

// candidates appends to out the parts of f that start at byte j and satisfy
// the rules of Decompound, and returns out. A part that ends at len(f) is a
// head (the last part), unless modifier is set; any other part is a first
// part.
func candidates(d *wordSet, f string, j int, modifier bool, out []part) []part {
	n := len(f)
	d.prefixes(f[j:], func(k, lo, hi int) {
		end := j + k
		var class byte
		if len(d.at(lo)) == k {
			class = d.class(lo)
		}
		if end == n && !modifier {
			// A head: a word form, but a form that only a verb or an
			// adjective has (übe, lernst) of at least 4 letters.
			if class&classNoun != 0 || class&classOther != 0 && k >= 4 {
				out = addPart(out, f, j, end, end)
			}
			return
		}
		// A noun in -ierung derived from a verb in -ieren that the
		// dictionary knows but whose noun it lacks (Alphabetisierung from
		// alphabetisieren). Only -ieren: the rule would make Barung of
		// bären and Holung of holen.
		if u := end + 3; u <= n && f[end:u] == "ung" && strings.HasSuffix(f[j:end], "ier") &&
			d.lookupIn(lo, hi, k, "en")&classOther != 0 && d.lookupIn(lo, hi, k, "ung") == 0 {
			switch {
			case u == n || u+2 == n && f[u:] == "en":
				if !modifier {
					out = addPart(out, f, j, n, n)
				} else if u == n {
					out = addPart(out, f, j, u, u)
				}
			case f[u] == 's' && (u+1 < n || modifier):
				out = addPart(out, f, j, u, u+1)
			}
		}
		// A first part: a noun form, a compound-initial form or a verb
		// stem with e (Lese-); the other forms that only verbs and
		// adjectives have (lernst, kleinem) only as restored stems (Lern-,
		// Klein-).
		attested := class&(classNoun|classInitial) != 0 || class&classOther != 0 && verbE(d, f[j:end])
		if !attested && !restored(d, f, j, end, lo, hi) {
			return
		}
		switch {
		case end < n && f[end] == 's' && hasSuffix(f[j:end], sLinked[:]):
			if end+1 < n || modifier {
				out = addPart(out, f, j, end, end+1)
			}
		default:
			out = addPart(out, f, j, end, end)
			// A linking s the dictionary does not attest (Willkommens-,
			// Landrats-): after a first part that ends in a consonant
			// other than a sibilant.
			if end < n && f[end] == 's' && (end+1 < n || modifier) && takesS(f[j:end]) {
				c := len(out)
				if out = addPart(out, f, j, end, end+1); len(out) > c {
					out[c].links = 1
				}
			}
		}
	})
	return out
}

// takesS reports whether a linking s may follow the word form w: w ends in
// a consonant that is not a sibilant (no Fugen-s after s, z, x or sch).
func takesS(w string) bool {
	switch w[len(w)-1] {
	case 'a', 'e', 'i', 'o', 'u', 'y', 's', 'z', 'x':
		return false
	}
	return !strings.HasSuffix(w, "sch")
}

// restored reports whether f[j:end] is a word form without its final -e,
// -en, or -n after -el or -er (Schul-, Lern-, Wander-), where [lo,hi) is the
// range of the dictionary's entries starting with f[j:end]. The next part
// must not begin with the dropped ending, or Termi|n and Funktio|n would be
// parts.
func restored(d *wordSet, f string, j, end, lo, hi int) bool {
	if end-j < minRestored {
		return false
	}
	k, rest := end-j, f[end:]
	if d.lookupIn(lo, hi, k, "e")&classWord != 0 && !strings.HasPrefix(rest, "e") {
		return true
	}
	if d.lookupIn(lo, hi, k, "en")&classWord != 0 && !strings.HasPrefix(rest, "en") {
		return true
	}
	stem := f[j:end]
	return (strings.HasSuffix(stem, "el") || strings.HasSuffix(stem, "er")) &&
		d.lookupIn(lo, hi, k, "n")&classWord != 0 && !strings.HasPrefix(rest, "n")
}

// verbE reports whether w is a verb stem with the e that German puts after
// it in a compound (Lese-, Warte-, Teilhabe-, Bleibe-): w ends in e and w
// without it plus -en is a word form.
func verbE(d *wordSet, w string) bool {
	return len(w) > minPart && w[len(w)-1] == 'e' && d.lookup(w[:len(w)-1]+"en")&classWord != 0
}

// addPart appends the part f[j:end] with core f[j:coreEnd] to out if the
// core is long enough, is no stop word and is no suffix.
func addPart(out []part, f string, j, coreEnd, end int) []part {
	core := f[j:coreEnd]
	if utf8.RuneCountInString(core) < minPart || text.IsStopWord(core) || isSuffix(core) {
		return out
	}
	return append(out, part{surface: f[j:end], core: core, end: end})
}

// isSuffix reports whether the stem of core is one of suffixHeads. Only
// cores that start with one are stemmed: stemming costs more than the rest
// of a candidate, and stems are only needed for the parts of the best split.
func isSuffix(core string) bool {
	for s := range suffixHeads {
		if strings.HasPrefix(core, s) {
			return suffixHeads[text.StemFolded(core)]
		}
	}
	return false
}

// unknownFirst appends to out the first parts of f that the dictionary does
// not know but that end in a suffix requiring the linking s, followed by
// it: Alphabetisierungs|kurs, where the dictionary lacks Alphabetisierung.
// The linking s after these suffixes marks the end of a first part so
// reliably that the part need not be known; such a part costs more than
// any split into known parts.
func unknownFirst(f string, out []part) []part {
	for i := 2 * minPart; i+minPart < len(f); i++ {
		if f[i] == 's' && hasSuffix(f[:i], sLinked[:]) {
			core := f[:i]
			out = append(out, part{surface: f[:i+1], core: core, end: i + 1, unknown: true})
		}
	}
	return out
}

func hasSuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
