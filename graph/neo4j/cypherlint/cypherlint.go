// Package cypherlint checks Cypher statements with Neo4j's own Cypher front-end, so that the
// tests of the Neo4j backend can prove every statement it sends is valid Cypher 5 without a
// Neo4j server.
//
// The checking is done by the npm package @neo4j-cypher/language-support (its
// lintCypherQuery: Neo4j's ANTLR grammar plus Neo4j's semantic analysis compiled from Java to
// JavaScript). This folder is a small Node project around it: package.json pins the package,
// lint.mjs reads statements as JSON on stdin and writes the diagnostics as JSON to stdout, and
// Lint runs `node lint.mjs` here. Before use, install it once:
//
//	cd graph/neo4j/cypherlint && npm ci
//
// Every statement is linted as Cypher 5 with exactly its own parameters declared, so a $name
// used but not declared is an error, and one declared but unused is a warning. Neo4j's
// built-in functions and procedures are declared too, which makes a call to anything else
// (APOC, GDS, a misspelled procedure) an error and checks the arguments and YIELD columns of
// built-in procedure calls. A Schema may add the labels, relationship types and property keys
// the database has; the linter then warns about others, in read patterns only.
//
// Tests use [Skip] (or [Check], which calls it) so that a machine without Node or without the
// installed package skips with a message, unless the environment variable
// NETZWERKATLAS_TEST_CYPHERLINT=1 is set (as CI does): then it fails.
package cypherlint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// EnvRequire is the environment variable that turns a skip for a missing linter into a
// failure when it is "1".
const EnvRequire = "NETZWERKATLAS_TEST_CYPHERLINT"

// npmPackage is the npm package that does the linting.
const npmPackage = "@neo4j-cypher/language-support"

// Statement is one Cypher statement to check.
type Statement struct {
	// Name identifies the statement in results and messages.
	Name string
	// Query is the Cypher text as the backend sends it.
	Query string
	// Params declares the statement's parameters, name (without $) to type, e.g.
	// {"id": "string", "limit": "integer", "rows": "list", "props": "map"}. The linter
	// checks only which names are declared; the types document the call.
	Params map[string]string
}

// Diagnostic is one problem the linter found.
type Diagnostic struct {
	// Severity is "error", "warning", "information" or "hint".
	Severity string
	// Message is the linter's text. Checks that lint.mjs adds start with "cypherlint:".
	Message string
	// Line and Column are 1-based and point at the start of the reported text.
	Line, Column int
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Column, d.Severity, d.Message)
}

// Result holds the diagnostics of one statement; no diagnostics means the statement is clean.
type Result struct {
	Name        string
	Diagnostics []Diagnostic
}

// Schema describes the database, all of it optional.
type Schema struct {
	// Labels and RelationshipTypes: when either is non-nil, a label or relationship type
	// in a read pattern (MATCH, not MERGE/CREATE/SET) that is not listed gives a warning;
	// the nil one then counts as empty.
	Labels            []string
	RelationshipTypes []string
	// PropertyKeys: when non-nil, reading a node or relationship property that is not
	// listed, and not written anywhere in the same statement, gives a warning.
	PropertyKeys []string
}

// Linter runs lint.mjs. The zero value uses this package's source folder and node from PATH.
type Linter struct {
	// Dir is the folder holding lint.mjs and node_modules; empty means the folder of this
	// package's source files.
	Dir string
	// Node is the node executable; empty means "node" looked up in PATH.
	Node string
}

// Lint checks stmts with the zero Linter.
func Lint(ctx context.Context, stmts []Statement, schema Schema) ([]Result, error) {
	return Linter{}.Lint(ctx, stmts, schema)
}

// Available reports, as an error, why the zero Linter cannot run: node missing from PATH, or
// the npm package not installed. It returns nil when Lint can run.
func Available() error {
	return Linter{}.Available()
}

// sourceDir is the folder of this file at build time.
func sourceDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	return filepath.Dir(file)
}

func (l Linter) dir() string {
	if l.Dir != "" {
		return l.Dir
	}
	return sourceDir()
}

// installHint is appended to errors about a missing install.
const installHint = "run npm ci in graph/neo4j/cypherlint"

// Available reports, as an error, why l cannot run: node missing, lint.mjs missing, or the npm
// package not installed (or installed at another version than package.json pins). It returns
// nil when Lint can run.
func (l Linter) Available() error {
	_, err := l.node()
	if err != nil {
		return err
	}
	dir := l.dir()
	if dir == "" {
		return errors.New("cypherlint: cannot locate the package folder; set Linter.Dir")
	}
	if _, err := os.Stat(filepath.Join(dir, "lint.mjs")); err != nil {
		return fmt.Errorf("cypherlint: no lint.mjs in %s (set Linter.Dir to the graph/neo4j/cypherlint folder): %w", dir, err)
	}
	want, err := pinnedVersion(dir)
	if err != nil {
		return err
	}
	installed := filepath.Join(dir, "node_modules", filepath.FromSlash(npmPackage), "package.json")
	data, err := os.ReadFile(installed)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("cypherlint: %s is not installed in %s: %s", npmPackage, dir, installHint)
	}
	if err != nil {
		return fmt.Errorf("cypherlint: %w", err)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return fmt.Errorf("cypherlint: reading %s: %w", installed, err)
	}
	if pkg.Version != want {
		return fmt.Errorf("cypherlint: %s %s is installed but package.json pins %s: %s", npmPackage, pkg.Version, want, installHint)
	}
	return nil
}

// pinnedVersion reads the version of the npm package that package.json in dir pins.
func pinnedVersion(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", fmt.Errorf("cypherlint: %w", err)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", fmt.Errorf("cypherlint: reading %s: %w", filepath.Join(dir, "package.json"), err)
	}
	v, ok := pkg.Dependencies[npmPackage]
	if !ok {
		return "", fmt.Errorf("cypherlint: package.json in %s has no dependency %s", dir, npmPackage)
	}
	return v, nil
}

func (l Linter) node() (string, error) {
	name := l.Node
	if name == "" {
		name = "node"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("cypherlint: Node.js is needed to lint Cypher (install Node 20 or later, then %s): %w", installHint, err)
	}
	return path, nil
}

// wire types: the JSON that lint.mjs reads and writes.
type (
	wireInput struct {
		Schema     map[string][]string `json:"schema"`
		Statements []wireStatement     `json:"statements"`
	}
	wireStatement struct {
		Name   string            `json:"name"`
		Query  string            `json:"query"`
		Params map[string]string `json:"params"`
	}
	wireResult struct {
		Name        string           `json:"name"`
		Diagnostics []wireDiagnostic `json:"diagnostics"`
	}
	wireDiagnostic struct {
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	}
)

// wire encodes the schema for lint.mjs. A list is sent when it is non-nil, even empty, since
// a declared list switches its check on.
func (s Schema) wire() map[string][]string {
	w := map[string][]string{}
	if s.Labels != nil || s.RelationshipTypes != nil {
		w["labels"] = append([]string{}, s.Labels...)
		w["relationshipTypes"] = append([]string{}, s.RelationshipTypes...)
	}
	if s.PropertyKeys != nil {
		w["propertyKeys"] = append([]string{}, s.PropertyKeys...)
	}
	return w
}

// Lint runs lint.mjs on stmts and returns one Result per statement, in order. The error is
// non-nil only when the linter could not run (see Available) or failed; problems in the
// statements are in the results.
func (l Linter) Lint(ctx context.Context, stmts []Statement, schema Schema) ([]Result, error) {
	if err := l.Available(); err != nil {
		return nil, err
	}
	if len(stmts) == 0 {
		return nil, nil
	}
	node, _ := l.node()
	in := wireInput{Schema: schema.wire(), Statements: make([]wireStatement, len(stmts))}
	for i, s := range stmts {
		params := s.Params
		if params == nil {
			params = map[string]string{}
		}
		in.Statements[i] = wireStatement{Name: s.Name, Query: s.Query, Params: params}
	}
	payload, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("cypherlint: %w", err)
	}

	cmd := exec.CommandContext(ctx, node, "lint.mjs")
	cmd.Dir = l.dir()
	cmd.Stdin = bytes.NewReader(payload)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("cypherlint: node lint.mjs: %w", ctxErr)
		}
		return nil, fmt.Errorf("cypherlint: node lint.mjs: %w: %s", err, strings.TrimSpace(stderr.String()))
	}

	var out []wireResult
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("cypherlint: reading the output of node lint.mjs: %w (stderr: %s)", err, strings.TrimSpace(stderr.String()))
	}
	if len(out) != len(stmts) {
		return nil, fmt.Errorf("cypherlint: node lint.mjs returned %d results for %d statements", len(out), len(stmts))
	}
	results := make([]Result, len(out))
	for i, r := range out {
		if r.Name != stmts[i].Name {
			return nil, fmt.Errorf("cypherlint: result %d is for %q, want %q", i, r.Name, stmts[i].Name)
		}
		res := Result{Name: r.Name}
		for _, d := range r.Diagnostics {
			res.Diagnostics = append(res.Diagnostics, Diagnostic(d))
		}
		results[i] = res
	}
	return results, nil
}
