package graph

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Visibility says who may read a node.
type Visibility string

// Visibilities.
const (
	// Public nodes are part of the public transparency map of a public region.
	Public Visibility = "public"
	// Internal nodes are seen only by signed-in members of the region.
	Internal Visibility = "internal"
)

// Meta is the part every node shares. Stores set everything but Visibility (and, for kinds
// keyed by official numbers, ID).
type Meta struct {
	// ID identifies the node: a region key, an AGS, or a prefixed ULID such as "org_01J…".
	ID string `json:"id"`
	// Version counts the node's writes, starting at 1; updates must name the version they read.
	Version int64 `json:"version"`
	// CreatedAt is when the node was first stored (UTC).
	CreatedAt time.Time `json:"created_at"`
	// UpdatedAt is when the node was last changed (UTC).
	UpdatedAt time.Time `json:"updated_at"`
	// Visibility is public or internal; it defaults to public (internal for actors).
	Visibility Visibility `json:"visibility"`
}

// Base returns the shared part; it lets generic code reach Meta through the Entity interface.
func (m *Meta) Base() *Meta { return m }

// Entity is implemented by every node type (as a pointer).
type Entity interface {
	// EntityKind tells the node type.
	EntityKind() Kind
	// Base returns the shared metadata for reading and writing.
	Base() *Meta
	// RegionKey is the region the node belongs to: its own key for a Region, "" for a
	// target group shared by all regions.
	RegionKey() string
	// Normalize trims text and fills defaults; stores call it before Validate.
	Normalize()
	// Validate checks the node's own fields (no lookups) and returns an EINVALID *Error that
	// names every bad field.
	Validate() error
	// References lists the other nodes that the node's properties point to; they must exist.
	References() []Ref
	// Clone returns a deep copy.
	Clone() Entity
}

// Ref is a reference from a property to another node.
type Ref struct {
	// Field is the JSON path of the property holding the reference.
	Field string
	// Kind is the kind the referenced node must have.
	Kind Kind
	// ID is the referenced node.
	ID string
}

// Prepare normalises e and validates it, including that its id fits its kind.
func Prepare(e Entity) error {
	e.Normalize()
	var p problems
	m := e.Base()
	if m.ID != "" {
		if k, ok := KindOfID(m.ID); !ok || k != e.EntityKind() {
			p.add("id", "%q is not a valid %s id", m.ID, e.EntityKind())
		}
	} else if ki, _ := e.EntityKind().Info(); ki.Prefix == "" {
		p.add("id", "is required")
	}
	switch m.Visibility {
	case Public, Internal:
	default:
		p.add("visibility", "must be public or internal")
	}
	if err := e.Validate(); err != nil {
		p = append(p, FieldErrors(err)...)
	}
	return p.err(string(e.EntityKind()))
}

// regionRef is the reference every region-scoped node has to its region.
func regionRef(key string) []Ref {
	if key == "" {
		return nil
	}
	return []Ref{{Field: "region", Kind: KindRegion, ID: key}}
}

// trim prepares texts for validation and storage: surrounding white space goes, and the text
// is put into Unicode normalisation form C, so that "Mu\u0308nster" typed on one system and
// "Münster" typed on another are the same name, compare equal and are found by one search.
func trim(ss ...*string) {
	for _, s := range ss {
		*s = norm.NFC.String(strings.TrimSpace(*s))
	}
}

func defaultVisibility(m *Meta, v Visibility) {
	if m.Visibility == "" {
		m.Visibility = v
	}
}
