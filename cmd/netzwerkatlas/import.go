package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
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

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
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
	if len(files) == 0 {
		fmt.Fprintln(stderr, "name at least one file to import")
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
	bar := progressFunc(stderr, "reading (KiB)", quiet)
	rep, err := exchange.Import(graph.WithUser(ctx, user), store, inputs, exchange.Options{Region: region, DryRun: dry,
		Progress: func(done, total int64) { bar(int(done>>10), int(total>>10)) }})
	if err != nil {
		if file, row, msg, ok := exchange.IsFileError(err); ok {
			if row > 0 {
				return fmt.Errorf("%s, row %d: %s", file, row, msg)
			}
			return fmt.Errorf("%s: %s", file, msg)
		}
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(stdout, rep, time.Since(start))
	}
	if !rep.OK {
		noun := "problems"
		if rep.ErrorCount == 1 {
			noun = "problem"
		}
		return fmt.Errorf("%d %s; nothing was written", rep.ErrorCount, noun)
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
func printReport(w io.Writer, rep *exchange.Report, took time.Duration) {
	for _, f := range rep.Files {
		enc := ""
		if f.Encoding != "" {
			d := f.Delimiter
			if d == "\t" {
				d = "tab"
			}
			enc = fmt.Sprintf(" (%s, delimiter %s)", f.Encoding, d)
		}
		fmt.Fprintf(w, "%s: %s%s\n", f.File, f.Format, enc)
		for _, s := range f.Sheets {
			fmt.Fprintf(w, "  %-18s %6d rows: %d created, %d updated, %d unchanged, %d skipped\n", s.Sheet, s.Rows, s.Created, s.Updated, s.Unchanged, s.Skipped)
		}
	}
	for _, warn := range rep.Warnings {
		fmt.Fprintf(w, "note: %s\n", warn)
	}
	for _, e := range rep.Errors {
		where := []string{e.File}
		if e.Sheet != "" {
			where = append(where, e.Sheet)
		}
		if e.Row > 0 {
			where = append(where, fmt.Sprintf("row %d", e.Row))
		}
		if e.Column != "" {
			where = append(where, e.Column)
		}
		line := strings.Join(where, ", ") + ": " + e.Message
		if e.Value != "" && !strings.Contains(e.Message, e.Value) {
			line += fmt.Sprintf(" (%q)", e.Value)
		}
		if len(e.Suggestions) > 0 {
			line += "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
		}
		fmt.Fprintln(w, line)
	}
	if rep.ErrorCount > len(rep.Errors) {
		fmt.Fprintf(w, "… and %d more problems\n", rep.ErrorCount-len(rep.Errors))
	}
	verb := "written"
	switch {
	case !rep.OK:
		verb = "nothing written"
	case rep.DryRun:
		verb = "dry run, nothing written"
	case !rep.Written:
		verb = "nothing to change"
	}
	fmt.Fprintf(w, "%d rows: %d created, %d updated, %d unchanged, %d skipped; relationships: %d added, %d updated, %d removed; %d problems — %s in %s\n",
		rep.Rows, rep.Created, rep.Updated, rep.Unchanged, rep.Skipped, rep.Relations.Added, rep.Relations.Updated, rep.Relations.Removed,
		rep.ErrorCount, verb, took.Round(time.Millisecond))
}
