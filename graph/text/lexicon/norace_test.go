//go:build !race

package lexicon

// raceFactor widens time limits: the race detector slows the code down.
const raceFactor = 1
