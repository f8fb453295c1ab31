package neo4j

import (
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/neo4j/cypherlint"
)

// schema describes the database the statements run against: every label, relationship type
// and property key the backend writes, so that a misspelling in a read is reported.
func schema() cypherlint.Schema {
	var sc cypherlint.Schema
	sc.Labels = []string{"Entity", "Meta", "AuditEntry", "User", "Token", "MonitoringSnapshot", "Merge", "Job"}
	for _, ki := range graph.Kinds {
		sc.Labels = append(sc.Labels, ki.Label)
	}
	for _, ri := range graph.RelTypes {
		sc.RelationshipTypes = append(sc.RelationshipTypes, string(ri.Type))
	}
	sc.PropertyKeys = []string{
		"id", "version", "created_at", "updated_at", "visibility", "region", "name", "kind", "title", "description",
		"status", "level", "languages", "programme", "city", "canonical", "geometry", "values",
		"revision", "audit_seq", "format", "locked", "data_version", "target", "direction",
		"seq", "at", "user", "action", "entity", "related", "before", "after", "summary", "redacted",
		"username", "password_hash", "admin", "roles", "organisation",
		"hash", "session", "expires_at",
		"label", "taken", "created_by", "data",
		"role", "since", "note", "verdict", "by",
		"survivor", "retired", "undone", "record",
		"cancel_requested", "finished",
		// keys of the parameter rows, which the linter sees as property reads
		"from", "to", "type",
	}
	return sc
}

// TestStatementsLint checks every statement the backend can send with Neo4j's own Cypher
// front-end, parameters declared: there must be no diagnostic at all.
func TestStatementsLint(t *testing.T) {
	var stmts []cypherlint.Statement
	for _, s := range Statements() {
		stmts = append(stmts, cypherlint.Statement{Name: s.Name, Query: s.Query, Params: s.Params})
	}
	cypherlint.Check(t, stmts, schema())
	if !t.Failed() {
		t.Logf("%d Cypher statements checked by lintCypherQuery: 0 diagnostics", len(stmts))
	}
}

// TestStatementsCoverDomain: the table has the statements each kind and relationship type
// needs, so no write path can reach for a missing one at run time.
func TestStatementsCoverDomain(t *testing.T) {
	for _, ki := range graph.Kinds {
		for _, prefix := range []string{"node.create.", "node.update.", "node.get.", "list.page.", "list.count.", "snapshot.nodes.", "schema.constraint."} {
			if _, ok := statements[prefix+ki.Label]; !ok {
				t.Errorf("no statement %s%s", prefix, ki.Label)
			}
		}
	}
	for _, ri := range graph.RelTypes {
		if ri.Derived {
			continue
		}
		for _, prefix := range []string{"rel.set.", "rel.delete."} {
			if _, ok := statements[prefix+string(ri.Type)]; !ok {
				t.Errorf("no statement %s%s", prefix, ri.Type)
			}
		}
	}
	// Every parameter a statement uses is declared, and no declared one is unused.
	for _, s := range Statements() {
		for p := range s.Params {
			if !strings.Contains(s.Query, "$"+p) {
				t.Errorf("%s declares $%s but does not use it", s.Name, p)
			}
		}
	}
}

func TestLuceneQuery(t *testing.T) {
	for in, want := range map[string]string{
		"Sprachkurs":               "+(sprachkurs OR sprachkurs*)",
		"Sprachkurse für Frauen":   "+sprachkurse +(frauen OR frauen*)",
		`title:x OR (yy) "Straße"`: `+title +or +yy +(straße OR straße*)`,
		"ab":                       "+ab",
		"der die das":              "",
		`a\b*c?`:                   "",
	} {
		if got := luceneQuery(in); got != want {
			t.Errorf("luceneQuery(%q) = %q, want %q", in, got, want)
		}
	}
}
