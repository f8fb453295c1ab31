package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// problemFormats returns the English formats of the problems the service writes: the format
// argument of problems.add, invalid and Errorf calls, and the fixed Message of an error
// literal, in the packages at dirs.
func problemFormats(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			fs := token.NewFileSet()
			file, err := parser.ParseFile(fs, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				// A fixed sentence: Message: "…" in an Error or a FieldError.
				if kv, ok := n.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Message" {
						if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							out[s] = fs.Position(lit.Pos()).String()
						}
					}
					return true
				}
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				var name string
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					// A plain add(…) is not problems.add (the Neo4j statements use one).
					if fn.Name != "add" {
						name = fn.Name
					}
				}
				// The format's position: add, invalid, Errorf (graph, httpapi); an import row's
				// fail and failS (a fixed sentence), failf, failSf and the report's warn (exchange); the
				// refusal format of coordinatedSnapshot (httpapi); the limits of an import (limitf,
				// limitAt in exchange).
				at := map[string]int{"add": 1, "invalid": 1, "Errorf": 1, "statusErrorf": 2, "fail": 3, "failS": 3, "failf": 3, "failSf": 4, "warn": 0, "coordinatedSnapshot": 3, "limitf": 0, "limitAt": 2}
				i, known := at[name]
				if !known || len(call.Args) <= i {
					return true
				}
				if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					out[s] = fs.Position(lit.Pos()).String()
				}
				return true
			})
		}
	}
	return out
}

// TestProblemsTranslated: every problem the graph and the API write has its German form in the
// catalogue, with the same verbs in the same order — a test that fails when someone adds a
// message in English only.
func TestProblemsTranslated(t *testing.T) {
	formats := problemFormats(t, filepath.Join("..", "graph"), filepath.Join("..", "graph", "embedded"), filepath.Join("..", "graph", "neo4j"),
		filepath.Join("..", "httpapi"), filepath.Join("..", "analysis"), filepath.Join("..", "exchange"))
	if len(formats) < 100 {
		t.Fatalf("found only %d formats; is the scan broken?", len(formats))
	}
	// The verbs without their explicit indexes, sorted: German may reorder them with %[2]s.
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	index := regexp.MustCompile(`\[\d+\]`)
	verbs := func(s string) []string {
		vs := verb.FindAllString(s, -1)
		for i, v := range vs {
			vs[i] = index.ReplaceAllString(v, "")
		}
		slices.Sort(vs)
		return vs
	}
	for f, at := range formats {
		if !HasFormat(f) {
			t.Errorf("%s: %q has no German form in catalogue/problems.json", at, f)
			continue
		}
		if de, _ := Message(problemKey(f), DE); !slices.Equal(verbs(de), verbs(f)) {
			t.Errorf("%q: the German form %q has other verbs", f, de)
		}
	}
}

func TestFormat(t *testing.T) {
	if got := For(DE).Format("lies before the baseline year (%d)", 2023); got != "liegt vor dem Ausgangsjahr (2023)" {
		t.Errorf("German: %q", got)
	}
	if got := For(EN).Format("lies before the baseline year (%d)", 2023); got != "lies before the baseline year (2023)" {
		t.Errorf("English: %q", got)
	}
	if got := For(DE).Format("a sentence nobody translated (%d)", 7); got != "a sentence nobody translated (7)" {
		t.Errorf("unknown format: %q", got)
	}
}

func TestFormatWords(t *testing.T) {
	// Kinds of entries are words of the catalogue; German may reorder the arguments.
	type kind string
	if got := For(DE).Format("there is no %s %s in region %s", kind("organisation"), "AWO", "05562"); got != "in der Region 05562 gibt es keinen Eintrag der Art Organisation mit AWO" {
		t.Errorf("%q", got)
	}
	if got := For(EN).Format("there is no %s %s in region %s", kind("organisation"), "AWO", "05562"); got != "there is no organisation AWO in region 05562" {
		t.Errorf("%q", got)
	}
	// What someone wrote (%q) stays as written, even when it is a word of the catalogue.
	if got := For(DE).Format("no %s of region %s is called %q", "organisation", "05562", "person"); got != `kein Eintrag der Art Organisation in der Region 05562 heißt "person"` {
		t.Errorf("%q", got)
	}
}
