package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences (default 10).
	Epochs int
	// Seed fixes the order in which sentences are visited; training is
	// deterministic for a seed.
	Seed uint64
	// Classes are word classes learned from unlabelled text; nil trains
	// without them.
	Classes *Classes
	// Lexicon is the gazetteer for name-membership features; nil trains
	// without it.
	Lexicon *Lexicon
	// Dev, when set, is scored after every epoch.
	Dev []Sentence
	// Progress, when set, is called after every epoch.
	Progress func(EpochReport)
}

// EpochReport describes one finished training epoch.
type EpochReport struct {
	Epoch    int
	Errors   int     // training tokens tagged wrongly during the epoch
	Tokens   int     // training tokens seen
	Features int     // distinct features
	Dev      *Scores // scores on TrainOptions.Dev with the averaged weights, if set
	Elapsed  time.Duration
}

// trainSent is a training sentence with its features resolved to rows.
type trainSent struct {
	rows [][]int32 // feature rows per token
	gold []int
}

// Train learns a tagger from tagged sentences with the averaged perceptron
// (Collins 2002): Viterbi-decode each sentence with the current weights and,
// where the best sequence differs from the gold one, add the gold
// sequence's features and subtract the predicted one's.
func Train(ctx context.Context, sents []Sentence, opts TrainOptions) (*Tagger, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("training NER: no sentences")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	w := &weights{index: map[uint64]int32{}}
	var keys []uint64
	data := make([]trainSent, len(sents))
	views := []view{}
	res := resources{classes: opts.Classes, lex: opts.Lexicon}
	tokens := 0
	for si, s := range sents {
		if len(s.Tokens) != len(s.Tags) {
			return nil, fmt.Errorf("training NER: sentence %d has %d tokens and %d tags", si, len(s.Tokens), len(s.Tags))
		}
		toks := tokensOf(s.Tokens)
		views = res.views(views[:0], toks)
		ts := trainSent{rows: make([][]int32, len(toks)), gold: make([]int, len(toks))}
		for i := range toks {
			t, ok := parseTag(s.Tags[i])
			if !ok || (isInside(t) && !allowed(prevGold(ts.gold, i), t)) {
				return nil, fmt.Errorf("training NER: sentence %d token %d: bad tag %q", si, i, s.Tags[i])
			}
			ts.gold[i] = t
			keys = features(keys[:0], views, i)
			rows := make([]int32, len(keys))
			for k, key := range keys {
				r, ok := w.index[key]
				if !ok {
					r = int32(len(w.index))
					w.index[key] = r
				}
				rows[k] = r
			}
			ts.rows[i] = rows
		}
		tokens += len(toks)
		data[si] = ts
	}
	nf := len(w.index)
	w.rows = make([]float32, nf*nTags)
	acc := make([]float32, nf*nTags) // sum of c*update, for averaging
	var accTrans [(nTags + 1) * nTags]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6e6572))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var scores []float32
	var pred []int
	var back []uint8
	avg := func() *weights {
		a := &weights{index: w.index, rows: make([]float32, len(w.rows))}
		for i := range w.rows {
			a.rows[i] = w.rows[i] - acc[i]/c
		}
		for i := range w.trans {
			a.trans[i] = w.trans[i] - accTrans[i]/c
		}
		return a
	}
	for ep := 1; ep <= opts.Epochs; ep++ {
		began := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for k, si := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("training NER: %w", err)
				}
			}
			s := &data[si]
			n := len(s.gold)
			scores = grow(scores, n*nTags)
			clear(scores)
			for i, rows := range s.rows {
				sc := scores[i*nTags : (i+1)*nTags]
				for _, r := range rows {
					row := w.rows[int(r)*nTags : int(r)*nTags+nTags]
					for t := range nTags {
						sc[t] += row[t]
					}
				}
			}
			if cap(pred) < n {
				pred = make([]int, n)
				back = make([]uint8, n*nTags)
			}
			pred, back = pred[:n], back[:cap(back)]
			if len(back) < n*nTags {
				back = make([]uint8, n*nTags)
			}
			w.viterbi(scores, pred, back)
			for i := range n {
				g, p := s.gold[i], pred[i]
				if g != p {
					errs++
					for _, r := range s.rows[i] {
						base := int(r) * nTags
						w.rows[base+g]++
						acc[base+g] += c
						w.rows[base+p]--
						acc[base+p] -= c
					}
				}
				gp, pp := prevGold(s.gold, i), prevGold(pred, i)
				if g != p || gp != pp {
					w.trans[gp*nTags+g]++
					accTrans[gp*nTags+g] += c
					w.trans[pp*nTags+p]--
					accTrans[pp*nTags+p] -= c
				}
			}
			c++
		}
		rep := EpochReport{Epoch: ep, Errors: errs, Tokens: tokens, Features: nf}
		if len(opts.Dev) > 0 {
			sc := Evaluate(newTagger(avg(), res), opts.Dev)
			rep.Dev = &sc
		}
		rep.Elapsed = time.Since(began)
		if opts.Progress != nil {
			opts.Progress(rep)
		}
	}
	return newTagger(avg(), res), nil
}

// prevGold returns the tag before position i of tags, or tagStart.
func prevGold(tags []int, i int) int {
	if i == 0 {
		return tagStart
	}
	return tags[i-1]
}

// Write writes the tagger's model to w (gzip-compressed), leaving out
// features whose weights are all smaller than minWeight in magnitude.
func (t *Tagger) Write(w io.Writer, minWeight float32) error {
	return writeModel(w, t, minWeight)
}
