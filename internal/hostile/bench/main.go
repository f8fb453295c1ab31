// Command bench measures the peak memory of the server while it is attacked: it starts a
// built netzwerkatlas binary on the demo data, sends one hostile request (a zip bomb in each
// part of a workbook, deeply nested JSON, a huge CSV cell, 10,000 columns, a line of 64 MiB),
// and reads the process's resident-set high-water mark (VmHWM in /proc/<pid>/status); the
// server is started anew for every attack, so each figure is that attack's alone. A server
// that passes -cap is killed (the machine is shared), and the figure says so.
//
//	go build -o /tmp/na ./cmd/netzwerkatlas
//	go run ./internal/hostile/bench -bin /tmp/na [-bin /tmp/na-main] [-only sharedStrings]
//
// The results are a Markdown table on standard output (docs/performance.md, "Feindliche
// Eingaben und Speicher").
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/internal/hostile"
)

const password = "Feindliche-Eingaben-Messung-2026!"

// attack is one hostile request.
type attack struct {
	name, method, path, contentType string
	// body makes the request body (cached in the work folder).
	body func() ([]byte, error)
	// admin sends the request with the admin's token.
	admin bool
}

type binList []string

func (b *binList) String() string     { return strings.Join(*b, ",") }
func (b *binList) Set(s string) error { *b = append(*b, s); return nil }

func main() {
	var bins binList
	flag.Var(&bins, "bin", "netzwerkatlas binary to measure (repeatable)")
	work := flag.String("work", filepath.Join(os.TempDir(), "netzwerkatlas-hostile-bench"), "folder for the crafted files and the data folders")
	capMiB := flag.Int64("cap", 3072, "kill a server whose resident set passes this many MiB")
	only := flag.String("only", "", "run only the attacks whose name contains this")
	timeout := flag.Duration("timeout", 90*time.Second, "longest wait for one answer")
	flag.Parse()
	if len(bins) == 0 {
		fmt.Fprintln(os.Stderr, "bench: give at least one -bin")
		os.Exit(2)
	}
	if err := os.MkdirAll(*work, 0o755); err != nil {
		fail(err)
	}
	attacks := attacks(*work)
	fmt.Println("| attack | binary | status | seconds | RSS before (MiB) | peak RSS (MiB) |")
	fmt.Println("|---|---|---|---:|---:|---:|")
	for _, a := range attacks {
		if *only != "" && !strings.Contains(a.name, *only) {
			continue
		}
		body, err := a.body()
		if err != nil {
			fail(fmt.Errorf("%s: %w", a.name, err))
		}
		for _, bin := range bins {
			r, err := measure(bin, filepath.Join(*work, "data-"+filepath.Base(bin)), a, body, *capMiB, *timeout)
			if err != nil {
				fail(fmt.Errorf("%s on %s: %w", a.name, bin, err))
			}
			fmt.Printf("| %s (%s) | %s | %s | %.1f | %d | %s |\n", a.name, size(len(body)), filepath.Base(bin), r.status, r.took.Seconds(), r.before, r.peak)
		}
	}
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

// cached returns the file work/name, making it with mk the first time.
func cached(work, name string, mk func() ([]byte, error)) func() ([]byte, error) {
	return func() ([]byte, error) {
		path := filepath.Join(work, name)
		if b, err := os.ReadFile(path); err == nil {
			return b, nil
		}
		b, err := mk()
		if err != nil {
			return nil, err
		}
		return b, os.WriteFile(path, b, 0o644)
	}
}

func attacks(work string) []attack {
	template := func() ([]byte, error) {
		var buf bytes.Buffer
		err := exchange.WriteSheets(&buf, exchange.SheetOptions{Format: exchange.FormatXLSX, Template: true})
		return buf.Bytes(), err
	}
	const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	var out []attack
	for _, part := range hostile.Parts {
		part := part
		out = append(out, attack{name: "XLSX bomb, " + part + " 1.5 GB", method: "POST", path: "/api/v1/import?dry_run=true", contentType: xlsx, admin: true,
			body: cached(work, "bomb-"+strings.NewReplacer("/", "_", "[", "", "]", "").Replace(part)+".xlsx", func() ([]byte, error) {
				base, err := template()
				if err != nil {
					return nil, err
				}
				return hostile.Bomb(base, part, 1500<<20)
			})})
	}
	// The audit's bomb: shared strings that a cell of an import sheet refers to, so that
	// reading the sheet indexes every string.
	out = append(out, attack{name: "XLSX bomb, xl/sharedStrings.xml 1.5 GB, referred to by a cell", method: "POST", path: "/api/v1/import?dry_run=true", contentType: xlsx, admin: true,
		body: cached(work, "bomb-sharedStrings-referred.xlsx", func() ([]byte, error) {
			base, err := referred()
			if err != nil {
				return nil, err
			}
			return hostile.Bomb(base, "xl/sharedStrings.xml", 1500<<20)
		})})
	// Just inside the bounds, packed like real data: what the bounds on size allow.
	for _, c := range []struct {
		part string
		n    int64
	}{{"xl/sharedStrings.xml", 120 << 20}, {"xl/styles.xml", 15 << 20}, {"xl/worksheets/sheet1.xml", 255 << 20}} {
		c := c
		out = append(out, attack{name: fmt.Sprintf("XLSX inside the bounds, %s %d MiB packed like data", c.part, c.n>>20), method: "POST", path: "/api/v1/import?dry_run=true", contentType: xlsx, admin: true,
			body: cached(work, "inside-"+filepath.Base(c.part)+".xlsx", func() ([]byte, error) {
				base, err := referred()
				if err != nil {
					return nil, err
				}
				return hostile.Varied(base, c.part, c.n)
			})})
	}
	out = append(out,
		attack{name: "XLSX bomb behind a declared 2 KiB, xl/sharedStrings.xml 1.5 GB", method: "POST", path: "/api/v1/import?dry_run=true", contentType: xlsx, admin: true,
			body: cached(work, "lying-sharedStrings.xlsx", func() ([]byte, error) {
				base, err := template()
				if err != nil {
					return nil, err
				}
				return hostile.Lying(base, "xl/sharedStrings.xml", 2048, bytes.Repeat([]byte("<si><t>x</t></si>"), 1500<<20/17))
			})},
		attack{name: "nested JSON, POST /api/v1/organisations", method: "POST", path: "/api/v1/organisations", contentType: "application/json", admin: true,
			body: func() ([]byte, error) { return hostile.NestedJSON(1<<19, false), nil }},
		attack{name: "nested JSON import", method: "POST", path: "/api/v1/import?dry_run=true", contentType: "application/json", admin: true,
			body: func() ([]byte, error) { return hostile.NestedJSON(50<<20, false), nil }},
		attack{name: "CSV, one cell of 100 MB", method: "POST", path: "/api/v1/import?dry_run=true", contentType: "text/csv", admin: true,
			body: func() ([]byte, error) { return hostile.CSVHugeCell(100 << 20), nil }},
		attack{name: "CSV, 10,000 columns × 5,000 rows", method: "POST", path: "/api/v1/import?dry_run=true", contentType: "text/csv", admin: true,
			body: func() ([]byte, error) { return hostile.CSVColumns(10000, 5000), nil }},
		attack{name: "CSV, one line of 64 MiB", method: "POST", path: "/api/v1/import?dry_run=true", contentType: "text/csv", admin: true,
			body: func() ([]byte, error) { return hostile.CSVLongLine(64 << 20), nil }},
	)
	return out
}

// referred is a workbook with an organisations sheet whose header cells are shared strings.
func referred() ([]byte, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "Organisationen"); err != nil {
		return nil, err
	}
	for i, h := range []string{"Name", "Kreis", "Art"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue("Organisationen", cell, h); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	err := f.Write(&buf)
	return buf.Bytes(), err
}

type result struct {
	status     string
	took       time.Duration
	before     int64
	peak       string
	killedPeak int64
}

// measure starts bin on data, logs in as admin, sends the attack and returns the answer's
// status and the process's memory before and at its highest.
func measure(bin, data string, a attack, body []byte, capMiB int64, timeout time.Duration) (result, error) {
	addr, err := freeAddr()
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command(bin, "serve", "--addr", addr, "--data", data, "--admin-password", password, "--log-format", "json")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	cmd.Env = append(os.Environ(), "GOMAXPROCS=2")
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}()
	base := "http://" + addr
	if err := waitReady(base, 120*time.Second); err != nil {
		return result{}, err
	}
	token, err := login(base)
	if err != nil {
		return result{}, err
	}
	time.Sleep(time.Second)
	pid := cmd.Process.Pid
	before, _ := statusKB(pid, "VmRSS")
	// Watch the resident set; kill the server when it passes the cap.
	killed := make(chan int64, 1)
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if rss, ok := statusKB(pid, "VmRSS"); ok && rss>>10 > capMiB {
					_ = cmd.Process.Kill()
					killed <- rss >> 10
					return
				}
			}
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, a.method, base+a.path, bytes.NewReader(body))
	req.Header.Set("Content-Type", a.contentType)
	if a.admin {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	status := ""
	resp, err := http.DefaultClient.Do(req)
	took := time.Since(start)
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		status = strconv.Itoa(resp.StatusCode)
	}
	hwm, _ := statusKB(pid, "VmHWM")
	close(stop)
	r := result{status: status, took: took, before: before >> 10, peak: strconv.FormatInt(hwm>>10, 10)}
	select {
	case mib := <-killed:
		r.status, r.peak = "killed", fmt.Sprintf("> %d (killed at %d)", capMiB, mib)
	default:
		if err != nil {
			r.status = "no answer: " + shortErr(err)
		}
	}
	return r, nil
}

func shortErr(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitReady(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("%s did not become ready", base)
}

func login(base string) (string, error) {
	b, _ := json.Marshal(map[string]string{"username": "admin", "password": password})
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var v struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || v.Token == "" {
		return "", fmt.Errorf("login: %d %v", resp.StatusCode, err)
	}
	return v.Token, nil
}

// statusKB returns a "Name: … kB" field of /proc/<pid>/status.
func statusKB(pid int, name string) (int64, bool) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}
