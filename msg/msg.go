// Package msg is the message catalogue of the service: every sentence the service sends to
// people (analysis explanations, report texts, export headings, problems, the command line's
// words) is looked up here by key, in German first and English. The catalogue is a set of JSON
// files, one per area (catalogue/*.json), each of the form {"key": {"de": "…", "en": "…"}}, so
// that the web app can use the same words; a key may appear in one file only.
//
// Storage, lookup, the choice of language and the choice of plural forms are go-i18n's
// (github.com/nicksnyder/go-i18n/v2): the files are read once into an i18n.Bundle (German the
// default language, English), language preferences such as an Accept-Language header are
// matched by its localizer, and the plural form by its CLDR rules. What stays ours is the
// syntax of a message, the web app's: {name} is replaced by the named argument,
// {count|one|other} chooses the singular or the plural wording by the number count, with #
// standing for the formatted number. Numbers are formatted for the language (31,5 in German,
// 31.5 in English) without grouping years (2027, not 2.027).
//
// What the package must not do: import anything of the project, read files at run time, or
// fall back silently to a key: a missing key is a programming error that the tests catch.
package msg

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
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

// tags are the languages as go-i18n knows them, in the order of Langs.
var tags = map[Lang]language.Tag{DE: language.German, EN: language.English}

//go:embed catalogue/*.json
var files embed.FS

// catalogue is the bundle of every message and what the package needs to use it.
type catalogue struct {
	// bundle holds each message in each language: under its key as written (what Message
	// returns), and each of its plural choices under choiceID(key, i) with its One and Other
	// forms, so that go-i18n's plural rules pick the form.
	bundle *i18n.Bundle
	// localizers render in one language each: the printers' lookups.
	localizers map[Lang]*i18n.Localizer
	// keys are the keys of the files; the bundle cannot list its messages.
	keys map[string]bool
}

// languageID is the message, in no file, whose text is its language's code: localising it
// tells which language go-i18n chose.
const languageID = "msg:language"

// verbatim hands go-i18n's texts back untouched: the messages are not Go templates, their
// placeholders are substituted by T. Unlike template.IdentityParser it lets go-i18n keep the
// parsed text, which saves an allocation on every lookup.
var verbatim verbatimParser

type verbatimParser struct{}

func (verbatimParser) Cacheable() bool { return true }

func (verbatimParser) Parse(src, _, _ string) (template.ParsedTemplate, error) {
	return verbatimText(src), nil
}

type verbatimText string

func (t verbatimText) Execute(any) (string, error) { return string(t), nil }

var cat = func() *catalogue {
	c, err := load(files)
	if err != nil {
		panic("msg: " + err.Error())
	}
	return c
}()

// load reads every catalogue/*.json of fsys into a new bundle.
func load(fsys fs.FS) (*catalogue, error) {
	c := &catalogue{bundle: i18n.NewBundle(language.German), localizers: map[Lang]*i18n.Localizer{}, keys: map[string]bool{}}
	for _, l := range Langs {
		if err := c.bundle.AddMessages(tags[l], &i18n.Message{ID: languageID, Other: string(l)}); err != nil {
			return nil, err
		}
		c.localizers[l] = i18n.NewLocalizer(c.bundle, string(l))
	}
	names, err := fs.Glob(fsys, "catalogue/*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var part map[string]map[Lang]string
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for key, forms := range part {
			if err := c.add(key, forms); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return c, nil
}

// add puts the message key, in the languages of forms, into the bundle: the text as written,
// and each {n|one|other} as a message of its own with its One and Other forms.
func (c *catalogue) add(key string, forms map[Lang]string) error {
	if c.keys[key] {
		return fmt.Errorf("the key %s is repeated", key)
	}
	for l, text := range forms {
		tag, ok := tags[l]
		if !ok {
			return fmt.Errorf("%s: unknown language %q", key, l)
		}
		if text == "" {
			continue
		}
		messages := []*i18n.Message{{ID: key, Other: text}}
		scan(text, func(i int, p part) {
			if p.choice {
				messages = append(messages, &i18n.Message{ID: choiceID(key, i), One: p.one, Other: p.other})
			}
		})
		if err := c.bundle.AddMessages(tag, messages...); err != nil {
			return err
		}
	}
	c.keys[key] = true
	return nil
}

// choiceID is the bundle's id of the i-th plural choice of the message key.
func choiceID(key string, i int) string { return key + "|" + strconv.Itoa(i) }

// exact returns the message id in language l, without falling back to German.
func (c *catalogue) exact(id string, l Lang) (string, bool) {
	loc, ok := c.localizers[l]
	if !ok {
		return "", false
	}
	text, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateParser: verbatim})
	return text, err == nil && text != ""
}

// Keys returns every key of the catalogue, sorted.
func Keys() []string {
	keys := make([]string, 0, len(cat.keys))
	for k := range cat.keys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { return cat.keys[key] }

// Message returns the raw message of key in language l (German when l has none).
func Message(key string, l Lang) (string, bool) {
	if !cat.keys[key] {
		return "", false
	}
	loc := cat.localizers[l]
	if loc == nil {
		loc = cat.localizers[DE]
	}
	// Without the message in l, go-i18n answers in the default language, German, and says
	// so with a MessageNotFoundErr: that is the fallback wanted here.
	text, err := loc.Localize(&i18n.LocalizeConfig{MessageID: key, TemplateParser: verbatim})
	var notFound *i18n.MessageNotFoundErr
	if err != nil && !errors.As(err, &notFound) {
		return "", false
	}
	return text, text != ""
}

// Parse returns the language a request asks for: an explicit "de" or "en" (e.g. a lang
// parameter) wins, else the best match of an Accept-Language header; German when neither
// says anything or neither asks for a language of the catalogue. go-i18n's localizer does
// the matching (golang.org/x/text/language's matcher over the bundle's languages).
func Parse(explicit, acceptLanguage string) Lang {
	var prefs []string
	if e := strings.TrimSpace(explicit); e != "" {
		prefs = append(prefs, e)
	}
	prefs = append(prefs, acceptLanguage)
	return Lang(i18n.NewLocalizer(cat.bundle, prefs...).MustLocalize(&i18n.LocalizeConfig{MessageID: languageID, TemplateParser: verbatim}))
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
	var b strings.Builder
	b.Grow(len(m) + 32)
	scan(m, func(i int, pt part) {
		v, ok := args[pt.name]
		if pt.name == "" || !ok {
			// Text, or a placeholder without its argument, which stays as written.
			b.WriteString(pt.text)
			return
		}
		text := p.value(v)
		if !pt.choice {
			b.WriteString(text)
			return
		}
		form := p.choose(key, i, v)
		b.WriteString(strings.ReplaceAll(form, "#", text))
	})
	return b.String()
}

// choose returns the form of the i-th plural choice of key for the number v, chosen by
// go-i18n's plural rules of the printer's language (German and English: one for exactly 1,
// other for everything else, 1.5 and 0 included). A v that is no number takes the other form.
func (p Printer) choose(key string, i int, v any) string {
	// TemplateData is set (to nothing) so that go-i18n does not build a map for the count,
	// which the verbatim texts would not use.
	cfg := &i18n.LocalizeConfig{MessageID: choiceID(key, i), TemplateParser: verbatim, TemplateData: noData}
	switch x := v.(type) {
	case int, int64, int32:
		cfg.PluralCount = x
	case float64:
		// The rules look at the number as it is shown: 1.04 shows as 1 and is singular.
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			cfg.PluralCount = plainNum(x, 1)
		}
	}
	form, err := cat.localizers[p.Lang].Localize(cfg)
	if err != nil {
		var notFound *i18n.MessageNotFoundErr
		if !errors.As(err, &notFound) || form == "" {
			panic("msg: " + err.Error())
		}
	}
	return form
}

// noData is the template data of a plural choice: none.
var noData = struct{}{}

// part is a piece of a message: literal text (name empty), a placeholder {name}, or a plural
// choice {name|one|other}.
type part struct {
	text, name, one, other string
	choice                 bool
}

// scan splits a message into its parts in order, calling fn with each part and, for a plural
// choice, its index among the message's choices. A brace that does not start a well-formed
// placeholder is text.
func scan(m string, fn func(choice int, p part)) {
	choices := 0
	for m != "" {
		i := strings.IndexByte(m, '{')
		if i < 0 {
			fn(0, part{text: m})
			return
		}
		end := strings.IndexAny(m[i+1:], "{}")
		if end < 0 || m[i+1+end] != '}' {
			// No placeholder here: the brace is text.
			fn(0, part{text: m[:i+1]})
			m = m[i+1:]
			continue
		}
		inner := m[i+1 : i+1+end]
		name, forms, isChoice := strings.Cut(inner, "|")
		one, other, two := strings.Cut(forms, "|")
		if !isWord(name) || isChoice && (!two || strings.Contains(other, "|")) {
			fn(0, part{text: m[:i+1]})
			m = m[i+1:]
			continue
		}
		if i > 0 {
			fn(0, part{text: m[:i]})
		}
		whole := m[i : i+2+end]
		if isChoice {
			fn(choices, part{text: whole, name: name, one: one, other: other, choice: true})
			choices++
		} else {
			fn(0, part{text: whole, name: name})
		}
		m = m[i+2+end:]
	}
}

// isWord reports whether s is a placeholder's name: ASCII letters, digits and underscores.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
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
	return p.localize(plainNum(x, decimals))
}

// plainNum is x in Go's form with at most decimals places and no trailing zeros.
func plainNum(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
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
	scan(m, func(_ int, p part) {
		if p.name != "" {
			names = append(names, p.name)
		}
	})
	sort.Strings(names)
	return names
}
