package duplicates

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestDuplicatesCompareSklearn scores the same blocked pairs of the same texts with Go and
// with scikit-learn (dupcompare/compare.py, run by /usr/bin/python3) in the same run, and
// prints the times side by side. It runs only with NETZWERKATLAS_BENCH_COMPARE=1,
// on the scales of NETZWERKATLAS_BENCH_SCALES (default county,state), and needs
// python3-sklearn (apt-get install -y python3-sklearn):
//
//	NETZWERKATLAS_BENCH_COMPARE=1 go test -run TestDuplicatesCompareSklearn -v -timeout 30m ./analysis/duplicates
//
// Measured, best of three each, loading of files excluded:
//
//   - Go TF-IDF + cosine: the German analysis (folding, stop words, Snowball), TF-IDF per
//     region and the cosine of every blocked pair, on all cores (GOMAXPROCS) and on one.
//   - Go duplicates.Find: the whole analysis (blocking, scoring, structure, clusters,
//     explanations), which skips the cosines that cannot reach the threshold.
//   - scikit-learn raw: TfidfVectorizer(sublinear_tf=True) on title and description with its
//     own tokeniser (no stop words, no stemming, no folding) and the same pairs' cosines.
//   - scikit-learn terms: the same on Go's analysed terms (analyzer=str.split): the same
//     weighting as Go, so its cosines must equal Go's; it does no text analysis.
//
// The test fails when the cosines differ by more than 1e-6 or when Go's TF-IDF + cosine on
// all cores is not faster than both scikit-learn variants.
func TestDuplicatesCompareSklearn(t *testing.T) {
	if os.Getenv("NETZWERKATLAS_BENCH_COMPARE") != "1" {
		t.Skip("set NETZWERKATLAS_BENCH_COMPARE=1 to compare with scikit-learn")
	}
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import sklearn").CombinedOutput(); err != nil {
		t.Fatalf("%s cannot import sklearn (apt-get install -y python3-sklearn): %v\n%s", python, err, out)
	}
	script, err := filepath.Abs(filepath.Join("dupcompare", "compare.py"))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		scale                       string
		measures, pairs             int
		goAll, goOne, find          time.Duration
		goMem, findMem              float64
		raw, terms                  float64
		pyMem, diff                 float64
		sklearnVersion              string
		meanCosRaw, meanCosTermsSkl float64
	}
	var rows []row
	for _, scale := range dupBenchScales() {
		s := dupScaleSnapshot(t, scale)
		rp, err := Params{}.resolve()
		if err != nil {
			t.Fatal(err)
		}
		ex := exportComparison(s, rp)
		d := findResolved(s, rp)
		if len(ex.pairs) != d.Candidates {
			t.Fatalf("%s: %d blocked pairs exported, Find scored %d", scale, len(ex.pairs), d.Candidates)
		}
		dir := t.TempDir()
		r := row{scale: scale, measures: len(s.Measures), pairs: len(ex.pairs)}
		var cos []float64
		var mem uint64
		r.goAll, mem = bestOf3(func() { cos = ex.score(s, rp, 0) })
		r.goMem = float64(mem) / (1 << 20)
		r.goOne, _ = bestOf3(func() { ex.score(s, rp, 1) })
		r.find, mem = bestOf3(func() { findResolved(s, rp) })
		r.findMem = float64(mem) / (1 << 20)
		if err := ex.write(dir, cos); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, script, dir)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: compare.py: %v", scale, err)
		}
		var py struct {
			Version string  `json:"sklearn_version"`
			Pairs   int     `json:"pairs"`
			Raw     float64 `json:"raw_seconds"`
			Terms   float64 `json:"terms_seconds"`
			Diff    float64 `json:"max_abs_diff_terms_vs_go"`
			RSS     float64 `json:"peak_rss_mb"`
			MeanRaw float64 `json:"mean_cos_raw"`
			MeanTrm float64 `json:"mean_cos_terms"`
		}
		if err := json.Unmarshal(out, &py); err != nil {
			t.Fatalf("%s: compare.py printed %q: %v", scale, out, err)
		}
		if py.Pairs != len(ex.pairs) {
			t.Fatalf("%s: compare.py scored %d pairs, want %d", scale, py.Pairs, len(ex.pairs))
		}
		r.raw, r.terms, r.pyMem, r.diff, r.sklearnVersion = py.Raw, py.Terms, py.RSS, py.Diff, py.Version
		r.meanCosRaw, r.meanCosTermsSkl = py.MeanRaw, py.MeanTrm
		if py.Diff > 1e-6 {
			t.Errorf("%s: scikit-learn's cosines on Go's terms differ from Go's by up to %g", scale, py.Diff)
		}
		if sec := r.goAll.Seconds(); sec >= py.Raw || sec >= py.Terms {
			t.Errorf("%s: Go TF-IDF + cosine took %.3f s, scikit-learn %.3f s (raw) and %.3f s (terms)", scale, sec, py.Raw, py.Terms)
		}
		rows = append(rows, r)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n| scale | measures | blocked pairs | Go TF-IDF + cosine, %d cores | Go, 1 core | Go duplicates.Find (all of it) | scikit-learn %s, raw text | scikit-learn on Go's terms | raw ÷ Go | terms ÷ Go | max abs(cos Go − cos sklearn terms) |\n",
		defaultWorkers(), rows[0].sklearnVersion)
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %s (%.0f MB) | %s | %s (%.0f MB) | %s | %s | %.1f× | %.1f× | %.1e |\n",
			r.scale, r.measures, r.pairs, dur(r.goAll), r.goMem, dur(r.goOne), dur(r.find), r.findMem,
			dur(secs(r.raw)), dur(secs(r.terms)), r.raw/r.goAll.Seconds(), r.terms/r.goAll.Seconds(), r.diff)
	}
	b.WriteString("\nGo memory: peak heap growth during the call. scikit-learn memory (peak RSS of the Python process, loading included): ")
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %.0f MB", r.scale, r.pyMem)
	}
	b.WriteString(".\nMean cosine of the blocked pairs, scikit-learn raw / on Go's terms: ")
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %.3f / %.3f", r.scale, r.meanCosRaw, r.meanCosTermsSkl)
	}
	b.WriteString(".\n")
	fmt.Print(b.String())
}

func defaultWorkers() int { return maxProcs() }

func maxProcs() int { return runtime.GOMAXPROCS(0) }

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func dur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// bestOf3 runs fn three times and returns the shortest time and the largest peak heap growth.
func bestOf3(fn func()) (time.Duration, uint64) {
	best := time.Duration(math.MaxInt64)
	var mem uint64
	for range 3 {
		var d time.Duration
		m := peakHeap(func() {
			t0 := time.Now()
			fn()
			d = time.Since(t0)
		})
		best, mem = min(best, d), max(mem, m)
	}
	return best, mem
}

// comparison holds what both sides score: the documents region by region and the blocked
// pairs, as document numbers.
type comparison struct {
	regions [][4]int // first doc, end doc, first pair, end pair
	texts   []string
	terms   []string
	pairs   [][2]int32
}

// exportComparison lists the texts, Go's terms and the pairs Find scores (the blocking rules
// of scoreBlock, repeated here; the caller checks the count).
func exportComparison(s *graph.Snapshot, p dupParams) *comparison {
	ix := newDupIndex(s)
	c := &comparison{}
	for _, members := range ix.regions {
		r := ix.newDupRun(members, p)
		docs := r.docs(maxProcs())
		m := buildTFIDF(docs, 1, 0, true)
		docLo, pairLo := len(c.texts), len(c.pairs)
		for k, d := range docs {
			c.texts = append(c.texts, d.Title+"\n"+d.Body)
			var terms []string
			for i, tok := range m.tokens[k] {
				reps := 1
				if i < int(m.titleTokens[k]) {
					reps = 1
				}
				for range reps {
					terms = append(terms, m.terms[tok.id])
				}
			}
			c.terms = append(c.terms, strings.Join(terms, " "))
		}
		for _, b := range r.blocks(&dupRegion{}) {
			for j, a := range b.members {
				for _, x := range b.members[:j] {
					if r.start[a] > r.end[x] || r.start[x] > r.end[a] || !dupIntersects(r.ms[a].targets, r.ms[x].targets) ||
						r.multi[a] && r.multi[x] && dupFirstSharedKey(r.ms[a], r.ms[x]) != b.key {
						continue
					}
					c.pairs = append(c.pairs, [2]int32{int32(docLo) + x, int32(docLo) + a})
				}
			}
		}
		c.regions = append(c.regions, [4]int{docLo, len(c.texts), pairLo, len(c.pairs)})
	}
	return c
}

// score does Go's share of the comparison: the same documents (with the context words
// dropped, as Find does), TF-IDF per region and the cosine of every pair (without
// the prefix filter of Find), on workers goroutines (GOMAXPROCS when 0).
func (c *comparison) score(s *graph.Snapshot, p dupParams, workers int) []float64 {
	if workers == 0 {
		workers = maxProcs()
	}
	ix := newDupIndex(s)
	cos := make([]float64, len(c.pairs))
	for ri, members := range ix.regions {
		r := ix.newDupRun(members, p)
		m := buildTFIDF(r.docs(workers), 1, workers, false)
		reg := c.regions[ri]
		pairs := c.pairs[reg[2]:reg[3]]
		chunks := max(1, min(workers, len(pairs)/4096))
		tfidfParallel(chunks, workers, func(ch int) {
			// As Find scores: the later measure of a pair spread into a dense
			// vector (the exported pairs come grouped by it), the other one run over it.
			dense := make([]float32, len(m.terms))
			cur := -1
			spread := func(k int, on bool) {
				v := m.vecs[k]
				for i, id := range v.ids {
					if on {
						dense[id] = v.ws[i]
					} else {
						dense[id] = 0
					}
				}
			}
			lo, hi := ch*len(pairs)/chunks, (ch+1)*len(pairs)/chunks
			for i := lo; i < hi; i++ {
				pr := pairs[i]
				if b := int(pr[1]) - reg[0]; b != cur {
					if cur >= 0 {
						spread(cur, false)
					}
					spread(b, true)
					cur = b
				}
				v := m.vecs[int(pr[0])-reg[0]]
				var t float64
				for k, id := range v.ids {
					t += float64(dense[id]) * float64(v.ws[k])
				}
				cos[reg[2]+i] = t
			}
		})
	}
	return cos
}

// write writes the comparison's files for compare.py, with Go's cosines.
func (c *comparison) write(dir string, cos []float64) error {
	f, err := os.Create(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range c.texts {
		if err := enc.Encode(map[string]string{"text": c.texts[i], "terms": c.terms[i]}); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	regions, err := json.Marshal(c.regions)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "regions.json"), regions, 0o600); err != nil {
		return err
	}
	pairs := make([]byte, 0, 8*len(c.pairs))
	for _, p := range c.pairs {
		pairs = binary.LittleEndian.AppendUint32(pairs, uint32(p[0]))
		pairs = binary.LittleEndian.AppendUint32(pairs, uint32(p[1]))
	}
	if err := os.WriteFile(filepath.Join(dir, "pairs.bin"), pairs, 0o600); err != nil {
		return err
	}
	cb := make([]byte, 0, 8*len(cos))
	for _, x := range cos {
		cb = binary.LittleEndian.AppendUint64(cb, math.Float64bits(x))
	}
	return os.WriteFile(filepath.Join(dir, "go_cos.bin"), cb, 0o600)
}
