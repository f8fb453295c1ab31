package httpapi

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestJSONCacheBoundedInBytes: large nodes fill a shard's byte budget long before its entry
// budget; the least recently used go first, a node in use stays.
func TestJSONCacheBoundedInBytes(t *testing.T) {
	defer func(b int) { cacheShardBytes = b }(cacheShardBytes)
	cacheShardBytes = 64 << 10
	c := newJSONCache()
	long := strings.Repeat("x", 9000)
	keep := &graph.Organisation{Meta: graph.Meta{ID: "org_keep", Version: 1}, Name: "bleibt", Description: long}
	if _, err := c.encode(keep, false); err != nil {
		t.Fatal(err)
	}
	for i := range 2000 {
		o := &graph.Organisation{Meta: graph.Meta{ID: "org_" + strconv.Itoa(i), Version: 1}, Name: "x", Description: long}
		if _, err := c.encode(o, false); err != nil {
			t.Fatal(err)
		}
		if _, err := c.encode(keep, false); err != nil { // used all the time: never the oldest
			t.Fatal(err)
		}
	}
	entries, bytes := c.stats()
	if bytes > cacheShards*cacheShardBytes || entries > cacheShards*(cacheShardBytes/9000+1) {
		t.Fatalf("the cache holds %d entries, %d bytes; the bound is %d bytes", entries, bytes, cacheShards*cacheShardBytes)
	}
	sh := &c.shards[0]
	for i := range c.shards {
		if _, ok := c.shards[i].m[cacheKey{"org_keep", 1, false}]; ok {
			sh = &c.shards[i]
		}
	}
	if _, ok := sh.m[cacheKey{"org_keep", 1, false}]; !ok {
		t.Fatal("the most recently used node was evicted")
	}
	// A node larger than a whole shard is encoded but not kept.
	huge := &graph.Organisation{Meta: graph.Meta{ID: "org_huge", Version: 1}, Description: strings.Repeat("y", 70<<10)}
	if b, err := c.encode(huge, false); err != nil || len(b) < 70<<10 {
		t.Fatal(err)
	}
	if e2, b2 := c.stats(); e2 != entries || b2 != bytes {
		t.Fatalf("a node larger than a shard was kept: %d → %d entries", entries, e2)
	}
}

// TestAnalysisCacheBoundedInBytes: results beyond the byte budget evict the least recently
// used ones; one larger than the whole budget is answered but not kept.
func TestAnalysisCacheBoundedInBytes(t *testing.T) {
	defer func(b int64) { maxCachedAnalysisBytes = b }(maxCachedAnalysisBytes)
	maxCachedAnalysisBytes = 10_000 // each result below: ~2 × 2,002 bytes
	var c analysisCache
	ctx := context.Background()
	computed := map[string]int{}
	get := func(key string, n int) {
		t.Helper()
		res, err := c.get(ctx, 1, key, func(context.Context) (any, error) {
			computed[key]++
			return strings.Repeat("z", n), nil
		})
		if err != nil || len(res.body) != n+2 {
			t.Fatalf("%s: %v", key, err)
		}
	}
	get("a", 2000)
	get("b", 2000)
	get("a", 2000) // a is now more recent than b
	get("c", 2000) // 3 × 4,004 > 10,000: b goes
	if c.bytes > maxCachedAnalysisBytes || len(c.results) != 2 {
		t.Fatalf("%d results, %d bytes", len(c.results), c.bytes)
	}
	if _, ok := c.results["b"]; ok {
		t.Fatal("the least recently used result was kept")
	}
	get("a", 2000)
	if computed["a"] != 1 {
		t.Fatal("the recently used result was evicted")
	}
	get("huge", 20_000)
	if _, ok := c.results["huge"]; ok || c.bytes > maxCachedAnalysisBytes {
		t.Fatalf("a result larger than the budget was kept (%d bytes)", c.bytes)
	}
	get("huge", 20_000)
	if computed["huge"] != 2 {
		t.Fatal("the large result should be computed again")
	}
}
