package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

func runExport(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var format, region, sheet, output string
	var template, noAnalyses bool
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.StringVar(&format, "format", "", "json (lossless), csv (zip of sheets, or one --sheet), xlsx, hsds (Open Referral HSDS 3.0), graphml (Gephi) or geojson (GIS)")
	fs.StringVar(&region, "region", "", "only this region (default: all)")
	fs.StringVar(&sheet, "sheet", "", "csv: only this directory sheet: "+kindsList())
	fs.StringVar(&output, "output", "", "write to this file (default: standard output)")
	fs.StringVar(&output, "o", "", "short for --output")
	fs.BoolVar(&template, "template", false, "write the import template (csv or xlsx) instead; with --region its names are listed as allowed values")
	fs.BoolVar(&noAnalyses, "no-analyses", false, "csv, xlsx: leave the analysis sheets out")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas export --format FORMAT [flags]\n\nExports everything (or one region): the directory, the analysis results and the network.\n\n")
		fs.PrintDefaults()
	}
	if err := parse(v, fs, args, stderr); err != nil {
		return err
	}
	cfg.Lang = v.Lang
	if template && format == "" {
		format = exchange.FormatXLSX
	}
	if !slices.Contains(exchange.ExportFormats, format) || (template && format != exchange.FormatCSV && format != exchange.FormatXLSX) {
		fmt.Fprintln(stderr, v.T("cli.export.format", msg.Args{"formats": strings.Join(exchange.ExportFormats, ", ")}))
		fs.Usage()
		return errUsage
	}
	var w io.Writer = stdout
	var file *os.File
	if output != "" {
		f, err := os.Create(output)
		if err != nil {
			return err
		}
		file = f
		w = f
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	err := func() error {
		if template && region == "" {
			return exchange.WriteSheets(bw, exchange.SheetOptions{Format: format, Sheet: exchange.SheetKind(sheet), Template: true, Now: time.Now()})
		}
		store, err := openStore(ctx, cfg)
		if err != nil {
			return err
		}
		defer store.Close()
		snap, err := store.Snapshot(ctx, region)
		if err != nil {
			return err
		}
		if region != "" && len(snap.Regions) == 0 {
			return v.errorf("cli.export.no_region", msg.Args{"region": region})
		}
		if template {
			return exchange.WriteSheets(bw, exchange.SheetOptions{Format: format, Sheet: exchange.SheetKind(sheet), Template: true, Data: snap, Now: time.Now()})
		}
		return exchange.Export(bw, snap, exchange.ExportOptions{Format: format, Sheet: exchange.SheetKind(sheet), NoAnalyses: noAnalyses})
	}()
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(output)
		}
	}
	return err
}
