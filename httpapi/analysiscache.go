package httpapi

import (
	"context"
	"encoding/json"
	"sync"
)

// maxCachedAnalyses bounds the results kept for one revision: parameters such as a
// threshold are free numbers, and a client must not fill the memory by varying them.
const maxCachedAnalyses = 256

// analysisCache keeps analysis results per store revision: repeated requests cost nothing
// (not even a snapshot) until the data changes, and the first request after a write starts
// afresh. Requests for the same result share one computation. A request that is cancelled
// returns at once; the computation goes on while another request waits for it and is
// cancelled when the last one has left.
type analysisCache struct {
	mu       sync.Mutex
	revision uint64
	results  map[string]*analysisResult
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
		c.revision, c.results = rev, map[string]*analysisResult{}
	}
	res, ok := c.results[key]
	if ok && !res.finished() && res.ctx.Err() != nil {
		// Everyone left this computation and it is being cancelled: start a new one.
		ok = false
	}
	if !ok {
		if len(c.results) >= maxCachedAnalyses {
			c.evictOne()
		}
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		res = &analysisResult{done: make(chan struct{}), ctx: cctx, cancel: cancel}
		c.results[key] = res
		go c.run(cctx, rev, key, res, compute)
	}
	res.waiters++
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
	if err != nil {
		c.mu.Lock()
		if c.revision == rev && c.results[key] == res {
			delete(c.results, key)
		}
		c.mu.Unlock()
	}
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

// evictOne drops a finished result (map order makes it an arbitrary one). Called with mu held.
func (c *analysisCache) evictOne() {
	for k, r := range c.results {
		if r.finished() {
			delete(c.results, k)
			return
		}
	}
}
