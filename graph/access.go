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
	return &Error{Code: ENOTFOUND, Message: string(k) + " " + quote(id) + " does not exist",
		Format: "%s %q does not exist", Args: []any{string(k), short(id)}}
}

// VersionConflict returns the ECONFLICT error for a stale update.
func VersionConflict(k Kind, id string, expected, current int64) error {
	return &Error{Code: ECONFLICT, Current: current,
		Message: string(k) + " " + quote(id) + " was changed by someone else: you edited version " + itoa(expected) + ", the current version is " + itoa(current) + "; reload and apply your change again",
		Format:  "%s %q was changed by someone else: you edited version %d, the current version is %d; reload and apply your change again",
		Args:    []any{string(k), short(id), expected, current}}
}

func quote(s string) string { return "\"" + short(s) + "\"" }

// short cuts what someone wrote to 80 bytes for a message.
func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
