package httpapi

import (
	"context"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Heavy routes — exports, analyses, imports, reports — take seconds of a core and tens to
// hundreds of megabytes each. They run under budgets per caller class, so that one caller
// (or the anonymous public as a whole) cannot occupy the server: a request that finds its
// budget spent waits in a short queue, and is refused when its turn does not come within the
// wait — 429 when the caller's own budget is the limit, 503 when the server's is — with
// Retry-After in both cases.

// HeavyLimits are the budgets of heavy requests running at once.
type HeavyLimits struct {
	// Anonymous is shared by all anonymous callers together (default 2).
	Anonymous int
	// PerUser is per signed-in member or viewer (default 2).
	PerUser int
	// PerCoordinator is per signed-in coordinator or admin (default 4).
	PerCoordinator int
	// Total is the server-wide budget (default 2 × GOMAXPROCS, at least 4).
	Total int
	// Queue is how many requests may wait for a turn at once (default 4 × Total); beyond it a
	// request is refused at once.
	Queue int
	// Wait is how long a request waits for its turn (default 10 s).
	Wait time.Duration
	// RetryAfter is what the refusal's Retry-After header says (default 5 s).
	RetryAfter time.Duration
}

// DefaultHeavyLimits returns the defaults documented on HeavyLimits.
func DefaultHeavyLimits() HeavyLimits {
	return HeavyLimits{}.withDefaults()
}

func (l HeavyLimits) withDefaults() HeavyLimits {
	if l.Anonymous <= 0 {
		l.Anonymous = 2
	}
	if l.PerUser <= 0 {
		l.PerUser = 2
	}
	if l.PerCoordinator <= 0 {
		l.PerCoordinator = 4
	}
	if l.Total <= 0 {
		l.Total = max(4, 2*runtime.GOMAXPROCS(0))
	}
	if l.Queue <= 0 {
		l.Queue = 4 * l.Total
	}
	if l.Wait <= 0 {
		l.Wait = 10 * time.Second
	}
	if l.RetryAfter <= 0 {
		l.RetryAfter = 5 * time.Second
	}
	return l
}

// heavyRoute reports whether r is a heavy request.
func heavyRoute(r *http.Request) bool {
	p := r.URL.Path
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return p == apiPrefix+"/export" || strings.HasPrefix(p, apiPrefix+"/analysis/") || strings.HasPrefix(p, apiPrefix+"/reports/")
	case http.MethodPost:
		return p == apiPrefix+"/import"
	}
	return false
}

// gate hands out the turns of heavy requests.
type gate struct {
	lim     HeavyLimits
	mu      sync.Mutex
	running int
	byKey   map[string]int
	queue   []*turn      // waiting, first come first served among those that may run
	freed   atomic.Int64 // when memory was last returned (UnixNano)
}

// turn is one waiting request.
type turn struct {
	key   string
	limit int
	ready chan struct{} // closed when the turn is granted
}

func newGate(l HeavyLimits) *gate {
	return &gate{lim: l.withDefaults(), byKey: map[string]int{}}
}

// refusal says why a request got no turn.
type refusal int

const (
	granted    refusal = iota
	callerBusy         // the caller's own budget is spent: 429
	serverBusy         // the server's budget is spent: 503
	callerLeft         // the request was cancelled while waiting
)

// mayRun reports whether a request of key may start now. Called with mu held.
func (g *gate) mayRun(key string, limit int) bool {
	return g.running < g.lim.Total && g.byKey[key] < limit
}

// take records a running request. Called with mu held.
func (g *gate) take(key string) {
	g.running++
	g.byKey[key]++
}

// why names the budget that keeps key from running. Called with mu held.
func (g *gate) why(key string, limit int) refusal {
	if g.byKey[key] >= limit {
		return callerBusy
	}
	return serverBusy
}

// acquire waits for a turn of the caller key (whose budget is limit). On success the caller
// must call release(key) when done.
func (g *gate) acquire(ctx context.Context, key string, limit int) refusal {
	g.mu.Lock()
	if len(g.queue) == 0 && g.mayRun(key, limit) {
		g.take(key)
		g.mu.Unlock()
		return granted
	}
	if len(g.queue) >= g.lim.Queue {
		why := g.why(key, limit)
		g.mu.Unlock()
		return why
	}
	t := &turn{key: key, limit: limit, ready: make(chan struct{})}
	g.queue = append(g.queue, t)
	g.grant() // others in the queue may be able to run even if this one cannot
	g.mu.Unlock()

	timer := time.NewTimer(g.lim.Wait)
	defer timer.Stop()
	var why refusal
	select {
	case <-t.ready:
		return granted
	case <-timer.C:
		why = serverBusy
	case <-ctx.Done():
		why = callerLeft
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-t.ready:
		// Granted while the timer fired: hand the turn back.
		g.running--
		g.byKey[key]--
		g.grant()
	default:
		g.remove(t)
	}
	if why == serverBusy {
		why = g.why(key, limit)
	}
	return why
}

// release ends a running request of key and lets waiting ones in; it reports whether no
// heavy request runs any more.
func (g *gate) release(key string) (idle bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.running--
	if g.byKey[key]--; g.byKey[key] <= 0 {
		delete(g.byKey, key)
	}
	g.grant()
	return g.running == 0
}

// returnMemory hands the memory the heavy requests freed back to the system when the last
// of them has ended, at most every freeMemoryEvery. Without it, the Go runtime keeps the
// freed heap of a burst of exports (gigabytes in the audit) until allocation starts the next
// collection — in an idle server, typically the next write — and the county's other services
// on the machine go without it meanwhile.
func (g *gate) returnMemory() {
	now := time.Now().UnixNano()
	last := g.freed.Load()
	if now-last < int64(freeMemoryEvery) || !g.freed.CompareAndSwap(last, now) {
		return
	}
	go debug.FreeOSMemory()
}

// freeMemoryEvery spaces the returns of memory (each is a full collection).
const freeMemoryEvery = 10 * time.Second

// grant starts the waiting requests that may run, oldest first. Called with mu held.
func (g *gate) grant() {
	kept := g.queue[:0]
	for _, t := range g.queue {
		if g.mayRun(t.key, t.limit) {
			g.take(t.key)
			close(t.ready)
			continue
		}
		kept = append(kept, t)
	}
	clear(g.queue[len(kept):])
	g.queue = kept
}

// remove drops a waiting turn. Called with mu held.
func (g *gate) remove(t *turn) {
	for i, q := range g.queue {
		if q == t {
			g.queue = append(g.queue[:i], g.queue[i+1:]...)
			return
		}
	}
}

// waiting returns how many requests wait (for tests).
func (g *gate) waiting() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// anonymousKey is the budget all anonymous callers share.
const anonymousKey = "anonymous"

// callerBudget returns the key and budget of the request's caller: all anonymous callers
// share one budget; a signed-in user has one of their own, larger for coordinators and
// admins (who import and export their regions' data as part of their work).
func (g *gate) callerBudget(r *http.Request) (string, int) {
	p := principalFrom(r.Context())
	if p == nil || p.user == nil {
		return anonymousKey, g.lim.Anonymous
	}
	key := "user:" + p.user.Username
	if p.user.Admin {
		return key, g.lim.PerCoordinator
	}
	for _, role := range p.user.Roles {
		if role == graph.RoleCoordinator || role == graph.RoleAdmin {
			return key, g.lim.PerCoordinator
		}
	}
	return key, g.lim.PerUser
}

// limitHeavy runs heavy requests under the gate's budgets (it sits inside authenticate, which
// knows the caller).
func (s *Server) limitHeavy(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !heavyRoute(r) {
			next.ServeHTTP(w, r)
			return
		}
		key, limit := s.heavy.callerBudget(r)
		switch s.heavy.acquire(r.Context(), key, limit) {
		case granted:
			defer func() {
				if s.heavy.release(key) {
					s.heavy.returnMemory()
				}
			}()
			next.ServeHTTP(w, r)
		case callerBusy:
			if key == anonymousKey {
				s.writeBusy(w, r, http.StatusTooManyRequests, "anonymous callers have %d heavy requests (exports, analyses, imports, reports) running; try again shortly or sign in", limit)
				return
			}
			s.writeBusy(w, r, http.StatusTooManyRequests, "you have %d heavy requests (exports, analyses, imports, reports) running; wait until one has finished", limit)
		case serverBusy:
			s.writeBusy(w, r, http.StatusServiceUnavailable, "the server is busy with %d heavy requests (exports, analyses, imports, reports); try again shortly", s.heavy.lim.Total)
		case callerLeft:
			// Nobody to answer.
		}
	})
}

// writeBusy answers a refused heavy request with Retry-After and a problem in the reader's
// language.
func (s *Server) writeBusy(w http.ResponseWriter, r *http.Request, status int, format string, n int) {
	w.Header().Set("Retry-After", strconv.Itoa(int((s.heavy.lim.RetryAfter+time.Second-1)/time.Second)))
	w.Header().Set("Vary", "Accept-Language")
	code := "too_many_requests"
	if status == http.StatusServiceUnavailable {
		code = "busy"
	}
	writeProblem(w, problem{Type: problemType(code), Title: http.StatusText(status), Status: status,
		Detail: msg.For(readerLang(r)).Format(format, n), Instance: r.URL.Path, RequestID: requestID(r.Context())})
}
