package httpapi

import (
	"encoding/json"
	"hash/maphash"
	"strconv"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// A node's JSON depends only on its id and version (its content never changes without a
// new version), so encoded nodes are kept and reused: encoding dominated the cost of list
// answers. Actors without their contact data are encoded apart (flag in the key).

const (
	cacheShards    = 16
	cacheShardSize = 4096 // per shard; a full shard is emptied
)

type cacheKey struct {
	id       string
	version  int64
	redacted bool
}

type jsonCache struct {
	seed   maphash.Seed
	shards [cacheShards]struct {
		mu sync.Mutex
		m  map[cacheKey]json.RawMessage
	}
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
	b, ok := sh.m[k]
	sh.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= cacheShardSize {
		sh.m = make(map[cacheKey]json.RawMessage, cacheShardSize/4)
	}
	sh.m[k] = b
	sh.mu.Unlock()
	return b, nil
}
