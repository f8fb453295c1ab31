package neo4j

import (
	"context"
	"os"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/storetest"
)

// envRequire makes the conformance suite fail instead of skip when no Neo4j answers.
const envRequire = "NETZWERKATLAS_TEST_NEO4J"

// testConfig returns the connection settings from the environment, or skips (or fails,
// when NETZWERKATLAS_TEST_NEO4J=1) when NEO4J_URI is not set.
func testConfig(t *testing.T) Config {
	t.Helper()
	cfg := Config{URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	if cfg.URI == "" {
		if os.Getenv(envRequire) == "1" {
			t.Fatalf("NEO4J_URI is not set but %s=1 demands the Neo4j conformance suite", envRequire)
		}
		t.Skip("NEO4J_URI is not set: the conformance suite runs against Neo4j only when one answers; it wipes that database, so use the test profile (README, section Docker): docker compose --profile test up -d neo4j-test, then NEO4J_URI=neo4j://localhost:7688 NEO4J_PASSWORD=netzwerkatlas-dev")
	}
	if cfg.User == "" {
		cfg.User = "neo4j"
	}
	return cfg
}

// TestConformance runs the shared store suite against a real Neo4j. Each store it makes
// starts from an empty database, so point NEO4J_URI at a database you can wipe.
func TestConformance(t *testing.T) {
	cfg := testConfig(t)
	storetest.Run(t, storetest.Factory{
		New: func(t *testing.T) graph.Store {
			s, err := Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.wipe(context.Background()); err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T, s graph.Store) graph.Store {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			return s2
		},
	})
}
