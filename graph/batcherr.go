package graph

import (
	"errors"
	"fmt"
)

type opError struct {
	index int
	err   error
}

// batchError reports failed operations: a single operation's error as it is, several as
// one error whose fields are prefixed with the operation's index ("ops[3].title").
func batchError(nops int, errs []opError) error {
	if nops == 1 {
		return errs[0].err
	}
	code := ErrorCode(errs[0].err)
	var fields []FieldError
	for _, oe := range errs {
		if ErrorCode(oe.err) != code {
			code = EINVALID
		}
		prefix := fmt.Sprintf("ops[%d]", oe.index)
		fe := FieldErrors(oe.err)
		if len(fe) == 0 {
			fields = append(fields, FieldError{Field: prefix, Message: ErrorMessage(oe.err)})
		}
		for _, f := range fe {
			f.Field = prefix + "." + f.Field // Format and Args stay, for the reader's language
			fields = append(fields, f)
		}
	}
	if code == EINTERNAL {
		return errs[0].err
	}
	out := &Error{Code: code, Fields: fields,
		Message: fmt.Sprintf("%d of %d operations failed; nothing was written", len(errs), nops)}
	var ge *Error
	if len(errs) == 1 && errors.As(errs[0].err, &ge) && ge.Current > 0 {
		// One version conflict: the caller needs the current version to offer a reload.
		out.Current, out.Message = ge.Current, ge.Message
	}
	return out
}
