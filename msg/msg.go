// Package msg is the message catalogue of the service: every sentence the service sends to
// people (analysis explanations, report texts, export headings) is looked up here by key, in
// German first and English. The catalogue is a set of JSON files, one per area
// (catalogue/*.json), each of the form {"key": {"de": "…", "en": "…"}}, so that the web app
// can read the same words; a key may appear in one file only.
//
// Messages use the web app's placeholder syntax: {name} is replaced by the named argument,
// {count|one|other} chooses the singular or the plural wording by the number count, with #
// standing for the formatted number. Numbers are formatted for the language (31,5 in German,
// 31.5 in English).
//
// What the package must not do: import anything of the project, read files at run time, or
// fall back silently to a key: a missing key is a programming error that the tests catch.
package msg

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Lang is a language of the catalogue.
type Lang string

// The catalogue's languages; German is the source language.
const (
	DE Lang = "de"
	EN Lang = "en"
)

// Langs lists the languages, German first.
var Langs = []Lang{DE, EN}

//go:embed catalogue/*.json
var files embed.FS

// catalogue maps key → language → message.
var catalogue = func() map[string]map[Lang]string {
	c := map[string]map[Lang]string{}
	names, err := fs.Glob(files, "catalogue/*.json")
	if err != nil {
		panic(err)
	}
	for _, name := range names {
		raw, err := files.ReadFile(name)
		if err != nil {
			panic(err)
		}
		var part map[string]map[Lang]string
		if err := json.Unmarshal(raw, &part); err != nil {
			panic("msg: " + name + ": " + err.Error())
		}
		for k, v := range part {
			if _, dup := c[k]; dup {
				panic("msg: " + name + " repeats the key " + k)
			}
			c[k] = v
		}
	}
	return c
}()

// Keys returns every key of the catalogue, sorted.
func Keys() []string {
	keys := make([]string, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := catalogue[key]; return ok }

// Message returns the raw message of key in language l (German when l has none).
func Message(key string, l Lang) (string, bool) {
	m, ok := catalogue[key]
	if !ok {
		return "", false
	}
	if s, ok := m[l]; ok && s != "" {
		return s, true
	}
	s, ok := m[DE]
	return s, ok
}

var matcher = language.NewMatcher([]language.Tag{language.German, language.English})

// Parse returns the language a request asks for: an explicit "de" or "en" (e.g. a lang
// parameter) wins, else the best match of an Accept-Language header; German when neither
// says anything.
func Parse(explicit, acceptLanguage string) Lang {
	switch strings.ToLower(strings.TrimSpace(explicit)) {
	case "de":
		return DE
	case "en":
		return EN
	}
	if acceptLanguage == "" {
		return DE
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return DE
	}
	_, i, _ := matcher.Match(tags...)
	if i == 1 {
		return EN
	}
	return DE
}

// Printer renders messages in one language.
type Printer struct {
	// Lang is the printer's language.
	Lang Lang
}

// For returns the printer of language l.
func For(l Lang) Printer {
	if l != EN {
		l = DE
	}
	return Printer{Lang: l}
}

// Args are the named arguments of a message.
type Args map[string]any

var placeholder = regexp.MustCompile(`\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}`)

// T renders the message of key with args. Numbers (ints and floats) are formatted for the
// language; floats with up to one decimal (use Num or Fixed for other precisions). A missing
// key panics: keys are constants in the code, and the tests check every one of them.
func (p Printer) T(key string, args Args) string {
	m, ok := Message(key, p.Lang)
	if !ok {
		panic("msg: no message " + key)
	}
	if len(args) == 0 {
		return m
	}
	return placeholder.ReplaceAllStringFunc(m, func(whole string) string {
		sub := placeholder.FindStringSubmatch(whole)
		v, ok := args[sub[1]]
		if !ok {
			return whole
		}
		text := p.value(v)
		if sub[2] == "" && sub[3] == "" && !strings.Contains(whole, "|") {
			return text
		}
		form := sub[3]
		if isOne(v) {
			form = sub[2]
		}
		return strings.ReplaceAll(form, "#", text)
	})
}

func isOne(v any) bool {
	switch x := v.(type) {
	case int:
		return x == 1
	case int64:
		return x == 1
	case float64:
		return x == 1
	}
	return false
}

func (p Printer) value(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return p.Int(int64(x))
	case int64:
		return p.Int(x)
	case float64:
		return p.Num(x, 1)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Int formats a whole number with the language's thousands separator (German 12.345,
// English 12,345). Years are not numbers in this sense: pass them as strconv.Itoa.
func (p Printer) Int(n int64) string {
	s := strconv.FormatInt(abs64(n), 10)
	sep := "."
	if p.Lang == EN {
		sep = ","
	}
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && len(s) > 4 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Num formats x with at most decimals places, dropping trailing zeros (31,5; 31; 0,25).
func (p Printer) Num(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return p.localize(s)
}

// Fixed formats x with exactly decimals places (1,50).
func (p Printer) Fixed(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return p.localize(strconv.FormatFloat(x, 'f', decimals, 64))
}

// Signed formats x like Num with a sign always shown (+1,5; −0,5 with a real minus sign).
func (p Printer) Signed(x float64, decimals int) string {
	s := p.Num(math.Abs(x), decimals)
	if s == "0" {
		return "±0"
	}
	if x < 0 {
		return "−" + s
	}
	return "+" + s
}

// localize turns a Go number (digits, '.', optional '-') into the language's form with
// thousands separators.
func (p Printer) localize(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(intPart, 10, 64)
	out := p.Int(n)
	if hasFrac {
		if p.Lang == EN {
			out += "." + frac
		} else {
			out += "," + frac
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Date formats a day: 03.12.2026 in German, 3 December 2026 in English.
func (p Printer) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	if p.Lang == EN {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
	}
	return t.Format("02.01.2006")
}

// Placeholders returns the names of the placeholders of a message, sorted (for tests).
func Placeholders(m string) []string {
	var names []string
	for _, sub := range placeholder.FindAllStringSubmatch(m, -1) {
		names = append(names, sub[1])
	}
	sort.Strings(names)
	return names
}
