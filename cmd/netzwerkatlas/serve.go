package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/docs"
	"github.com/netzwerkatlas/netzwerkatlas/frontend"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
	neo4jstore "github.com/netzwerkatlas/netzwerkatlas/graph/neo4j"
	"github.com/netzwerkatlas/netzwerkatlas/httpapi"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// voice is how Main speaks to the operator: in the language of its configuration.
func (m *Main) voice() *voice { return &voice{msg.For(m.Config.Lang)} }

// shutdownGrace is how long in-flight requests may take to finish on shutdown.
const shutdownGrace = 15 * time.Second

func runServe(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", env("NETZWERKATLAS_ADDR", ":8080"), "listen address (env NETZWERKATLAS_ADDR)")
	cfg.storeFlags(fs)
	fs.BoolVar(&cfg.NoDemo, "no-demo", false, "keep a new, empty store empty instead of seeding the demo data")
	fs.StringVar(&cfg.AdminPassword, "admin-password", env("NETZWERKATLAS_ADMIN_PASSWORD", ""), "password of the first admin, set when no user exists yet (env NETZWERKATLAS_ADMIN_PASSWORD; default: random, printed once)")
	fs.StringVar(&cfg.TrustedProxies, "trusted-proxies", env("NETZWERKATLAS_TRUSTED_PROXIES", ""), "reverse proxies whose X-Forwarded-For names the client, as addresses or CIDR networks separated by commas (env NETZWERKATLAS_TRUSTED_PROXIES; default: none, the TCP peer is the client)")
	fs.StringVar(&cfg.FrontendDir, "frontend-dir", env("NETZWERKATLAS_FRONTEND_DIR", ""), "serve the web app from this folder instead of the embedded build (development)")
	heavy := cfg.heavyFlags(v, fs)
	v.flag(fs, "language of what the command prints for people: de or en")
	if err := parse(v, fs, args, stderr); err != nil {
		return err
	}
	if err := heavy(); err != nil {
		fmt.Fprintln(stderr, err)
		return errUsage
	}
	cfg.Lang = v.Lang
	log, err := newLogger(v, cfg.LogFormat, stderr)
	if err != nil {
		return err
	}
	m := &Main{Config: cfg, Log: log, Stdout: stdout}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	select {
	case <-ctx.Done():
		log.Info().Msg("shutting down: finishing in-flight requests")
	case err = <-m.serveErr:
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return err
}

// Main is the running service: the store, the HTTP server and their wiring. Tests boot it
// with Addr ":0" and a temporary data folder.
type Main struct {
	// Config is the configuration; set it before Run.
	Config Config
	// Log is the process logger.
	Log zerolog.Logger
	// Stdout receives the one-time message with a generated admin password.
	Stdout io.Writer

	store    graph.Store
	srv      *http.Server
	api      *httpapi.Server
	ln       net.Listener
	serveErr chan error
}

// Run opens the store, seeds the demo into a new one, makes sure an admin exists, and starts
// serving. It returns once the service accepts connections.
func (m *Main) Run(ctx context.Context) error {
	start := time.Now()
	proxies, err := httpapi.ParseTrustedProxies(m.Config.TrustedProxies)
	if err != nil {
		return m.voice().errorf("cli.serve.trusted_proxies", msg.Args{"value": m.Config.TrustedProxies})
	}
	store, err := openStore(ctx, m.Config)
	if err != nil {
		return err
	}
	m.store = store
	if err := m.seedDemo(ctx); err != nil {
		return err
	}
	if err := m.ensureAdmin(ctx); err != nil {
		return err
	}
	// The web app, with the user handbook at /handbuch in front of its client-side routes.
	site := http.NewServeMux()
	site.Handle(docs.Path, docs.Handler())
	site.Handle(docs.Path+"/", docs.Handler())
	site.Handle("/", frontend.Handler(m.Config.FrontendDir))
	var fe http.Handler = site
	api := httpapi.New(httpapi.Config{Store: store, Log: m.Log, Frontend: fe, Version: version, TrustedProxies: proxies, Heavy: m.Config.Heavy})
	m.api = api
	m.srv = &http.Server{
		Handler:           api.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return m.voice().wrap("cli.serve.listen", msg.Args{"addr": m.Config.Addr}, err)
	}
	m.ln = ln
	m.serveErr = make(chan error, 1)
	go func() {
		if err := m.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.serveErr <- err
		}
	}()
	m.Log.Info().Str("addr", ln.Addr().String()).Str("store", m.Config.Store).Dur("startup", time.Since(start)).
		Msgf("Netzwerkatlas is serving at %s", displayURL(ln.Addr()))
	return nil
}

// Addr returns the address the service listens on (useful with ":0").
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Store returns the open store.
func (m *Main) Store() graph.Store { return m.store }

// Close stops accepting connections, lets in-flight requests finish, and closes the store.
func (m *Main) Close() error {
	var errs []error
	if m.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		if err := m.srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
		// Running import jobs are cancelled (they write nothing) and record their end
		// before the store closes.
		m.api.Close(shutdownGrace)
	}
	if m.store != nil {
		if err := m.store.Close(); err != nil {
			errs = append(errs, err)
		}
		m.store = nil
	}
	return errors.Join(errs...)
}

func displayURL(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok && (tcp.IP.IsUnspecified() || tcp.IP == nil) {
		return fmt.Sprintf("http://localhost:%d", tcp.Port)
	}
	return "http://" + a.String()
}

// openStore opens the configured backend.
func openStore(ctx context.Context, cfg Config) (graph.Store, error) {
	v := &voice{msg.For(cfg.Lang)}
	switch cfg.Store {
	case "embedded", "":
		return embedded.Open(cfg.Data, embedded.Options{})
	case "neo4j":
		nc := neo4jstore.Config{URI: os.Getenv("NEO4J_URI"), User: env("NEO4J_USER", "neo4j"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
		if nc.URI == "" {
			return nil, v.errorf("cli.store.neo4j_uri", nil)
		}
		octx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return neo4jstore.Open(octx, nc)
	}
	return nil, v.errorf("cli.choose", msg.Args{"flag": "store", "value": cfg.Store, "choices": v.or("embedded", "neo4j")})
}

// seedDemo writes the demo data into a store that has never been written to.
func (m *Main) seedDemo(ctx context.Context) error {
	rev, err := m.store.Revision(ctx)
	if err != nil || rev != 0 || m.Config.NoDemo {
		return err
	}
	start := time.Now()
	d := demo.Demo()
	res, err := demo.Seed(ctx, m.store, d, nil)
	if err != nil {
		return m.voice().wrap("cli.serve.seed_demo", nil, err)
	}
	saved, err := saveDemoHistory(ctx, m.store, d)
	if err != nil {
		return m.voice().wrap("cli.serve.demo_history", nil, err)
	}
	m.Log.Info().Int("nodes", res.Created).Int("relations", res.Related).Int("snapshots", saved).Dur("took", time.Since(start)).Msg("seeded the demo data into the new store")
	return nil
}

// ensureAdmin creates the user "admin" when there are no users yet. Without a configured
// password it generates one and prints it once.
func (m *Main) ensureAdmin(ctx context.Context) error {
	users, err := m.store.ListUsers(ctx)
	if err != nil || len(users) > 0 {
		return err
	}
	pw, generated := m.Config.AdminPassword, false
	if pw == "" {
		pw, generated = httpapi.RandomPassword(), true
	}
	hash, err := httpapi.HashPassword(pw)
	if err != nil {
		return err
	}
	if _, err := m.store.CreateUser(ctx, &graph.User{Username: "admin", PasswordHash: hash, Admin: true}); err != nil {
		return err
	}
	if generated {
		fmt.Fprintf(m.Stdout, "\n%s\n\n", m.voice().T("cli.serve.first_admin", msg.Args{"password": pw}))
	} else {
		m.Log.Info().Msg("created the first admin user \"admin\" with the configured password")
	}
	return nil
}
