package httpapi

import (
	"container/list"
	"encoding/json"
	"hash/maphash"
	"strconv"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// A node's JSON depends only on its id and version (its content never changes without a
// new version), so encoded nodes are kept and reused: encoding dominated the cost of list
// answers. Actors without their contact data are encoded apart (flag in the key).
//
// The cache is bounded in entries and in bytes (the JSON's length plus the key): a node may
// carry a description of 10,000 characters and a municipality its boundary, so a count alone
// does not bound the memory. Each shard evicts its least recently used entries.

const (
	cacheShards    = 16
	cacheShardSize = 4096 // entries per shard
)

// cacheShardBytes bounds one shard's JSON in bytes (16 shards: 64 MiB in all).
var cacheShardBytes = 4 << 20

type cacheKey struct {
	id       string
	version  int64
	redacted bool
}

// cacheEntry is one encoded node in a shard's LRU list.
type cacheEntry struct {
	key  cacheKey
	json json.RawMessage
}

func (e *cacheEntry) size() int { return len(e.json) + len(e.key.id) + 64 }

type jsonShard struct {
	mu    sync.Mutex
	m     map[cacheKey]*list.Element
	lru   list.List // front: most recently used
	bytes int
}

type jsonCache struct {
	seed   maphash.Seed
	shards [cacheShards]jsonShard
}

func newJSONCache() *jsonCache { return &jsonCache{seed: maphash.MakeSeed()} }

// encode returns the JSON of e, from the cache when it is there.
func (c *jsonCache) encode(e graph.Entity, redacted bool) (json.RawMessage, error) {
	m := e.Base()
	if m.ID == "" || m.Version == 0 {
		return json.Marshal(e)
	}
	k := cacheKey{m.ID, m.Version, redacted}
	sh := &c.shards[maphash.String(c.seed, m.ID+"@"+strconv.FormatInt(m.Version, 10))%cacheShards]
	sh.mu.Lock()
	if el, ok := sh.m[k]; ok {
		sh.lru.MoveToFront(el)
		b := el.Value.(*cacheEntry).json
		sh.mu.Unlock()
		return b, nil
	}
	sh.mu.Unlock()
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	sh.put(&cacheEntry{key: k, json: b})
	return b, nil
}

// put adds an entry and evicts the least recently used ones beyond the shard's bounds. An
// entry larger than the whole shard is not kept.
func (sh *jsonShard) put(en *cacheEntry) {
	if en.size() > cacheShardBytes {
		return
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.m == nil {
		sh.m = map[cacheKey]*list.Element{}
	}
	if _, ok := sh.m[en.key]; ok {
		return // encoded meanwhile by another request
	}
	sh.m[en.key] = sh.lru.PushFront(en)
	sh.bytes += en.size()
	for len(sh.m) > cacheShardSize || sh.bytes > cacheShardBytes {
		old := sh.lru.Back()
		oe := old.Value.(*cacheEntry)
		sh.lru.Remove(old)
		delete(sh.m, oe.key)
		sh.bytes -= oe.size()
	}
}

// stats returns the entries and bytes held (for tests).
func (c *jsonCache) stats() (entries, bytes int) {
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		entries += len(sh.m)
		bytes += sh.bytes
		sh.mu.Unlock()
	}
	return entries, bytes
}
