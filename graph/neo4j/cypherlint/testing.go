package cypherlint

import (
	"os"
	"testing"
)

// Skip skips the test when the linter cannot run here, saying why and how to install it.
// When the environment variable NETZWERKATLAS_TEST_CYPHERLINT is "1" it fails the test
// instead, so that CI cannot pass by skipping.
func Skip(tb testing.TB) {
	tb.Helper()
	err := Available()
	if err == nil {
		return
	}
	if os.Getenv(EnvRequire) == "1" {
		tb.Fatalf("%v (%s=1 requires the Cypher linter)", err, EnvRequire)
	}
	tb.Skipf("%v (set %s=1 to fail instead of skip)", err, EnvRequire)
}

// Check lints stmts (after Skip) and reports every diagnostic, warnings included, as a test
// error naming the statement.
func Check(tb testing.TB, stmts []Statement, schema Schema) {
	tb.Helper()
	Skip(tb)
	results, err := Lint(tb.Context(), stmts, schema)
	if err != nil {
		tb.Fatal(err)
	}
	for i, r := range results {
		for _, d := range r.Diagnostics {
			tb.Errorf("Cypher statement %q: %v\n%s", r.Name, d, stmts[i].Query)
		}
	}
}
