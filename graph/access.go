package graph

import (
	"context"
	"strconv"
)

// GetAs returns the node with the given id as its concrete type, e.g.
// GetAs[*Measure](ctx, s, "msr_…"); the kind comes from the id.
func GetAs[T Entity](ctx context.Context, s Store, id string) (T, error) {
	var zero T
	k, ok := KindOfID(id)
	if !ok {
		return zero, &Error{Code: ENOTFOUND, Message: "no node with id " + quote(id)}
	}
	e, err := s.Get(ctx, k, id)
	if err != nil {
		return zero, err
	}
	t, ok := e.(T)
	if !ok {
		return zero, &Error{Code: ENOTFOUND, Message: "no node of that type with id " + quote(id)}
	}
	return t, nil
}

// NotFound returns the ENOTFOUND error for a node.
func NotFound(k Kind, id string) error {
	return &Error{Code: ENOTFOUND, Message: string(k) + " " + quote(id) + " does not exist"}
}

// VersionConflict returns the ECONFLICT error for a stale update.
func VersionConflict(k Kind, id string, expected, current int64) error {
	return &Error{Code: ECONFLICT, Current: current,
		Message: string(k) + " " + quote(id) + " was changed by someone else: you edited version " + itoa(expected) + ", the current version is " + itoa(current) + "; reload and apply your change again"}
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return "\"" + s + "\""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
