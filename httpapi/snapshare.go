package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Exports that run at the same time over the same data share one snapshot. A snapshot of a
// state (about 150,000 entries and a million relationships) is some hundreds of megabytes —
// the relationships are copied out of the store, and again when the caller's part is cut
// out — so eight parallel anonymous exports used to hold eight copies. Requests for the same
// store revision, region and caller access now take one, and it is let go when the last of
// them ends: nothing is kept after the exports (unlike a cache, which would hold the copy
// until the next write).

type snapShare struct {
	mu sync.Mutex
	m  map[string]*sharedSnap
}

type sharedSnap struct {
	ready chan struct{}
	snap  *graph.Snapshot
	err   error
	refs  int
}

// accessKey names what an access allows, independent of the order of its lists.
func accessKey(a access) string {
	norm := func(s []string) any {
		if s == nil {
			return "all"
		}
		s = slices.Clone(s)
		slices.Sort(s)
		return s
	}
	return fmt.Sprint(norm(a.Regions), norm(a.Internal), norm(a.Contacts))
}

// sharedReadableSnapshot is readableSnapshot through the share: done must be called when
// the snapshot is no longer used.
func (s *Server) sharedReadableSnapshot(r *http.Request, region string) (snap *graph.Snapshot, done func(), err error) {
	if region != "" && !isRegionKey(region) {
		return nil, nil, invalid("region", "%q is not a region key (5 digits)", region)
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return nil, nil, err
	}
	if region != "" && !within(acc.Regions, region) {
		return nil, nil, graph.NotFound(graph.KindRegion, region)
	}
	rev, err := s.store.Revision(r.Context())
	if err != nil {
		return nil, nil, err
	}
	key := fmt.Sprintf("%d|%s|%s", rev, region, accessKey(acc))
	sh := &s.snapshots
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = map[string]*sharedSnap{}
	}
	e, ok := sh.m[key]
	if !ok {
		e = &sharedSnap{ready: make(chan struct{})}
		sh.m[key] = e
	}
	e.refs++
	sh.mu.Unlock()
	done = func() {
		sh.mu.Lock()
		defer sh.mu.Unlock()
		if e.refs--; e.refs == 0 && sh.m[key] == e {
			delete(sh.m, key)
		}
	}
	if !ok {
		// Taken for everyone who waits, so one request's cancellation does not fail the others.
		ctx := context.WithoutCancel(r.Context())
		e.snap, e.err = s.store.Snapshot(ctx, region)
		if e.err == nil && region != "" && len(e.snap.Regions) == 0 {
			e.snap, e.err = nil, graph.NotFound(graph.KindRegion, region)
		}
		if e.err == nil {
			e.snap = acc.Snapshot(e.snap)
		}
		if e.err != nil {
			sh.mu.Lock()
			if sh.m[key] == e {
				delete(sh.m, key) // the next request tries again
			}
			sh.mu.Unlock()
		}
		close(e.ready)
	} else {
		select {
		case <-e.ready:
		case <-r.Context().Done():
			done()
			return nil, nil, r.Context().Err()
		}
	}
	if e.err != nil {
		done()
		return nil, nil, e.err
	}
	return e.snap, done, nil
}

// shared returns how many snapshots are shared right now (for tests).
func (sh *snapShare) shared() int {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return len(sh.m)
}
