package ner

import "math"

// weights is a linear model over BIO tags: a row of nTags weights per
// feature key, and a transition score for each (previous, current) tag
// pair, the previous tag possibly being tagStart.
type weights struct {
	index map[uint64]int32 // feature key -> row
	rows  []float32        // len(index)*nTags
	trans [(nTags + 1) * nTags]float32
	// oBias is subtracted from the score of O at every token: raising it
	// trades precision for recall.
	oBias float32
}

// emit adds to scores (nTags per position) the emission scores of the
// features of one position.
func (w *weights) emit(scores []float32, keys []uint64) {
	scores[0] -= w.oBias
	for _, k := range keys {
		r, ok := w.index[k]
		if !ok {
			continue
		}
		row := w.rows[int(r)*nTags : int(r)*nTags+nTags]
		for t := range nTags {
			scores[t] += row[t]
		}
	}
}

var negInf = float32(math.Inf(-1))

// viterbi returns in out the best tag sequence for the emission scores
// (nTags per position) under the transition scores, allowing only valid
// IOB2 sequences. back is scratch space of len(out)*nTags.
func (w *weights) viterbi(scores []float32, out []int, back []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	var prev, cur [nTags]float32
	for t := range nTags {
		if allowed(tagStart, t) {
			prev[t] = scores[t] + w.trans[tagStart*nTags+t]
		} else {
			prev[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for t := range nTags {
			best, arg := negInf, 0
			for p := range nTags {
				if prev[p] == negInf || !allowed(p, t) {
					continue
				}
				if s := prev[p] + w.trans[p*nTags+t]; s > best {
					best, arg = s, p
				}
			}
			cur[t] = best + scores[i*nTags+t]
			back[i*nTags+t] = uint8(arg)
		}
		prev = cur
	}
	best, arg := negInf, 0
	for t := range nTags {
		if prev[t] > best {
			best, arg = prev[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nTags+arg])
	}
}
