package embedded

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// load reads the whole file into a fresh state. Decoding and text analysis run on all cores;
// the state itself is filled by one goroutine in file order.
func (s *Store) load() (err error) {
	defer recoverCorrupt(s.path, &err)
	st := newState()
	err = s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyRevision); v != nil {
			st.revision = binary.BigEndian.Uint64(v)
		}
		if v := meta.Get(keyAuditSeq); v != nil {
			st.auditSeq = binary.BigEndian.Uint64(v)
		}
		if err := loadNodes(tx.Bucket(bucketNodes), st); err != nil {
			return err
		}
		if err := loadRelations(tx.Bucket(bucketRels), st); err != nil {
			return err
		}
		if err := loadMonitoring(tx.Bucket(bucketMonitoring), st); err != nil {
			return err
		}
		return loadRedirects(tx.Bucket(bucketMerges), st)
	})
	if err != nil {
		return corrupt(s.path, err)
	}
	s.st = st
	return nil
}

type decoded struct {
	e   graph.Entity
	doc *docTerms
	err error
}

// loadNodes decodes nodes in parallel chunks and adds them in key order.
func loadNodes(b *bolt.Bucket, st *state) error {
	const chunk = 4096
	type job struct {
		keys, vals [][]byte
		out        chan []decoded
	}
	jobs := make(chan job, runtime.GOMAXPROCS(0))
	results := make(chan chan []decoded, runtime.GOMAXPROCS(0)*2)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out := make([]decoded, len(j.keys))
				for i := range j.keys {
					e, err := decodeNode(j.keys[i], j.vals[i])
					out[i] = decoded{e: e, err: err}
					if err == nil {
						out[i].doc = analyzeDoc(e)
					}
				}
				j.out <- out
			}
		}()
	}
	// The producer walks the bucket; values stay valid while the read transaction is open.
	var walkErr error
	go func() {
		defer close(jobs)
		defer close(results)
		defer func() {
			if r := recover(); r != nil { // bbolt panics on damaged pages
				walkErr = fmt.Errorf("damaged page: %v", r)
			}
		}()
		c := b.Cursor()
		j := job{out: make(chan []decoded, 1)}
		for k, v := c.First(); k != nil; k, v = c.Next() {
			j.keys, j.vals = append(j.keys, k), append(j.vals, v)
			if len(j.keys) == chunk {
				results <- j.out
				jobs <- j
				j = job{out: make(chan []decoded, 1)}
			}
		}
		if len(j.keys) > 0 {
			results <- j.out
			jobs <- j
		}
	}()
	var firstErr error
	for out := range results {
		for _, d := range <-out {
			if d.err != nil {
				if firstErr == nil {
					firstErr = d.err
				}
				continue
			}
			if firstErr == nil {
				st.put(d.e, d.doc)
			}
		}
	}
	wg.Wait()
	if walkErr != nil {
		return walkErr
	}
	return firstErr
}

func decodeNode(k, v []byte) (graph.Entity, error) {
	id := string(k)
	kind, ok := graph.KindOfID(id)
	if !ok {
		return nil, fmt.Errorf("node key %q is not an id", id)
	}
	ki, _ := kind.Info()
	e := ki.New()
	if err := json.Unmarshal(v, e); err != nil {
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
	if e.Base().ID != id {
		return nil, fmt.Errorf("node %s holds id %q", id, e.Base().ID)
	}
	return e, nil
}

// loadRelations adds the stored relationships to the state. Keys are parsed in place and
// ends looked up without building strings: there can be millions of them.
func loadRelations(b *bolt.Bucket, st *state) error {
	return b.ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		j := bytes.LastIndexByte(k, 0)
		if i < 0 || j <= i {
			return fmt.Errorf("relationship key %q is malformed", k)
		}
		t, ok := relIndex[graph.RelType(k[:i])]
		if !ok {
			return fmt.Errorf("relationship key %q has an unknown type", k)
		}
		fromNum, okFrom := st.byID[string(k[i+1:j])]
		toNum, okTo := st.byID[string(k[j+1:])]
		if !okFrom || !okTo {
			return fmt.Errorf("relationship %q refers to a missing node", bytes.ReplaceAll(k, []byte{0}, []byte(" ")))
		}
		var props *graph.RelProps
		if len(v) > 0 {
			props = new(graph.RelProps)
			if err := json.Unmarshal(v, props); err != nil {
				return fmt.Errorf("relationship %q: %w", k, err)
			}
		}
		// Keys are unique in the bucket, so the edge is new: no search for an existing one.
		from, to := st.nodes[fromNum], st.nodes[toNum]
		from.out = append(from.out, edge{t, toNum, props})
		to.in = append(to.in, edge{t, fromNum, props})
		return nil
	})
}

// loadMonitoring reads the heads of the monitoring snapshots; their Data stays on disk until
// a snapshot is asked for, so the results of many runs do not slow down opening.
func loadMonitoring(b *bolt.Bucket, st *state) error {
	return b.ForEach(func(k, v []byte) error {
		head := new(graph.MonitoringSnapshot)
		if err := json.Unmarshal(v, head); err != nil {
			return fmt.Errorf("monitoring snapshot %q: %w", k, err)
		}
		if head.ID != string(k) {
			return fmt.Errorf("monitoring snapshot %q holds id %q", k, head.ID)
		}
		st.putMonitoring(head)
		return nil
	})
}
