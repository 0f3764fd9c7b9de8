package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"slices"
	"sync"

	"akhbar/arabic"
)

//go:embed model/ner.model.gz
var embedded []byte

// Tagger tags names in tokenized Arabic text. It is safe for concurrent use.
type Tagger struct {
	w       *weights // first stage
	w2      *weights // second stage (stacked), or nil
	res     resources
	scratch sync.Pool // *buffers
}

// buffers is the per-call scratch space of Tag.
type buffers struct {
	keys   []uint64
	scores []float32
	tags   []int
	back   []uint8
}

// Load returns the tagger whose model is embedded in the binary.
func Load() (*Tagger, error) {
	t, err := decodeModel(bytes.NewReader(embedded), "(embedded)")
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Open returns the tagger whose model is in the file at path, as written by
// akhbar train ner.
func Open(path string) (*Tagger, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening NER model: %w", err)
	}
	defer f.Close()
	return decodeModel(f, path)
}

func newTagger(w, w2 *weights, res resources) *Tagger {
	return &Tagger{w: w, w2: w2, res: res, scratch: sync.Pool{New: func() any { return new(buffers) }}}
}

// maxSeq bounds the tokens decoded as one sequence, so that one endless
// sentence costs bounded scratch memory. Sequences are cut at sentence
// punctuation first, and at maxSeq tokens when there is none.
const maxSeq = 400

// Tag returns the names in tokens, which may be one sentence or a whole
// text (as returned by arabic.Tokenize), in order. Mentions exclude
// proclitics.
func (t *Tagger) Tag(tokens []arabic.Token) []Mention {
	var out []Mention
	buf := t.scratch.Get().(*buffers)
	defer t.scratch.Put(buf)
	// One view per token, cut into sentences that share one backing array.
	all := t.res.views(make([]view, 0, len(tokens)), tokens)
	var doc [][]view
	var starts []int
	for _, b := range sentenceBounds(tokens) {
		doc = append(doc, all[b[0]:b[1]])
		starts = append(starts, b[0])
	}
	for s, tags := range t.tagDoc(doc, buf) {
		out = t.appendMentions(out, tokens, starts[s], tags)
	}
	return out
}

// Classes returns the word classes the tagger's model carries (nil if
// none), so a new model can be trained with them without learning them
// again.
func (t *Tagger) Classes() *Classes { return t.res.classes }

// TagText tokenizes text and tags it. It is a shorthand for
// t.Tag(arabic.Tokenize(text)).
func (t *Tagger) TagText(ctx context.Context, text string) ([]Mention, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tagging names: %w", err)
	}
	return t.Tag(arabic.Tokenize(text)), nil
}

func endsSentence(tok arabic.Token) bool {
	if tok.Kind != arabic.Punct {
		return false
	}
	switch tok.Text {
	case ".", "؟", "?", "!", "…", "؛", ";":
		return true
	}
	return false
}

// decode returns the best tags of a sequence of views under weights w
// (valid until buf is reused). With first-stage tags s1 and document
// statistics st it adds the second stage's features. keys, when not nil,
// holds each token's first-stage feature keys: decode fills it when s1 is
// nil and reads it otherwise.
func (t *Tagger) decode(w *weights, views []view, s1 []int, st docStats, keys [][]uint64, buf *buffers) []int {
	n := len(views)
	buf.scores = grow(buf.scores, n*nTags)
	clear(buf.scores)
	if cap(buf.tags) < n {
		buf.tags = make([]int, n)
	}
	buf.tags = buf.tags[:n]
	if cap(buf.back) < n*nTags {
		buf.back = make([]uint8, n*nTags)
	}
	buf.back = buf.back[:n*nTags]
	for i := range views {
		switch {
		case keys != nil && s1 != nil:
			buf.keys = append(buf.keys[:0], keys[i]...)
		default:
			buf.keys = features(buf.keys[:0], views, i)
			if keys != nil {
				keys[i] = slices.Clone(buf.keys)
			}
		}
		if s1 != nil {
			buf.keys = stackFeatures(buf.keys, views, s1, st, t.res.corp, i)
		}
		w.emit(buf.scores[i*nTags:(i+1)*nTags], buf.keys)
	}
	w.viterbi(buf.scores, buf.tags, buf.back)
	return buf.tags
}

func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

// appendMentions turns the tags of tokens[off:off+len(tags)] into mentions.
func (t *Tagger) appendMentions(out []Mention, tokens []arabic.Token, off int, tags []int) []Mention {
	for _, sp := range mentionSpans(tags) {
		i, j := sp[0], sp[1]
		first, last := tokens[off+i], tokens[off+j-1]
		m := Mention{Start: first.Start, End: last.End, TokStart: off + i, TokEnd: off + j, Type: tagType(tags[i])}
		if p := t.proclitic(first); p > 0 && first.Start+p < first.End {
			m.Start += p
		}
		out = append(out, m)
	}
	return out
}
