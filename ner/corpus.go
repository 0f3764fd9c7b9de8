package ner

import (
	"context"
	"fmt"
	"math/bits"
	"runtime"
	"sync"

	"akhbar/arabic"
)

// The second stage also sees how the first stage tagged the same word across
// a large body of unlabelled news (semi-supervised: the labelled corpus is
// small, the news is not). A club, party or carmaker the training data never
// names is still tagged ORG in most of its thousand occurrences in the news,
// where it stands after نادي or شركة; that tally travels with the model.

// corpusStats counts, for each word (statKey), how the first stage tagged its
// occurrences in unlabelled text (O, PER, ORG, LOC, MISC), and how often it
// came right after a cue word of each kind (cuePER to cueMISC).
type corpusStats map[string]*tally

// tally is one word's counts: tags first, then cue contexts.
type tally [1 + len(types) + nCues]uint32

// nCues is the number of cue kinds, cuePER to cueMISC.
const nCues = int(cueMISC)

// minCorpusCount is the fewest occurrences for which a word's tally is kept.
const minCorpusCount = 3

// tallyCorpus tags texts with the first stage of w (with resources res) and
// counts, for every word, the types it was given. It uses every core.
func tallyCorpus(ctx context.Context, w *weights, res resources, texts []string) (corpusStats, int, error) {
	workers := min(runtime.GOMAXPROCS(0), max(len(texts), 1))
	parts := make([]corpusStats, workers)
	tokens := make([]int, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := newTagger(w, nil, res)
			buf := new(buffers)
			st := corpusStats{}
			for n, i := 0, k; i < len(texts); n, i = n+1, i+workers {
				if n%64 == 0 {
					if err := ctx.Err(); err != nil {
						errs[k] = fmt.Errorf("tagging unlabelled text: %w", err)
						return
					}
				}
				toks := arabic.Tokenize(texts[i])
				views := res.views(make([]view, 0, len(toks)), toks)
				tokens[k] += len(toks)
				for _, b := range sentenceBounds(toks) {
					sv := views[b[0]:b[1]]
					st.add(sv, t.decode(w, sv, nil, nil, nil, buf))
				}
			}
			parts[k] = st
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	all, n := parts[0], tokens[0]
	for k := 1; k < workers; k++ {
		n += tokens[k]
		for word, c := range parts[k] {
			if a := all[word]; a != nil {
				for i := range c {
					a[i] += c[i]
				}
			} else {
				all[word] = c
			}
		}
	}
	for word, c := range all {
		if total(c) < minCorpusCount {
			delete(all, word)
		}
	}
	return all, n, nil
}

// add counts the tags of one sentence.
func (st corpusStats) add(views []view, tags []int) {
	for i := range views {
		k := statKey(&views[i])
		if k == "" {
			continue
		}
		c := st[k]
		if c == nil {
			c = new(tally)
			st[k] = c
		}
		c[countSlot(tags[i])]++
		if i > 0 && views[i-1].cue != cueNone {
			c[len(types)+int(views[i-1].cue)]++
		}
	}
}

// total returns the occurrences counted in c.
func total(c *tally) uint32 {
	var n uint32
	for _, x := range c[:1+len(types)] {
		n += x
	}
	return n
}

// shareBucket buckets the share part/whole: 1 for none, up to 6 for most.
func shareBucket(part, whole uint32) int64 {
	switch r := float64(part) / float64(whole); {
	case part == 0:
		return 1
	case r < 0.05:
		return 2
	case r < 0.2:
		return 3
	case r < 0.5:
		return 4
	case r < 0.8:
		return 5
	default:
		return 6
	}
}

// signal summarizes the tally of v's word: the most frequent entity type and
// the share of occurrences that were entities, or 0 when the word has no
// tally.
func (st corpusStats) signal(v *view) int64 {
	c := st.of(v)
	if c == nil {
		return 0
	}
	best, arg, ent := uint32(0), 0, uint32(0)
	for ty := 1; ty <= len(types); ty++ {
		ent += c[ty]
		if c[ty] > best {
			best, arg = c[ty], ty
		}
	}
	return int64(arg)<<4 | shareBucket(ent, total(c))
}

func (st corpusStats) of(v *view) *tally {
	if st == nil {
		return nil
	}
	k := statKey(v)
	if k == "" {
		return nil
	}
	return st[k]
}

// corpusFeatures appends the corpus-tally features of position i, whose
// first-stage tag is s1.
func corpusFeatures(dst []uint64, views []view, st corpusStats, i int, s1 int64) []uint64 {
	sig := func(j int) int64 {
		if j < 0 || j >= len(views) {
			return 0
		}
		return st.signal(&views[j])
	}
	own := sig(i)
	c := st.of(&views[i])
	var size int64
	if c != nil {
		size = int64(min(bits.Len32(total(c))/3, 5))
	}
	var cue int64
	if i > 0 {
		cue = int64(views[i-1].cue)
	}
	dst = append(dst,
		// The word's tallied type with the cue word before it (a word
		// seldom a name in the news, العربي, can be a club after فريق) and
		// with the first stage's tag, which the tally confirms or overrules.
		hashInt(hashKind(fCorpAfterCue), own<<8|cue),
		hashInt(hashKind(fCorpS1), own<<8|s1),
		hashInt(hashKind(fCorp), own),
		hashInt(hashKind(fCorpSize), size<<8|own),
		hashInt(hashKind(fCorpPrev), sig(i-1)<<8|own),
		hashInt(hashKind(fCorpNext), own<<8|sig(i+1)),
	)
	if c != nil {
		n := total(c)
		for ty := 1; ty <= len(types); ty++ {
			if b := shareBucket(c[ty], n); b > 2 {
				dst = append(dst, hashInt(hashKind(fCorpType), int64(ty)<<4|b))
			}
		}
		for k := 1; k <= nCues; k++ {
			if b := shareBucket(c[len(types)+k], n); b > 2 {
				dst = append(dst, hashInt(hashKind(fCorpCue), int64(k)<<4|b))
			}
		}
	}
	return dst
}

// sentenceBounds cuts tokens into sequences to decode: at sentence
// punctuation, and at maxSeq tokens when there is none. It returns
// [start, end) pairs.
func sentenceBounds(tokens []arabic.Token) [][2]int {
	var out [][2]int
	start := 0
	for start < len(tokens) {
		end := start
		for end < len(tokens) && end-start < maxSeq {
			end++
			if endsSentence(tokens[end-1]) {
				break
			}
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}
