// Package embedded is the default graph.Store: one bbolt file in the data folder, with every
// node, the adjacency and the search index held in memory and rebuilt on open. It needs no
// server. Writes are serialised, validated completely, committed to bbolt (which fsyncs)
// and only then made visible, so an acknowledged write survives a crash and a failed one
// changes nothing. It must not import other backends.
package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// FileName is the name of the bbolt file inside the data folder.
const FileName = "netzwerkatlas.db"

// formatVersion is stored in the file; a file of another format is refused.
const formatVersion = "1"

// Buckets of the file.
var (
	bucketMeta       = []byte("meta")
	bucketNodes      = []byte("nodes")
	bucketRels       = []byte("relations")
	bucketAudit      = []byte("audit")
	bucketAuditIndex = []byte("audit_by_entity")
	bucketUsers      = []byte("users")
	bucketTokens     = []byte("tokens")
	// Monitoring snapshots: the small head (JSON without Data) and the Data apart, so that
	// opening the store reads the heads only.
	bucketMonitoring     = []byte("monitoring")
	bucketMonitoringData = []byte("monitoring_data")
	// Merge records by id (graph.EncodeMerge); the redirects of the merges that stand are
	// derived from them on open.
	bucketMerges = []byte("merges")
	// Job records by id (graph.EncodeJob); see jobs.go.
	bucketJobs = []byte("jobs")

	keyFormat      = []byte("format")
	keyDataVersion = []byte("data_version")
	keyRevision    = []byte("revision")
	keyAuditSeq    = []byte("audit_seq")
)

// Options configure Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the file
	// (default 1 s).
	LockTimeout time.Duration
	// Now is the clock (default time.Now); tests fix it.
	Now func() time.Time
}

// Store is the embedded graph.Store.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time

	mu sync.RWMutex // guards st; the committer writes it, everyone else reads
	st *state

	closeMu sync.RWMutex // guards closed and sending on queue
	closed  bool
	queue   chan *request // writes waiting for the committer
	stopped chan struct{} // closed when the committer has finished
}

// Group commit bounds: the committer takes what is waiting, up to these sizes, into one
// bbolt transaction, so concurrent writers share one fsync.
const (
	maxGroupRequests = 256
	maxGroupOps      = 20000
)

var _ graph.Store = (*Store)(nil)

// Open opens (or creates) the store in folder dir and loads it into memory.
func Open(dir string, opts Options) (*Store, error) {
	if opts.LockTimeout == 0 {
		opts.LockTimeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, &graph.Error{Code: graph.EUNAVAILABLE, Message: fmt.Sprintf("cannot create data folder %s", dir), Err: err}
	}
	path := filepath.Join(dir, FileName)
	if err := checkFile(path, opts.LockTimeout); err != nil {
		return nil, err
	}
	// The freelist is synced to the file (bbolt's default): opening then never scans every
	// page in a goroutine of bbolt's own, where a damaged page would crash the process
	// instead of giving an error.
	db, err := openBolt(path, &bolt.Options{Timeout: opts.LockTimeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, now: opts.Now}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.load(); err != nil {
		db.Close()
		return nil, err
	}
	s.queue = make(chan *request, maxGroupRequests)
	s.stopped = make(chan struct{})
	go s.commitLoop()
	if err := s.upgrade(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// upgrade brings data of an earlier graph.DataVersion up to date (see graph.Upgrade) and
// records the new version.
func (s *Store) upgrade() error {
	var version int
	if err := s.db.View(func(tx *bolt.Tx) error {
		version = 1
		if v := tx.Bucket(bucketMeta).Get(keyDataVersion); v != nil {
			version, _ = strconv.Atoi(string(v))
		}
		return nil
	}); err != nil {
		return storageError(s.path, err)
	}
	if version >= graph.DataVersion {
		return nil
	}
	s.mu.RLock()
	in := s.st.upgradeInput()
	s.mu.RUnlock()
	if _, err := graph.Upgrade(context.Background(), s, in); err != nil {
		return fmt.Errorf("upgrading the data of %s to version %d: %w", s.path, graph.DataVersion, err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyDataVersion, []byte(strconv.Itoa(graph.DataVersion)))
	})
	if err != nil {
		return storageError(s.path, err)
	}
	return nil
}

// openError explains why bbolt could not open the file.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
			Message: fmt.Sprintf("the data file %s is in use by another process (another netzwerkatlas running on the same data folder?); stop it or choose another --data folder", path)}
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return corrupt(path, err)
	}
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: fmt.Sprintf("cannot open the data file %s: %v", path, err), Err: err}
}

// openBolt opens the file, turning bbolt's panics on damaged pages into an error.
func openBolt(path string, o *bolt.Options) (db *bolt.DB, err error) {
	defer recoverCorrupt(path, &err)
	db, err = bolt.Open(path, 0o600, o)
	if err != nil {
		return nil, openError(path, err)
	}
	return db, nil
}

// checkFile refuses an existing file whose pages reach beyond its end (a truncated copy),
// which bbolt itself would only notice by faulting on the missing pages later.
func checkFile(path string, timeout time.Duration) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return openError(path, err)
	}
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if tx.Size() > st.Size() {
			return corrupt(path, fmt.Errorf("the file has %d bytes but its pages reach to byte %d: it was truncated", st.Size(), tx.Size()))
		}
		return nil
	})
}

func corrupt(path string, err error) error {
	return &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
		Message: fmt.Sprintf("the data file %s is corrupt (%v); restore it from a backup or an export, or move it away to start empty", path, err)}
}

// init creates the buckets of a new file and checks the format of an existing one.
func (s *Store) init() (err error) {
	defer recoverCorrupt(s.path, &err)
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketNodes, bucketRels, bucketAudit, bucketAuditIndex, bucketUsers, bucketTokens,
			bucketMonitoring, bucketMonitoringData, bucketMerges, bucketJobs} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		switch f := meta.Get(keyFormat); {
		case f == nil:
			if err := meta.Put(keyDataVersion, []byte(strconv.Itoa(graph.DataVersion))); err != nil {
				return err
			}
			return meta.Put(keyFormat, []byte(formatVersion))
		case string(f) != formatVersion:
			return fmt.Errorf("the data file has format %q; this program reads format %q", f, formatVersion)
		}
		return nil
	})
	if err != nil && graph.ErrorCode(err) == graph.EINTERNAL {
		return storageError(s.path, err)
	}
	return err
}

// recoverCorrupt turns a bbolt panic on a damaged page into a clear error.
func recoverCorrupt(path string, err *error) {
	if r := recover(); r != nil {
		*err = corrupt(path, fmt.Errorf("%v", r))
	}
}

// storageError classifies a failed bbolt transaction.
func storageError(path string, err error) error {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	if diskFull(err) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
			Message: fmt.Sprintf("the disk holding %s is full; the change was not saved — free space and try again", path)}
	}
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: "the store is closed", Err: err}
	}
	return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: fmt.Errorf("bbolt %s: %w", path, err)}
}

// diskFull reports whether err means that the file could not grow. bbolt formats some of
// these errors as text, so the message is checked too.
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{syscall.ENOSPC.Error(), syscall.EFBIG.Error(), syscall.EDQUOT.Error()} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// Close lets the writes already queued finish, then closes the file. Later writes are
// EUNAVAILABLE.
func (s *Store) Close() error {
	s.closeMu.Lock()
	if s.closed {
		s.closeMu.Unlock()
		return nil
	}
	s.closed = true
	close(s.queue)
	s.closeMu.Unlock()
	<-s.stopped
	return s.db.Close()
}

// Path returns the bbolt file's path.
func (s *Store) Path() string { return s.path }

// Ping implements graph.Store.
func (s *Store) Ping(ctx context.Context) error {
	s.closeMu.RLock()
	closed := s.closed
	s.closeMu.RUnlock()
	if closed {
		return graph.Errorf(graph.EUNAVAILABLE, "the store is closed")
	}
	return nil
}

// Revision implements graph.Store.
func (s *Store) Revision(ctx context.Context) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.revision, nil
}

func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

// relKey is the bbolt key of a relationship: type, from and to separated by NUL.
func relKey(k graph.RelationKey) []byte {
	b := make([]byte, 0, len(k.Type)+len(k.From)+len(k.To)+2)
	b = append(b, k.Type...)
	b = append(b, 0)
	b = append(b, k.From...)
	b = append(b, 0)
	return append(b, k.To...)
}

// auditIndexKey is the bbolt key linking an entity id to an audit entry.
func auditIndexKey(id string, seq uint64) []byte {
	b := make([]byte, 0, len(id)+9)
	b = append(b, id...)
	b = append(b, 0)
	return append(b, u64(seq)...)
}

// encoded is a stage's changes turned into bytes before the bbolt transaction starts, so
// the transaction is held as briefly as possible.
type encoded struct {
	nodeChanges []graph.NodeChange
	relChanges  []graph.RelationChange
	nodes       []kv // value nil: delete
	rels        []kv
	audit       []graph.AuditEntry // numbered
	redact      []string
	docs        map[string]*docTerms // analysis of every node put, for the search index
}

type kv struct{ k, v []byte }

// encode turns the staged changes into bucket writes; audit entries are numbered after seq.
func encode(t *graph.Stage, seq uint64) (*encoded, error) {
	enc := &encoded{nodeChanges: t.NodeChanges(), relChanges: t.RelationChanges(), redact: t.Redactions(),
		docs: make(map[string]*docTerms)}
	for _, c := range enc.nodeChanges {
		if c.Node == nil {
			enc.nodes = append(enc.nodes, kv{[]byte(c.ID), nil})
			continue
		}
		b, err := json.Marshal(c.Node)
		if err != nil {
			return nil, err
		}
		enc.nodes = append(enc.nodes, kv{[]byte(c.ID), b})
		enc.docs[c.ID] = analyzeDoc(c.Node)
	}
	for _, c := range enc.relChanges {
		if c.Relation == nil {
			enc.rels = append(enc.rels, kv{relKey(c.Key), nil})
			continue
		}
		v := []byte{}
		if c.Relation.Props != (graph.RelProps{}) {
			b, err := json.Marshal(c.Relation.Props)
			if err != nil {
				return nil, err
			}
			v = b
		}
		enc.rels = append(enc.rels, kv{relKey(c.Key), v})
	}
	// bbolt writes a transaction's pages fastest in key order: random order touches and splits
	// pages all over the tree (an import of 100,000 new measures took 153 s in file order,
	// 28 s sorted). Each key occurs once per stage, so the order of writes does not matter.
	byKey := func(a, b kv) int { return bytes.Compare(a.k, b.k) }
	slices.SortFunc(enc.nodes, byKey)
	slices.SortFunc(enc.rels, byKey)
	enc.audit = append([]graph.AuditEntry(nil), t.AuditEntries()...)
	for i := range enc.audit {
		seq++
		enc.audit[i].Seq = seq
	}
	return enc, nil
}

// request is one caller's write waiting for the committer: a batch, or a monitoring
// snapshot to save or delete.
type request struct {
	ctx   context.Context
	batch *graph.Batch
	mon   *monitoringOp
	merge *mergeOp
	user  string
	done  chan outcome
}

// alone reports whether the request runs in a commit of its own: dry runs (against
// committed data only) and monitoring snapshots (which do not share the graph's revision).
func (r *request) alone() bool { return r.mon != nil || r.merge != nil || r.batch.DryRun }

// outcome is what the committer reports back.
type outcome struct {
	res   graph.BatchResult
	nodes []graph.Entity // per operation, the node as staged
	err   error
}

// write hands a batch to the committer and waits until it is durable (or refused).
func (s *Store) write(ctx context.Context, b *graph.Batch) outcome {
	if err := ctx.Err(); err != nil {
		return outcome{err: cancelled(err)}
	}
	return s.send(&request{ctx: ctx, batch: b, user: graph.UserFrom(ctx), done: make(chan outcome, 1)})
}

// send queues a request for the committer and waits for its outcome.
func (s *Store) send(req *request) outcome {
	s.closeMu.RLock()
	if s.closed {
		s.closeMu.RUnlock()
		return outcome{err: graph.Errorf(graph.EUNAVAILABLE, "the store is closed")}
	}
	s.queue <- req
	s.closeMu.RUnlock()
	return <-req.done
}

func cancelled(err error) error {
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: "the request was cancelled before it was written", Err: err}
}

// commitLoop is the single writer. It takes the waiting requests as one group, runs them in
// order against the state (each sees the ones before it), commits the group in one bbolt
// transaction and only then makes it visible and answers the callers. Dry runs are run on
// their own, against committed data only; so are monitoring snapshots.
func (s *Store) commitLoop() {
	defer close(s.stopped)
	for req := range s.queue {
		if req.alone() {
			s.runAlone(req)
			continue
		}
		group, later := []*request{req}, []*request(nil)
		ops := len(req.batch.Ops)
	drain:
		for len(group) < maxGroupRequests && ops < maxGroupOps {
			select {
			case r, ok := <-s.queue:
				if !ok {
					break drain
				}
				if r.alone() {
					later = append(later, r)
					continue
				}
				group = append(group, r)
				ops += len(r.batch.Ops)
			default:
				break drain
			}
		}
		s.runGroup(group)
		for _, r := range later {
			s.runAlone(r)
		}
	}
}

// runAlone runs a request that is not grouped with others.
func (s *Store) runAlone(r *request) {
	if r.mon != nil {
		r.done <- outcome{err: s.runMonitoring(r)}
		return
	}
	if r.merge != nil {
		r.done <- outcome{err: s.runMerge(r)}
		return
	}
	s.runGroup([]*request{r})
}

// runGroup validates, commits and applies a group of requests and answers each.
func (s *Store) runGroup(group []*request) {
	t := graph.NewStage(s.st, s.now().UTC().Truncate(time.Microsecond))
	outs := make([]outcome, len(group))
	wrote := make([]bool, len(group))
	changed := 0
	for i, r := range group {
		if err := r.ctx.Err(); err != nil {
			outs[i].err = cancelled(err)
			continue
		}
		m := t.Mark()
		res, nodes, err := t.Run(r.user, r.batch)
		if err != nil || r.batch.DryRun {
			t.Rollback(m)
		}
		outs[i] = outcome{res: res, nodes: nodes, err: err}
		if err == nil && !r.batch.DryRun && t.ChangedSince(m) {
			wrote[i] = true
			changed++
			if r.batch.Summary != "" {
				t.Summarize(m, r.batch, res)
			}
		}
	}
	if changed > 0 {
		if err := s.commitAndApply(t, changed); err != nil {
			for i := range outs {
				if wrote[i] {
					outs[i] = outcome{err: err}
				}
			}
		}
	}
	for i, r := range group {
		r.done <- outs[i]
	}
}

// commitAndApply makes the staged changes durable, then visible.
func (s *Store) commitAndApply(t *graph.Stage, changed int) error {
	enc, err := encode(t, s.st.auditSeq)
	if err != nil {
		return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	if err := s.commit(enc, changed, nil); err != nil {
		return err
	}
	s.mu.Lock()
	enc.apply(s.st, changed)
	s.mu.Unlock()
	return nil
}

// commit writes the encoded changes in one bbolt transaction, which fsyncs before it returns;
// extra, when set, writes more into the same transaction (a merge record).
func (s *Store) commit(enc *encoded, changed int, extra func(*bolt.Tx) error) (err error) {
	defer recoverCorrupt(s.path, &err)
	err = s.db.Update(func(tx *bolt.Tx) error {
		nodes, rels := tx.Bucket(bucketNodes), tx.Bucket(bucketRels)
		for _, c := range enc.nodes {
			if err := putOrDelete(nodes, c); err != nil {
				return err
			}
		}
		for _, c := range enc.rels {
			if err := putOrDelete(rels, c); err != nil {
				return err
			}
		}
		if err := writeAudit(tx, enc.audit, enc.redact); err != nil {
			return err
		}
		if extra != nil {
			if err := extra(tx); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyRevision, u64(s.st.revision+uint64(changed))); err != nil {
			return err
		}
		return meta.Put(keyAuditSeq, u64(s.st.auditSeq+uint64(len(enc.audit))))
	})
	if err != nil {
		return storageError(s.path, err)
	}
	return nil
}

func putOrDelete(b *bolt.Bucket, c kv) error {
	if c.v == nil {
		return b.Delete(c.k)
	}
	return b.Put(c.k, c.v)
}

// apply makes a committed batch visible. Order matters: relationships are removed while
// both ends still exist, nodes are put before relationships that need them, and deleted
// nodes go last.
func (enc *encoded) apply(st *state, changed int) {
	for _, c := range enc.relChanges {
		if c.Relation == nil {
			st.unrelate(c.Key)
		}
	}
	for _, c := range enc.nodeChanges {
		if c.Node != nil {
			st.put(c.Node, enc.docs[c.ID])
		}
	}
	for _, c := range enc.relChanges {
		if c.Relation != nil {
			st.relate(*c.Relation)
		}
	}
	for _, c := range enc.nodeChanges {
		if c.Node == nil {
			st.remove(c.ID)
		}
	}
	st.revision += uint64(changed)
	st.auditSeq += uint64(len(enc.audit))
}
