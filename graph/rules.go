package graph

import (
	"bytes"
	"encoding/json"
	"time"
)

// CheckUpdate applies the rules for replacing old by new that go beyond a node's own fields:
// the kind and the region never change (relationships stay within one region, and a
// municipality's region is part of its AGS).
func CheckUpdate(old, new Entity) error {
	var p problems
	if old.EntityKind() != new.EntityKind() {
		p.add("id", "%s is a %s, not a %s", old.Base().ID, old.EntityKind(), new.EntityKind())
	} else if old.RegionKey() != new.RegionKey() {
		p.add("region", "cannot be changed (it is %q); create the entry in the other region instead", old.RegionKey())
	}
	return p.err(string(new.EntityKind()))
}

// SameContent reports whether a and b have equal properties, ignoring id, version and
// timestamps (visibility counts). Upserts use it to leave unchanged nodes alone.
func SameContent(a, b Entity) bool {
	if a.EntityKind() != b.EntityKind() {
		return false
	}
	return bytes.Equal(contentJSON(a), contentJSON(b))
}

func contentJSON(e Entity) []byte {
	c := e.Clone()
	m := c.Base()
	m.ID, m.Version = "", 0
	m.CreatedAt, m.UpdatedAt = zeroTime, zeroTime
	b, _ := json.Marshal(c)
	return b
}

// RefError returns the EINVALID error for a reference to a node that does not exist.
func RefError(what string, r Ref) error {
	return &Error{Code: EINVALID, Message: "invalid " + what + ": " + string(r.Kind) + " " + quote(r.ID) + " does not exist",
		Fields: []FieldError{{Field: r.Field, Message: string(r.Kind) + " " + quote(r.ID) + " does not exist",
			Format: "%s %q does not exist", Args: []any{string(r.Kind), short(r.ID)}}}}
}

var zeroTime = time.Time{}
