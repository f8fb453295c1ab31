package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased and with German spelling variants and
// diacritics folded away, so that the different ways of writing a word meet:
//
//   - Canonically equivalent input folds alike (as if NFC-normalised first):
//     every character is fully decomposed and its combining marks are
//     dropped, so é→e, ç→c, ğ→g, ş→s, å→a, and ä/ö/ü→a/o/u. Hangul
//     syllables are decomposed into their jamo for the same reason.
//   - Letters that do not decompose are mapped by hand: ß (and ẞ)→ss, ı→i,
//     ø→o, ł→l, đ/ð→d, þ→th, ħ→h, ŧ→t, ŀ→l, ſ→s, ς→σ, æ→ae, œ→oe (the last two
//     are then folded again as below).
//   - The transliterations ae/oe/ue fold to a/o/u, so Schueler meets Schüler
//     and Goeppingen meets Göppingen. Two exceptions keep words whose vowels
//     are not umlauts intact: no folding when the a/o/u follows another
//     vowel (a, e, i, o, u, y: Frauen, Bauer, neue, Feuer, Steuer stay as
//     they are), and no folding of ue after q (Quelle, Frequenz, Sequenz).
//     Any run of e after a foldable a/o/u is removed, which makes Fold
//     idempotent. Some loanwords and names fold too although their vowels
//     are separate (Michael→michal, Israel→isral, Poet→pot, aktuell→aktull,
//     Miguel→migul); since queries and documents are folded the same way this
//     only costs the rare collision with a word that really is spelled so.
//     Word-final ue after a consonant is folded as well, so Statue→statu but
//     Statuen→statun no longer share a stem.
//   - Soft hyphens (U+00AD), zero-width joiners/non-joiners and word joiners
//     are removed, so a word hyphenated for layout is found unbroken.
//
// Everything else, including digits, punctuation and letters of other
// scripts, passes through lower-cased. Invalid UTF-8 bytes become U+FFFD.
// Fold(Fold(s)) == Fold(s) for every s.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	f := folder{buf: make([]byte, 0, len(s)+4)}
	f.fold(s)
	return string(f.buf)
}

// isFolded reports, cheaply and conservatively, whether Fold(s) == s: s is
// plain lower-case ASCII without a foldable ae/oe/ue.
func isFolded(s string) bool {
	var prev, prev2 byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
		if c == 'e' && foldsBeforeE(rune(prev), rune(prev2)) {
			return false
		}
		prev2, prev = prev, c
	}
	return true
}

// folder accumulates folded text in buf. It remembers the last two runes it
// wrote so that it can drop the e of a foldable ae/oe/ue.
type folder struct {
	buf         []byte
	prev, prev2 rune
}

func (f *folder) reset() {
	f.buf = f.buf[:0]
	f.prev, f.prev2 = 0, 0
}

// fold appends the folded form of s to f.buf.
func (f *folder) fold(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f.put(rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f.foldRune(r)
	}
}

// foldRune folds one non-ASCII rune.
func (f *folder) foldRune(r rune) {
	if r == utf8.RuneError || isJoiner(r) {
		if r == utf8.RuneError {
			f.put(r)
		}
		return
	}
	l := unicode.ToLower(r)
	if f.special(l) {
		return
	}
	if hangulFirst <= l && l <= hangulLast {
		f.putHangul(l)
		return
	}
	var enc [utf8.UTFMax]byte
	n := utf8.EncodeRune(enc[:], l)
	p := norm.NFD.Properties(enc[:n])
	d := p.Decomposition()
	if d == nil {
		if p.CCC() != 0 || isMark(l) {
			return
		}
		f.put(l)
		return
	}
	for len(d) > 0 {
		x, size := utf8.DecodeRune(d)
		d = d[size:]
		if isMark(x) {
			continue
		}
		x = unicode.ToLower(x)
		if x < utf8.RuneSelf || !f.special(x) {
			f.put(x)
		}
	}
}

// special writes the hand-made folding of a lower-case letter that has no
// canonical decomposition, and reports whether there was one.
func (f *folder) special(r rune) bool {
	switch r {
	case 'ß':
		f.put('s')
		f.put('s')
	case 'ı', 'ø', 'ł', 'đ', 'ð', 'ħ', 'ŧ', 'ŀ', 'ſ', 'ς':
		f.put(specialSingle[r])
	case 'þ':
		f.put('t')
		f.put('h')
	case 'æ':
		f.put('a')
		f.put('e')
	case 'œ':
		f.put('o')
		f.put('e')
	default:
		return false
	}
	return true
}

var specialSingle = map[rune]rune{
	'ı': 'i', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd',
	'ħ': 'h', 'ŧ': 't', 'ŀ': 'l', 'ſ': 's', 'ς': 'σ',
}

// put writes one folded rune, dropping the e of a foldable ae/oe/ue.
func (f *folder) put(r rune) {
	if r == 'e' && foldsBeforeE(f.prev, f.prev2) {
		return
	}
	if r < utf8.RuneSelf {
		f.buf = append(f.buf, byte(r))
	} else {
		f.buf = utf8.AppendRune(f.buf, r)
	}
	f.prev2, f.prev = f.prev, r
}

// foldsBeforeE reports whether an e written after prev (which itself follows
// prev2) is the second letter of a transliterated umlaut.
func foldsBeforeE(prev, prev2 rune) bool {
	switch prev {
	case 'a', 'o':
	case 'u':
		if prev2 == 'q' {
			return false
		}
	default:
		return false
	}
	return !isVowel(prev2)
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// isMark reports whether r is a non-spacing or enclosing combining mark,
// which Fold drops.
func isMark(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// isJoiner reports whether r is an invisible format character that may sit
// inside a word (soft hyphen, ZWNJ, ZWJ, word joiner). Analyze keeps such
// words together and Fold removes the character.
func isJoiner(r rune) bool {
	switch r {
	case '\u00ad', '\u200c', '\u200d', '\u2060':
		return true
	}
	return false
}

// Hangul syllables decompose algorithmically (Unicode §3.12); norm's
// Properties does not report their decomposition.
const (
	hangulFirst  = 0xAC00
	hangulLast   = 0xD7A3
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulTCount = 28
	hangulNCount = 21 * hangulTCount
)

func (f *folder) putHangul(r rune) {
	i := r - hangulFirst
	f.put(hangulLBase + i/hangulNCount)
	f.put(hangulVBase + i%hangulNCount/hangulTCount)
	if t := i % hangulTCount; t != 0 {
		f.put(hangulTBase + t)
	}
}
