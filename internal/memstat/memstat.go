// Package memstat measures the peak memory of a piece of work, for benchmarks: how far the
// process's resident set grew above its size before the work, at its highest. It reads Linux's
// /proc/self/status and must not be used outside benchmarks and measurement tests.
package memstat

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
)

// mu keeps measurements from overlapping (the high-water mark is per process).
var mu sync.Mutex

// PeakMB runs f once and returns by how many MiB the process's resident set grew above its
// size before f at its highest: the kernel's high-water mark VmHWM, reset through
// /proc/self/clear_refs, less VmRSS before (after a GC that returned free memory to the
// system). The comparison scripts measure igraph, NetworkX and scikit-learn the same way, so
// the figures are comparable; ok is false where /proc does not offer this (not Linux), and f
// has still run once.
func PeakMB(f func()) (mb float64, ok bool) {
	mu.Lock()
	defer mu.Unlock()
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		f()
		return 0, false
	}
	before, ok1 := statusKB("VmRSS")
	f()
	hwm, ok2 := statusKB("VmHWM")
	if !ok1 || !ok2 {
		return 0, false
	}
	return max(0, hwm-before) / 1024, true
}

// statusKB returns a "Name: … kB" field of /proc/self/status.
func statusKB(name string) (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb, err == nil
		}
	}
	return 0, false
}
