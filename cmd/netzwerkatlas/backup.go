package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// runBackup writes a backup of the embedded store: read from the data folder when no service
// runs on it, or fetched from the running service (--url) with an admin's API token.
func runBackup(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var url string
	var quiet bool
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.StringVar(&url, "url", env("NETZWERKATLAS_URL", ""), "fetch the backup from the running service at this address, e.g. http://localhost:8080, with an admin's API token in NETZWERKATLAS_TOKEN (env NETZWERKATLAS_URL)")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: netzwerkatlas backup [--data DIR | --url URL] FILE

Writes a consistent copy of the embedded store to FILE (- for standard output; a folder gets a
dated name). While the service runs it holds the data folder, so fetch the backup from it:
  NETZWERKATLAS_TOKEN=<admin API token> netzwerkatlas backup --url http://localhost:8080 FILE
Every write the service acknowledged before the backup began is in it. Check and restore with
netzwerkatlas restore. Neo4j is backed up with neo4j-admin (README).

`)
		fs.PrintDefaults()
	}
	files, err := parseWithFiles(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, v.T("cli.backup.file", nil))
		fs.Usage()
		return errUsage
	}
	cfg.Lang = v.Lang
	// With FILE "-" the backup is standard output, so everything for people goes to stderr.
	say := stdout
	if files[0] == "-" {
		say = stderr
	}
	start := time.Now()
	bar := progressFunc(stderr, v.T("cli.progress.backup", nil), quiet)
	progress := func(done, total int64) { bar(int(done>>10), int(total>>10)) }
	var m *embedded.Manifest
	var written string
	var size int64
	switch {
	case url != "":
		m, written, size, err = fetchBackup(ctx, v, url, files[0], stdout, progress)
	case cfg.Store == "neo4j":
		return v.errorf("cli.backup.neo4j", nil)
	case cfg.Store != "embedded" && cfg.Store != "":
		return v.errorf("cli.choose", msg.Args{"flag": "store", "value": cfg.Store, "choices": v.or("embedded", "neo4j")})
	default:
		m, written, size, err = backupFolder(v, cfg.Data, files[0], stdout, progress)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(say, v.T("cli.backup.done", msg.Args{"file": written, "bytes": size, "size": m.Size, "revision": m.Revision,
		"data_version": m.DataVersion, "took": time.Since(start).Round(time.Millisecond)}))
	return nil
}

// backupFolder writes the backup of the store in folder dir, which no service may hold.
func backupFolder(v *voice, dir, file string, stdout io.Writer, progress func(done, total int64)) (*embedded.Manifest, string, int64, error) {
	now := time.Now()
	var m embedded.Manifest
	written, size, err := writeOut(file, embedded.BackupName(now), stdout, func(w io.Writer) error {
		var err error
		m, err = embedded.BackupFile(dir, w, now, progress)
		return err
	})
	if embedded.InUse(err) {
		return nil, "", 0, v.errorf("cli.backup.in_use", msg.Args{"folder": dir, "file": file})
	}
	return &m, written, size, err
}

// fetchBackup downloads the backup from the service at base and checks it while it arrives:
// manifest, checksum and length. A broken download leaves no file behind.
func fetchBackup(ctx context.Context, v *voice, base, file string, stdout io.Writer, progress func(done, total int64)) (*embedded.Manifest, string, int64, error) {
	token := os.Getenv("NETZWERKATLAS_TOKEN")
	if token == "" {
		return nil, "", 0, v.errorf("cli.backup.token", nil)
	}
	endpoint := strings.TrimRight(base, "/") + "/api/v1/admin/backup"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return nil, "", 0, v.errorf("cli.backup.url", msg.Args{"url": base})
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept-Language", string(v.Lang))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, "", 0, v.wrap("cli.backup.unreachable", msg.Args{"url": base}, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var p struct {
			Detail string `json:"detail"`
		}
		if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&p) != nil || p.Detail == "" {
			p.Detail = http.StatusText(resp.StatusCode)
		}
		return nil, "", 0, v.errorf("cli.backup.refused", msg.Args{"url": base, "status": resp.StatusCode, "detail": p.Detail})
	}
	name := embedded.BackupName(time.Now())
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		name = filepath.Base(params["filename"])
	}
	var m *embedded.Manifest
	written, size, err := writeOut(file, name, stdout, func(w io.Writer) error {
		// The checker reads what is written, through a pipe, while it is written.
		pr, pw := io.Pipe()
		checked := make(chan error, 1)
		go func() {
			var err error
			m, err = embedded.CheckStream(pr, name, progress)
			if err == nil {
				_, err = io.Copy(io.Discard, pr) // anything after the backup is ignored
			}
			pr.CloseWithError(err)
			checked <- err
		}()
		_, err := io.Copy(io.MultiWriter(w, pw), resp.Body)
		pw.CloseWithError(err)
		cerr := <-checked
		if err != nil && (cerr == nil || errors.Is(cerr, io.ErrClosedPipe)) {
			return v.wrap("cli.backup.broken", nil, err)
		}
		if cerr != nil {
			return v.wrap("cli.backup.broken", nil, cerr)
		}
		return nil
	})
	return m, written, size, err
}

// writeOut writes what write produces to file: standard output for "-", name inside file when
// file is a folder, else file itself — through a temporary file beside it that is renamed
// only when everything was written, so a failed backup never leaves a file that looks whole.
// It returns the name written and the bytes.
func writeOut(file, name string, stdout io.Writer, write func(io.Writer) error) (string, int64, error) {
	if file == "-" {
		cw := &byteCounter{w: stdout}
		err := write(cw)
		return "-", cw.n, err
	}
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		file = filepath.Join(file, name)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.part")
	if err != nil {
		return "", 0, err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	cw := &byteCounter{w: tmp}
	if err := write(cw); err != nil {
		return "", 0, err
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, err
	}
	if err := tmp.Close(); err != nil {
		return "", 0, err
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return "", 0, err
	}
	return file, cw.n, nil
}

type byteCounter struct {
	w io.Writer
	n int64
}

func (c *byteCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// runRestore checks a backup and puts it in place as the store of a data folder.
func runRestore(_ context.Context, v *voice, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg Config
	var force, dry, quiet bool
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.BoolVar(&force, "force", false, "replace the store already in the data folder (it is kept as netzwerkatlas.db.before-restore-<time>)")
	fs.BoolVar(&dry, "dry-run", false, "check the backup completely, restore nothing")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: netzwerkatlas restore --data DIR [--force] [--dry-run] FILE

Checks the backup FILE (- for standard input) completely — checksum, length, schema version,
every entry read as the service reads it — and only then puts it in place as the store of the
data folder, in one rename. Stop the service first: a folder in use is refused. A folder that
holds a store is replaced only with --force; the old store stays beside it.

`)
		fs.PrintDefaults()
	}
	files, err := parseWithFiles(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, v.T("cli.restore.file", nil))
		fs.Usage()
		return errUsage
	}
	switch cfg.Store {
	case "embedded", "":
	case "neo4j":
		return v.errorf("cli.restore.neo4j", nil)
	default:
		return v.errorf("cli.choose", msg.Args{"flag": "store", "value": cfg.Store, "choices": v.or("embedded", "neo4j")})
	}
	file := files[0]
	var src io.Reader = stdin
	opts := embedded.RestoreOptions{Force: force, DryRun: dry}
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return v.wrap("cli.restore.open", msg.Args{"file": file}, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			opts.SourceSize = st.Size()
		}
		src = f
	}
	bar := progressFunc(stderr, v.T("cli.progress.restore", nil), quiet)
	opts.Progress = func(done, total int64) { bar(int(done>>10), int(total>>10)) }
	if !quiet {
		opts.Checking = func() { fmt.Fprintln(stderr, v.T("cli.restore.checking", nil)) }
	}
	start := time.Now()
	rep, err := embedded.Restore(src, file, cfg.Data, opts)
	if err != nil {
		return err
	}
	c := rep.Contents
	taken := v.T("cli.restore.plain", nil)
	if rep.Manifest != nil {
		taken = rep.Manifest.CreatedAt.Local().Format("2006-01-02 15:04:05")
	}
	args2 := msg.Args{"file": file, "folder": cfg.Data, "taken": taken, "revision": c.Revision, "data_version": c.DataVersion,
		"took": time.Since(start).Round(time.Millisecond)}
	if dry {
		fmt.Fprintln(stdout, v.T("cli.restore.checked", args2))
	} else {
		fmt.Fprintln(stdout, v.T("cli.restore.done", args2))
	}
	for _, ki := range graph.Kinds {
		fmt.Fprintf(stdout, "  %-14s %9d\n", ki.Kind, c.Nodes[ki.Kind])
	}
	for _, row := range []struct {
		key string
		n   int
	}{{"cli.restore.relations", c.Relations}, {"cli.migrate.users", c.Users}, {"cli.restore.tokens", c.Tokens},
		{"cli.migrate.snapshots", c.Snapshots}, {"cli.restore.merges", c.Merges}, {"cli.restore.audit", c.Audit}} {
		fmt.Fprintf(stdout, "  %-14s %9d\n", v.T(row.key, nil), row.n)
	}
	if c.DataVersion < graph.DataVersion {
		fmt.Fprintln(stdout, v.T("cli.restore.upgrade", msg.Args{"data_version": c.DataVersion, "current": graph.DataVersion}))
	}
	if rep.Previous != "" {
		fmt.Fprintln(stdout, v.T("cli.restore.previous", msg.Args{"file": rep.Previous}))
	}
	return nil
}
