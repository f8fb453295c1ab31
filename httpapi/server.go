// Package httpapi serves Netzwerkatlas's JSON API under /api/v1, the health endpoints and the
// web frontend. It translates HTTP to calls on a graph.Store and domain errors to RFC 9457
// problem documents. It must not import a storage driver or a backend: cmd wires the store in.
package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Config holds what the server needs.
type Config struct {
	// Store is the graph store.
	Store graph.Store
	// Log receives one line per request and the details of internal errors.
	Log zerolog.Logger
	// Frontend serves the web app below every API route (nil: no frontend).
	Frontend http.Handler
	// Version is reported by /healthz.
	Version string
}

// Server is the HTTP API.
type Server struct {
	store   graph.Store // instrumented: every call is timed in metrics
	metrics *metrics
	log     zerolog.Logger
	version string
	router  *mux.Router

	regionsMu  sync.Mutex
	regionsRev uint64
	regions    []string // public region keys at regionsRev
	regionsOK  bool
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	m := newMetrics()
	s := &Server{store: m.instrument(cfg.Store), metrics: m, log: cfg.Log, version: cfg.Version, router: mux.NewRouter()}
	s.router.NotFoundHandler = http.HandlerFunc(s.handleNotFound)
	s.router.MethodNotAllowedHandler = http.HandlerFunc(s.handleMethodNotAllowed)
	s.router.Use(recordRoute)
	s.registerHealthRoutes(s.router)
	// Routes are registered with their full paths on one router: gorilla/mux answers 404
	// instead of 405 for a method mismatch inside a subrouter.
	s.registerNodeRoutes(s.router)
	s.registerSearchRoutes(s.router)
	if cfg.Frontend != nil {
		// Everything outside the API is the web app; unknown API paths stay problem+json.
		s.router.MatcherFunc(func(r *http.Request, _ *mux.RouteMatch) bool {
			return !strings.HasPrefix(r.URL.Path, apiPrefix+"/") && r.URL.Path != apiPrefix
		}).Handler(cfg.Frontend)
	}
	return s
}

// Handler returns the server's root handler with request logging, metrics, security
// headers and recovery.
func (s *Server) Handler() http.Handler {
	return s.logRequests(securityHeaders(s.recoverPanics(s.router)))
}

// registerHealthRoutes adds the liveness and readiness probes.
func (s *Server) registerHealthRoutes(r *mux.Router) {
	r.HandleFunc("/healthz", s.handleHealth).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", s.handleReady).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", s.metrics.handler()).Methods(http.MethodGet, http.MethodHead)
}

// handleHealth serves GET /healthz: the process is up.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.version})
}

// handleReady serves GET /readyz: the store can serve requests.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn().Err(err).Msg("readiness check failed")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "detail": graph.ErrorMessage(err)})
		return
	}
	rev, _ := s.store.Revision(ctx)
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "revision": rev})
}

// access describes what the caller may read. Until sign-in exists every caller is anonymous:
// public nodes of public regions, no contact data.
type access struct {
	regions     []string // readable regions
	publicOnly  bool
	seeContacts bool
}

func (a access) filter(f graph.Filter) graph.Filter {
	f.Regions = a.regions
	if a.publicOnly {
		if f.Visibility == graph.Internal {
			f.Regions = []string{} // asks for what the caller may not see: nothing
		}
		f.Visibility = graph.Public
	}
	return f
}

// canRead reports whether the caller may see e.
func (a access) canRead(e graph.Entity) bool {
	if a.publicOnly && e.Base().Visibility != graph.Public {
		return false
	}
	r := e.RegionKey()
	return r == "" || slices.Contains(a.regions, r)
}

// view prepares e for the caller: contact data only for roles that may see it.
func (a access) view(e graph.Entity) graph.Entity {
	if act, ok := e.(*graph.Actor); ok && !a.seeContacts {
		return act.WithoutContact()
	}
	return e
}

// accessFor returns the caller's access.
func (s *Server) accessFor(r *http.Request) (access, error) {
	regions, err := s.publicRegions(r.Context())
	if err != nil {
		return access{}, err
	}
	return access{regions: regions, publicOnly: true}, nil
}

// publicRegions returns the keys of the public regions, cached per store revision.
func (s *Server) publicRegions(ctx context.Context) ([]string, error) {
	rev, err := s.store.Revision(ctx)
	if err != nil {
		return nil, err
	}
	s.regionsMu.Lock()
	defer s.regionsMu.Unlock()
	if s.regionsOK && s.regionsRev == rev {
		return s.regions, nil
	}
	keys := []string{}
	q := graph.ListQuery{Kind: graph.KindRegion, Filter: graph.Filter{Visibility: graph.Public}, Limit: graph.MaxLimit}
	for {
		page, err := s.store.List(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, e := range page.Items {
			keys = append(keys, e.Base().ID)
		}
		if page.NextCursor == "" {
			break
		}
		q.Cursor = page.NextCursor
	}
	s.regions, s.regionsRev, s.regionsOK = keys, rev, true
	return keys, nil
}
