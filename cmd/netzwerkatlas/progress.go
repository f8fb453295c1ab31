package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressFunc returns a progress callback (done and total operations) that draws a bar on
// w, or does nothing when quiet. The total may grow while the work runs.
func progressFunc(w io.Writer, description string, quiet bool) func(done, total int) {
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if quiet {
			return
		}
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(description),
				progressbar.OptionShowCount(), progressbar.OptionSetItsString("ops"), progressbar.OptionShowIts(),
				progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
		}
		bar.ChangeMax(max(total, done))
		_ = bar.Set(done)
	}
}
