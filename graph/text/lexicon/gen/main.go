// Command gen derives the data files of package lexicon from the Debian
// packages wngerman, hunspell-de-de and openthesaurus-de-text:
//
//	apt-get install wngerman hunspell-de-de openthesaurus-de-text
//	go generate ./graph/text/lexicon   # or: cd graph/text/lexicon && go run ./gen
//
// It writes data/parts.txt.gz (the word forms that may be parts of a compound)
// and data/synsets.txt.gz (the synonym sets), both deterministic: the same
// input files give byte-identical output. The rules are documented in
// data/README.md; the figures it prints go there too. Nothing here runs at
// run time: the program that uses package lexicon embeds the derived files.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	var src sources
	flag.StringVar(&src.wordlist, "ngerman", "/usr/share/dict/ngerman", "word list of package wngerman")
	flag.StringVar(&src.hunspell, "hunspell", "/usr/share/hunspell/de_DE.dic", "dictionary of package hunspell-de-de")
	flag.StringVar(&src.thesaurus, "thesaurus", "/usr/share/openthesaurus-de/openthesaurus.txt", "text thesaurus of package openthesaurus-de-text")
	out := flag.String("out", "data", "folder of the derived files")
	flag.Parse()
	if err := run(src, *out, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

// sources are the paths of the Debian files.
type sources struct{ wordlist, hunspell, thesaurus string }

// run writes the derived files into the folder out and the figures of the
// rules to w.
func run(src sources, out string, w io.Writer) error {
	parts, pstats, err := buildParts(src.wordlist, src.hunspell)
	if err != nil {
		return err
	}
	header := fmt.Sprintf("# derived from wngerman %s and hunspell-de-de %s (igerman98, GPL-2+) by graph/text/lexicon/gen; see README.md\n",
		debVersion("wngerman"), debVersion("hunspell-de-de"))
	if err := writeGzip(filepath.Join(out, "parts.txt.gz"), header, parts, w); err != nil {
		return err
	}
	pstats.print(w)

	sets, sstats, err := buildSynsets(src.thesaurus)
	if err != nil {
		return err
	}
	header = fmt.Sprintf("# derived from openthesaurus-de-text %s (OpenThesaurus, LGPL-2.1+) by graph/text/lexicon/gen; see README.md\n",
		debVersion("openthesaurus-de-text"))
	if err := writeGzip(filepath.Join(out, "synsets.txt.gz"), header, sets, w); err != nil {
		return err
	}
	sstats.print(w)
	return nil
}

// debVersion returns the installed version of a Debian package, or
// "(version unknown)" where dpkg-query is missing.
func debVersion(pkg string) string {
	b, err := exec.Command("dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil || len(b) == 0 {
		return "(version unknown)"
	}
	return string(b)
}

// writeGzip writes header and then lines, one a line, gzip-compressed with
// an empty gzip header (no name, no time), so that the output depends on the
// input only.
func writeGzip(path, header string, lines []string, w io.Writer) error {
	var raw bytes.Buffer
	raw.WriteString(header)
	for _, l := range lines {
		raw.WriteString(l)
		raw.WriteByte('\n')
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d lines, %d bytes raw, %d bytes gzip\n", filepath.Base(path), len(lines), raw.Len(), buf.Len())
	return nil
}

// readLines calls fn with every line of the file at path.
func readLines(path string, fn func(line string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (install the Debian package, see the package documentation)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		fn(sc.Text())
	}
	return sc.Err()
}

// stats counts what the rules kept and dropped, for README.md.
type stats struct {
	name   string
	counts map[string]int
	order  []string
}

func newStats(name string) *stats { return &stats{name: name, counts: map[string]int{}} }

func (s *stats) add(key string, n int) {
	if _, ok := s.counts[key]; !ok {
		s.order = append(s.order, key)
	}
	s.counts[key] += n
}

func (s *stats) print(w io.Writer) {
	fmt.Fprintf(w, "%s:\n", s.name)
	for _, k := range s.order {
		fmt.Fprintf(w, "  %-58s %8d\n", k, s.counts[k])
	}
}

// isAcronym reports whether w has a second upper-case letter (ABM, AOK,
// CDs, GmbH): abbreviations and acronyms are not parts of compounds.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 1
}

// isLetters reports whether w consists of letters only.
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// Word classes of the parts file, a bit each; a line of the file is a folded
// word, a space and the sum of its classes as one digit.
const (
	classNoun    = 1 // a form of a noun (capitalised in the word list)
	classOther   = 2 // a form of another word (verb, adjective, adverb)
	classInitial = 4 // a compound-initial form of hunspell (Sprach, Beratungs)
)

// buildParts returns the lines of the parts file: every word form that may
// be a part of a compound, folded as graph/text folds, sorted, with its
// classes:
//
//   - every word of the word list (all inflected forms, lexicalised
//     compounds included): nouns (capitalised) and others;
//   - every entry of the hunspell dictionary: the compound-initial forms
//     (entries with its NEEDAFFIX flag h, such as Sprach, Schul, Näh,
//     Beratungs), which are not words of their own and so are missing from
//     the word list, and the other entries as words (a few, such as the
//     plural noun Kosten, are missing from the word list too), except the
//     lower-case copies of nouns for the middle of compounds (flag o).
//
// Dropped: acronyms and abbreviations (a second capital letter: ABM, AOK,
// CDs), words with characters other than letters, stop words, and forms
// shorter than three letters after folding.
func buildParts(wordlist, hunspell string) ([]string, *stats, error) {
	st := newStats("parts")
	class := map[string]byte{}
	add := func(word string, c byte, kind string) {
		st.add(kind+": read", 1)
		if !isLetters(word) || isAcronym(word) {
			st.add(kind+": dropped, acronym or not letters", 1)
			return
		}
		f := text.Fold(word)
		if text.IsStopWord(f) {
			st.add(kind+": dropped, stop word", 1)
			return
		}
		if utf8.RuneCountInString(f) < 3 {
			st.add(kind+": dropped, shorter than 3 letters", 1)
			return
		}
		if class[f] == 0 {
			st.add(kind+": new forms", 1)
		}
		class[f] |= c
	}
	err := readLines(wordlist, func(w string) {
		w = strings.TrimSpace(w)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			add(w, classNoun, "word list, nouns")
		} else if w != "" {
			add(w, classOther, "word list, other words")
		}
	})
	if err != nil {
		return nil, nil, err
	}
	first := true
	err = readLines(hunspell, func(l string) {
		if first { // the first line is the number of entries
			first = false
			return
		}
		if l == "" || l[0] == '\t' || l[0] == ' ' { // the licence header
			return
		}
		word, flags, _ := strings.Cut(l, "/")
		switch r, _ := utf8.DecodeRuneInString(word); {
		case strings.ContainsRune(flags, 'o'):
			// ONLYINCOMPOUND: a lower-case copy of a noun for the middle
			// of a compound (werkstatt/ozm), not a word of its own.
		case strings.ContainsRune(flags, 'h'):
			add(word, classInitial, "hunspell, compound-initial forms (flag h)")
		case unicode.IsUpper(r):
			add(word, classNoun, "hunspell, nouns")
		default:
			add(word, classOther, "hunspell, other words")
		}
	})
	if err != nil {
		return nil, nil, err
	}
	words := make([]string, 0, len(class))
	for w := range class {
		words = append(words, w)
	}
	slices.Sort(words)
	out := make([]string, len(words))
	n := [8]int{}
	for i, w := range words {
		out[i] = fmt.Sprintf("%s %d", w, class[w])
		n[class[w]]++
	}
	st.add("forms written", len(out))
	st.add("  nouns only", n[classNoun])
	st.add("  other words only", n[classOther])
	st.add("  nouns and other words", n[classNoun|classOther])
	st.add("  compound-initial only", n[classInitial])
	st.add("  compound-initial and words", n[classInitial|classNoun]+n[classInitial|classOther]+n[7])
	return out, st, nil
}

// buildSynsets reads the thesaurus and returns the kept synonym sets, each a
// sorted, space-separated list of distinct stems, in the order of the file.
// The rules (see README.md) are:
//
//   - annotations in parentheses are removed ("Bude (ugs.)" → Bude,
//     "(eine Regel) mit den Füßen treten" → mit den Füßen treten), and
//     entries ending in "..." (word fragments such as Deputat...) dropped;
//   - an entry is a single word when graph/text's Analyze finds exactly one
//     term in it and it has no space; its stem is that term. Multi-word
//     entries are not used (their head nouns are mostly the generic part:
//     "finanzielle Mittel" → Mittel, "helfende Hand" → Hand);
//   - a set is dropped when more than maxMultiShare of its entries are
//     multi-word phrases (idioms), when one of its single words is a stop
//     word (sets of particles and conjunctions), or when it has more than
//     maxSetStems distinct stems (too general to tell texts apart);
//   - a set left with fewer than two distinct stems is dropped, and so is a
//     set whose stems all belong to a set already kept (duplicates).
func buildSynsets(path string) ([]string, *stats, error) {
	st := newStats("synsets")
	var out []string
	kept := map[string]bool{}
	err := readLines(path, func(l string) {
		if l == "" || strings.HasPrefix(l, "#") {
			return
		}
		st.add("sets read", 1)
		var stems []string
		single, multi, stop := 0, 0, false
		for _, e := range strings.Split(l, ";") {
			e = stripParens(e)
			if e == "" || strings.HasSuffix(e, "...") || strings.HasSuffix(e, "…") {
				continue
			}
			if strings.ContainsAny(e, " \t") {
				multi++
				continue
			}
			ws := text.Words(e)
			if len(ws) == 1 && text.IsStopWord(ws[0].Term) {
				stop = true
				continue
			}
			terms := text.Terms(e)
			if len(terms) != 1 {
				multi++
				continue
			}
			single++
			stems = append(stems, terms[0])
		}
		st.add("entries read: single words", single)
		st.add("entries read: multi-word phrases (not used)", multi)
		slices.Sort(stems)
		stems = slices.Compact(stems)
		switch {
		case stop:
			st.add("sets dropped: a member is a stop word", 1)
		case multi*100 > maxMultiShare*(single+multi):
			st.add(fmt.Sprintf("sets dropped: more than %d%% multi-word entries", maxMultiShare), 1)
		case len(stems) > maxSetStems:
			st.add(fmt.Sprintf("sets dropped: more than %d stems", maxSetStems), 1)
		case len(stems) < 2:
			st.add("sets dropped: fewer than 2 distinct stems", 1)
		default:
			key := strings.Join(stems, " ")
			if kept[key] {
				st.add("sets dropped: same stems as a kept set", 1)
				return
			}
			kept[key] = true
			out = append(out, key)
			st.add("sets kept", 1)
			st.add("memberships (stem in set) kept", len(stems))
		}
	})
	if err != nil {
		return nil, nil, err
	}
	distinct := map[string]bool{}
	for _, s := range out {
		for _, t := range strings.Fields(s) {
			distinct[t] = true
		}
	}
	st.add("distinct stems in kept sets", len(distinct))
	return out, st, nil
}

const (
	// maxMultiShare is the largest share, in per cent, of multi-word
	// entries a set may have.
	maxMultiShare = 50
	// maxSetStems is the largest number of distinct stems a set may have.
	maxSetStems = 20
)

// stripParens removes every parenthesised annotation from e, and the space
// around it, and trims e.
func stripParens(e string) string {
	if !strings.Contains(e, "(") {
		return strings.TrimSpace(e)
	}
	var b strings.Builder
	depth := 0
	for _, r := range e {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
