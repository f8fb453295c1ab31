package msg

import "fmt"

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
	if m, ok := catalogue[problemKey(format)][p.Lang]; ok && m != "" {
		format = m
	}
	return fmt.Sprintf(format, args...)
}

// HasFormat reports whether the catalogue holds format in every language.
func HasFormat(format string) bool {
	m, ok := catalogue[problemKey(format)]
	return ok && m[DE] != "" && m[EN] == format
}

// Literal renders a problem written without a format (a fixed sentence) in the printer's
// language, or returns it as it is when the catalogue does not know it.
func (p Printer) Literal(message string) string {
	if m, ok := catalogue[problemKey(message)][p.Lang]; ok && m != "" {
		return m
	}
	return message
}
