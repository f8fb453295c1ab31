package graph

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes: a small vocabulary that the API maps to HTTP status codes.
const (
	EINVALID      = "invalid"      // the input breaks a rule; FieldErrors say which field
	ENOTFOUND     = "not_found"    // the entity does not exist
	ECONFLICT     = "conflict"     // version mismatch, duplicate key, or a delete rule forbids it
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials fine, permission missing
	EUNAVAILABLE  = "unavailable"  // the store cannot serve now (disk full, database down)
	EINTERNAL     = "internal"     // a bug or an unexpected failure; details go to the log only
)

// FieldError names one field of the input and what is wrong with it.
type FieldError struct {
	// Field is the JSON name of the field, with a path for nested values ("values[2].year").
	Field string `json:"field"`
	// Message says what is wrong, in words a user can act on (English).
	Message string `json:"message"`
	// Format and Args are what Message was made from, so that a reader's language can be
	// chosen when the error is shown (msg.Printer.Format); empty for messages made otherwise.
	Format string `json:"-"`
	Args   []any  `json:"-"`
}

// Error is the domain error every package returns for expected failures.
type Error struct {
	// Code is one of the E* constants.
	Code string
	// Message is safe to show to the user (English).
	Message string
	// Format and Args are what Message was made from (see FieldError).
	Format string
	Args   []any
	// Fields lists per-field problems for EINVALID.
	Fields []FieldError
	// Current carries the current version on a version conflict, so a client can reload.
	Current int64
	// Err is the underlying cause, for logs only; never shown to users.
	Err error
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Code)
	b.WriteString(": ")
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// ErrorCode returns the code of err: the Code of an *Error in its chain, EINTERNAL for any
// other non-nil error, and "" for nil. Context cancellation is reported as EUNAVAILABLE.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; anything that is not an *Error
// becomes "internal error" so that internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// FieldErrors returns the per-field problems carried by err, if any.
func FieldErrors(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// problems collects field errors during validation.
type problems []FieldError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// err returns nil when nothing was collected, otherwise an EINVALID error naming every field.
func (p problems) err(what string) error {
	if len(p) == 0 {
		return nil
	}
	fields := make([]string, len(p))
	for i, f := range p {
		fields[i] = f.Field
	}
	const format = "invalid %s: check %s"
	list := strings.Join(fields, ", ")
	return &Error{Code: EINVALID, Message: fmt.Sprintf(format, what, list), Format: format, Args: []any{what, list}, Fields: p}
}
