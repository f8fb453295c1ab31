package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/httpapi"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Config is what serve and seed are configured with: flags, with environment variables as
// fallbacks (design §2).
type Config struct {
	// Addr is the listen address (NETZWERKATLAS_ADDR, default :8080).
	Addr string
	// Store is embedded or neo4j (NETZWERKATLAS_STORE).
	Store string
	// Data is the data folder of the embedded store (NETZWERKATLAS_DATA, default ./data).
	Data string
	// NoDemo keeps a new store empty instead of seeding the demo.
	NoDemo bool
	// AdminPassword sets the first admin's password (NETZWERKATLAS_ADMIN_PASSWORD); empty
	// means a random one, printed once.
	AdminPassword string
	// TrustedProxies lists the reverse proxies (addresses or CIDR networks, comma-separated)
	// whose X-Forwarded-For names the client for sign-in throttling
	// (NETZWERKATLAS_TRUSTED_PROXIES); empty means the TCP peer is the client.
	TrustedProxies string
	// FrontendDir serves the web app from disk (development) instead of the embedded build
	// (NETZWERKATLAS_FRONTEND_DIR).
	FrontendDir string
	// LogFormat is auto, json or console.
	LogFormat string
	// Lang is the language of what the program prints for people (the voice's; empty is
	// German).
	Lang msg.Lang
	// Heavy are the budgets of heavy requests (exports, analyses, imports, reports) per
	// caller class (NETZWERKATLAS_HEAVY_*; zero: the defaults of httpapi.HeavyLimits).
	Heavy httpapi.HeavyLimits
}

// heavyFlags registers the flags of the heavy-request budgets. Each falls back to its
// environment variable; the returned function reads those after parsing and refuses a value
// that is not a number (or duration) naming the variable.
func (c *Config) heavyFlags(v *voice, fs *flag.FlagSet) func() error {
	d := httpapi.DefaultHeavyLimits()
	ints := []struct {
		name, env string
		dst       *int
		def       int
		usage     string
	}{
		{"heavy-anonymous", "NETZWERKATLAS_HEAVY_ANONYMOUS", &c.Heavy.Anonymous, d.Anonymous, "heavy requests (exports, analyses, imports, reports) all anonymous callers together may run at once"},
		{"heavy-per-user", "NETZWERKATLAS_HEAVY_PER_USER", &c.Heavy.PerUser, d.PerUser, "heavy requests one signed-in member or viewer may run at once"},
		{"heavy-per-coordinator", "NETZWERKATLAS_HEAVY_PER_COORDINATOR", &c.Heavy.PerCoordinator, d.PerCoordinator, "heavy requests one coordinator or admin may run at once"},
		{"heavy-total", "NETZWERKATLAS_HEAVY_TOTAL", &c.Heavy.Total, d.Total, "heavy requests the server runs at once (default 2 × GOMAXPROCS, at least 4)"},
	}
	durs := []struct {
		name, env string
		dst       *time.Duration
		def       time.Duration
		usage     string
	}{
		{"heavy-wait", "NETZWERKATLAS_HEAVY_WAIT", &c.Heavy.Wait, d.Wait, "how long a heavy request waits for its turn before it is refused with 429 or 503"},
	}
	for _, f := range ints {
		fs.IntVar(f.dst, f.name, f.def, f.usage+" (env "+f.env+")")
	}
	for _, f := range durs {
		fs.DurationVar(f.dst, f.name, f.def, f.usage+" (env "+f.env+")")
	}
	return func() error {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		for _, f := range ints {
			if val, ok := os.LookupEnv(f.env); ok && val != "" && !set[f.name] {
				n, err := strconv.Atoi(strings.TrimSpace(val))
				if err != nil || n < 1 {
					return v.errorf("cli.heavy.number", msg.Args{"name": f.env, "value": val})
				}
				*f.dst = n
			}
			if *f.dst < 1 {
				return v.errorf("cli.heavy.number", msg.Args{"name": "--" + f.name, "value": strconv.Itoa(*f.dst)})
			}
		}
		for _, f := range durs {
			if val, ok := os.LookupEnv(f.env); ok && val != "" && !set[f.name] {
				dur, err := time.ParseDuration(strings.TrimSpace(val))
				if err != nil || dur <= 0 {
					return v.errorf("cli.heavy.duration", msg.Args{"name": f.env, "value": val})
				}
				*f.dst = dur
			}
			if *f.dst <= 0 {
				return v.errorf("cli.heavy.duration", msg.Args{"name": "--" + f.name, "value": f.dst.String()})
			}
		}
		return nil
	}
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// storeFlags registers the flags that choose and locate the store.
func (c *Config) storeFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Store, "store", env("NETZWERKATLAS_STORE", "embedded"), "store backend: embedded or neo4j (env NETZWERKATLAS_STORE)")
	fs.StringVar(&c.Data, "data", env("NETZWERKATLAS_DATA", "./data"), "data folder of the embedded store (env NETZWERKATLAS_DATA)")
	fs.StringVar(&c.LogFormat, "log-format", env("NETZWERKATLAS_LOG_FORMAT", "auto"), "log format: auto (console on a terminal, else JSON), json or console")
}

// parse parses args into fs, turning -h and bad flags into the right errors.
func parse(v *voice, fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, v.T("cli.unexpected_args", msg.Args{"args": strings.Join(fs.Args(), " ")}))
		fs.Usage()
		return errUsage
	}
	return nil
}

// newLogger returns the process logger: JSON lines, or a console layout on a terminal.
func newLogger(v *voice, format string, w io.Writer) (zerolog.Logger, error) {
	console := false
	switch format {
	case "auto", "":
		if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
			console = true
		}
	case "console":
		console = true
	case "json":
	default:
		return zerolog.Logger{}, v.errorf("cli.choose", msg.Args{"flag": "log-format", "value": format, "choices": v.or("auto", "json", "console")})
	}
	if console {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: "15:04:05"}
	}
	return zerolog.New(w).With().Timestamp().Logger(), nil
}
