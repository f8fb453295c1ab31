// Package neo4j is the production graph.Store on Neo4j 5, through the official Go driver
// (github.com/neo4j/neo4j-go-driver/v5). All Cypher it sends is in the statement table of
// statements.go, always with $parameters; label and relationship-type names come only from
// the domain's enumerations. Writes use graph.Stage, the same rules as every other backend,
// inside one managed write transaction that first locks the store's Meta node, so writes are
// serialised and validated against a graph no one else changes before the commit. It must
// not import other backends.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Config says how to reach Neo4j; cmd fills it from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
// NEO4J_DATABASE.
type Config struct {
	// URI is the server address: neo4j://, neo4j+s://, bolt:// …
	URI string
	// User and Password authenticate (basic auth).
	User, Password string
	// Database is the database name; empty for the server's default.
	Database string
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Store is the Neo4j graph.Store.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	now    func() time.Time
}

var _ graph.Store = (*Store)(nil)

// Open connects, checks the connection and sets up the schema (idempotent).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, graph.Errorf(graph.EINVALID, "NEO4J_URI is not set")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return nil, translate(err)
	}
	s := &Store{driver: driver, db: cfg.Database, now: cfg.Now}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(ctx)
		return nil, translate(err)
	}
	version, err := s.setupSchema(ctx)
	if err != nil {
		driver.Close(ctx)
		return nil, err
	}
	if version < graph.DataVersion {
		if err := s.upgrade(ctx); err != nil {
			driver.Close(ctx)
			return nil, fmt.Errorf("upgrading the Neo4j data to version %d: %w", graph.DataVersion, err)
		}
	}
	return s, nil
}

// upgrade brings data of an earlier graph.DataVersion up to date (see graph.Upgrade) and
// records the new version. Several instances starting at once may each run it: the plan
// only fills in what is missing, so a second run finds nothing to do.
func (s *Store) upgrade(ctx context.Context) error {
	var in graph.UpgradeInput
	_, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		in = graph.UpgradeInput{}
		err := collect(ctx, tx, "upgrade.indicators", nil, func(rec *neo4j.Record) error {
			e, err := nodeFromRecord(rec)
			if err == nil {
				in.Indicators = append(in.Indicators, e.(*graph.Indicator))
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		return nil, collect(ctx, tx, "upgrade.sole_providers", nil, func(rec *neo4j.Record) error {
			from, _, err := neo4j.GetRecordValue[string](rec, "from")
			if err != nil {
				return err
			}
			to, _, err := neo4j.GetRecordValue[string](rec, "to")
			in.SoleProviders = append(in.SoleProviders, graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: from, To: to}})
			return err
		})
	})
	if err != nil {
		return err
	}
	if _, err := graph.Upgrade(ctx, s, in); err != nil {
		return err
	}
	_, err = s.run(ctx, "meta.set_data_version", map[string]any{"id": metaID, "data_version": graph.DataVersion})
	return err
}

// setupSchema creates constraints and indexes (each IF NOT EXISTS) and the Meta node, and
// returns the data version the database holds.
func (s *Store) setupSchema(ctx context.Context) (int, error) {
	for _, st := range Statements() {
		if len(st.Name) < 7 || st.Name[:7] != "schema." || st.Name == "schema.meta" {
			continue
		}
		if _, err := s.run(ctx, st.Name, nil); err != nil {
			return 0, fmt.Errorf("schema %s: %w", st.Name, err)
		}
	}
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "schema.meta", map[string]any{"id": metaID, "format": formatVersion, "data_version": graph.DataVersion})
		if err != nil {
			return nil, err
		}
		f, _, _ := neo4j.GetRecordValue[string](rec, "format")
		if f != formatVersion {
			return nil, graph.Errorf(graph.EUNAVAILABLE, "the Neo4j database holds Netzwerkatlas data of format %q; this program reads format %q", f, formatVersion)
		}
		dv, _, err := neo4j.GetRecordValue[int64](rec, "data_version")
		return int(dv), err
	})
	if err != nil {
		return 0, err
	}
	return v.(int), nil
}

// Close closes the driver.
func (s *Store) Close() error { return s.driver.Close(context.Background()) }

// Ping implements graph.Store.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return single(ctx, tx, "ping", nil)
	})
	return err
}

// Revision implements graph.Store.
func (s *Store) Revision(ctx context.Context) (uint64, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return revision(ctx, tx)
	})
	if err != nil {
		return 0, err
	}
	return v.(uint64), nil
}

func revision(ctx context.Context, tx neo4j.ManagedTransaction) (uint64, error) {
	rec, err := single(ctx, tx, "meta.revision", map[string]any{"id": metaID})
	if err != nil {
		return 0, err
	}
	r, _, err := neo4j.GetRecordValue[int64](rec, "revision")
	return uint64(r), err
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
}

// read and write run work in a managed transaction, which the driver retries on transient
// errors (leader changes, deadlocks); work must therefore be repeatable.
func (s *Store) read(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	v, err := sess.ExecuteRead(ctx, work)
	return v, translate(err)
}

func (s *Store) write(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	v, err := sess.ExecuteWrite(ctx, work)
	return v, translate(err)
}

// run executes a schema statement in an auto-commit transaction (schema changes cannot share
// a transaction with data).
func (s *Store) run(ctx context.Context, name string, params map[string]any) (neo4j.ResultSummary, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, stmt(name).Query, params)
	if err != nil {
		return nil, translate(err)
	}
	sum, err := res.Consume(ctx)
	return sum, translate(err)
}

// query runs a named statement in tx.
func query(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) (neo4j.ResultWithContext, error) {
	return tx.Run(ctx, stmt(name).Query, params)
}

// single runs a statement that returns one record.
func single(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) (*neo4j.Record, error) {
	res, err := query(ctx, tx, name, params)
	if err != nil {
		return nil, err
	}
	return res.Single(ctx)
}

// collect runs a statement and calls fn for every record as it streams in.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any, fn func(*neo4j.Record) error) error {
	res, err := query(ctx, tx, name, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := fn(res.Record()); err != nil {
			return err
		}
	}
	return res.Err()
}

// translate maps driver errors to the domain vocabulary, in one place: constraint
// violations are conflicts, an unreachable server is unavailable, domain errors pass.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: "the request was cancelled or timed out", Err: err}
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return &graph.Error{Code: graph.ECONFLICT, Message: "an entry with this key already exists", Err: err}
		case ne.Code == "Neo.ClientError.Security.Unauthorized" || ne.Code == "Neo.ClientError.Security.AuthenticationRateLimit":
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: "Neo4j refused the credentials (NEO4J_USER, NEO4J_PASSWORD)", Err: err}
		case ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: "the Neo4j database (NEO4J_DATABASE) does not exist", Err: err}
		case len(ne.Code) > 19 && ne.Code[:19] == "Neo.TransientError.":
			return &graph.Error{Code: graph.EUNAVAILABLE, Message: "Neo4j is busy; try again", Err: err}
		}
		return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) || neo4j.IsConnectivityError(err) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: "cannot reach Neo4j (NEO4J_URI)", Err: err}
	}
	var ue *neo4j.UsageError
	if errors.As(err, &ue) {
		return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: "Neo4j could not serve the request", Err: err}
}

// wipe deletes every node of the database and sets the Meta node up again; the conformance
// tests start each store from an empty database with it.
func (s *Store) wipe(ctx context.Context) error {
	if _, err := s.run(ctx, "admin.wipe", nil); err != nil {
		return err
	}
	_, err := s.setupSchema(ctx)
	return err
}
