package httpapi

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Password guessing is throttled so that a guesser cannot lock the owner out. A failed
// attempt counts against three budgets at once:
//
//   - the account from this client: a few tries, then one every 12 s — what stops a guesser,
//     and what a typo of the owner costs;
//   - the client across all accounts: stops one client from trying many accounts;
//   - the account from anywhere: much looser; only many clients together reach it, so a
//     distributed attack slows down without one client being able to lock the account.
//
// The owner, signing in from another client, has a budget of their own. A successful
// attempt costs nothing (its reservation is returned), so people who sign in often are never
// throttled. The client is the TCP peer, or, behind a trusted proxy, the address the proxies
// report in X-Forwarded-For (see clientIP).
type throttle struct {
	pair    *limiter
	client  *limiter
	account *limiter
}

func newThrottle() *throttle {
	return &throttle{
		pair:    newLimiter(12*time.Second, 5),
		client:  newLimiter(3*time.Second, 20),
		account: newLimiter(3*time.Second, 100),
	}
}

// limiter keeps a token bucket per key, forgetting idle ones: burst tokens, one more every
// every. Unlike golang.org/x/time/rate, a token taken can be given back after the attempt it
// paid for turned out to be a success.
type limiter struct {
	mu     sync.Mutex
	every  time.Duration
	burst  int
	bucket map[string]*bucket
}

type bucket struct {
	tokens float64   // as of at
	at     time.Time // when tokens was last brought up to date
}

func newLimiter(every time.Duration, burst int) *limiter {
	return &limiter{every: every, burst: burst, bucket: map[string]*bucket{}}
}

// refill brings b's tokens up to now.
func (l *limiter) refill(b *bucket, now time.Time) {
	if d := now.Sub(b.at); d > 0 {
		b.tokens = min(float64(l.burst), b.tokens+float64(d)/float64(l.every))
		b.at = now
	}
}

// take takes a token for key, or says how long until there is one.
func (l *limiter) take(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.bucket) > 10000 {
		// Forget the keys that are full again: they are like new ones.
		for k, b := range l.bucket {
			if l.refill(b, now); b.tokens >= float64(l.burst) {
				delete(l.bucket, k)
			}
		}
	}
	b := l.bucket[key]
	if b == nil {
		b = &bucket{tokens: float64(l.burst), at: now}
		l.bucket[key] = b
	}
	l.refill(b, now)
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) * float64(l.every))
	}
	b.tokens--
	return true, 0
}

// giveBack returns a token to key.
func (l *limiter) giveBack(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := l.bucket[key]; b != nil {
		b.tokens = min(float64(l.burst), b.tokens+1)
	}
}

// charge is one token taken from one budget.
type charge struct {
	l   *limiter
	key string
}

// attempt is one sign-in (or current-password) check that has been let through.
type attempt struct{ charges []charge }

// succeeded gives the attempt's tokens back to every budget.
func (a attempt) succeeded() {
	for _, c := range a.charges {
		c.l.giveBack(c.key)
	}
}

// begin lets an attempt on account from client through and charges it, or says how long to
// wait when a budget is spent (then nothing is charged).
func (t *throttle) begin(account, client string) (attempt, time.Duration, bool) {
	now := time.Now()
	var a attempt
	for _, c := range []charge{{t.pair, account + "\x00" + client}, {t.client, client}, {t.account, account}} {
		if ok, wait := c.l.take(c.key, now); !ok {
			a.succeeded() // refused: give back what was taken
			return attempt{}, wait, false
		}
		a.charges = append(a.charges, c)
	}
	return a, 0, true
}

// ParseTrustedProxies reads a comma- or space-separated list of proxy addresses and networks
// ("10.0.0.0/8, 192.0.2.7, fd00::/8"); the empty string trusts no proxy.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, err
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, err
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// trusted reports whether a is one of the trusted proxies.
func (s *Server) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range s.trustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientIP is the address of whoever sent the request. Without trusted proxies it is the TCP
// peer: X-Forwarded-For is anyone's to write. When the peer is a trusted proxy, the
// X-Forwarded-For list is read from the right (each proxy appends the address it saw) and the
// first address that is not a trusted proxy is the client; a malformed entry ends the walk
// at the last trusted hop, so garbage cannot pick the key.
func (s *Server) clientIP(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	client := peer.Unmap()
	if !s.trusted(client) {
		return client
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		client = a.Unmap()
		if !s.trusted(client) {
			break
		}
	}
	return client
}

// clientKey is the throttling key of the request's client: its address, or for IPv6 its
// /64 network, which one household or host usually has whole.
func (s *Server) clientKey(r *http.Request) string {
	a := s.clientIP(r)
	if !a.IsValid() {
		return r.RemoteAddr
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// tooManyAttempts is the refusal when a password budget is spent.
const tooManyAttempts = "too many attempts with a wrong password; wait a little and try again"

// beginAttempt lets a password check on account through, or answers 429 with Retry-After.
func (s *Server) beginAttempt(w http.ResponseWriter, r *http.Request, account string) (attempt, bool) {
	att, wait, ok := s.logins.begin(account, s.clientKey(r))
	if ok {
		return att, true
	}
	w.Header().Set("Retry-After", itoa(int(wait/time.Second)+1))
	w.Header().Set("Vary", "Accept-Language")
	writeProblem(w, problem{Type: problemType("rate_limited"), Title: http.StatusText(http.StatusTooManyRequests), Status: http.StatusTooManyRequests,
		Detail: msg.For(readerLang(r)).Literal(tooManyAttempts), Instance: r.URL.Path, RequestID: requestID(r.Context())})
	return attempt{}, false
}
