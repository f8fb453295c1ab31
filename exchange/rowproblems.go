package exchange

import (
	"errors"
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// How a row records its problems. A problem keeps the English format it was made from and
// its arguments beside the English text, so that Report.Localize can say it in the reader's
// language; fixed sentences are looked up as they are.

// report records a problem of the row, located at the row's file, sheet and line.
func (r *row) report(e RowError) {
	r.bad = true
	e.File, e.Sheet = r.im.where(r.o)
	e.Row = int(r.o.row)
	r.im.fail(e)
}

// fail records a problem said in a fixed sentence.
func (r *row) fail(col, value, code, msg string) { r.failS(col, value, code, msg, nil) }

// failS is fail with suggestions (the closest known names).
func (r *row) failS(col, value, code, msg string, suggestions []string) {
	r.report(RowError{Column: col, Value: value, Message: msg, Code: code, Suggestions: suggestions})
}

// failf records a problem made from an English format and its arguments.
func (r *row) failf(col, value, code, format string, args ...any) {
	r.failSf(col, value, code, nil, format, args...)
}

// failSf is failf with suggestions.
func (r *row) failSf(col, value, code string, suggestions []string, format string, args ...any) {
	r.report(RowError{Column: col, Value: value, Message: fmt.Sprintf(format, args...), Format: format, Args: args,
		Code: code, Suggestions: suggestions})
}

// failField records a validation problem of the store under a column, keeping its format.
func (r *row) failField(col, value, code string, fe graph.FieldError) {
	if fe.Format != "" {
		r.failf(col, value, code, fe.Format, fe.Args...)
		return
	}
	r.fail(col, value, code, fe.Message)
}

// failErr records an error of the store, keeping its format.
func (r *row) failErr(col, value, code string, err error) {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.Format != "" {
		r.failf(col, value, code, ge.Format, ge.Args...)
		return
	}
	r.fail(col, value, code, graph.ErrorMessage(err))
}

// fieldErrors reports the validation errors of a node under the columns of its fields.
func (r *row) fieldErrors(err error) {
	fes := graph.FieldErrors(err)
	if len(fes) == 0 {
		r.failErr("", "", CodeInvalid, err)
		return
	}
	for _, fe := range fes {
		col, value := r.columnOf(fe.Field)
		r.failField(col, value, CodeInvalid, fe)
	}
}
