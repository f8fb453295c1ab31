package embedded_test

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
	"github.com/netzwerkatlas/netzwerkatlas/graph/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Factory{
		New: func(t *testing.T) graph.Store {
			s, err := embedded.Open(t.TempDir(), embedded.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T, s graph.Store) graph.Store {
			dir := filepathDir(s.(*embedded.Store).Path())
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := embedded.Open(dir, embedded.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s2
		},
	})
}

func filepathDir(p string) string { return p[:len(p)-len(embedded.FileName)-1] }
