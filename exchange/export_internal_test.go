package exchange

import "github.com/netzwerkatlas/netzwerkatlas/graph"

// SharedIndexForTest exposes sharedIndex to the external tests.
func SharedIndexForTest(s *graph.Snapshot) (any, func()) { return sharedIndex(s) }
