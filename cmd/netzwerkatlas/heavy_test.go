package main

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// TestHeavyFlags: the heavy-request budgets come from flags, else from NETZWERKATLAS_HEAVY_*,
// else the defaults; a value that is not a number is refused naming the flag or variable.
func TestHeavyFlags(t *testing.T) {
	parseHeavy := func(args ...string) (Config, error) {
		var c Config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		resolve := c.heavyFlags(&voice{msg.For(msg.EN)}, fs)
		if err := fs.Parse(args); err != nil {
			return c, err
		}
		return c, resolve()
	}
	c, err := parseHeavy()
	if err != nil || c.Heavy.Anonymous != 2 || c.Heavy.PerUser != 2 || c.Heavy.PerCoordinator != 4 || c.Heavy.Total < 4 || c.Heavy.Wait != 10*time.Second {
		t.Fatalf("defaults: %+v %v", c.Heavy, err)
	}
	t.Setenv("NETZWERKATLAS_HEAVY_ANONYMOUS", "5")
	t.Setenv("NETZWERKATLAS_HEAVY_WAIT", "3s")
	c, err = parseHeavy("--heavy-total", "9")
	if err != nil || c.Heavy.Anonymous != 5 || c.Heavy.Total != 9 || c.Heavy.Wait != 3*time.Second {
		t.Fatalf("environment and flags: %+v %v", c.Heavy, err)
	}
	c, err = parseHeavy("--heavy-anonymous", "1")
	if err != nil || c.Heavy.Anonymous != 1 {
		t.Fatalf("a flag wins over the environment: %+v %v", c.Heavy, err)
	}
	t.Setenv("NETZWERKATLAS_HEAVY_PER_USER", "viele")
	if _, err = parseHeavy(); err == nil || !strings.Contains(err.Error(), "NETZWERKATLAS_HEAVY_PER_USER") {
		t.Fatalf("a bad variable: %v", err)
	}
	t.Setenv("NETZWERKATLAS_HEAVY_PER_USER", "")
	if _, err = parseHeavy("--heavy-total", "0"); err == nil || !strings.Contains(err.Error(), "--heavy-total") {
		t.Fatalf("a zero budget: %v", err)
	}
}
