package httpapi

import (
	"context"
	"encoding/json"
	"sync"
)

// maxCachedAnalyses bounds the results kept for one revision: parameters such as a
// threshold are free numbers, and a client must not fill the memory by varying them.
const maxCachedAnalyses = 256

// maxCachedAnalysisBytes bounds the results kept in bytes, estimated as twice the length of
// their JSON (the JSON is kept, and the value it was made from is of the same order). A
// state's duplicates or network result is tens of megabytes; 256 entries of that would be
// gigabytes. The least recently used results go first; a result larger than the whole budget
// is handed to the requests that wait for it and not kept.
var maxCachedAnalysisBytes int64 = 256 << 20

// analysisCache keeps analysis results per store revision: repeated requests cost nothing
// (not even a snapshot) until the data changes, and the first request after a write starts
// afresh. Requests for the same result share one computation. A request that is cancelled
// returns at once; the computation goes on while another request waits for it and is
// cancelled when the last one has left.
type analysisCache struct {
	mu       sync.Mutex
	revision uint64
	results  map[string]*analysisResult
	bytes    int64  // estimated size of the finished results in results
	clock    uint64 // counts uses, for least-recently-used eviction
}

// analysisResult is one computation, finished or under way.
type analysisResult struct {
	done    chan struct{}
	waiters int
	ctx     context.Context
	cancel  context.CancelFunc
	// value and body (its JSON) are set once done is closed without err.
	value any
	body  []byte
	err   error
	// size is the estimated size counted in the cache's bytes (0 until finished); used is
	// the cache's clock at the last request for it. Both are guarded by the cache's mu.
	size int64
	used uint64
}

// finished reports whether the computation has ended.
func (r *analysisResult) finished() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// get returns the result for key at revision rev, computing it with compute when it is not
// cached. compute gets a context that ends when no request waits any more.
func (c *analysisCache) get(ctx context.Context, rev uint64, key string, compute func(context.Context) (any, error)) (*analysisResult, error) {
	c.mu.Lock()
	if c.revision != rev || c.results == nil {
		c.revision, c.results, c.bytes = rev, map[string]*analysisResult{}, 0
	}
	res, ok := c.results[key]
	if ok && !res.finished() && res.ctx.Err() != nil {
		// Everyone left this computation and it is being cancelled: start a new one.
		ok = false
	}
	if !ok {
		for len(c.results) >= maxCachedAnalyses && c.evictOne() {
		}
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		res = &analysisResult{done: make(chan struct{}), ctx: cctx, cancel: cancel}
		c.results[key] = res
		go c.run(cctx, rev, key, res, compute)
	}
	res.waiters++
	c.clock++
	res.used = c.clock
	c.mu.Unlock()

	select {
	case <-res.done:
		c.leave(res)
		if res.err != nil {
			return nil, res.err
		}
		return res, nil
	case <-ctx.Done():
		c.leave(res)
		return nil, ctx.Err()
	}
}

// run computes one result and publishes it; failures are not kept, so the next request tries
// again.
func (c *analysisCache) run(ctx context.Context, rev uint64, key string, res *analysisResult, compute func(context.Context) (any, error)) {
	defer res.cancel()
	v, err := compute(ctx)
	if err == nil {
		res.value = v
		res.body, err = json.Marshal(v)
	}
	res.err = err
	c.mu.Lock()
	if c.revision == rev && c.results[key] == res {
		size := 2 * int64(len(res.body))
		switch {
		case err != nil || size > maxCachedAnalysisBytes:
			delete(c.results, key)
		default:
			res.size = size
			c.bytes += size
			for c.bytes > maxCachedAnalysisBytes && c.evictOne() {
			}
		}
	}
	c.mu.Unlock()
	close(res.done)
}

// leave records that a request stopped waiting; the last one to leave an unfinished
// computation cancels it.
func (c *analysisCache) leave(res *analysisResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res.waiters--
	if res.waiters == 0 && !res.finished() {
		res.cancel()
	}
}

// evictOne drops the least recently used finished result and reports whether there was one.
// Called with mu held.
func (c *analysisCache) evictOne() bool {
	var oldest string
	var victim *analysisResult
	for k, r := range c.results {
		if r.size > 0 && (victim == nil || r.used < victim.used) {
			oldest, victim = k, r
		}
	}
	if victim == nil {
		return false
	}
	delete(c.results, oldest)
	c.bytes -= victim.size
	return true
}
