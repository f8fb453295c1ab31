package embedded

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/klauspost/compress/gzip"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// A backup is the store file as one bbolt read transaction sees it, gzip-compressed. The gzip
// header names the file inside (netzwerkatlas.db) and carries the manifest, a JSON object, in
// its comment; the gzip trailer holds a CRC-32 and the length of the whole content, so a
// damaged or cut copy is found when it is read. `gunzip` turns a backup back into a plain
// store file, and Restore takes such a plain file as well.

// BackupFormat names backups in their manifest.
const BackupFormat = "netzwerkatlas-backup"

// backupVersion is the version of the container this program writes and the newest it reads.
const backupVersion = 1

// Manifest describes a backup; it travels in the gzip header's comment.
type Manifest struct {
	// Format is BackupFormat.
	Format string `json:"format"`
	// Version is the container's version.
	Version int `json:"version"`
	// StoreFormat is the bbolt file's format (the meta bucket's "format").
	StoreFormat string `json:"store_format"`
	// DataVersion is the graph.DataVersion of the data in the file.
	DataVersion int `json:"data_version"`
	// Revision is the store's revision at the moment of the copy.
	Revision uint64 `json:"revision"`
	// Size is the length of the store file in bytes.
	Size int64 `json:"size"`
	// CreatedAt is when the copy was taken (UTC, whole seconds).
	CreatedAt time.Time `json:"created_at"`
}

// BackupName is the file name of a backup taken at t: netzwerkatlas-2026-12-03T181911Z.db.gz.
func BackupName(t time.Time) string {
	return "netzwerkatlas-" + t.UTC().Format("2006-01-02T150405Z") + ".db.gz"
}

// BackupName implements graph.Backuper.
func (s *Store) BackupName(t time.Time) string { return BackupName(t) }

var _ graph.Backuper = (*Store)(nil)

// Backup implements graph.Backuper. One read transaction copies the file to a spool file in
// the data folder at disk speed; the compressed copy is then written to w from the spool. A
// slow reader of w thus never holds the transaction open (bbolt's writers wait for open read
// transactions when the file has to grow), and memory does not depend on the store's size.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	// One backup at a time: each needs a spool file as big as the store.
	if !s.backupMu.TryLock() {
		return &graph.Error{Code: graph.EUNAVAILABLE, Message: "another backup is being taken; try again when it has finished"}
	}
	defer s.backupMu.Unlock()
	spool, err := os.CreateTemp(filepath.Dir(s.path), FileName+".backup-*")
	if err != nil {
		return &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
			Message: "cannot create the backup's spool file in the data folder"}
	}
	// Unlinked at once where the system allows it, so a killed process leaves no spool behind.
	name := spool.Name()
	removed := os.Remove(name) == nil
	defer func() {
		spool.Close()
		if !removed {
			os.Remove(name)
		}
	}()
	var m Manifest
	err = func() (err error) {
		defer recoverCorrupt(s.path, &err)
		return s.db.View(func(tx *bolt.Tx) error {
			if m, err = manifestOf(tx, s.now()); err != nil {
				return err
			}
			_, err := tx.WriteTo(ctxWriter{ctx, spool})
			return err
		})
	}()
	if err != nil {
		if ctx.Err() != nil {
			return cancelled(ctx.Err())
		}
		if diskFull(err) {
			return &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
				Message: "the disk holding the data folder is full; the backup needs as much free space as the store file"}
		}
		return storageError(s.path, err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return storageError(s.path, err)
	}
	return writeBackup(ctxWriter{ctx, w}, m, nil, func(zw io.Writer) (int64, error) { return io.Copy(zw, spool) })
}

// BackupFile writes a backup of the store in folder dir, which no process may have open for
// writing: it is opened read-only and locked against a service starting meanwhile. A folder in
// use by a running service is EUNAVAILABLE (InUse); back up through the service instead.
// progress, when set, is told the bytes of the store copied so far and the total.
func BackupFile(dir string, w io.Writer, now time.Time, progress func(done, total int64)) (Manifest, error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err != nil {
		return Manifest{}, &graph.Error{Code: graph.ENOTFOUND, Err: err,
			Format: "there is no store in the data folder %s", Args: []any{dir}, Message: fmt.Sprintf("there is no store in the data folder %s", dir)}
	}
	if err := checkFile(path, 100*time.Millisecond); err != nil {
		return Manifest{}, err
	}
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		return Manifest{}, err
	}
	defer db.Close()
	var m Manifest
	err = func() (err error) {
		defer recoverCorrupt(path, &err)
		return db.View(func(tx *bolt.Tx) error {
			if m, err = manifestOf(tx, now); err != nil {
				return err
			}
			if m.StoreFormat != formatVersion {
				return fmt.Errorf("the data file has format %q; this program reads format %q", m.StoreFormat, formatVersion)
			}
			return writeBackup(w, m, progress, tx.WriteTo)
		})
	}()
	return m, err
}

// InUse reports whether err says that another process holds the store file.
func InUse(err error) bool { return errors.Is(err, bolterrors.ErrTimeout) || errors.Is(err, errInUse) }

// manifestOf describes the file as tx sees it.
func manifestOf(tx *bolt.Tx, now time.Time) (Manifest, error) {
	m := Manifest{Format: BackupFormat, Version: backupVersion, DataVersion: 1, Size: tx.Size(), CreatedAt: now.UTC().Truncate(time.Second)}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return m, errors.New("the file has no meta bucket")
	}
	m.StoreFormat = string(meta.Get(keyFormat))
	if v := meta.Get(keyDataVersion); v != nil {
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return m, fmt.Errorf("data version %q: %w", v, err)
		}
		m.DataVersion = n
	}
	if v := meta.Get(keyRevision); len(v) == 8 {
		m.Revision = binary.BigEndian.Uint64(v)
	}
	return m, nil
}

// writeBackup writes the container: the gzip header with the manifest, the store file that
// copy writes, the trailer. A copy of another length than the manifest says is an error.
func writeBackup(w io.Writer, m Manifest, progress func(done, total int64), copy func(io.Writer) (int64, error)) error {
	comment, err := json.Marshal(m)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(w)
	zw.Header = gzip.Header{Name: FileName, Comment: string(comment), ModTime: m.CreatedAt, OS: 255}
	var dst io.Writer = zw
	if progress != nil {
		dst = &countingWriter{w: zw, total: m.Size, progress: progress}
	}
	n, err := copy(dst)
	if err != nil {
		return err
	}
	if n != m.Size {
		return fmt.Errorf("copied %d bytes of a store of %d bytes", n, m.Size)
	}
	return zw.Close()
}

// ctxWriter stops a long copy when its context ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// countingWriter reports the bytes written through it.
type countingWriter struct {
	w        io.Writer
	n, total int64
	progress func(done, total int64)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.progress(c.n, c.total)
	return n, err
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r        io.Reader
	n, total int64
	progress func(done, total int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n, c.total)
	}
	return n, err
}

// RestoreOptions configure Restore.
type RestoreOptions struct {
	// Force replaces a store that is already in the data folder; it is kept beside as
	// netzwerkatlas.db.before-restore-<time>.
	Force bool
	// DryRun checks the backup completely and leaves the data folder alone.
	DryRun bool
	// SourceSize is the length of a plain store file being read, for progress (0: unknown).
	SourceSize int64
	// Progress, when set, is told the bytes of the store read so far and the total.
	Progress func(done, total int64)
	// Checking, when set, is called when the file is read and the check of its entries begins
	// (as long as opening the store takes).
	Checking func()
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Contents counts what a store file holds, read the way Open reads it.
type Contents struct {
	// DataVersion is the graph.DataVersion of the data (older ones are upgraded on open).
	DataVersion int `json:"data_version"`
	// Revision is the store's revision.
	Revision uint64 `json:"revision"`
	// Nodes counts the nodes per kind.
	Nodes map[graph.Kind]int `json:"nodes"`
	// Relations counts the stored relationships.
	Relations int `json:"relations"`
	// Users, Tokens, Audit, Snapshots and Merges count users, sessions and API tokens, audit
	// entries, monitoring snapshots and merge records.
	Users     int `json:"users"`
	Tokens    int `json:"tokens"`
	Audit     int `json:"audit"`
	Snapshots int `json:"snapshots"`
	Merges    int `json:"merges"`
	// Size is the store file's length in bytes.
	Size int64 `json:"size"`
}

// RestoreReport says what Restore found and did.
type RestoreReport struct {
	// Manifest is the backup's manifest; nil when a plain store file was read.
	Manifest *Manifest
	// Contents is what the restored store holds.
	Contents Contents
	// Previous is where the replaced store was kept ("" when there was none, or a dry run).
	Previous string
}

// errInUse marks a data folder whose store file a running process holds.
var errInUse = errors.New("the store file is locked by another process")

// Restore reads a backup (or a plain store file) from src, named label in messages, checks it
// completely — container, checksum and length, bbolt's own page check, and every bucket read
// the way Open reads it — and only then puts it in place as the store of folder dir: written
// to a temporary file in dir, then renamed over netzwerkatlas.db, so the folder holds the old
// store or the new one, never a mixture. The old store is kept beside it. A folder in use by a
// running process is refused (EUNAVAILABLE), and so is a folder that holds a store unless
// Force is set (ECONFLICT); whatever is refused, nothing in dir is changed.
func Restore(src io.Reader, label, dir string, opts RestoreOptions) (rep *RestoreReport, err error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	target := filepath.Join(dir, FileName)
	work := dir
	if opts.DryRun {
		if work, err = os.MkdirTemp("", "netzwerkatlas-restore-check-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(work)
	} else {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "cannot create the data folder %s", Args: []any{dir},
				Message: fmt.Sprintf("cannot create the data folder %s", dir)}
		}
		release, err := lockStoreFile(target)
		if err != nil {
			if errors.Is(err, errInUse) {
				return nil, &graph.Error{Code: graph.EUNAVAILABLE, Err: err,
					Format:  "the data folder %s is in use by a running Netzwerkatlas; stop the service first, or restore into another folder",
					Args:    []any{dir},
					Message: fmt.Sprintf("the data folder %s is in use by a running Netzwerkatlas; stop the service first, or restore into another folder", dir)}
			}
			return nil, &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "cannot open the store in %s", Args: []any{dir},
				Message: fmt.Sprintf("cannot open the store in %s", dir)}
		}
		// Held until the new file is in place, so no service starts on the old one meanwhile.
		defer release()
		if _, err := os.Stat(target); err == nil && !opts.Force {
			return nil, &graph.Error{Code: graph.ECONFLICT,
				Format:  "the data folder %s already holds a store; restore with --force to replace it (the old one is kept beside it)",
				Args:    []any{dir},
				Message: fmt.Sprintf("the data folder %s already holds a store; restore with --force to replace it (the old one is kept beside it)", dir)}
		}
	}
	tmp, err := os.CreateTemp(work, FileName+".restore-*")
	if err != nil {
		return nil, &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "cannot write into the data folder %s", Args: []any{dir},
			Message: fmt.Sprintf("cannot write into the data folder %s", dir)}
	}
	tmpName := tmp.Name()
	placed := false
	defer func() {
		tmp.Close()
		if !placed {
			os.Remove(tmpName)
		}
	}()
	rep = &RestoreReport{}
	if rep.Manifest, err = unpack(src, tmp, label, dir, opts); err != nil {
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		return nil, writeError(dir, err)
	}
	if err := tmp.Close(); err != nil {
		return nil, writeError(dir, err)
	}
	if opts.Checking != nil {
		opts.Checking()
	}
	if rep.Contents, err = Verify(tmpName, label); err != nil {
		return nil, err
	}
	if m := rep.Manifest; m != nil && (m.Revision != rep.Contents.Revision || m.DataVersion != rep.Contents.DataVersion) {
		return nil, graph.Errorf(graph.EINVALID, "%s does not match its manifest (revision %d, data version %d; the file holds revision %d, data version %d)",
			label, m.Revision, m.DataVersion, rep.Contents.Revision, rep.Contents.DataVersion)
	}
	if opts.DryRun {
		return rep, nil
	}
	if _, err := os.Stat(target); err == nil {
		rep.Previous = target + ".before-restore-" + opts.Now().UTC().Format("20060102T150405Z")
		if err := keepPrevious(target, rep.Previous); err != nil {
			return nil, writeError(dir, err)
		}
	}
	if err := os.Rename(tmpName, target); err != nil {
		return nil, writeError(dir, err)
	}
	placed = true
	syncDir(dir)
	return rep, nil
}

func writeError(dir string, err error) error {
	if diskFull(err) {
		return &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "the disk holding %s is full; nothing was restored", Args: []any{dir},
			Message: fmt.Sprintf("the disk holding %s is full; nothing was restored", dir)}
	}
	return &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "cannot write into the data folder %s", Args: []any{dir},
		Message: fmt.Sprintf("cannot write into the data folder %s", dir)}
}

// unpack copies the store file out of src into dst: out of the gzip container, checking its
// manifest before and its checksum and length after, or as it is when src is a plain file.
func unpack(src io.Reader, dst io.Writer, label, dir string, opts RestoreOptions) (*Manifest, error) {
	br := bufio.NewReaderSize(src, 64<<10)
	head, err := br.Peek(2)
	if len(head) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &graph.Error{Code: graph.EINVALID, Err: err, Format: "cannot read %s", Args: []any{label}, Message: "cannot read " + label}
		}
		return nil, graph.Errorf(graph.EINVALID, "%s is empty", label)
	}
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		_, err := io.Copy(dst, &countingReader{r: br, total: opts.SourceSize, progress: opts.Progress})
		if isWriteErr(err) {
			return nil, writeError(dir, err)
		}
		if err != nil {
			return nil, &graph.Error{Code: graph.EUNAVAILABLE, Err: err, Format: "cannot read %s", Args: []any{label}, Message: "cannot read " + label}
		}
		return nil, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, &graph.Error{Code: graph.EINVALID, Err: err, Format: "%s is a gzip file with a damaged header, not a Netzwerkatlas backup", Args: []any{label},
			Message: fmt.Sprintf("%s is a gzip file with a damaged header, not a Netzwerkatlas backup", label)}
	}
	zr.Multistream(false)
	var m Manifest
	if err := json.Unmarshal([]byte(zr.Header.Comment), &m); err != nil || m.Format != BackupFormat {
		return nil, graph.Errorf(graph.EINVALID, "%s is a gzip file but not a Netzwerkatlas backup (it has no backup manifest)", label)
	}
	if m.Version > backupVersion {
		return nil, graph.Errorf(graph.EINVALID, "%s was written by a newer Netzwerkatlas (backup version %d; this program reads up to version %d); restore it with that version", label, m.Version, backupVersion)
	}
	if m.DataVersion > graph.DataVersion {
		return nil, newerData(label, m.DataVersion)
	}
	n, err := io.Copy(dst, &countingReader{r: zr, total: m.Size, progress: opts.Progress})
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, graph.Errorf(graph.EINVALID, "%s ends early: the backup was cut short (%d of %d bytes of the store are in it); nothing was restored", label, n, m.Size)
	case errors.Is(err, gzip.ErrChecksum):
		return nil, graph.Errorf(graph.EINVALID, "%s is damaged: its checksum does not match its content; nothing was restored", label)
	case err != nil && !isWriteErr(err):
		return nil, &graph.Error{Code: graph.EINVALID, Err: err, Format: "%s is damaged: its compressed data cannot be read; nothing was restored", Args: []any{label},
			Message: fmt.Sprintf("%s is damaged: its compressed data cannot be read; nothing was restored", label)}
	case err != nil:
		return nil, writeError(dir, err)
	case n != m.Size:
		return nil, graph.Errorf(graph.EINVALID, "%s holds %d bytes of store, but its manifest says %d; nothing was restored", label, n, m.Size)
	}
	return &m, nil
}

// isWriteErr reports whether err came from writing the temporary file, not from reading.
func isWriteErr(err error) bool {
	var pe *os.PathError
	return errors.As(err, &pe) && pe.Op == "write"
}

func newerData(label string, version int) error {
	return graph.Errorf(graph.EINVALID, "%s holds data of version %d from a newer Netzwerkatlas; this program reads up to version %d — restore it with the newer program", label, version, graph.DataVersion)
}

// Verify reads the store file at path, named label in messages, without changing it: bbolt's
// page check, the format and data version, then every bucket the way Open loads it (nodes,
// relationships with both ends present, monitoring heads, merges), users and tokens decoded,
// audit entries, snapshot data and import jobs checked to be JSON.
// It returns what the file holds.
func Verify(path, label string) (c Contents, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return c, &graph.Error{Code: graph.EINVALID, Err: err, Format: "cannot read %s", Args: []any{label}, Message: "cannot read " + label}
	}
	c.Size = st.Size()
	notStore := func(err error) error {
		return &graph.Error{Code: graph.EINVALID, Err: err, Format: "%s is not a Netzwerkatlas backup or store file", Args: []any{label},
			Message: fmt.Sprintf("%s is not a Netzwerkatlas backup or store file", label)}
	}
	damaged := func(err error) error {
		return &graph.Error{Code: graph.EINVALID, Err: err, Format: "%s is damaged; nothing was restored", Args: []any{label},
			Message: fmt.Sprintf("%s is damaged; nothing was restored", label)}
	}
	var db *bolt.DB
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	}()
	if err != nil {
		return c, notStore(err)
	}
	defer db.Close()
	err = func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = damaged(fmt.Errorf("%v", r))
			}
		}()
		return db.View(func(tx *bolt.Tx) error {
			if tx.Size() > c.Size {
				return graph.Errorf(graph.EINVALID, "%s ends early: it has %d bytes, but its pages reach to byte %d; nothing was restored", label, c.Size, tx.Size())
			}
			meta := tx.Bucket(bucketMeta)
			if meta == nil || meta.Get(keyFormat) == nil {
				return notStore(errors.New("no meta bucket with a format"))
			}
			m, err := manifestOf(tx, time.Time{})
			if err != nil {
				return damaged(err)
			}
			if m.StoreFormat != formatVersion {
				return graph.Errorf(graph.EINVALID, "%s has store format %q; this program reads format %q", label, m.StoreFormat, formatVersion)
			}
			if m.DataVersion > graph.DataVersion {
				return newerData(label, m.DataVersion)
			}
			c.DataVersion, c.Revision = m.DataVersion, m.Revision
			// Read the channel to its end: the check runs in its own goroutine on this
			// transaction's pages.
			var checkErr error
			for err := range tx.Check() {
				if checkErr == nil {
					checkErr = err
				}
			}
			if checkErr != nil {
				return damaged(checkErr)
			}
			for _, b := range [][]byte{bucketNodes, bucketRels, bucketAudit, bucketAuditIndex, bucketUsers, bucketTokens,
				bucketMonitoring, bucketMonitoringData, bucketMerges} {
				if tx.Bucket(b) == nil {
					return damaged(fmt.Errorf("the bucket %s is missing", b))
				}
			}
			c.Merges = tx.Bucket(bucketMerges).Stats().KeyN
			// The audit log and the snapshots' data are read on demand by the service, so
			// opening would not find damage there: each value must at least be JSON.
			if err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
				c.Audit++
				if !json.Valid(v) {
					return fmt.Errorf("audit entry %x is not JSON", k)
				}
				return nil
			}); err != nil {
				return damaged(err)
			}
			// Import jobs came later than the other buckets: a backup of an older store has none.
			if jobs := tx.Bucket(bucketJobs); jobs != nil {
				if err := jobs.ForEach(func(k, v []byte) error {
					if !json.Valid(v) {
						return fmt.Errorf("job %s is not JSON", k)
					}
					return nil
				}); err != nil {
					return damaged(err)
				}
			}
			if err := tx.Bucket(bucketMonitoringData).ForEach(func(k, v []byte) error {
				if len(v) > 0 && !json.Valid(v) {
					return fmt.Errorf("the data of monitoring snapshot %s is not JSON", k)
				}
				return nil
			}); err != nil {
				return damaged(err)
			}
			if err := tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
				c.Users++
				return json.Unmarshal(v, new(graph.User))
			}); err != nil {
				return damaged(fmt.Errorf("users: %w", err))
			}
			return tx.Bucket(bucketTokens).ForEach(func(k, v []byte) error {
				c.Tokens++
				if err := json.Unmarshal(v, new(graph.Token)); err != nil {
					return damaged(fmt.Errorf("tokens: %w", err))
				}
				return nil
			})
		})
	}()
	if err != nil {
		return c, err
	}
	// The graph, read by the code that opens the store.
	s := &Store{db: db, path: label}
	if loadErr := s.load(); loadErr != nil {
		var ge *graph.Error
		if errors.As(loadErr, &ge) && ge.Err != nil {
			loadErr = ge.Err
		}
		return c, damaged(loadErr)
	}
	c.Nodes = map[graph.Kind]int{}
	for _, n := range s.st.nodes {
		if n != nil {
			c.Nodes[n.e.EntityKind()]++
			c.Relations += len(n.out)
		}
	}
	c.Snapshots = len(s.st.monitoring)
	return c, nil
}

// keepPrevious keeps the store at target under prev: a second name for the same file where
// the file system allows it (target stays in place until the rename replaces it), else a copy.
func keepPrevious(target, prev string) error {
	if err := os.Link(target, prev); err == nil {
		return nil
	}
	in, err := os.Open(target)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(prev, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(prev)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(prev)
		return err
	}
	return out.Close()
}

// syncDir makes a rename in dir durable (best effort: not every system can sync a folder).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// CheckStream reads a backup from r, named label in messages, to its end and checks its
// container: the manifest, the checksum and the length. It does not open the store inside
// (Restore with DryRun does). A plain store file is refused: it carries no checksum.
func CheckStream(r io.Reader, label string, progress func(done, total int64)) (*Manifest, error) {
	m, err := unpack(r, io.Discard, label, "", RestoreOptions{Progress: progress})
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, graph.Errorf(graph.EINVALID, "%s is not a Netzwerkatlas backup or store file", label)
	}
	return m, nil
}
