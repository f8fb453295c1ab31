package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// postJSON sends a JSON request with a bearer token and decodes the answer.
func postJSON(url, token string, body any, out any) (int, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(out)
}

// TestBackupDuringWriteBurst runs the whole program on the demo, lets eight clients create
// organisations through the API while `netzwerkatlas backup --url` fetches a backup from the
// running service, restores it with `netzwerkatlas restore` into a new folder, and finds every
// organisation whose 201 arrived before the backup was started, complete. The copy is one
// moment: it holds exactly as many of the burst's organisations as its revision counts writes
// since the burst began. The data folder in use is refused to backup --data and restore.
func TestBackupDuringWriteBurst(t *testing.T) {
	ctx := context.Background()
	dir, files := t.TempDir(), t.TempDir()
	m := &Main{Config: Config{Addr: "127.0.0.1:0", Store: "embedded", Data: dir, AdminPassword: "geheim-geheim-1"}, Log: zerolog.New(io.Discard), Stdout: io.Discard}
	if err := m.Run(ctx); err != nil {
		m.Close()
		t.Fatal(err)
	}
	defer m.Close()
	base := "http://" + m.Addr()
	var login struct {
		Token string `json:"token"`
	}
	if code, err := postJSON(base+"/api/v1/auth/login", "", map[string]string{"username": "admin", "password": "geheim-geheim-1"}, &login); code != 200 || err != nil {
		t.Fatalf("login: %d %v", code, err)
	}
	t.Setenv("NETZWERKATLAS_TOKEN", login.Token)
	baseRev, err := m.Store().Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}

	type ack struct {
		id, name string
		at       time.Time // when the 201 had arrived
	}
	var mu sync.Mutex
	var acks []ack
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
				name := fmt.Sprintf("Sicherungsverein %d-%d", w, i)
				var out map[string]any
				code, err := postJSON(base+"/api/v1/organisations", login.Token, map[string]any{"name": name, "region": "05562", "kind": "club"}, &out)
				if code != 201 || err != nil {
					t.Errorf("create %s: %d %v %v", name, code, err, out)
					return
				}
				now := time.Now()
				mu.Lock()
				acks = append(acks, ack{out["id"].(string), name, now})
				mu.Unlock()
			}
		}()
	}
	acked := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(acks)
	}
	for acked() < 150 {
		time.Sleep(5 * time.Millisecond)
	}
	file := filepath.Join(files, "sicherung.db.gz")
	var out, errOut bytes.Buffer
	started := time.Now()
	code := run(ctx, []string{"backup", "--url", base, "--quiet", file}, nil, &out, &errOut)
	took := time.Since(started)
	during := acked()
	for acked() < during+50 { // the writes go on after the backup
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if code != 0 || !strings.Contains(out.String(), "Sicherung "+file+" geschrieben") {
		t.Fatalf("backup --url: %d %s%s", code, out.String(), errOut.String())
	}
	st, _ := os.Stat(file)
	t.Logf("backup of the demo during the burst: %d bytes in %v", st.Size(), took.Round(time.Millisecond))

	// The folder in use is refused, and left as it is.
	errOut.Reset()
	if code := run(ctx, []string{"backup", "--data", dir, filepath.Join(files, "offline.db.gz")}, nil, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "wird vom laufenden Dienst benutzt") || !strings.Contains(errOut.String(), "--url") {
		t.Fatalf("backup --data on the folder in use: %d %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(files, "offline.db.gz")); !os.IsNotExist(err) {
		t.Fatal("a refused backup left a file")
	}
	errOut.Reset()
	if code := run(ctx, []string{"restore", "--data", dir, "--force", "--quiet", file}, nil, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "wird von einem laufenden Netzwerkatlas benutzt") {
		t.Fatalf("restore into the folder in use: %d %s", code, errOut.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the folder in use holds %d files after a refused restore", len(entries))
	}

	restored := t.TempDir()
	out.Reset()
	errOut.Reset()
	if code := run(ctx, []string{"restore", "--data", restored, "--quiet", file}, nil, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "wiederhergestellt") || !strings.Contains(out.String(), "measure              985") {
		t.Fatalf("restore: %d %s%s", code, out.String(), errOut.String())
	}
	s, err := embedded.Open(restored, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, inCopy := 0, 0
	for _, a := range acks {
		e, err := s.Get(ctx, graph.KindOrganisation, a.id)
		if a.at.Before(started) {
			before++
			if err != nil {
				t.Fatalf("%s (%s) was acknowledged %v before the backup started and is not in it: %v", a.id, a.name, started.Sub(a.at), err)
			}
		}
		if err == nil {
			inCopy++
			if o := e.(*graph.Organisation); o.Name != a.name || o.Region != "05562" || o.Kind != "club" {
				t.Fatalf("%s came back as %+v", a.id, o)
			}
		}
	}
	rev, _ := s.Revision(ctx)
	if uint64(inCopy) != rev-baseRev {
		t.Fatalf("the copy holds %d of the burst's organisations, but its revision counts %d writes since the burst began", inCopy, rev-baseRev)
	}
	if inCopy == len(acks) || before == 0 {
		t.Fatalf("%d acknowledged before, %d in the copy, %d in all: the burst did not run across the backup", before, inCopy, len(acks))
	}
	t.Logf("%d creates acknowledged before the backup started, %d in the copy, %d in all", before, inCopy, len(acks))

	// Stopped, the folder is backed up directly, and the two backups hold the same store
	// apart from the writes after the first.
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	offline := filepath.Join(files, "offline.db.gz")
	out.Reset()
	if code := run(ctx, []string{"backup", "--data", dir, "--quiet", offline}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "geschrieben") {
		t.Fatalf("backup --data: %d %s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run(ctx, []string{"restore", "--dry-run", "--data", t.TempDir(), "--quiet", offline}, nil, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "Probelauf") || !strings.Contains(out.String(), fmt.Sprintf("%-14s %9d", "organisation", 366+len(acks))) {
		t.Fatalf("restore --dry-run: %d %s%s", code, out.String(), errOut.String())
	}
}

// TestRestoreCommandRefuses: what restore refuses, it refuses in German naming the file or
// the flag, with nothing changed in the data folder.
func TestRestoreCommandRefuses(t *testing.T) {
	ctx := context.Background()
	dir, files := t.TempDir(), t.TempDir()
	var out, errOut bytes.Buffer
	cmd := func(args ...string) (int, string) {
		out.Reset()
		errOut.Reset()
		code := run(ctx, args, nil, &out, &errOut)
		return code, out.String() + errOut.String()
	}
	if code, text := cmd("seed", "--data", dir, "--quiet"); code != 0 {
		t.Fatal(text)
	}
	good := filepath.Join(files, "gut.db.gz")
	if code, text := cmd("backup", "--data", dir, "--quiet", good); code != 0 {
		t.Fatal(text)
	}
	b, _ := os.ReadFile(good)
	garbage := filepath.Join(files, "notizen.txt")
	os.WriteFile(garbage, bytes.Repeat([]byte("Protokoll der Sitzung\n"), 1000), 0o600)
	cut := filepath.Join(files, "abgeschnitten.db.gz")
	os.WriteFile(cut, b[:len(b)*2/3], 0o600)
	hash := func() [32]byte {
		b, err := os.ReadFile(filepath.Join(dir, embedded.FileName))
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	was := hash()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"restore", "--data", dir, "--force", garbage}, 1, "notizen.txt ist weder eine Netzwerkatlas-Sicherung noch eine Speicherdatei"},
		{[]string{"restore", "--data", dir, "--force", cut}, 1, "abgeschnitten.db.gz endet vorzeitig"},
		{[]string{"restore", "--data", dir, good}, 1, "liegt schon ein Speicher; mit --force"},
		{[]string{"restore", "--data", dir, "--force", filepath.Join(files, "fehlt.db.gz")}, 1, "fehlt.db.gz kann nicht geöffnet werden"},
		{[]string{"restore", "--data", dir}, 2, "bitte genau eine Sicherungsdatei angeben"},
		{[]string{"restore", "--store", "neo4j", good}, 1, "neo4j-admin database load neo4j --from-path=/backups --overwrite-destination=true"},
		{[]string{"backup", "--store", "neo4j", good}, 1, "neo4j-admin database dump neo4j --to-path=/backups"},
		{[]string{"backup", "--url", "http://127.0.0.1:1", good}, 1, "NETZWERKATLAS_TOKEN"},
		{[]string{"backup", "--data", filepath.Join(files, "leer"), filepath.Join(files, "x.db.gz")}, 1, "gibt es keinen Speicher"},
	} {
		t.Setenv("NETZWERKATLAS_TOKEN", "")
		code, text := cmd(c.args...)
		if code != c.code || !strings.Contains(text, c.want) {
			t.Errorf("%v: %d %q; want %d and %q", c.args, code, text, c.code, c.want)
		}
		if hash() != was {
			t.Fatalf("%v changed the data folder", c.args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the data folder holds %d files", len(entries))
	}
	// With --force the old store is kept beside the new one, and English is one flag away.
	code, text := cmd("restore", "--data", dir, "--force", "--quiet", "--lang", "en", good)
	if code != 0 || !strings.Contains(text, "restored "+good) || !strings.Contains(text, "The previous store is kept as") {
		t.Fatalf("restore --force: %d %s", code, text)
	}
}
