package embedded_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// The durability tests run a second copy of the test binary as a separate process (selected
// by helperEnv), because a crash, a file lock and a file size limit are properties of a
// process.
const helperEnv = "NETZWERKATLAS_EMBEDDED_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		helperMain(mode, os.Getenv("HELPER_DIR"))
		return
	}
	os.Exit(m.Run())
}

func helperMain(mode, dir string) {
	defer os.Exit(0)
	fail := func(err error) { fmt.Println("ERROR", err); os.Exit(3) }
	switch mode {
	case "hold":
		s, err := embedded.Open(dir, embedded.Options{})
		if err != nil {
			fail(err)
		}
		defer s.Close()
		fmt.Println("ready")
		time.Sleep(time.Minute)
	case "burst", "fill":
		if mode == "fill" {
			signal.Ignore(syscall.SIGXFSZ) // writes past the limit then fail with EFBIG instead
			st, err := os.Stat(filepath.Join(dir, embedded.FileName))
			if err != nil {
				fail(err)
			}
			lim := syscall.Rlimit{Cur: uint64(st.Size()) + 1<<20, Max: uint64(st.Size()) + 1<<20}
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
				fail(err)
			}
		}
		s, err := embedded.Open(dir, embedded.Options{})
		if err != nil {
			fail(err)
		}
		out := bufio.NewWriter(os.Stdout)
		var mu sync.Mutex
		ack := func(line string) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintln(out, line)
			out.Flush() // the parent must see every acknowledgement before the next write
		}
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; ; i++ {
					desc := ""
					if mode == "fill" {
						desc = strings.Repeat("Beratung und Begleitung. ", 300)
					}
					e, err := s.Create(context.Background(), &graph.Organisation{Name: fmt.Sprintf("Verein %d-%d", w, i),
						Region: "09991", Kind: "club", Description: desc})
					if err != nil {
						ack("ERROR " + err.Error())
						return
					}
					ack("ACK " + e.Base().ID)
				}
			}(w)
		}
		wg.Wait()
		ack("DONE")
	}
}

// startHelper runs the test binary in helper mode and returns the process and its output.
func startHelper(t *testing.T, mode, dir string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "HELPER_DIR="+dir)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(stdout)
}

// newRegionStore makes a data folder holding region 09991 and closes it.
func newRegionStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(context.Background(), &graph.Region{Meta: graph.Meta{ID: "09991"}, Name: "Testkreis", Kind: "county"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestKillDuringWrites kills a process with SIGKILL in the middle of a burst of writes from
// four goroutines: every write it acknowledged must be there after reopening.
func TestKillDuringWrites(t *testing.T) {
	dir := newRegionStore(t)
	cmd, out := startHelper(t, "burst", dir)
	var acked []string
	for out.Scan() {
		line := out.Text()
		if strings.HasPrefix(line, "ERROR") {
			t.Fatal(line)
		}
		if id, ok := strings.CutPrefix(line, "ACK "); ok {
			acked = append(acked, id)
		}
		if len(acked) == 300 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd.Wait()
	if len(acked) < 300 {
		t.Fatalf("the helper acknowledged only %d writes", len(acked))
	}
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	defer s.Close()
	for _, id := range acked {
		if _, err := s.Get(context.Background(), graph.KindOrganisation, id); err != nil {
			t.Fatalf("acknowledged write %s is lost: %v", id, err)
		}
	}
	page, _ := s.List(context.Background(), graph.ListQuery{Kind: graph.KindOrganisation, Limit: 1})
	t.Logf("%d writes acknowledged before SIGKILL, %d stored (a write may commit after its acknowledgement could be sent)", len(acked), page.Total)
	if page.Total < len(acked) {
		t.Fatalf("stored %d < acknowledged %d", page.Total, len(acked))
	}
}

// TestSecondProcess shows that a data folder in use by another process is refused clearly.
func TestSecondProcess(t *testing.T) {
	dir := newRegionStore(t)
	_, out := startHelper(t, "hold", dir)
	if !out.Scan() || out.Text() != "ready" {
		t.Fatalf("helper did not start: %q", out.Text())
	}
	_, err := embedded.Open(dir, embedded.Options{LockTimeout: 200 * time.Millisecond})
	if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(graph.ErrorMessage(err), "in use by another process") {
		t.Fatalf("second open: %v, want EUNAVAILABLE saying the file is in use", err)
	}
}

// TestDiskFull runs writes against a file size limit, the way a full disk behaves: the
// failing write reports that the disk is full, and everything acknowledged before is intact.
func TestDiskFull(t *testing.T) {
	dir := newRegionStore(t)
	cmd, out := startHelper(t, "fill", dir)
	var acked []string
	var failures []string
	for out.Scan() {
		line := out.Text()
		switch {
		case strings.HasPrefix(line, "ACK "):
			acked = append(acked, strings.TrimPrefix(line, "ACK "))
		case strings.HasPrefix(line, "ERROR"):
			failures = append(failures, line)
		}
	}
	cmd.Wait()
	if len(failures) == 0 {
		t.Fatal("no write failed although the file could not grow")
	}
	for _, f := range failures {
		if !strings.Contains(f, "disk") || !strings.Contains(f, "full") {
			t.Fatalf("failure %q does not say the disk is full", f)
		}
	}
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatalf("reopening after a full disk: %v", err)
	}
	defer s.Close()
	for _, id := range acked {
		if _, err := s.Get(context.Background(), graph.KindOrganisation, id); err != nil {
			t.Fatalf("acknowledged write %s is lost: %v", id, err)
		}
	}
	if _, err := s.Create(context.Background(), &graph.Organisation{Name: "Danach", Region: "09991", Kind: "club"}); err != nil {
		t.Fatalf("the store does not accept writes once space is back: %v", err)
	}
	t.Logf("%d writes acknowledged, then: %s", len(acked), failures[0])
}

// TestCorruptFile shows that a damaged file is refused with a clear error, never read as
// empty.
func TestCorruptFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(path string) error
	}{
		{"overwritten header", func(p string) error {
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", 4096))
			_, err = f.WriteAt(garbage, 0)
			return err
		}},
		{"damaged page in the middle", func(p string) error {
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			for off := int64(4 * 4096); off < st.Size(); off += 4096 {
				if _, err := f.WriteAt([]byte(strings.Repeat("\x07", 4096)), off); err != nil {
					return err
				}
			}
			return nil
		}},
		{"not a database", func(p string) error { return os.WriteFile(p, []byte("hello, this is not bbolt"), 0o600) }},
		{"truncated", func(p string) error {
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			return os.Truncate(p, st.Size()/3)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := newRegionStore(t)
			s, err := embedded.Open(dir, embedded.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 200; i++ {
				if _, err := s.Create(context.Background(), &graph.Organisation{Name: fmt.Sprintf("Verein %d", i), Region: "09991", Kind: "club",
					Description: strings.Repeat("Text ", 100)}); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			if err := tc.damage(filepath.Join(dir, embedded.FileName)); err != nil {
				t.Fatal(err)
			}
			s, err = embedded.Open(dir, embedded.Options{})
			if err == nil {
				s.Close()
				t.Fatal("a damaged file opened without error")
			}
			if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(graph.ErrorMessage(err), "corrupt") {
				t.Fatalf("error %v does not say the file is corrupt", err)
			}
		})
	}
}
