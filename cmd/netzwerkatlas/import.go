package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// parseWithFiles parses flags that may stand before, between or after the file arguments.
func parseWithFiles(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return files, nil
		}
		files = append(files, args[0])
		args = args[1:]
	}
}

func runImport(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var dry, quiet, asJSON bool
	var region, sheet, format, user string
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.BoolVar(&dry, "dry-run", false, "validate and report, write nothing")
	fs.StringVar(&region, "region", "", "region key for rows without Kreis (and the only region a GeoJSON import reads)")
	fs.StringVar(&sheet, "sheet", "", "what a CSV file holds when its header does not tell: "+kindsList())
	fs.StringVar(&format, "format", "", "csv, xlsx, json or geojson (default: detected from name and content)")
	fs.StringVar(&user, "user", "cli", "name the audit log records for the changes")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON (the API's form)")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: netzwerkatlas import [flags] FILE...

Imports CSV files (UTF-8 or Windows-1252; ; , or tab), XLSX workbooks, a JSON export and GeoJSON
municipality boundaries (VG250) — all files as one all-or-nothing write: one bad row, nothing is
written. Importing the same files again changes nothing. Templates: netzwerkatlas export --template.

`)
		fs.PrintDefaults()
	}
	files, err := parseWithFiles(fs, args, stderr)
	if err != nil {
		return err
	}
	cfg.Lang = v.Lang
	if len(files) == 0 {
		fmt.Fprintln(stderr, v.T("cli.import.no_file", nil))
		fs.Usage()
		return errUsage
	}
	var inputs []exchange.Input
	for _, f := range files {
		inputs = append(inputs, exchange.Input{Name: filepath.Base(f), Path: f, Format: format, Sheet: exchange.SheetKind(sheet)})
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	bar := progressFunc(stderr, v.T("cli.progress.reading", nil), quiet)
	rep, err := exchange.Import(graph.WithUser(ctx, user), store, inputs, exchange.Options{Region: region, DryRun: dry,
		Progress: func(done, total int64) { bar(int(done>>10), int(total>>10)) }})
	if err != nil {
		if file, row, text, ok := exchange.IsFileError(err); ok {
			if row > 0 {
				return v.errorf("cli.import.file_row", msg.Args{"file": file, "row": strconv.Itoa(row), "message": text})
			}
			return fmt.Errorf("%s: %s", file, text)
		}
		// A bound of the import (a zip bomb, a huge cell, too many columns), in the
		// operator's language.
		var le *exchange.LimitError
		if errors.As(err, &le) {
			return fmt.Errorf("%s: %s", le.Where(), msg.For(v.Lang).Format(le.Format, le.Args...))
		}
		return err
	}
	// The problems in the operator's language, in the table and in the JSON alike.
	rep.Localize(v.Lang)
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(v, stdout, rep, time.Since(start))
	}
	if !rep.OK {
		return v.errorf("cli.import.failed", msg.Args{"n": rep.ErrorCount})
	}
	return nil
}

func kindsList() string {
	var ks []string
	for _, k := range exchange.SheetKinds() {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// printReport prints what an import did, and its errors with file, row and column.
func printReport(v *voice, w io.Writer, rep *exchange.Report, took time.Duration) {
	for _, f := range rep.Files {
		if f.Encoding != "" {
			d := f.Delimiter
			if d == "\t" {
				d = v.T("cli.import.tab", nil)
			}
			fmt.Fprintln(w, v.T("cli.import.encoding", msg.Args{"file": f.File, "format": f.Format, "encoding": f.Encoding, "delimiter": d}))
		} else {
			fmt.Fprintln(w, v.T("cli.import.file", msg.Args{"file": f.File, "format": f.Format}))
		}
		for _, s := range f.Sheets {
			fmt.Fprintln(w, v.T("cli.import.sheet", msg.Args{"sheet": fmt.Sprintf("%-18s", s.Sheet), "rows": s.Rows,
				"created": s.Created, "updated": s.Updated, "unchanged": s.Unchanged, "skipped": s.Skipped}))
		}
	}
	for _, warn := range rep.Warnings {
		fmt.Fprintln(w, v.T("cli.import.note", msg.Args{"note": warn}))
	}
	for _, e := range rep.Errors {
		where := []string{e.File}
		if e.Sheet != "" {
			where = append(where, e.Sheet)
		}
		if e.Row > 0 {
			where = append(where, v.T("cli.import.row", msg.Args{"row": strconv.Itoa(e.Row)}))
		}
		if e.Column != "" {
			where = append(where, e.Column)
		}
		line := strings.Join(where, ", ") + ": " + e.Message
		if e.Value != "" && !strings.Contains(e.Message, e.Value) {
			line += fmt.Sprintf(" (%q)", e.Value)
		}
		if len(e.Suggestions) > 0 {
			line += v.T("cli.import.suggest", msg.Args{"names": strings.Join(e.Suggestions, ", ")})
		}
		fmt.Fprintln(w, line)
	}
	if rep.ErrorCount > len(rep.Errors) {
		fmt.Fprintln(w, v.T("cli.import.more", msg.Args{"n": rep.ErrorCount - len(rep.Errors)}))
	}
	outcome := "cli.import.written"
	switch {
	case !rep.OK:
		outcome = "cli.import.not_written"
	case rep.DryRun:
		outcome = "cli.import.dry_run"
	case !rep.Written:
		outcome = "cli.import.unchanged"
	}
	fmt.Fprintln(w, v.T("cli.import.summary", msg.Args{"rows": rep.Rows, "created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged,
		"skipped": rep.Skipped, "added": rep.Relations.Added, "rel_updated": rep.Relations.Updated, "removed": rep.Relations.Removed,
		"problems": rep.ErrorCount, "outcome": v.T(outcome, nil), "took": took.Round(time.Millisecond)}))
}
