package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

func runSeed(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var scale string
	var seed uint64
	var quiet bool
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.StringVar(&scale, "scale", "", "write a synthetic data set instead of the demo: county (≈2,000 organisations), state (≈20,000) or nation (≈200,000)")
	fs.Uint64Var(&seed, "seed", 1, "random seed of the synthetic data set (same seed, same data)")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	v.flag(fs, "language of what the command prints for people: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas seed [flags]\n\nWrites the demo data (five real counties) or a synthetic scale data set into the store.\nSeeding is idempotent: seeding the same data again changes nothing.\n\n")
		fs.PrintDefaults()
	}
	if err := parse(v, fs, args, stderr); err != nil {
		return err
	}
	cfg.Lang = v.Lang
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	progress := progressFunc(stderr, v.T("cli.progress.seeding", nil), quiet)
	if scale == "" {
		d := demo.Demo()
		res, err := demo.Seed(ctx, store, d, progress)
		if err != nil {
			return err
		}
		saved, err := saveDemoHistory(ctx, store, d)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, v.T("cli.seed.demo", msg.Args{"created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged,
			"related": res.Related, "saved": saved, "took": time.Since(start).Round(time.Millisecond)}))
		return nil
	}
	sc, ok := demo.ScaleByName(scale)
	if !ok {
		return v.errorf("cli.choose", msg.Args{"flag": "scale", "value": scale, "choices": v.or("county", "state", "nation")})
	}
	if err := demo.SeedScale(ctx, store, sc, seed, progress); err != nil {
		return err
	}
	fmt.Fprintln(stdout, v.T("cli.seed.scale", msg.Args{"name": sc.Name, "seed": strconv.FormatUint(seed, 10), "took": time.Since(start).Round(time.Millisecond)}))
	return nil
}
