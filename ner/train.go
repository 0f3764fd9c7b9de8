package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
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
	// Stack trains a second stage that sees the first stage's tags in the
	// sentence and across the document (see stack.go). The first stage's
	// tags on the training data come from Folds-fold cross-validation.
	Stack bool
	// Folds for the cross-validated first-stage tags (default 5).
	Folds int
	// OBias is subtracted from the score of O at every token of the final
	// model: raising it trades precision for recall. Choose it on a dev
	// split (akhbar train ner --dev prints F1 for a range of biases).
	OBias float32
	// Margin, when above zero, trains for a margin (cost-augmented
	// decoding): while training, every wrong tag of a token gets this much
	// extra score, so an update happens until the gold tags win by it.
	Margin float32
	// Unlabelled texts (whole articles), when given with Stack, are tagged by
	// the first stage; the second stage then sees how each word was tagged
	// across them (see corpus.go). Each fold's first stage tags them for the
	// training sentences it did not see, so that the second stage learns how
	// far to trust a tally on words it has not been trained on.
	Unlabelled []string
	// Note, when set, receives a line about each pass over Unlabelled.
	Note func(string)
	// Dev, when set, is scored after every epoch of the final stages.
	Dev []Sentence
	// Progress, when set, is called after every epoch.
	Progress func(EpochReport)
}

// EpochReport describes one finished training epoch.
type EpochReport struct {
	Stage    string // "stage 1", "fold 2/5", "stage 2"
	Epoch    int
	Errors   int     // training tokens tagged wrongly during the epoch
	Tokens   int     // training tokens seen
	Features int     // distinct features
	Dev      *Scores // scores on TrainOptions.Dev with the averaged weights, if set
	Elapsed  time.Duration
}

// trainSent is a training sentence: its views, feature keys and gold tags.
type trainSent struct {
	views []view
	keys  [][]uint64
	gold  []int
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
	if opts.Folds < 2 {
		opts.Folds = 5
	}
	if opts.Progress == nil {
		opts.Progress = func(EpochReport) {}
	}
	if opts.Note == nil {
		opts.Note = func(string) {}
	}
	res := resources{classes: opts.Classes, lex: opts.Lexicon}
	data := make([]trainSent, len(sents))
	for si, s := range sents {
		if len(s.Tokens) != len(s.Tags) {
			return nil, fmt.Errorf("training NER: sentence %d has %d tokens and %d tags", si, len(s.Tokens), len(s.Tags))
		}
		ts := trainSent{views: res.views(nil, tokensOf(s.Tokens)), gold: make([]int, len(s.Tokens))}
		ts.keys = make([][]uint64, len(s.Tokens))
		for i := range s.Tokens {
			t, ok := parseTag(s.Tags[i])
			if !ok || (isInside(t) && !allowed(prevGold(ts.gold, i), t)) {
				return nil, fmt.Errorf("training NER: sentence %d token %d: bad tag %q", si, i, s.Tags[i])
			}
			ts.gold[i] = t
			ts.keys[i] = features(nil, ts.views, i)
		}
		data[si] = ts
	}
	w1, err := perceptron(ctx, data, opts, "stage 1", func(w *weights) *Scores {
		if len(opts.Dev) == 0 {
			return nil
		}
		sc := Evaluate(newTagger(w, nil, res), opts.Dev)
		return &sc
	})
	if err != nil {
		return nil, err
	}
	if !opts.Stack {
		w1.oBias = opts.OBias
		return newTagger(w1, nil, res), nil
	}
	// First-stage tags of every training sentence from a model that did not
	// see its document: cross-validation over documents.
	s1 := make([][]int, len(data))
	foldRes := make([]resources, opts.Folds)
	tally := func(w *weights, what string) (corpusStats, error) {
		if len(opts.Unlabelled) == 0 {
			return nil, nil
		}
		began := time.Now()
		st, n, err := tallyCorpus(ctx, w, res, opts.Unlabelled)
		if err != nil {
			return nil, err
		}
		opts.Note(fmt.Sprintf("%-9s tagged %d unlabelled tokens: %d words tallied  %s", what, n, len(st), time.Since(began).Round(time.Millisecond)))
		return st, nil
	}
	for f := range opts.Folds {
		var in []trainSent
		var held []int
		for si := range data {
			if (si/docSize)%opts.Folds == f {
				held = append(held, si)
			} else {
				in = append(in, data[si])
			}
		}
		if len(held) == 0 || len(in) == 0 {
			continue
		}
		wf, err := perceptron(ctx, in, opts, fmt.Sprintf("fold %d/%d", f+1, opts.Folds), nil)
		if err != nil {
			return nil, err
		}
		tf := newTagger(wf, nil, res)
		foldRes[f] = res
		if foldRes[f].corp, err = tally(wf, fmt.Sprintf("fold %d/%d", f+1, opts.Folds)); err != nil {
			return nil, err
		}
		buf := new(buffers)
		for _, si := range held {
			s1[si] = slices.Clone(tf.decode(wf, data[si].views, nil, nil, nil, buf))
		}
	}
	// With too few documents for a fold, fall back on the full first stage.
	buf := new(buffers)
	t1 := newTagger(w1, nil, res)
	for si := range data {
		if s1[si] == nil {
			s1[si] = slices.Clone(t1.decode(w1, data[si].views, nil, nil, nil, buf))
		}
	}
	full := res
	if full.corp, err = tally(w1, "stage 1"); err != nil {
		return nil, err
	}
	// Second-stage features from those tags, the documents' statistics and
	// the held-out fold's tally of the unlabelled text.
	stacked := make([]trainSent, len(data))
	for d := 0; d < len(data); d += docSize {
		end := min(d+docSize, len(data))
		doc := make([][]view, 0, end-d)
		for si := d; si < end; si++ {
			doc = append(doc, data[si].views)
		}
		st := newDocStats(doc, s1[d:end])
		for si := d; si < end; si++ {
			ts := trainSent{views: data[si].views, gold: data[si].gold, keys: make([][]uint64, len(data[si].keys))}
			for i, k := range data[si].keys {
				corp := full.corp
				if fr := foldRes[(si/docSize)%opts.Folds]; fr.corp != nil {
					corp = fr.corp
				}
				ts.keys[i] = stackFeatures(slices.Clip(k), ts.views, s1[si], st, corp, i)
			}
			stacked[si] = ts
		}
	}
	w2, err := perceptron(ctx, stacked, opts, "stage 2", func(w *weights) *Scores {
		if len(opts.Dev) == 0 {
			return nil
		}
		sc := Evaluate(newTagger(w1, w, full), opts.Dev)
		return &sc
	})
	if err != nil {
		return nil, err
	}
	w1.oBias, w2.oBias = opts.OBias, opts.OBias
	return newTagger(w1, w2, full), nil
}

// BiasCurve returns the scores of t on sents for each bias against O in
// biases, leaving t as it was.
func BiasCurve(t *Tagger, sents []Sentence, biases []float32) []Scores {
	out := make([]Scores, len(biases))
	for i, b := range biases {
		c := *t.w
		c.oBias = b
		var c2 *weights
		if t.w2 != nil {
			w2 := *t.w2
			w2.oBias = b
			c2 = &w2
		}
		out[i] = Evaluate(newTagger(&c, c2, t.res), sents)
	}
	return out
}

// perceptron trains one weight set on sentences whose feature keys are
// computed. dev, when not nil, scores the averaged weights after each epoch.
func perceptron(ctx context.Context, data []trainSent, opts TrainOptions, stage string, dev func(*weights) *Scores) (*weights, error) {
	w := &weights{index: map[uint64]int32{}}
	rows := make([][][]int32, len(data))
	tokens := 0
	for si, s := range data {
		rows[si] = make([][]int32, len(s.keys))
		for i, keys := range s.keys {
			r := make([]int32, len(keys))
			for k, key := range keys {
				id, ok := w.index[key]
				if !ok {
					id = int32(len(w.index))
					w.index[key] = id
				}
				r[k] = id
			}
			rows[si][i] = r
		}
		tokens += len(s.keys)
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
			for i, rs := range rows[si] {
				sc := scores[i*nTags : (i+1)*nTags]
				for _, r := range rs {
					row := w.rows[int(r)*nTags : int(r)*nTags+nTags]
					for t := range nTags {
						sc[t] += row[t]
					}
				}
			}
			if opts.Margin > 0 {
				for i, g := range s.gold {
					sc := scores[i*nTags : (i+1)*nTags]
					for t := range sc {
						if t != g {
							sc[t] += opts.Margin
						}
					}
				}
			}
			if cap(pred) < n {
				pred = make([]int, n)
				back = make([]uint8, n*nTags)
			}
			pred, back = pred[:n], back[:n*nTags]
			w.viterbi(scores, pred, back)
			for i := range n {
				g, p := s.gold[i], pred[i]
				if g != p {
					errs++
					for _, r := range rows[si][i] {
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
		rep := EpochReport{Stage: stage, Epoch: ep, Errors: errs, Tokens: tokens, Features: nf}
		if dev != nil {
			rep.Dev = dev(avg())
		}
		rep.Elapsed = time.Since(began)
		if opts.Progress != nil {
			opts.Progress(rep)
		}
	}
	return avg(), nil
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
