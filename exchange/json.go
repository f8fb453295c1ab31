package exchange

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The JSON export format: one object with a header and, per node kind in dependency order,
// the nodes as the API shows them (ids, versions and timestamps included), then the stored
// relationships. Importing it into an empty store restores every node and relationship
// exactly; importing it into a store that holds some of the nodes updates those whose
// content differs and leaves the others alone.

// JSONFormat is the value of the "format" member of a JSON export.
const JSONFormat = "netzwerkatlas"

// JSONVersion is the version of the JSON export format. Version 2 added the integration
// concept (members concepts and guidelines; the goals', indicators' and measures' planning
// properties; PROVIDES roles). Version 1 files, which hold none of it, are read as well.
const JSONVersion = 2

// minJSONVersion is the oldest version the import reads.
const minJSONVersion = 1

// jsonKey is the member of a JSON export that holds the nodes of kind k.
func jsonKey(k graph.Kind) string {
	ki, _ := k.Info()
	return strings.ReplaceAll(ki.Collection, "-", "_")
}

// WriteJSON writes s in the JSON export format. Nodes are written one per line, so the file
// streams and diffs well.
func WriteJSON(w io.Writer, s *graph.Snapshot, exported time.Time) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head, _ := json.Marshal(struct {
		Format     string    `json:"format"`
		Version    int       `json:"version"`
		ExportedAt time.Time `json:"exported_at"`
		Revision   uint64    `json:"revision"`
		Region     string    `json:"region"`
	}{JSONFormat, JSONVersion, exported.UTC(), s.Revision, s.Region})
	bw.Write(head[:len(head)-1])
	nodes := s.Nodes()
	i := 0
	for _, ki := range graph.Kinds {
		fmt.Fprintf(bw, ",\n%q: [", jsonKey(ki.Kind))
		first := true
		for ; i < len(nodes) && nodes[i].EntityKind() == ki.Kind; i++ {
			if !first {
				bw.WriteByte(',')
			}
			first = false
			b, err := json.Marshal(nodes[i])
			if err != nil {
				return err
			}
			bw.WriteString("\n")
			bw.Write(b)
		}
		bw.WriteString("]")
	}
	bw.WriteString(",\n\"relations\": [")
	for j, r := range s.Relations {
		if j > 0 {
			bw.WriteByte(',')
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		bw.WriteString("\n")
		bw.Write(b)
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// readJSON reads a JSON export, streaming: one node or relationship at a time.
func (im *importer) readJSON(fidx int, in Input) error {
	f, err := os.Open(in.Path)
	if err != nil {
		return &fileError{msg: "cannot be opened: " + err.Error()}
	}
	defer f.Close()
	cf := &countingFile{File: f, im: im}
	dec := json.NewDecoder(bufio.NewReaderSize(cf, 64<<10))
	dec.DisallowUnknownFields()
	fr := &im.rep.Files[fidx]
	fr.Sheets = append(fr.Sheets, SheetReport{Sheet: "nodes", Kind: "nodes"})
	jr := &jsonRun{im: im, fidx: int32(fidx), dec: dec}
	if err := jr.read(); err != nil {
		return jr.wrap(err)
	}
	im.progress(true)
	return nil
}

type jsonRun struct {
	im      *importer
	fidx    int32
	dec     *json.Decoder
	n       int // position of the current item (nodes and relationships), 1-based
	format  bool
	regions map[string]string // node id → region key, for nodes of the file
}

func (jr *jsonRun) wrap(err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return err
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &fileError{msg: fmt.Sprintf("is not valid JSON at byte %d: %v", se.Offset, se)}
	case errors.As(err, &te):
		return &fileError{row: jr.n, msg: fmt.Sprintf("item %d: %s must be %s, not %s", jr.n, te.Field, te.Type, te.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &fileError{msg: "ends in the middle of the JSON document"}
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return &fileError{row: jr.n, msg: fmt.Sprintf("item %d has %s", jr.n, strings.TrimPrefix(err.Error(), "json: "))}
	}
	return &fileError{row: jr.n, msg: err.Error()}
}

func (jr *jsonRun) read() error {
	tok, err := jr.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &fileError{msg: "is not a Netzwerkatlas JSON export: it must be one JSON object"}
	}
	seenKind := -1
	for jr.dec.More() {
		tok, err := jr.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			var v string
			if err := jr.dec.Decode(&v); err != nil {
				return err
			}
			if v != JSONFormat {
				return &fileError{msg: fmt.Sprintf("format is %q; this import reads %q exports", v, JSONFormat)}
			}
			jr.format = true
			continue
		case "version":
			var v int
			if err := jr.dec.Decode(&v); err != nil {
				return err
			}
			if v < minJSONVersion || v > JSONVersion {
				return &fileError{msg: fmt.Sprintf("is version %d of the export format; this program reads versions %d to %d", v, minJSONVersion, JSONVersion)}
			}
			continue
		case "exported_at", "revision", "region":
			var skip json.RawMessage
			if err := jr.dec.Decode(&skip); err != nil {
				return err
			}
			continue
		case "relations":
			if err := jr.array(func() error { return jr.relation() }); err != nil {
				return err
			}
			continue
		}
		kind := -1
		for i, ki := range graph.Kinds {
			if jsonKey(ki.Kind) == key {
				kind = i
			}
		}
		if kind < 0 {
			return &fileError{msg: fmt.Sprintf("has the member %q, which is not part of the export format", key)}
		}
		if kind < seenKind {
			return &fileError{msg: fmt.Sprintf("lists %s after %s; keep the order of the export (nodes before the nodes that refer to them)", key, jsonKey(graph.Kinds[seenKind].Kind))}
		}
		seenKind = kind
		ki := graph.Kinds[kind]
		if err := jr.array(func() error {
			e := ki.New()
			if err := jr.dec.Decode(e); err != nil {
				return err
			}
			jr.node(e)
			return nil
		}); err != nil {
			return err
		}
	}
	if _, err := jr.dec.Token(); err != nil {
		return err
	}
	if jr.dec.More() {
		return &fileError{msg: "holds more than one JSON value"}
	}
	if !jr.format {
		return &fileError{msg: fmt.Sprintf("has no \"format\": %q member; is it a Netzwerkatlas JSON export?", JSONFormat)}
	}
	return nil
}

// array reads a JSON array, calling item for each element.
func (jr *jsonRun) array(item func() error) error {
	tok, err := jr.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &fileError{msg: "a list was expected"}
	}
	for jr.dec.More() {
		if err := jr.im.ctx.Err(); err != nil {
			return err
		}
		jr.n++
		if err := item(); err != nil {
			return err
		}
		jr.im.progress(false)
	}
	_, err = jr.dec.Token()
	return err
}

func (jr *jsonRun) rowFor() *row {
	return &row{im: jr.im, def: &sheetDef{}, o: origin{jr.fidx, 0, int32(jr.n)}}
}

// node stages one node: restored as it is when the store lacks it, updated when its
// content differs, left alone otherwise.
func (jr *jsonRun) node(e graph.Entity) {
	im := jr.im
	r := jr.rowFor()
	id := e.Base().ID
	key := e.RegionKey()
	isRegion := e.EntityKind() == graph.KindRegion
	if !isRegion && key != "" && !im.regionKeys[key] {
		r.failf("region", key, CodeUnknownName, "region %s does not exist and is not in the file before this node", key)
		im.count(r.o, outFailed)
		return
	}
	if err := graph.Prepare(e); err != nil {
		for _, fe := range graph.FieldErrors(err) {
			r.failField(fe.Field, "", CodeInvalid, fe)
		}
		if len(graph.FieldErrors(err)) == 0 {
			r.failErr("", "", CodeInvalid, err)
		}
		im.count(r.o, outFailed)
		return
	}
	if id == "" {
		r.fail("id", "", CodeInvalid, "is required: every node of an export has its id")
		im.count(r.o, outFailed)
		return
	}
	rs, err := im.state(key)
	if err != nil {
		r.failErr("", "", CodeInvalid, err)
		im.count(r.o, outFailed)
		return
	}
	if prev, dup := im.seen[id]; dup {
		r.failf("id", id, CodeDuplicateRow, "repeats item %d", prev.row)
		im.count(r.o, outFailed)
		return
	}
	cur := rs.nodes[id]
	if cur != nil {
		if err := graph.CheckUpdate(cur, e); err != nil {
			for _, fe := range graph.FieldErrors(err) {
				r.failField(fe.Field, "", CodeInvalid, fe)
			}
			im.count(r.o, outFailed)
			return
		}
	}
	if !im.allowed(e) || (cur != nil && !im.allowed(cur)) {
		r.failf("region", key, CodeForbidden, "your role does not allow changing %ss in region %s", e.EntityKind(), cmpOr(key, "(shared)"))
		im.count(r.o, outFailed)
		return
	}
	im.seen[id] = r.o
	if jr.regions == nil {
		jr.regions = map[string]string{}
	}
	jr.regions[id] = key
	if isRegion && !im.regionKeys[key] {
		im.regionKeys[key] = true
		im.regionNames.add(key, e.(*graph.Region).Name)
	}
	outcome := outCreated
	op := graph.Op{Action: graph.OpRestore, Entity: e}
	switch {
	case cur != nil && graph.SameContent(cur, e):
		im.count(r.o, outUnchanged)
		return
	case cur != nil:
		outcome = outUpdated
		op.Action = graph.OpUpsert
	case e.Base().Version < 1:
		op.Action = graph.OpUpsert
	}
	rs.addNode(e, false)
	im.stageNode(op, r.o)
	im.count(r.o, outcome)
}

// relation stages one relationship unless the store holds it with the same properties.
func (jr *jsonRun) relation() error {
	var rel graph.Relation
	if err := jr.dec.Decode(&rel); err != nil {
		return err
	}
	im := jr.im
	r := jr.rowFor()
	rel.Normalize()
	if err := rel.Validate(); err != nil {
		for _, fe := range graph.FieldErrors(err) {
			r.failField(fe.Field, "", CodeInvalid, fe)
		}
		return nil
	}
	key, ok := jr.regions[rel.From]
	if !ok {
		k, _ := graph.KindOfID(rel.From)
		e, err := im.store.Get(im.ctx, k, rel.From)
		if err != nil {
			r.failf("from", rel.From, CodeUnknownName, "%s %s is neither in the file nor in the store", k, rel.From)
			return nil
		}
		key = e.RegionKey()
	}
	rs, err := im.state(key)
	if err != nil {
		return err
	}
	from := rs.nodes[rel.From]
	to := rs.nodes[rel.To]
	if to == nil {
		if sh, ok := im.shared(rel.To); ok {
			to = sh
		}
	}
	if from == nil || to == nil {
		r.failf("to", rel.To, CodeUnknownName, "%s is not in region %s (relationships stay within one region)", rel.To, key)
		return nil
	}
	if err := rel.CheckEnds(from, to); err != nil {
		for _, fe := range graph.FieldErrors(err) {
			r.failField(fe.Field, "", CodeInvalid, fe)
		}
		return nil
	}
	if !im.allowed(from) {
		r.failf("from", rel.From, CodeForbidden, "your role does not allow changing relationships in region %s", key)
		return nil
	}
	for _, c := range rs.out[rel.From] {
		if c.RelationKey == rel.RelationKey {
			if c.Props == rel.Props {
				im.rep.Relations.Unchanged++
				return nil
			}
			im.rep.Relations.Updated++
			im.relOps = append(im.relOps, graph.Op{Action: graph.OpRelate, Relation: rel})
			im.relOrigin = append(im.relOrigin, r.o)
			return nil
		}
	}
	im.rep.Relations.Added++
	im.relOps = append(im.relOps, graph.Op{Action: graph.OpRelate, Relation: rel})
	im.relOrigin = append(im.relOrigin, r.o)
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
