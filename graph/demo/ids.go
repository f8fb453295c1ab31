package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// epoch is the timestamp part of every generated id. Ids must not depend on the clock, so the
// demo and the scale generator count from this fixed instant.
var epoch = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)

// keyedID returns the id of the demo node with the natural key key. The random part of the
// ULID is a hash of kind and key, so a node keeps its id when other nodes are added or
// reordered, and the ground-truth file only changes where the data does.
func keyedID(k graph.Kind, key string) string {
	sum := sha256.Sum256([]byte(string(k) + "\x00" + key))
	return graph.IDAt(k, epoch, bytes.NewReader(sum[:]))
}

// randReader turns a *rand.Rand into the entropy reader ULIDs need.
type randReader struct{ r *rand.Rand }

func (rr randReader) Read(p []byte) (int, error) {
	var buf [8]byte
	for i := 0; i < len(p); i += 8 {
		binary.LittleEndian.PutUint64(buf[:], rr.r.Uint64())
		copy(p[i:], buf[:])
	}
	return len(p), nil
}

// seqIDs makes ids for a stream: a fixed base time plus one millisecond per id, random parts
// from the stream's generator. Ids therefore sort in the order they were made.
type seqIDs struct {
	base    time.Time
	n       int64
	entropy randReader
}

func (s *seqIDs) next(k graph.Kind) string {
	s.n++
	return graph.IDAt(k, s.base.Add(time.Duration(s.n)*time.Millisecond), s.entropy)
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a random integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// hash64 is a stable 64-bit hash of s, for per-item variation that must not depend on the
// order in which items are generated.
func hash64(s string) uint64 {
	sum := sha256.Sum256([]byte(s))
	return binary.LittleEndian.Uint64(sum[:8])
}

// unit returns a stable number in [0, 1) for s.
func unit(s string) float64 { return float64(hash64(s)>>11) / (1 << 53) }
