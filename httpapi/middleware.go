package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

type requestIDKey struct{}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests gives every request an id (the client's X-Request-ID when it is sane) and logs
// it once when it is done: id, method, route template, status, duration.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if len(id) == 0 || len(id) > 64 || !printableASCII(id) {
			id = newRequestID()
		}
		w.Header().Set("X-Request-ID", id)
		route := &routeHolder{template: "(unmatched)"}
		ctx := context.WithValue(context.WithValue(r.Context(), requestIDKey{}, id), routeKey{}, route)
		r = r.WithContext(ctx)
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		ev := s.log.Info()
		if rec.status >= 500 {
			ev = s.log.Error()
		}
		took := time.Since(start)
		ev.Str("request_id", id).Str("method", r.Method).Str("route", route.template).Int("status", rec.status).
			Int("bytes", rec.bytes).Dur("duration", took).Msg("request")
		s.metrics.observeRequest(route.template, r.Method, rec.status, took)
	})
}

type routeKey struct{}

// routeHolder carries the matched route template from inside the router (where mux knows it)
// out to logRequests (which wraps the router).
type routeHolder struct{ template string }

// recordRoute is a mux middleware that notes the matched route's template.
func recordRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := r.Context().Value(routeKey{}).(*routeHolder); ok {
			if m := mux.CurrentRoute(r); m != nil {
				if tpl, err := m.GetPathTemplate(); err == nil {
					h.template = tpl
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// contentSecurityPolicy allows the web app's own scripts, styles and images only, and no
// framing by other sites. Map tiles stay on this server too (design: the data stays on the
// county's machine).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into a logged 500 instead of a dropped connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error().Interface("panic", v).Str("request_id", requestID(r.Context())).Msg("handler panicked")
				s.writeError(w, r, &graph.Error{Code: graph.EINTERNAL, Message: "internal error"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// refuseEncodedBodies answers 415 to a request whose body is content-encoded (gzip, deflate,
// br, …): no route unpacks request bodies, so an encoded one would be read as garbage, and
// unpacking would need its own bounds against bombs. RFC 9110 §15.5.16 and §12.5.3: the
// answer's Accept-Encoding says what is accepted.
func (s *Server) refuseEncodedBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ce := strings.TrimSpace(strings.Join(r.Header.Values("Content-Encoding"), ","))
		if ce != "" && !strings.EqualFold(ce, "identity") {
			w.Header().Set("Accept-Encoding", "identity")
			s.writeError(w, r, statusErrorf(http.StatusUnsupportedMediaType, "Content-Encoding", "is %q; send the request body unencoded (identity)", ce))
			return
		}
		next.ServeHTTP(w, r)
	})
}
