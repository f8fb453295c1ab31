package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

func runMigrate(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var from, to Config
	var quiet bool
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.StringVar(&from.Store, "from", "embedded", "store to copy from: embedded or neo4j")
	fs.StringVar(&to.Store, "to", "neo4j", "store to copy into (must be empty): embedded or neo4j")
	data := env("NETZWERKATLAS_DATA", "./data")
	fs.StringVar(&from.Data, "from-data", data, "data folder when copying from the embedded store")
	fs.StringVar(&to.Data, "to-data", data, "data folder when copying into the embedded store")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: netzwerkatlas migrate --from embedded --to neo4j [flags]

Copies every node (ids, versions, timestamps), relationship and user into an empty store,
region by region, then compares the counts per kind and per relationship type. The way to
outgrow the embedded store: stop the service, migrate, start it with --store neo4j.
Neo4j is configured by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.

`)
		fs.PrintDefaults()
	}
	if err := parse(v, fs, args, stderr); err != nil {
		return err
	}
	from.Lang, to.Lang = v.Lang, v.Lang
	if from.Store == to.Store && from.Data == to.Data && from.Store == "embedded" {
		return v.errorf("cli.migrate.same_folder", msg.Args{"folder": from.Data})
	}
	src, err := openStore(ctx, from)
	if err != nil {
		return v.wrap("cli.migrate.source", nil, err)
	}
	defer src.Close()
	dst, err := openStore(ctx, to)
	if err != nil {
		return v.wrap("cli.migrate.destination", nil, err)
	}
	defer dst.Close()

	start := time.Now()
	progress := progressFunc(stderr, v.T("cli.progress.copying", nil), quiet)
	rep, err := graph.Copy(graph.WithUser(ctx, "migrate"), src, dst, progress)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, v.T("cli.migrate.done", msg.Args{"from": from.Store, "to": to.Store, "took": time.Since(start).Round(time.Millisecond)}))
	for _, ki := range graph.Kinds {
		fmt.Fprintf(stdout, "  %-14s %9d\n", ki.Kind, rep.Nodes[ki.Kind])
	}
	for _, ri := range graph.RelTypes {
		if !ri.Derived {
			fmt.Fprintf(stdout, "  %-14s %9d\n", ri.Type, rep.Relations[ri.Type])
		}
	}
	fmt.Fprintf(stdout, "  %-14s %9d\n", v.T("cli.migrate.users", nil), rep.Users)
	fmt.Fprintf(stdout, "  %-14s %9d\n", v.T("cli.migrate.snapshots", nil), rep.MonitoringSnapshots)
	return nil
}
