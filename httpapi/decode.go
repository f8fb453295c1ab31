package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// maxBody bounds request bodies outside imports.
const maxBody = 1 << 20

// statusError is a client error whose status is not one of the domain codes' (413, 415).
type statusError struct {
	status int
	field  string
	msg    string
	// format and args are what msg was made from, for the reader's language (see localize).
	format string
	args   []any
}

// statusErrorf is a statusError made from an English format and its arguments.
func statusErrorf(status int, field, format string, args ...any) *statusError {
	return &statusError{status: status, field: field, msg: fmt.Sprintf(format, args...), format: format, args: args}
}

func (e *statusError) Error() string { return e.field + ": " + e.msg }

// decodeJSON reads one JSON value from the body into dst, strictly: the content type must be
// JSON, unknown fields, wrong types, trailing data and bodies over limit are errors that
// name the field and say what to fix.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return statusErrorf(http.StatusUnsupportedMediaType, "Content-Type", "is %q; send application/json", ct)
		}
	}
	// The body is read whole (it is at most limit bytes) and its nesting checked before the
	// decoder sees it.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		return jsonError(err, limit)
	}
	if at := tooDeep(body, maxJSONDepth); at >= 0 {
		return invalid("body", "nests arrays and objects more than %d levels deep (at byte %d)", maxJSONDepth, at)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err, limit)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return invalid("body", "holds more than one JSON value; send exactly one object")
	}
	return nil
}

// maxJSONDepth bounds how deeply a request body's arrays and objects nest. The deepest body
// the API takes — a change set whose node is a municipality with a MultiPolygon — nests 7
// levels; encoding/json's own bound is 10,000.
const maxJSONDepth = 64

// tooDeep returns the offset of the first bracket of b that opens more than limit levels of
// arrays and objects, or -1. Brackets inside strings do not count; b need not be valid JSON.
func tooDeep(b []byte, limit int) int {
	depth := 0
	inString, escaped := false, false
	for i, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > limit {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return -1
}

// jsonError turns a decoding error into one that names the field.
func jsonError(err error, limit int64) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return statusErrorf(http.StatusRequestEntityTooLarge, "body", "is larger than %d bytes", limit)
	case errors.Is(err, io.EOF):
		return invalid("body", "is empty; send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("body", "ends in the middle of the JSON value")
	case errors.As(err, &syn):
		return invalid("body", "is not valid JSON at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return invalid("body", "must be a JSON %s, not %s", jsonType(typ.Type.Kind().String()), typ.Value)
		}
		return invalid(field, "must be %s, not %s", jsonType(typ.Type.String()), typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		if name == "" {
			return invalid("body", "has a field with an empty name")
		}
		return invalid(name, "is not a known field")
	}
	return invalid("body", "cannot be read: %v", err)
}

// jsonType names a Go type the way a JSON author thinks of it.
func jsonType(goType string) string {
	switch {
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "a number"
	case goType == "string" || strings.HasSuffix(goType, "Date") || strings.HasSuffix(goType, "Kind") || strings.HasSuffix(goType, "Visibility"):
		return "a string"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map"), goType == "struct", strings.Contains(goType, "."):
		return "an object"
	}
	return goType
}

// problemsList collects field errors of a request.
type problemsList []graph.FieldError

func (p *problemsList) add(field, msg string) {
	*p = append(*p, graph.FieldError{Field: field, Message: msg})
}

func (p problemsList) err(what string) error {
	if len(p) == 0 {
		return nil
	}
	return &graph.Error{Code: graph.EINVALID, Message: "invalid " + what, Fields: p}
}

func itoa(n int) string { return strconv.Itoa(n) }
