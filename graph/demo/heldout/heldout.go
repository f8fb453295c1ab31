package heldout

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// RegionKey is the Kreisschlüssel of the Kreis Lippe, the county of the set.
const RegionKey = "05766"

// ReferenceDate is the day the set describes: measures running on it are active, those that
// start later are planned, those that ended before it completed.
const ReferenceDate = "2026-03-01"

// seed seeds the random choices of the ordinary offers (towns, providers, dates, structure).
const seed = 0x4c69707065486f6c

// epoch is the timestamp part of every id; ids must not depend on the clock.
var epoch = time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)

// Set is the held-out data set: the nodes in graph.Kinds order (every reference points to a
// node before it), the relationships, and the ground truth.
type Set struct {
	Nodes     []graph.Entity
	Relations []graph.Relation
	Truth     Truth

	// concept maps a measure id to the kind of offer it is, for the tests' check that no
	// offer meets an unlabelled twin.
	concept map[string]string
}

// Dataset returns the held-out set. Every call returns the same data.
func Dataset() *Set {
	b := newBuilder()
	b.build()
	return b.set()
}

// Snapshot returns the set as a store would give it for the region: every node normalised,
// each kind and the relationships ordered by id. The nodes are copies; the caller may keep
// them.
func (s *Set) Snapshot() *graph.Snapshot {
	snap := &graph.Snapshot{Region: RegionKey}
	for _, e := range s.Nodes {
		c := e.Clone()
		c.Normalize()
		snap.Add(c)
	}
	sortByID(snap.Regions)
	sortByID(snap.Municipalities)
	sortByID(snap.Fields)
	sortByID(snap.TargetGroups)
	sortByID(snap.Organisations)
	sortByID(snap.Measures)
	for _, r := range s.Relations {
		r.Normalize()
		snap.Relations = append(snap.Relations, r)
	}
	graph.SortRelations(snap.Relations)
	return snap
}

// Batch returns the set as one all-or-nothing write: the nodes as upserts, then the
// relationships. Applying it twice changes nothing the second time.
func (s *Set) Batch() *graph.Batch {
	ops := make([]graph.Op, 0, len(s.Nodes)+len(s.Relations))
	for _, e := range s.Nodes {
		ops = append(ops, graph.Op{Action: graph.OpUpsert, Entity: e.Clone()})
	}
	for _, r := range s.Relations {
		ops = append(ops, graph.Op{Action: graph.OpRelate, Relation: r})
	}
	return &graph.Batch{Ops: ops, Summary: "held-out duplicate set (Kreis Lippe)", Message: &graph.Message{Key: "audit.heldout"}}
}

func sortByID[E graph.Entity](es []E) {
	slices.SortFunc(es, func(a, b E) int { return cmp.Compare(a.Base().ID, b.Base().ID) })
}

// keyedID returns the id of the node with natural key key: the random part of the ULID is a
// hash of kind and key, so ids stay put when nodes are added, and reveal nothing about which
// measures belong together.
func keyedID(k graph.Kind, key string) string {
	sum := sha256.Sum256([]byte("heldout\x00" + string(k) + "\x00" + key))
	return graph.IDAt(k, epoch, bytes.NewReader(sum[:]))
}

// builder collects the nodes and relationships.
type builder struct {
	r         *rand.Rand
	byKind    map[graph.Kind][]graph.Entity
	rels      []graph.Relation
	offers    map[string]*offer         // by key: every measure's specification
	measures  map[string]*graph.Measure // by key
	order     []string                  // offer keys in the order made
	reserved  map[string]bool           // town + "/" + concept: a measure of the kind is there
	orgTowns  map[string]map[string]bool
	truth     Truth
	conceptOf map[string]string // measure id → concept
}

func newBuilder() *builder {
	return &builder{
		r:         rand.New(rand.NewPCG(seed, 1)),
		byKind:    map[graph.Kind][]graph.Entity{},
		offers:    map[string]*offer{},
		measures:  map[string]*graph.Measure{},
		reserved:  map[string]bool{},
		orgTowns:  map[string]map[string]bool{},
		conceptOf: map[string]string{},
	}
}

func (b *builder) build() {
	b.places()
	b.organisations()
	for _, d := range duplicateSets {
		b.addOffer(d.a)
		b.addOffer(d.b)
	}
	for _, o := range extraOffers {
		b.addOffer(o)
	}
	for _, n := range negativeSets {
		for _, o := range []offer{n.a, n.b} {
			if !o.ref {
				b.addOffer(o)
			}
		}
	}
	b.ordinary()
	b.activeIn()
	b.truth = b.makeTruth()
}

func (b *builder) add(e graph.Entity) { b.byKind[e.EntityKind()] = append(b.byKind[e.EntityKind()], e) }

func (b *builder) relate(t graph.RelType, from, to string, props graph.RelProps) {
	b.rels = append(b.rels, graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: props})
}

func (b *builder) set() *Set {
	var nodes []graph.Entity
	for _, ki := range graph.Kinds {
		nodes = append(nodes, b.byKind[ki.Kind]...)
	}
	rels := slices.Clone(b.rels)
	graph.SortRelations(rels)
	return &Set{Nodes: nodes, Relations: rels, Truth: b.truth, concept: b.conceptOf}
}

// offer specifies one measure.
type offer struct {
	key      string   // natural key; the measure's id is made from it
	ref      bool     // in a negative set: refers to an offer of a duplicate set by key
	title    string   // Measure.Title
	desc     string   // Measure.Description
	org      string   // lead organisation (key)
	partners []string // partner organisations (keys)
	towns    []string // municipalities (keys)
	fields   []string // fields of action (keys)
	groups   []string // target groups (keys)
	from, to string   // first and last day, ISO; empty is open
	format   string
	langs    []string
	prog     string
	fee      *float64
	capacity int64
	web      string
	status   string // overrides the status that follows from the dates
	level    string // strategic; operational when empty
	internal bool   // visible to members only
	concept  string // the kind of offer, for keeping ordinary offers away from their twins
}

func ref(key string) offer { return offer{key: key, ref: true} }

func eur(v float64) *float64 { return &v }

// statusAt returns the status that follows from the dates on the reference day.
func statusAt(from, to string) string {
	switch {
	case to != "" && to < ReferenceDate:
		return "completed"
	case from != "" && from > ReferenceDate:
		return "planned"
	}
	return "active"
}

func (b *builder) addOffer(o offer) {
	if _, dup := b.offers[o.key]; dup {
		panic("heldout: offer " + o.key + " twice")
	}
	id := keyedID(graph.KindMeasure, o.key)
	m := &graph.Measure{
		Meta:        graph.Meta{ID: id, Visibility: graph.Public},
		Title:       o.title,
		Region:      RegionKey,
		Description: o.desc,
		Status:      cmp.Or(o.status, statusAt(o.from, o.to)),
		Level:       cmp.Or(o.level, "operational"),
		Starts:      graph.Date(o.from),
		Ends:        graph.Date(o.to),
		Languages:   slices.Clone(o.langs),
		Format:      o.format,
		Cost:        o.fee,
		Capacity:    o.capacity,
		Programme:   o.prog,
		Website:     o.web,
	}
	if o.internal {
		m.Visibility = graph.Internal
	}
	b.add(m)
	oc := o
	b.offers[o.key] = &oc
	b.measures[o.key] = m
	b.order = append(b.order, o.key)
	b.conceptOf[id] = o.concept
	b.relate(graph.Provides, orgID(o.org), id, graph.RelProps{Role: "lead"})
	b.useOrg(o.org, o.towns)
	for _, p := range o.partners {
		b.relate(graph.Provides, orgID(p), id, graph.RelProps{Role: "partner"})
		b.useOrg(p, o.towns)
	}
	for _, t := range o.towns {
		b.relate(graph.OfferedIn, id, townAGS(t), graph.RelProps{})
		b.reserved[t+"/"+o.concept] = true
	}
	for _, f := range o.fields {
		b.relate(graph.InField, id, fieldID(f), graph.RelProps{})
	}
	for _, g := range o.groups {
		b.relate(graph.Targets, id, groupID(g), graph.RelProps{})
	}
}

// useOrg records that organisation org works in towns (ACTIVE_IN).
func (b *builder) useOrg(org string, towns []string) {
	if _, ok := orgByKey[org]; !ok {
		panic("heldout: unknown organisation " + org)
	}
	if b.orgTowns[org] == nil {
		b.orgTowns[org] = map[string]bool{}
	}
	for _, t := range towns {
		b.orgTowns[org][t] = true
	}
}

// activeIn relates every organisation to its home town and the towns of its measures.
func (b *builder) activeIn() {
	for _, o := range orgs {
		towns := map[string]bool{o.town: true}
		for t := range b.orgTowns[o.key] {
			towns[t] = true
		}
		keys := make([]string, 0, len(towns))
		for t := range towns {
			keys = append(keys, t)
		}
		slices.Sort(keys)
		for _, t := range keys {
			b.relate(graph.ActiveIn, orgID(o.key), townAGS(t), graph.RelProps{})
		}
	}
}

// fill replaces {town} in s.
func fill(s, town string) string { return strings.ReplaceAll(s, "{town}", town) }
