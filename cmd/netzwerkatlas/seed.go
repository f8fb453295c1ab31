package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

func runSeed(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var scale string
	var seed uint64
	var quiet bool
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.StringVar(&scale, "scale", "", "write a synthetic data set instead of the demo: county (≈2,000 organisations), state (≈20,000) or nation (≈200,000)")
	fs.Uint64Var(&seed, "seed", 1, "random seed of the synthetic data set (same seed, same data)")
	fs.BoolVar(&quiet, "quiet", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas seed [flags]\n\nWrites the demo data (five real counties) or a synthetic scale data set into the store.\nSeeding is idempotent: seeding the same data again changes nothing.\n\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	progress := progressFunc(stderr, "seeding", quiet)
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
		fmt.Fprintf(stdout, "demo data: %d created, %d updated, %d unchanged, %d relationships set, %d monitoring states of a year ago saved in %s\n",
			res.Created, res.Updated, res.Unchanged, res.Related, saved, time.Since(start).Round(time.Millisecond))
		return nil
	}
	sc, ok := demo.ScaleByName(scale)
	if !ok {
		return fmt.Errorf("--scale %q: use county, state or nation", scale)
	}
	if err := demo.SeedScale(ctx, store, sc, seed, progress); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "scale data set %s (seed %d) written in %s\n", sc.Name, seed, time.Since(start).Round(time.Millisecond))
	return nil
}
