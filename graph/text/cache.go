package text

import (
	"hash/maphash"
	"sync"
)

// The Snowball stemmer costs a few hundred nanoseconds a word, most of an
// Analyze call. Vocabulary repeats heavily across documents and queries, so
// stems are memoised in a bounded, process-wide cache keyed by the folded
// word. It holds at most cacheShards*cacheShardSize entries (a few MB); a
// full shard is simply emptied. Cached terms are the package's own strings,
// so sharing them between documents pins no input.
const (
	cacheShards    = 16
	cacheShardSize = 2048
)

type stemCache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
}

type cacheShard struct {
	mu sync.Mutex
	m  map[string]string
}

var stems = stemCache{seed: maphash.MakeSeed()}

// get returns the cached stem of the folded word w.
func (c *stemCache) get(w []byte) (string, bool) {
	sh := &c.shards[maphash.Bytes(c.seed, w)%cacheShards]
	sh.mu.Lock()
	t, ok := sh.m[string(w)]
	sh.mu.Unlock()
	return t, ok
}

// put records that the folded word w stems to t.
func (c *stemCache) put(w, t string) {
	sh := &c.shards[maphash.String(c.seed, w)%cacheShards]
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= cacheShardSize {
		sh.m = make(map[string]string, cacheShardSize/4)
	}
	sh.m[w] = t
	sh.mu.Unlock()
}
