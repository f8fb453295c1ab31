// Package httpapi serves Netzwerkatlas's JSON API under /api/v1, the health endpoints and the
// web frontend. It translates HTTP to calls on a graph.Store and domain errors to RFC 9457
// problem documents. It must not import a storage driver or a backend: cmd wires the store in.
package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/klauspost/compress/gzhttp"
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
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is believed when telling
	// clients apart (sign-in throttling); without them the TCP peer is the client.
	TrustedProxies []netip.Prefix
	// Heavy are the budgets of heavy requests (zero fields: DefaultHeavyLimits).
	Heavy HeavyLimits
}

// Server is the HTTP API.
type Server struct {
	store    graph.Store // instrumented: every call is timed in metrics
	metrics  *metrics
	json     *jsonCache // encoded nodes by id and version
	analyses analysisCache
	log      zerolog.Logger
	version  string
	router   *mux.Router

	logins         *throttle      // password attempts per account and client (throttle.go)
	trustedProxies []netip.Prefix // whose X-Forwarded-For names the client

	reports chan struct{} // one token per report rendered at once (see maxConcurrentReports)
	jobs    *jobRunner    // this instance's import jobs

	backup graph.Backuper // the store itself when it can copy itself (not instrumented); else nil
	heavy  *gate          // turns of heavy requests per caller class (limits.go)

	snapshots snapShare // snapshots shared by exports running at once (snapshare.go)

	regionsMu  sync.Mutex
	regionsRev uint64
	regions    []string // public region keys at regionsRev
	regionsOK  bool
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	m := newMetrics()
	s := &Server{store: m.instrument(cfg.Store), metrics: m, json: newJSONCache(), log: cfg.Log, version: cfg.Version, router: mux.NewRouter(),
		logins: newThrottle(), trustedProxies: cfg.TrustedProxies,
		reports: make(chan struct{}, maxConcurrentReports), jobs: newJobRunner(), heavy: newGate(cfg.Heavy)}
	s.router.NotFoundHandler = http.HandlerFunc(s.handleNotFound)
	s.router.MethodNotAllowedHandler = http.HandlerFunc(s.handleMethodNotAllowed)
	s.router.Use(recordRoute)
	s.registerHealthRoutes(s.router)
	// Routes are registered with their full paths on one router: gorilla/mux answers 404
	// instead of 405 for a method mismatch inside a subrouter.
	s.registerNodeRoutes(s.router)
	s.registerSearchRoutes(s.router)
	s.registerAuthRoutes(s.router)
	s.registerWriteRoutes(s.router)
	s.registerChangeRoutes(s.router)
	s.registerAuditRoutes(s.router)
	s.registerDocRoutes(s.router)
	s.registerUserRoutes(s.router)
	s.registerAnalysisRoutes(s.router)
	s.registerSnapshotRoutes(s.router)
	s.registerMonitoringRoutes(s.router)
	s.registerReportRoutes(s.router)
	s.registerStructureRoutes(s.router)
	s.registerExchangeRoutes(s.router)
	s.registerJobRoutes(s.router)
	s.registerMergeRoutes(s.router)
	if b, ok := cfg.Store.(graph.Backuper); ok {
		s.backup = b
	}
	s.registerBackupRoutes(s.router)
	if cfg.Frontend != nil {
		// Everything outside the API is the web app; unknown API paths stay problem+json.
		s.router.MatcherFunc(func(r *http.Request, _ *mux.RouteMatch) bool {
			return !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/api"
		}).Handler(cfg.Frontend)
	}
	return s
}

// Handler returns the server's root handler with request logging, metrics, security
// headers, compression and recovery.
func (s *Server) Handler() http.Handler {
	return s.logRequests(securityHeaders(compress(s.recoverPanics(s.refuseEncodedBodies(s.authenticate(s.limitHeavy(s.router)))))))
}

// compress gzips answers of 1 KiB and more for clients that accept it (Rhein-Neckar's
// network analysis: 202 kB of JSON, 16 kB gzipped; its coverage 158 kB, 16 kB). Answers that
// are already encoded — the web app's files, compressed once when embedded — pass unchanged.
var compress = func() func(http.Handler) http.HandlerFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(1024))
	if err != nil {
		panic(err) // only for invalid options
	}
	return wrap
}()

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

// access is what the caller may read (graph.Access): which regions, where internal entries
// too, and whose contact data.
type access = graph.Access

// within reports whether region is in set (nil: every region).
func within(set []string, region string) bool { return graph.Within(set, region) }

// view is e as the caller may see it (contact data only for roles that may see it).
func view(acc access, e graph.Entity) graph.Entity {
	v, _ := acc.View(e)
	return v
}

// encode returns the JSON of e as the caller may see it.
func (s *Server) encode(acc access, e graph.Entity) (json.RawMessage, error) {
	v, redacted := acc.View(e)
	return s.json.encode(v, redacted)
}

// accessFor returns the caller's access: anonymous callers read the public data of public
// regions; signed-in users also the regions they have a role in — members and above their
// internal directory, coordinators and above their actors' contact data; admins everything.
func (s *Server) accessFor(r *http.Request) (access, error) {
	p := principalFrom(r.Context())
	if p != nil && p.user.Admin {
		return access{}, nil
	}
	public, err := s.publicRegions(r.Context())
	if err != nil {
		return access{}, err
	}
	acc := access{Regions: slices.Clone(public), Internal: []string{}, Contacts: []string{}}
	if p == nil {
		return acc, nil
	}
	for region, role := range p.user.Roles {
		if !slices.Contains(acc.Regions, region) {
			acc.Regions = append(acc.Regions, region)
		}
		if role.Rank() >= graph.RoleMember.Rank() {
			acc.Internal = append(acc.Internal, region)
		}
		if role.Rank() >= graph.RoleCoordinator.Rank() {
			acc.Contacts = append(acc.Contacts, region)
		}
	}
	slices.Sort(acc.Regions)
	return acc, nil
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
