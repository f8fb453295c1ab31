package embedded_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestBackupDuringWrites takes a backup while eight writers create organisations, restores
// it into a new folder and finds every organisation whose creation was acknowledged before
// Backup was called, complete; and the copy is one moment of the store: it holds exactly as
// many of the burst's organisations as its revision counts writes.
func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	s, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Create(ctx, &graph.Region{Meta: graph.Meta{ID: "09991"}, Name: "Kreis", Kind: "county"}); err != nil {
		t.Fatal(err)
	}
	base, _ := s.Revision(ctx)

	var mu sync.Mutex
	acked := map[string]string{} // id → name, for every acknowledged create
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				name := fmt.Sprintf("Verein %d-%d", w, i)
				out, err := s.Create(ctx, &graph.Organisation{Name: name, Region: "09991", Kind: "club"})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				acked[out.Base().ID] = name
				mu.Unlock()
			}
		}()
	}
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 300 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	mu.Lock()
	before := make(map[string]string, len(acked))
	for id, name := range acked {
		before[id] = name
	}
	mu.Unlock()
	var buf bytes.Buffer
	if err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // writes go on after the backup
	close(stop)
	wg.Wait()

	dir := t.TempDir()
	rep, err := embedded.Restore(bytes.NewReader(buf.Bytes()), "backup.db.gz", dir, embedded.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for id, name := range before {
		e, err := r.Get(ctx, graph.KindOrganisation, id)
		if err != nil {
			t.Fatalf("%s (%s) was acknowledged before the backup and is not in it: %v", id, name, err)
		}
		if o := e.(*graph.Organisation); o.Name != name || o.Region != "09991" || o.Version != 1 {
			t.Fatalf("%s came back as %+v", id, o)
		}
	}
	rev, _ := r.Revision(ctx)
	page, err := r.List(ctx, graph.ListQuery{Kind: graph.KindOrganisation, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if uint64(page.Total) != rev-base {
		t.Fatalf("the copy holds %d organisations but %d writes after the region: not one moment", page.Total, rev-base)
	}
	if rep.Manifest == nil || rep.Manifest.Revision != rev || rep.Contents.Nodes[graph.KindOrganisation] != page.Total {
		t.Fatalf("report %+v does not match the restored store (revision %d, %d organisations)", rep, rev, page.Total)
	}
	mu.Lock()
	total := len(acked)
	mu.Unlock()
	if page.Total < len(before) || total <= len(before) {
		t.Fatalf("%d before, %d in the copy, %d in all: the burst did not run across the backup", len(before), page.Total, total)
	}
	t.Logf("%d acknowledged before the backup, %d in it, %d in all; backup %d bytes", len(before), page.Total, total, buf.Len())
}

// backupOf returns a backup of a small store and the store file's folder (closed).
func backupOf(t *testing.T) ([]byte, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Create(ctx, &graph.Region{Meta: graph.Meta{ID: "09991"}, Name: "Kreis", Kind: "county"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		if _, err := s.Create(ctx, &graph.Organisation{Name: fmt.Sprintf("Verein %d", i), Region: "09991", Kind: "club"}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), dir
}

// rewrap returns a backup with an edited manifest and, with damage, an edited store file.
func rewrap(t *testing.T, b []byte, edit func(comment string) string, damage ...func(raw []byte)) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	if _, err := raw.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	for _, d := range damage {
		d(raw.Bytes())
	}
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Header = zr.Header
	zw.Header.Comment = edit(zr.Header.Comment)
	zw.Write(raw.Bytes())
	zw.Close()
	return out.Bytes()
}

// folderState is every file in dir with a hash of its content.
func folderState(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

// TestRestoreRefuses feeds Restore what it must refuse and checks that each refusal names the
// problem and leaves the target folder exactly as it was.
func TestRestoreRefuses(t *testing.T) {
	good, srcDir := backupOf(t)
	plain, err := os.ReadFile(filepath.Join(srcDir, embedded.FileName))
	if err != nil {
		t.Fatal(err)
	}
	// A store file of a newer data version, as a plain file and as a backup.
	newerDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(newerDir, embedded.FileName), plain, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(newerDir, embedded.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("data_version"), []byte(strconv.Itoa(graph.DataVersion+1)))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newerPlain, _ := os.ReadFile(filepath.Join(newerDir, embedded.FileName))
	var newerBackup bytes.Buffer
	if _, err := embedded.BackupFile(newerDir, &newerBackup, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	// A store whose pages are sound but one entry is not: its bytes changed, the container
	// made anew around them, so only reading the entries finds it.
	badEntry := rewrap(t, good, func(c string) string { return c }, func(raw []byte) {
		i := bytes.Index(raw, []byte(`"Verein 7"`))
		if i < 0 {
			t.Fatal("no entry to damage in the store file")
		}
		raw[i+len(`"Verein 7`)] = 0 // a control character inside the JSON string
	})
	badCRC := bytes.Clone(good)
	badCRC[len(badCRC)-6] ^= 0xff // inside the trailer's CRC-32

	target := t.TempDir()
	if _, err := embedded.Restore(bytes.NewReader(good), "good", target, embedded.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	before := folderState(t, target)
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "is empty"},
		{"garbage", bytes.Repeat([]byte("kein Backup "), 2000), "not a Netzwerkatlas backup or store file"},
		{"foreign gzip", rewrap(t, good, func(string) string { return "" }), "not a Netzwerkatlas backup (it has no backup manifest)"},
		{"truncated backup", good[:len(good)/2], "ends early"},
		{"truncated plain file", plain[:len(plain)/2], "ends early"},
		{"damaged entry", badEntry, "is damaged; nothing was restored"},
		{"damaged checksum", badCRC, "checksum does not match"},
		{"newer data in a backup", newerBackup.Bytes(), fmt.Sprintf("data of version %d from a newer Netzwerkatlas", graph.DataVersion+1)},
		{"newer data in a plain file", newerPlain, fmt.Sprintf("data of version %d from a newer Netzwerkatlas", graph.DataVersion+1)},
		{"newer backup version", rewrap(t, good, func(c string) string { return strings.Replace(c, `"version":1`, `"version":2`, 1) }), "written by a newer Netzwerkatlas"},
		{"wrong length", rewrap(t, good, func(c string) string {
			return strings.Replace(c, `"size":`, `"size":1`, 1)
		}), "but its manifest says"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := embedded.Restore(bytes.NewReader(c.file), c.name+".db.gz", target, embedded.RestoreOptions{Force: true})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name+".db.gz") {
				t.Fatalf("Restore gave %v; want an error naming the file and saying %q", err, c.want)
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("code %s, want invalid", graph.ErrorCode(err))
			}
			if after := folderState(t, target); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Fatalf("the folder changed: %v → %v", before, after)
			}
		})
	}

	t.Run("store present without force", func(t *testing.T) {
		_, err := embedded.Restore(bytes.NewReader(good), "good", target, embedded.RestoreOptions{})
		if graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(err.Error(), "already holds a store") {
			t.Fatalf("got %v", err)
		}
		if after := folderState(t, target); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatal("the folder changed")
		}
	})
	t.Run("folder in use", func(t *testing.T) {
		s, err := embedded.Open(target, embedded.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		opened := folderState(t, target) // opening writes to the file
		_, err = embedded.Restore(bytes.NewReader(good), "good", target, embedded.RestoreOptions{Force: true})
		if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "in use by a running Netzwerkatlas") || !embedded.InUse(err) {
			t.Fatalf("got %v", err)
		}
		var buf bytes.Buffer
		if _, err := embedded.BackupFile(target, &buf, time.Now(), nil); !embedded.InUse(err) || buf.Len() != 0 {
			t.Fatalf("BackupFile on a folder in use: %v, %d bytes", err, buf.Len())
		}
		if after := folderState(t, target); fmt.Sprint(after) != fmt.Sprint(opened) {
			t.Fatal("the folder changed")
		}
	})
	before = folderState(t, target)

	t.Run("force keeps the old store", func(t *testing.T) {
		rep, err := embedded.Restore(bytes.NewReader(plain), "plain", target, embedded.RestoreOptions{Force: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Manifest != nil || rep.Previous == "" || rep.Contents.Nodes[graph.KindOrganisation] != 50 {
			t.Fatalf("report %+v", rep)
		}
		old, err := os.ReadFile(rep.Previous)
		if err != nil || sha256.Sum256(old) != before[embedded.FileName] {
			t.Fatalf("the old store was not kept unchanged as %s: %v", rep.Previous, err)
		}
		if got := folderState(t, target); len(got) != 2 {
			t.Fatalf("the folder holds %d files, want the store and the old one: %v", len(got), got)
		}
	})
}

// TestRestoreDryRun checks a backup and leaves the folder alone.
func TestRestoreDryRun(t *testing.T) {
	good, _ := backupOf(t)
	target := filepath.Join(t.TempDir(), "never")
	rep, err := embedded.Restore(bytes.NewReader(good), "good", target, embedded.RestoreOptions{DryRun: true})
	if err != nil || rep.Contents.Nodes[graph.KindOrganisation] != 50 || rep.Contents.Nodes[graph.KindRegion] != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a dry run created %s", target)
	}
	if m, err := embedded.CheckStream(bytes.NewReader(good), "good", nil); err != nil || m.Revision != rep.Contents.Revision {
		t.Fatalf("CheckStream: %+v %v", m, err)
	}
}

// TestOneBackupAtATime: while one backup is being read, a second is refused as unavailable
// (each needs a spool file as big as the store), and no spool file is left in the data folder.
func TestOneBackupAtATime(t *testing.T) {
	dir := t.TempDir()
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Create(ctx, &graph.Region{Meta: graph.Meta{ID: "09991"}, Name: "Kreis", Kind: "county"}); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	first := make(chan error, 1)
	go func() { first <- s.Backup(ctx, pw); pw.Close() }()
	head := make([]byte, 10)
	if _, err := io.ReadFull(pr, head); err != nil { // the first backup is streaming now
		t.Fatal(err)
	}
	err = s.Backup(ctx, io.Discard)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "another backup is being taken") {
		t.Fatalf("second backup: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the data folder holds %d files while a backup streams, want only the store", len(entries))
	}
	rest, _ := io.ReadAll(pr)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if _, err := embedded.CheckStream(io.MultiReader(bytes.NewReader(head), bytes.NewReader(rest)), "first", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, io.Discard); err != nil {
		t.Fatalf("a backup after the first: %v", err)
	}
}
