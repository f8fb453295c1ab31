package neo4j

import (
	"fmt"
	"sort"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Statement is one Cypher statement the store can send. All Cypher of the backend lives in
// the table built here, so the tests can check every statement with Neo4j's own front-end.
// Label and relationship-type names in the text come only from the domain's fixed
// enumerations (graph.Kinds, graph.RelTypes); every value arrives as a $parameter.
type Statement struct {
	// Name identifies the statement, e.g. "node.get.Measure".
	Name string
	// Query is the Cypher text.
	Query string
	// Params maps each parameter to its type (for the linter and for readers).
	Params map[string]string
}

// metaID names the one Meta node that holds the revision and the audit sequence.
const metaID = "store"

// formatVersion is the data format this code reads and writes.
const formatVersion = "1"

// derivedTypes are the relationships that mirror a region property.
var derivedTypes = []string{string(graph.PartOf), string(graph.DefinedBy)}

// statements is the table of every statement, by name.
var statements = buildStatements()

// stmt returns the statement with the given name; an unknown name is a programming error.
func stmt(name string) Statement {
	s, ok := statements[name]
	if !ok {
		panic("neo4j: no statement " + name)
	}
	return s
}

// Statements returns every statement, ordered by name.
func Statements() []Statement {
	out := make([]Statement, 0, len(statements))
	for _, s := range statements {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func label(k graph.Kind) string {
	ki, _ := k.Info()
	return ki.Label
}

// filterFragments are the WHERE conditions for the optional filters of a kind's list: each
// holds when its parameter is null.
func filterFragments(k graph.Kind) (conds []string, params map[string]string) {
	params = map[string]string{"regions": "list", "visibility": "string"}
	if k != graph.KindRegion {
		params["public_outside"] = "list"
	}
	regionProp := "n.region"
	if k == graph.KindRegion {
		regionProp = "n.id"
	}
	shared := ""
	if k == graph.KindTargetGroup {
		shared = " OR n.region IS NULL"
	}
	conds = append(conds,
		fmt.Sprintf("($regions IS NULL OR %s IN $regions%s)", regionProp, shared),
		"($visibility IS NULL OR n.visibility = $visibility)")
	if k != graph.KindRegion { // a region's visibility says whether the region is public
		conds = append(conds, "($public_outside IS NULL OR n.visibility = 'public' OR n.region IN $public_outside)")
	}
	for _, name := range []string{"type", "status", "language"} {
		if !(graph.Filter{Type: pick(name, "type"), Status: pick(name, "status"), Language: pick(name, "language")}).Applies(k) {
			continue
		}
		switch name {
		case "type":
			conds = append(conds, "($type IS NULL OR n.kind = $type)")
		case "status":
			conds = append(conds, "($status IS NULL OR n.status = $status)")
		case "language":
			conds = append(conds, "($language IS NULL OR $language IN n.languages)")
		}
		params[name] = "string"
	}
	probe := graph.Filter{Municipality: "x", Field: "x", TargetGroup: "x", Organisation: "x", Network: "x"}
	for _, rf := range probe.Relational(k) {
		if !(relOnly(rf.Name)).Applies(k) {
			continue
		}
		pattern := fmt.Sprintf("(n)-[:%s]->(:%s {id: $%s})", rf.Type, relEndLabel(rf.Type, true), rf.Name)
		if !rf.Out {
			pattern = fmt.Sprintf("(n)<-[:%s]-(:%s {id: $%s})", rf.Type, relEndLabel(rf.Type, false), rf.Name)
		}
		conds = append(conds, fmt.Sprintf("($%s IS NULL OR EXISTS { %s })", rf.Name, pattern))
		params[rf.Name] = "string"
	}
	return conds, params
}

func pick(name, want string) string {
	if name == want {
		return "x"
	}
	return ""
}

// relOnly returns a filter with only the named relationship filter set.
func relOnly(name string) graph.Filter {
	switch name {
	case "municipality":
		return graph.Filter{Municipality: "x"}
	case "field":
		return graph.Filter{Field: "x"}
	case "target_group":
		return graph.Filter{TargetGroup: "x"}
	case "organisation":
		return graph.Filter{Organisation: "x"}
	case "network":
		return graph.Filter{Network: "x"}
	}
	return graph.Filter{}
}

// relEndLabel is the label at the far end of a relationship filter: the end node's for an
// outgoing one, the start node's for an incoming one (Entity when several kinds can start).
func relEndLabel(t graph.RelType, out bool) string {
	ri, _ := t.Info()
	if out {
		return label(ri.To)
	}
	if len(ri.From) == 1 {
		return label(ri.From[0])
	}
	return "Entity"
}

func buildStatements() map[string]Statement {
	m := map[string]Statement{}
	add := func(name, query string, params map[string]string) {
		if _, dup := m[name]; dup {
			panic("neo4j: statement " + name + " defined twice")
		}
		m[name] = Statement{Name: name, Query: strings.TrimSpace(query), Params: params}
	}
	none := map[string]string{}

	// Schema, run on start; every statement is idempotent.
	add("schema.constraint.Entity", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", none)
	add("schema.index.Entity.region", "CREATE INDEX entity_region IF NOT EXISTS FOR (n:Entity) ON (n.region)", none)
	for _, ki := range graph.Kinds {
		l := ki.Label
		add("schema.constraint."+l, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(l), l), none)
		if ki.Kind != graph.KindRegion {
			add("schema.index."+l+".region", fmt.Sprintf("CREATE INDEX %s_region IF NOT EXISTS FOR (n:%s) ON (n.region)", strings.ToLower(l), l), none)
		}
	}
	add("schema.index.Measure.status", "CREATE INDEX measure_status IF NOT EXISTS FOR (n:Measure) ON (n.status)", none)
	add("schema.index.Organisation.kind", "CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)", none)
	add("schema.index.Network.kind", "CREATE INDEX network_kind IF NOT EXISTS FOR (n:Network) ON (n.kind)", none)
	add("schema.fulltext", "CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Measure|Organisation|Network) ON EACH [n.title, n.name, n.programme, n.description, n.city] OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}", none)
	add("schema.constraint.AuditEntry", "CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE", none)
	add("schema.index.AuditEntry.entity", "CREATE INDEX audit_entity IF NOT EXISTS FOR (a:AuditEntry) ON (a.entity)", none)
	add("schema.index.AuditEntry.related", "CREATE INDEX audit_related IF NOT EXISTS FOR (a:AuditEntry) ON (a.related)", none)
	add("schema.index.AuditEntry.region", "CREATE INDEX audit_region IF NOT EXISTS FOR (a:AuditEntry) ON (a.region)", none)
	add("schema.constraint.User", "CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE", none)
	add("schema.constraint.Token.hash", "CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE", none)
	add("schema.constraint.Token.id", "CREATE CONSTRAINT token_id IF NOT EXISTS FOR (t:Token) REQUIRE t.id IS UNIQUE", none)
	add("schema.index.Token.username", "CREATE INDEX token_username IF NOT EXISTS FOR (t:Token) ON (t.username)", none)
	add("schema.constraint.MonitoringSnapshot", "CREATE CONSTRAINT monitoring_snapshot_id IF NOT EXISTS FOR (s:MonitoringSnapshot) REQUIRE s.id IS UNIQUE", none)
	add("schema.index.MonitoringSnapshot.region", "CREATE INDEX monitoring_snapshot_region IF NOT EXISTS FOR (s:MonitoringSnapshot) ON (s.region)", none)
	add("schema.constraint.Merge", "CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:Merge) REQUIRE m.id IS UNIQUE", none)
	add("schema.index.Merge.retired", "CREATE INDEX merge_retired IF NOT EXISTS FOR (m:Merge) ON (m.retired)", none)
	add("schema.constraint.Job", "CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE", none)
	add("schema.constraint.Meta", "CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE", none)
	add("schema.meta", `
MERGE (m:Meta {id: $id})
ON CREATE SET m.revision = 0, m.audit_seq = 0, m.format = $format, m.data_version = $data_version
RETURN m.format AS format, coalesce(m.data_version, 1) AS data_version`,
		map[string]string{"id": "string", "format": "string", "data_version": "integer"})
	add("meta.set_data_version", `
MATCH (m:Meta {id: $id})
SET m.data_version = $data_version`, map[string]string{"id": "string", "data_version": "integer"})

	// What graph.UpgradePlan looks at when data of an earlier version is opened.
	add("upgrade.indicators", `
MATCH (n:Indicator)
WHERE n.target IS NOT NULL AND n.direction IS NULL
RETURN properties(n) AS props
ORDER BY n.id`, none)
	add("upgrade.sole_providers", `
MATCH (m:Measure)
WHERE COUNT { (:Organisation)-[:PROVIDES]->(m) } = 1
MATCH (o:Organisation)-[r:PROVIDES]->(m)
WHERE r.role IS NULL
RETURN o.id AS from, m.id AS to
ORDER BY to`, none)

	// Emptying the database, for tests and for migrating into a fresh database; batched so
	// that large databases do not need one huge transaction (it runs in auto-commit).
	add("admin.wipe", `
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS`, none)

	// Health and revision.
	add("ping", "RETURN 1 AS ok", none)
	add("meta.revision", "MATCH (m:Meta {id: $id}) RETURN m.revision AS revision", map[string]string{"id": "string"})

	// Writes. Every write transaction first locks the Meta node, so writes are serialised
	// and the staging reads below see a graph no one else changes until the commit.
	add("meta.lock", `
MATCH (m:Meta {id: $id})
SET m.locked = true
REMOVE m.locked
RETURN m.revision AS revision, m.audit_seq AS audit_seq`, map[string]string{"id": "string"})
	add("meta.advance", `
MATCH (m:Meta {id: $id})
SET m.revision = m.revision + $changed, m.audit_seq = $audit_seq
RETURN m.revision AS revision`, map[string]string{"id": "string", "changed": "integer", "audit_seq": "integer"})

	// What a write needs to know (graph.View), read inside the write transaction.
	add("view.nodes", `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS props`, map[string]string{"ids": "list"})
	add("view.relations_of", `
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(:Entity)
WHERE NOT type(r) IN $derived
RETURN DISTINCT startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, properties(r) AS props`,
		map[string]string{"ids": "list", "derived": "list"})
	add("view.relations", `
UNWIND $keys AS k
MATCH (a:Entity {id: k.from})-[r]->(b:Entity {id: k.to})
WHERE type(r) = k.type
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`, map[string]string{"keys": "list"})
	add("view.region_members", `
MATCH (n:Entity)
WHERE n.region = $region AND NOT n:Region
RETURN count(n) AS members`, map[string]string{"region": "string"})
	add("view.monitoring_snapshots", `
MATCH (s:MonitoringSnapshot)
WHERE s.region = $region
RETURN count(s) AS snapshots`, map[string]string{"region": "string"})
	referring := make([]string, len(graph.ReferringKinds))
	for i, k := range graph.ReferringKinds {
		referring[i] = "n:" + label(k)
	}
	add("view.referrers", fmt.Sprintf(`
MATCH (n:Entity)
WHERE n.region = $region AND (%s)
RETURN n.id AS id ORDER BY id`, strings.Join(referring, " OR ")), map[string]string{"region": "string"})

	for _, ki := range graph.Kinds {
		l := ki.Label
		add("node.create."+l, fmt.Sprintf(`
UNWIND $rows AS row
CREATE (n:Entity:%s)
SET n = row.props
RETURN count(n) AS created`, l), map[string]string{"rows": "list"})
		// Optimistic concurrency inside the statement: only the version that was read is
		// replaced; the caller checks that every row was updated.
		add("node.update."+l, fmt.Sprintf(`
UNWIND $rows AS row
MATCH (n:%s {id: row.id})
WHERE n.version = row.expected
SET n = row.props
RETURN count(n) AS updated`, l), map[string]string{"rows": "list"})
		add("node.get."+l, fmt.Sprintf("MATCH (n:%s {id: $id}) RETURN properties(n) AS props", l), map[string]string{"id": "string"})

		conds, params := filterFragments(ki.Kind)
		params["after"] = "string"
		where := strings.Join(conds, "\n  AND ")
		page := maps(params, map[string]string{"limit": "integer"})
		add("list.page."+l, fmt.Sprintf(`
MATCH (n:%s)
WHERE ($after IS NULL OR n.id > $after)
  AND %s
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit`, l, where), page)
		count := maps(params, nil)
		delete(count, "after")
		add("list.count."+l, fmt.Sprintf(`
MATCH (n:%s)
WHERE %s
RETURN count(n) AS total`, l, where), count)
		snapParams := map[string]string{"region": "string"}
		regionCond := "$region IS NULL OR n.region = $region"
		switch ki.Kind {
		case graph.KindRegion:
			regionCond = "$region IS NULL OR n.id = $region"
		case graph.KindTargetGroup:
			regionCond = "$region IS NULL OR n.region = $region OR n.region IS NULL"
		}
		add("snapshot.nodes."+l, fmt.Sprintf(`
MATCH (n:%s)
WHERE %s
RETURN properties(n) AS props
ORDER BY n.id`, l, regionCond), snapParams)
	}
	add("node.delete", `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.version = row.expected
DETACH DELETE n
RETURN count(*) AS deleted`, map[string]string{"rows": "list"})
	add("derived.PART_OF", `
UNWIND $rows AS row
MATCH (n:Municipality {id: row.id})
MATCH (r:Region {id: row.region})
MERGE (n)-[:PART_OF]->(r)`, map[string]string{"rows": "list"})
	add("derived.DEFINED_BY", `
UNWIND $rows AS row
MATCH (n:FieldOfAction {id: row.id})
MATCH (r:Region {id: row.region})
MERGE (n)-[:DEFINED_BY]->(r)`, map[string]string{"rows": "list"})
	for _, ri := range graph.RelTypes {
		if ri.Derived {
			continue
		}
		t := ri.Type
		add("rel.set."+string(t), fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:%s]->(b)
SET r = row.props
RETURN count(r) AS set`, t), map[string]string{"rows": "list"})
		add("rel.delete."+string(t), fmt.Sprintf(`
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:%s]->(:Entity {id: row.to})
DELETE r
RETURN count(*) AS deleted`, t), map[string]string{"rows": "list"})
	}
	add("relations.of", `
MATCH (n:Entity {id: $id})-[r]-(:Entity)
RETURN DISTINCT startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, properties(r) AS props`,
		map[string]string{"id": "string"})
	add("snapshot.relations", `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT type(r) IN $derived
  AND ($region IS NULL OR ((a.region = $region OR a.region IS NULL) AND (b.region = $region OR b.region IS NULL)))
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY type, from, to`, map[string]string{"region": "string", "derived": "list"})

	// Search: the full-text index with the German analyzer finds, the filters narrow.
	searchWhere := `any(l IN labels(n) WHERE l IN $labels)
  AND ($regions IS NULL OR n.region IN $regions)
  AND ($region IS NULL OR n.region = $region)
  AND ($visibility IS NULL OR n.visibility = $visibility)
  AND ($public_outside IS NULL OR n.visibility = 'public' OR n.region IN $public_outside)
  AND ($type IS NULL OR n.kind = $type)
  AND ($status IS NULL OR n.status = $status)
  AND ($language IS NULL OR $language IN n.languages)
  AND ($municipality IS NULL OR EXISTS { (n)-[:OFFERED_IN|ACTIVE_IN|COVERS]->(:Municipality {id: $municipality}) })
  AND ($field IS NULL OR EXISTS { (n)-[:IN_FIELD|WORKS_ON]->(:FieldOfAction {id: $field}) })
  AND ($target_group IS NULL OR EXISTS { (n)-[:TARGETS]->(:TargetGroup {id: $target_group}) })
  AND ($organisation IS NULL OR EXISTS { (n)<-[:PROVIDES|MEMBER_OF]-(:Organisation {id: $organisation}) })
  AND ($network IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Network {id: $network}) })`
	searchParams := map[string]string{"labels": "list", "regions": "list", "region": "string", "visibility": "string", "public_outside": "list",
		"type": "string", "status": "string", "language": "string", "municipality": "string", "field": "string",
		"target_group": "string", "organisation": "string", "network": "string"}
	add("search.page", `
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
WITH node AS n, score
WHERE `+searchWhere+`
RETURN properties(n) AS props, score
ORDER BY score DESC, n.id
SKIP $skip
LIMIT $limit`, maps(searchParams, map[string]string{"query": "string", "skip": "integer", "limit": "integer"}))
	add("search.count", `
CALL db.index.fulltext.queryNodes('search', $query) YIELD node
WITH node AS n
WHERE `+searchWhere+`
RETURN count(n) AS total`, maps(searchParams, map[string]string{"query": "string"}))
	add("search.all.page", `
MATCH (n:Entity)
WHERE `+searchWhere+`
RETURN properties(n) AS props, 0.0 AS score
ORDER BY n.id
SKIP $skip
LIMIT $limit`, maps(searchParams, map[string]string{"skip": "integer", "limit": "integer"}))
	add("search.all.count", `
MATCH (n:Entity)
WHERE `+searchWhere+`
RETURN count(n) AS total`, maps(searchParams, nil))

	// Audit log.
	add("audit.create", `
UNWIND $rows AS row
CREATE (a:AuditEntry)
SET a = row`, map[string]string{"rows": "list"})
	add("audit.redact", `
UNWIND $ids AS id
MATCH (a:AuditEntry {entity: id})
WHERE a.kind = 'actor'
SET a.before = null, a.after = null, a.redacted = true`, map[string]string{"ids": "list"})
	add("audit.page", `
MATCH (a:AuditEntry)
WHERE a.seq < $before AND ($region IS NULL OR a.region = $region)
RETURN properties(a) AS props
ORDER BY a.seq DESC
LIMIT $limit`, map[string]string{"before": "integer", "region": "string", "limit": "integer"})
	add("audit.entity", `
MATCH (a:AuditEntry)
WHERE (a.entity = $entity OR a.related = $entity) AND a.seq < $before AND ($region IS NULL OR a.region = $region)
RETURN properties(a) AS props
ORDER BY a.seq DESC
LIMIT $limit`, map[string]string{"entity": "string", "before": "integer", "region": "string", "limit": "integer"})

	// Monitoring snapshots: beside the graph, not Entity nodes and not linked to it, so no
	// graph statement sees them. Data is JSON text; heads are the properties without it.
	// Writes run under the Meta lock (for the audit sequence and the region delete rule).
	monHead := "s {.id, .region, .label, .taken, .revision, .created_by} AS props"
	add("monitoring.create", `
MATCH (r:Region {id: $region})
CREATE (s:MonitoringSnapshot)
SET s = $props
RETURN count(s) AS created`, map[string]string{"region": "string", "props": "map"})
	add("monitoring.exists", `
MATCH (s:MonitoringSnapshot {id: $id})
RETURN count(s) AS found`, map[string]string{"id": "string"})
	add("monitoring.get", `
MATCH (s:MonitoringSnapshot {id: $id})
RETURN `+monHead+`, s.data AS data`, map[string]string{"id": "string"})
	add("monitoring.list", `
MATCH (s:MonitoringSnapshot)
RETURN `+monHead+`
ORDER BY s.taken DESC, s.id DESC`, none)
	// A statement of its own, so that the planner can use the region index.
	add("monitoring.list.region", `
MATCH (s:MonitoringSnapshot {region: $region})
RETURN `+monHead+`
ORDER BY s.taken DESC, s.id DESC`, map[string]string{"region": "string"})
	// The head before the change (a map value, taken before SET) is returned.
	add("monitoring.relabel", `
MATCH (s:MonitoringSnapshot {id: $id})
WITH s, `+monHead+`
SET s.label = $label
RETURN props`, map[string]string{"id": "string", "label": "string"})
	add("monitoring.delete", `
MATCH (s:MonitoringSnapshot {id: $id})
WITH s, `+monHead+`
DELETE s
RETURN props`, map[string]string{"id": "string"})

	// Merge records (merge.go): beside the graph like monitoring snapshots; record is the
	// whole record as JSON text, the other properties are what the lookups need.
	add("merge.create", `
CREATE (m:Merge)
SET m = $props
RETURN count(m) AS created`, map[string]string{"props": "map"})
	add("merge.get", `
MATCH (m:Merge {id: $id})
RETURN m.record AS record`, map[string]string{"id": "string"})
	add("merge.undo", `
MATCH (m:Merge {id: $id})
WHERE m.undone = false
SET m.undone = true, m.record = $record
RETURN count(m) AS undone`, map[string]string{"id": "string", "record": "string"})
	add("merge.redirect", `
MATCH (m:Merge {retired: $id})
WHERE m.undone = false
RETURN m.survivor AS survivor
ORDER BY m.id DESC
LIMIT 1`, map[string]string{"id": "string"})

	// Job records (jobs.go): beside the graph, never under the Meta lock; record is the whole
	// record as JSON text, cancel_requested apart so that a cancellation and a progress report
	// never overwrite each other.
	add("job.create", `
CREATE (j:Job)
SET j = $props
RETURN count(j) AS created`, map[string]string{"props": "map"})
	add("job.update", `
MATCH (j:Job {id: $id})
SET j.record = $record, j.updated_at = $updated_at, j.finished = $finished
RETURN j.cancel_requested AS cancel_requested`, map[string]string{"id": "string", "record": "string", "updated_at": "integer", "finished": "boolean"})
	add("job.get", `
MATCH (j:Job {id: $id})
RETURN j.record AS record, j.cancel_requested AS cancel_requested`, map[string]string{"id": "string"})
	add("job.cancel", `
MATCH (j:Job {id: $id})
SET j.cancel_requested = CASE WHEN j.finished THEN j.cancel_requested ELSE true END
RETURN j.record AS record, j.cancel_requested AS cancel_requested`, map[string]string{"id": "string"})
	add("job.prune", `
MATCH (j:Job)
WHERE j.updated_at < $before
DETACH DELETE j
RETURN count(*) AS removed`, map[string]string{"before": "integer"})

	// Users.
	add("user.create", "CREATE (u:User) SET u = $props", map[string]string{"props": "map"})
	add("user.get", "MATCH (u:User {username: $username}) RETURN properties(u) AS props", map[string]string{"username": "string"})
	add("user.update", `
MATCH (u:User {username: $username})
WHERE u.version = $expected
SET u = $props
RETURN count(u) AS updated`, map[string]string{"username": "string", "expected": "integer", "props": "map"})
	add("user.delete", `
MATCH (u:User {username: $username})
OPTIONAL MATCH (t:Token {username: $username})
DELETE t
WITH DISTINCT u
DELETE u
RETURN count(*) AS deleted`, map[string]string{"username": "string"})
	add("token.create", `
MATCH (u:User {username: $username})
CREATE (t:Token)
SET t = $props
RETURN count(t) AS created`, map[string]string{"username": "string", "props": "map"})
	add("token.by_hash", "MATCH (t:Token {hash: $hash}) RETURN properties(t) AS props", map[string]string{"hash": "string"})
	add("token.list", `
MATCH (t:Token {username: $username})
RETURN properties(t) AS props
ORDER BY t.id DESC`, map[string]string{"username": "string"})
	add("token.delete", `
MATCH (t:Token {id: $id})
DELETE t
RETURN count(*) AS deleted`, map[string]string{"id": "string"})
	add("user.tokens.delete", `
MATCH (t:Token {username: $username})
DELETE t
RETURN count(*) AS deleted`, map[string]string{"username": "string"})
	add("user.list", "MATCH (u:User) RETURN properties(u) AS props ORDER BY u.username", none)
	return m
}

// maps merges parameter maps into a new one.
func maps(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
