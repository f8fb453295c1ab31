package cypherlint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// schema is the database shape the statements below are written against.
var schema = Schema{
	Labels:            []string{"Measure", "Organisation", "Network"},
	RelationshipTypes: []string{"RUN_BY", "PART_OF"},
	PropertyKeys:      []string{"id", "title", "name", "description", "region", "status", "version"},
}

// clean are realistic statements of the Neo4j backend; each must lint without any diagnostic.
var clean = []Statement{
	{
		Name:   "upsert organisation",
		Query:  "MERGE (n:Organisation {id: $id}) SET n += $props RETURN n.version",
		Params: map[string]string{"id": "string", "props": "map"},
	},
	{
		Name:   "bulk upsert measures",
		Query:  "UNWIND $rows AS row MERGE (m:Measure {id: row.id}) SET m += row.props",
		Params: map[string]string{"rows": "list"},
	},
	{
		Name: "optimistic update",
		Query: `MATCH (n:Measure {id: $id})
WHERE n.version = $expected
SET n += $props, n.version = n.version + 1
RETURN n`,
		Params: map[string]string{"id": "string", "expected": "integer", "props": "map"},
	},
	{
		Name:  "unique constraint",
		Query: "CREATE CONSTRAINT org_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE",
	},
	{
		Name: "full-text index",
		Query: "CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Measure|Organisation|Network) " +
			"ON EACH [n.title, n.name, n.description] OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}",
	},
	{
		Name:   "full-text search",
		Query:  "CALL db.index.fulltext.queryNodes('search', $q) YIELD node, score RETURN node, score",
		Params: map[string]string{"q": "string"},
	},
	{
		Name: "full-text search with options",
		Query: `CALL db.index.fulltext.queryNodes('search', $q, {limit: $limit}) YIELD node, score
WHERE node:Measure
RETURN node.id AS id, score ORDER BY score DESC`,
		Params: map[string]string{"q": "string", "limit": "integer"},
	},
	{
		Name:   "paginated list",
		Query:  "MATCH (n:Measure) WHERE n.region = $region AND n.id > $after RETURN n ORDER BY n.id LIMIT $limit",
		Params: map[string]string{"region": "string", "after": "string", "limit": "integer"},
	},
	{
		Name: "counts per status",
		Query: `MATCH (n:Measure) WHERE n.region = $region
RETURN n.status AS status, count(*) AS total ORDER BY status`,
		Params: map[string]string{"region": "string"},
	},
	{
		Name: "link measure to organisation",
		Query: `MATCH (m:Measure {id: $from})
MATCH (o:Organisation {id: $to})
MERGE (m)-[r:RUN_BY]->(o)
SET r += $props`,
		Params: map[string]string{"from": "string", "to": "string", "props": "map"},
	},
	{
		Name: "neighbourhood",
		Query: `MATCH (m:Measure {id: $id})
RETURN m {.id, .title, networks: COLLECT { MATCH (m)-[:PART_OF]->(n:Network) RETURN n.id }} AS measure`,
		Params: map[string]string{"id": "string"},
	},
	{
		Name:   "delete",
		Query:  "MATCH (n:Measure {id: $id}) DETACH DELETE n",
		Params: map[string]string{"id": "string"},
	},
	{
		// The scoped form CALL (row) { ... }; the older CALL { WITH row ... } is deprecated
		// (see TestLintReportsProblems). Runs only in an implicit transaction, which the
		// linter cannot know.
		Name: "batched import in transactions",
		Query: `UNWIND $rows AS row
CALL (row) {
  MERGE (m:Measure {id: row.id}) SET m += row.props
} IN TRANSACTIONS OF 500 ROWS`,
		Params: map[string]string{"rows": "list"},
	},
}

func TestLintCleanStatements(t *testing.T) {
	Skip(t)
	t.Parallel()
	for _, tc := range []struct {
		name   string
		schema Schema
	}{
		{"without schema", Schema{}},
		{"with schema", schema},
	} {
		t.Run(tc.name, func(t *testing.T) {
			results, err := Lint(t.Context(), clean, tc.schema)
			if err != nil {
				t.Fatal(err)
			}
			if len(results) != len(clean) {
				t.Fatalf("got %d results for %d statements", len(results), len(clean))
			}
			for i, r := range results {
				if r.Name != clean[i].Name {
					t.Errorf("result %d is named %q, want %q", i, r.Name, clean[i].Name)
				}
				for _, d := range r.Diagnostics {
					t.Errorf("%s: %v\n%s", r.Name, d, clean[i].Query)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	Check(t, clean[:3], schema)
}

// problem is a statement that must give a diagnostic of severity whose message contains want.
type problem struct {
	stmt     Statement
	severity string
	want     string
	line     int // 0: not checked
	column   int
}

var problems = []problem{
	{
		stmt:     Statement{Name: "undefined variable", Query: "MATCH (n:Measure) RETURN m"},
		severity: "error", want: "Variable `m` not defined", line: 1, column: 26,
	},
	{
		stmt:     Statement{Name: "undefined variable on line 2", Query: "MATCH (n:Measure)\nRETURN n.id, m.id"},
		severity: "error", want: "Variable `m` not defined", line: 2, column: 14,
	},
	{
		stmt:     Statement{Name: "ORDER BY after aggregation", Query: "MATCH (n:Measure) RETURN n.region, count(*) ORDER BY n.title"},
		severity: "error", want: "In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: n",
	},
	{
		stmt:     Statement{Name: "implicit grouping key", Query: "MATCH (n:Measure) RETURN n.title, n.region + count(*)"},
		severity: "error", want: "Aggregation column contains implicit grouping expressions",
	},
	{
		stmt:     Statement{Name: "variable out of scope after WITH", Query: "MATCH (n:Measure) WITH n.region AS region, count(*) AS c RETURN region, c, n.title"},
		severity: "error", want: "Variable `n` not defined",
	},
	{
		stmt:     Statement{Name: "syntax error", Query: "MATC (n:Measure) RETURN n"},
		severity: "error", want: "Invalid input 'MATC'", line: 1, column: 1,
	},
	{
		stmt:     Statement{Name: "unfinished expression", Query: "MATCH (n:Measure) RETURN n.version +"},
		severity: "error", want: "expected an expression",
	},
	{
		stmt:     Statement{Name: "undeclared parameter", Query: "MATCH (n:Measure {id: $id}) RETURN n", Params: map[string]string{"ident": "string"}},
		severity: "error", want: "Parameter $id is not defined.",
	},
	{
		stmt:     Statement{Name: "unused parameter", Query: "MATCH (n:Measure {id: $id}) RETURN n", Params: map[string]string{"id": "string", "limit": "integer"}},
		severity: "warning", want: "cypherlint: parameter $limit is declared but the query does not use it",
	},
	{
		stmt:     Statement{Name: "APOC procedure", Query: "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'SET n.x = 1', {})"},
		severity: "error", want: "Procedure apoc.periodic.iterate is not present in the database",
	},
	{
		stmt:     Statement{Name: "APOC function", Query: "RETURN apoc.text.join(['a', 'b'], ',') AS s"},
		severity: "error", want: "Function apoc.text.join is not present in the database",
	},
	{
		stmt:     Statement{Name: "misspelled procedure", Query: "CALL db.index.fulltext.queryNode('search', $q) YIELD node RETURN node", Params: map[string]string{"q": "string"}},
		severity: "error", want: "Procedure db.index.fulltext.queryNode is not present in the database",
	},
	{
		stmt:     Statement{Name: "unknown YIELD column", Query: "CALL db.index.fulltext.queryNodes('search', $q) YIELD nodes RETURN nodes", Params: map[string]string{"q": "string"}},
		severity: "error", want: "Unknown procedure output: `nodes`",
	},
	{
		stmt:     Statement{Name: "missing procedure argument", Query: "CALL db.index.fulltext.queryNodes('search') YIELD node RETURN node"},
		severity: "error", want: "Procedure call does not provide the required number of arguments",
	},
	{
		stmt:     Statement{Name: "wrong function arity", Query: "MATCH (n:Measure) RETURN toUpper() AS t"},
		severity: "error", want: "Insufficient parameters for function 'toUpper'",
	},
	{
		stmt:     Statement{Name: "Cypher 25 syntax", Query: "MATCH (n:Measure) FILTER n.region = $region RETURN n", Params: map[string]string{"region": "string"}},
		severity: "error", want: "Invalid input 'FILTER'",
	},
	{
		stmt:     Statement{Name: "CYPHER 25 prefix", Query: "CYPHER 25 MATCH (n:Measure) RETURN n"},
		severity: "error", want: "cypherlint: the query selects CYPHER 25",
	},
	{
		stmt:     Statement{Name: "two statements", Query: "MATCH (n:Measure) RETURN n; MATCH (o:Organisation) RETURN o"},
		severity: "error", want: "cypherlint: the query holds 2 statements",
	},
	{
		stmt:     Statement{Name: "empty", Query: " \n"},
		severity: "error", want: "cypherlint: the query is empty",
	},
	{
		stmt:     Statement{Name: "Neo4j 4 constraint syntax", Query: "CREATE CONSTRAINT org_id IF NOT EXISTS ON (n:Organisation) ASSERT n.id IS UNIQUE"},
		severity: "error", want: "Invalid constraint syntax, ON and ASSERT should not be used",
	},
	{
		stmt:     Statement{Name: "removed exists() on a property", Query: "MATCH (n:Measure) WHERE exists(n.title) RETURN n"},
		severity: "error", want: "is no longer supported",
	},
	{
		stmt:     Statement{Name: "duplicate column", Query: "MATCH (n:Measure) RETURN n.id AS id, n.title AS id"},
		severity: "error", want: "Multiple result columns with the same name are not supported",
	},
	{
		stmt:     Statement{Name: "deprecated id()", Query: "MATCH (n:Measure) RETURN id(n) AS id"},
		severity: "warning", want: "deprecated function",
	},
	{
		stmt: Statement{
			Name:   "CALL subquery without scope clause",
			Query:  "UNWIND $rows AS row CALL { WITH row MERGE (m:Measure {id: row.id}) SET m += row.props } IN TRANSACTIONS OF 500 ROWS",
			Params: map[string]string{"rows": "list"},
		},
		severity: "warning", want: "CALL subquery without a variable scope clause is deprecated",
	},
	{
		stmt:     Statement{Name: "misspelled label in MATCH", Query: "MATCH (n:Mesure) RETURN n"},
		severity: "warning", want: "Label Mesure is not present in the database",
	},
	{
		stmt:     Statement{Name: "misspelled relationship type", Query: "MATCH (m:Measure)-[:RUNS_BY]->(o:Organisation) RETURN o"},
		severity: "warning", want: "Relationship type RUNS_BY is not present in the database",
	},
	{
		stmt:     Statement{Name: "misspelled property", Query: "MATCH (n:Measure) RETURN n.titel AS title"},
		severity: "warning", want: "titel is not present in the database",
	},
}

func TestLintReportsProblems(t *testing.T) {
	Skip(t)
	t.Parallel()
	stmts := make([]Statement, len(problems))
	for i, p := range problems {
		stmts[i] = p.stmt
	}
	results, err := Lint(t.Context(), stmts, schema)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(problems) {
		t.Fatalf("got %d results for %d statements", len(results), len(problems))
	}
	for i, p := range problems {
		r := results[i]
		found := false
		for _, d := range r.Diagnostics {
			if d.Severity == p.severity && strings.Contains(d.Message, p.want) &&
				(p.line == 0 || d.Line == p.line && d.Column == p.column) {
				found = true
			}
		}
		if !found {
			where := ""
			if p.line != 0 {
				where = fmt.Sprintf(" at %d:%d", p.line, p.column)
			}
			t.Errorf("%s: want a %s containing %q%s, got %v\n%s", p.stmt.Name, p.severity, p.want, where, r.Diagnostics, p.stmt.Query)
		} else {
			t.Logf("%s: %v", p.stmt.Name, r.Diagnostics)
		}
	}
}

// Labels in write clauses are not checked against the schema, only those in read patterns.
func TestLabelsCheckedOnlyInReadPatterns(t *testing.T) {
	Skip(t)
	t.Parallel()
	results, err := Lint(t.Context(), []Statement{
		{Name: "misspelled label in MERGE", Query: "MERGE (n:Mesure {id: $id}) RETURN n.id", Params: map[string]string{"id": "string"}},
	}, schema)
	if err != nil {
		t.Fatal(err)
	}
	if d := results[0].Diagnostics; len(d) != 0 {
		t.Errorf("the linter now checks labels in MERGE too (update the package doc): %v", d)
	}
}

// lint.mjs also takes the plain JSON array of statements on stdin, without a schema.
func TestLintScriptPlainArray(t *testing.T) {
	Skip(t)
	t.Parallel()
	in := `[{"name": "ok", "query": "MATCH (n:Measure {id: $id}) RETURN n", "params": {"id": "string"}},
	        {"name": "bad", "query": "MATCH (n:Measure) RETURN m", "params": {}}]`
	cmd := exec.CommandContext(t.Context(), "node", "lint.mjs")
	cmd.Dir = sourceDir()
	cmd.Stdin = strings.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node lint.mjs: %v: %s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	var got []wireResult
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got) != 2 || got[0].Name != "ok" || len(got[0].Diagnostics) != 0 ||
		got[1].Name != "bad" || len(got[1].Diagnostics) != 1 || got[1].Diagnostics[0].Severity != "error" {
		t.Errorf("got %s", out)
	}
}

// manyStatements makes n distinct clean statements.
func manyStatements(n int) []Statement {
	stmts := make([]Statement, n)
	for i := range stmts {
		s := clean[i%len(clean)]
		stmts[i] = Statement{
			Name:   fmt.Sprintf("%s #%d", s.Name, i),
			Query:  fmt.Sprintf("// statement %d\n%s", i, s.Query),
			Params: s.Params,
		}
	}
	return stmts
}

// TestLintManyStatements logs how long one node run takes for 1 and for 100 statements; the
// difference is the per-statement cost, the rest the start-up of Node and the package.
func TestLintManyStatements(t *testing.T) {
	Skip(t)
	for _, n := range []int{1, 100} {
		stmts := manyStatements(n)
		start := time.Now()
		results, err := Lint(t.Context(), stmts, schema)
		elapsed := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			for _, d := range r.Diagnostics {
				t.Errorf("%s: %v", r.Name, d)
			}
		}
		t.Logf("linted %d statement(s) in one run in %v", n, elapsed.Round(time.Millisecond))
	}
}

func TestAvailableExplainsMissingInstall(t *testing.T) {
	t.Parallel()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"lint.mjs", "package.json"} {
		data, err := os.ReadFile(filepath.Join(sourceDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// self stands in for node: Available only looks it up.
	l := Linter{Dir: dir, Node: self}
	err = l.Available()
	if err == nil || !strings.Contains(err.Error(), "run npm ci in graph/neo4j/cypherlint") {
		t.Errorf("Available without node_modules = %v, want an error that says to run npm ci", err)
	}
	if _, lintErr := l.Lint(t.Context(), clean[:1], Schema{}); lintErr == nil || lintErr.Error() != err.Error() {
		t.Errorf("Lint without node_modules = %v, want %v", lintErr, err)
	}

	pkg := filepath.Join(dir, "node_modules", "@neo4j-cypher", "language-support")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"version": "0.0.1"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := l.Available(); err == nil || !strings.Contains(err.Error(), "0.0.1 is installed but package.json pins") {
		t.Errorf("Available with another version installed = %v", err)
	}

	l.Node = filepath.Join(dir, "no-such-node")
	if err := l.Available(); err == nil || !strings.Contains(err.Error(), "Node.js is needed") {
		t.Errorf("Available without node = %v, want an error that says Node.js is needed", err)
	}
}
