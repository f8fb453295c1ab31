package lexicon

import (
	"hash/maphash"
	"sync"
)

// Splitting a word costs tens of microseconds (it stems many pieces of it),
// and vocabulary repeats heavily, so Decompound memoises its results in a
// bounded, process-wide cache keyed by the folded word, like graph/text's
// stem cache: at most cacheShards*cacheShardSize words; a full shard is
// emptied.
const (
	cacheShards    = 16
	cacheShardSize = 4096
)

type splitCache struct {
	seed   maphash.Seed
	shards [cacheShards]splitShard
}

type splitShard struct {
	mu sync.Mutex
	m  map[string][]string
}

var splits = splitCache{seed: maphash.MakeSeed()}

// get returns the cached parts of the folded word w. The slice is shared.
func (c *splitCache) get(w string) ([]string, bool) {
	sh := &c.shards[maphash.String(c.seed, w)%cacheShards]
	sh.mu.Lock()
	p, ok := sh.m[w]
	sh.mu.Unlock()
	return p, ok
}

// put records the parts of the folded word w.
func (c *splitCache) put(w string, p []string) {
	sh := &c.shards[maphash.String(c.seed, w)%cacheShards]
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= cacheShardSize {
		sh.m = make(map[string][]string, cacheShardSize/4)
	}
	sh.m[w] = p
	sh.mu.Unlock()
}
