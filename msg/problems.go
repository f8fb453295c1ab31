package msg

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// Problems — what is wrong with a request, a field, an import row — are written where they
// are found as English fmt formats with their arguments (graph.FieldError, graph.Error). The
// catalogue holds each format under the key "problem:" + the English format
// (catalogue/problems.json) with its German form, which takes the same arguments in the same
// order (explicit indexes like %[2]s where German puts them elsewhere).

// problemKey is the catalogue key of a problem's format.
func problemKey(format string) string { return "problem:" + format }

// Format renders a problem in the printer's language: the catalogue's form of format with
// args, or format itself (English) when the catalogue does not know it.
func (p Printer) Format(format string, args ...any) string {
	if m, ok := cat.exact(problemKey(format), p.Lang); ok {
		args = p.words(format, args)
		format = m
	}
	return fmt.Sprintf(format, args...)
}

// verbs matches the verbs of a format.
var verbs = regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// words puts the arguments that are words of the catalogue ("word:" + the English word: the
// kinds of entries, "organisation", "measure", …) into the printer's language; the others
// stay as they are. Only arguments of a %s in the English format count: a %q quotes what
// someone wrote, which stays as written.
func (p Printer) words(format string, args []any) []any {
	var out []any
	vs := verbs.FindAllString(strings.ReplaceAll(format, "%%", ""), -1)
	for i, a := range args {
		if i >= len(vs) || !strings.HasSuffix(vs[i], "s") {
			continue
		}
		v := reflect.ValueOf(a)
		if !v.IsValid() || v.Kind() != reflect.String {
			continue
		}
		m, ok := cat.exact("word:"+v.String(), p.Lang)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = m
	}
	if out == nil {
		return args
	}
	return out
}

// HasFormat reports whether the catalogue holds format in every language.
func HasFormat(format string) bool {
	de, okDE := cat.exact(problemKey(format), DE)
	en, okEN := cat.exact(problemKey(format), EN)
	return okDE && okEN && de != "" && en == format
}

// Literal renders a problem written without a format (a fixed sentence) in the printer's
// language, or returns it as it is when the catalogue does not know it.
func (p Printer) Literal(message string) string {
	if m, ok := cat.exact(problemKey(message), p.Lang); ok {
		return m
	}
	return message
}
