#!/usr/bin/python3
"""scikit-learn's side of the duplicate-scoring comparison (analysis/duplicates/compare_test.go).

The Go test writes, into the folder given as the only argument:

  docs.jsonl   one measure per line: {"text": title + "\\n" + description,
               "terms": the terms Go's German analysis made of them, joined by spaces}
  regions.json [[first doc, end doc, first pair, end pair], ...] per region
  pairs.bin    the blocked pairs, int32 little endian, two document numbers each
  go_cos.bin   Go's cosine of each pair, float64 little endian

For each region this script fits a TfidfVectorizer on the region's documents (the IDF is
taken per region, as Go does) and computes the cosine of the region's pairs: the vectorizer
L2-normalises the rows, so the cosine is the sum of the element-wise product of two rows.
Two variants:

  raw    TfidfVectorizer(sublinear_tf=True) on the raw text: scikit-learn's own tokeniser
         (lower case, words of two or more word characters), no stop words, no stemming,
         no spelling folding. The same job from the same texts, with a simpler analysis.
  terms  TfidfVectorizer(sublinear_tf=True, analyzer=str.split) on Go's terms: exactly
         Go's weighting (1 + ln tf, ln((1 + n) / (1 + df)) + 1, L2), so the cosines must
         agree with Go's; scikit-learn does not analyse the text here.

Each variant runs three times; the best time counts. Printed: one JSON object with the
times in seconds, the peak resident memory of this process, and the largest difference
between the "terms" cosines and Go's.
"""

import json
import resource
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def load(folder):
    texts, terms = [], []
    with open(folder + "/docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts.append(d["text"])
            terms.append(d["terms"])
    with open(folder + "/regions.json", encoding="utf-8") as f:
        regions = json.load(f)
    pairs = np.fromfile(folder + "/pairs.bin", dtype="<i4").reshape(-1, 2)
    go_cos = np.fromfile(folder + "/go_cos.bin", dtype="<f8")
    return texts, terms, regions, pairs, go_cos


def score(docs, regions, pairs, make_vectorizer):
    """The cosine of every pair, region by region."""
    out = np.empty(len(pairs))
    for doc_lo, doc_hi, pair_lo, pair_hi in regions:
        x = make_vectorizer().fit_transform(docs[doc_lo:doc_hi])
        if pair_hi == pair_lo:
            continue
        p = pairs[pair_lo:pair_hi] - doc_lo
        out[pair_lo:pair_hi] = np.asarray(x[p[:, 0]].multiply(x[p[:, 1]]).sum(axis=1)).ravel()
    return out


def best_of(n, fn):
    best, result = None, None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    return best, result


def main():
    texts, terms, regions, pairs, go_cos = load(sys.argv[1])
    raw_s, raw_cos = best_of(3, lambda: score(texts, regions, pairs,
                                              lambda: TfidfVectorizer(sublinear_tf=True)))
    terms_s, terms_cos = best_of(3, lambda: score(terms, regions, pairs,
                                                  lambda: TfidfVectorizer(sublinear_tf=True, analyzer=str.split)))
    diff = float(np.max(np.abs(terms_cos - go_cos))) if len(pairs) else 0.0
    import sklearn
    print(json.dumps({
        "sklearn_version": sklearn.__version__,
        "docs": len(texts),
        "pairs": int(len(pairs)),
        "raw_seconds": raw_s,
        "terms_seconds": terms_s,
        "max_abs_diff_terms_vs_go": diff,
        "mean_cos_raw": float(raw_cos.mean()) if len(pairs) else 0.0,
        "mean_cos_terms": float(terms_cos.mean()) if len(pairs) else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
