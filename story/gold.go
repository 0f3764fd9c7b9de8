package story

import (
	"hash/fnv"
	"sort"
	"strconv"
)

// GoldPair is a labelled pair of articles for measuring wire-copy grouping.
type GoldPair struct {
	A, B string
	Copy bool
	// Run is the longest run of words the two share verbatim; Cover is the
	// share of the shorter text's words inside shared 8-word passages.
	Run   int
	Cover float64
	Kind  string // "copy", "shared-passage" (a hard negative) or "same-topic"
}

// gold rule thresholds.
const (
	goldGram      = 8    // words in an anchor passage
	goldCopyRun   = 30   // a copy shares a verbatim run at least this long...
	goldCopyCover = 0.5  // ...covering at least this share of the shorter text
	goldDistinct  = 0.2  // at most this share shared: distinct articles
	goldTopicJacc = 0.25 // same-topic negatives: headline term overlap
)

// BuildGold labels pairs of docs from different sites by a rule independent
// of MinHash: two articles are wire copies when they share a verbatim run of
// at least 30 words that, with their other shared 8-word passages, covers at
// least half of the shorter one; they are distinct when shared passages
// cover at most a fifth of it. Pairs in between are left out. Candidates
// are pairs sharing an 8-word passage (found through sampled anchors), and,
// for negatives on the same topic, pairs from one day whose headlines share
// a quarter of their terms. It returns up to nCopy copies, nShared
// distinct pairs that share a passage, and nTopic same-topic pairs, picked
// in a fixed pseudo-random order.
func BuildGold(docs []Doc, nCopy, nShared, nTopic int) []GoldPair {
	words := make([][]string, len(docs))
	grams := make([]map[uint64]bool, len(docs))
	anchors := map[uint64][]int32{}
	for i, d := range docs {
		words[i] = Words(d.Text)
		grams[i] = gramSet(words[i])
		for g := range grams[i] {
			if g%8 == 0 {
				anchors[g] = append(anchors[g], int32(i))
			}
		}
	}
	pairs := map[[2]int32]bool{}
	for _, ids := range anchors {
		if len(ids) < 2 || len(ids) > 20 { // boilerplate
			continue
		}
		for x := range ids {
			for y := x + 1; y < len(ids); y++ {
				a, b := ids[x], ids[y]
				if docs[a].Site != docs[b].Site {
					pairs[[2]int32{min(a, b), max(a, b)}] = true
				}
			}
		}
	}
	// Same-topic candidates: same day, different site, similar headline.
	byDay := map[string][]int32{}
	for i, d := range docs {
		if day := dayOf(d.Published); day != "" {
			byDay[day] = append(byDay[day], int32(i))
		}
	}
	topic := map[[2]int32]bool{}
	for _, ids := range byDay {
		heads := make([]map[string]bool, len(ids))
		for k, i := range ids {
			heads[k] = setOf(analyzerTerms(docs[i].Headline))
		}
		for x := range ids {
			for y := x + 1; y < len(ids); y++ {
				a, b := ids[x], ids[y]
				if docs[a].Site != docs[b].Site && jaccardSets(heads[x], heads[y]) >= goldTopicJacc {
					topic[[2]int32{min(a, b), max(a, b)}] = true
				}
			}
		}
	}
	var copies, shared, same []GoldPair
	label := func(p [2]int32, fromTopic bool) {
		a, b := p[0], p[1]
		run, cover := overlap(words[a], words[b], grams[a], grams[b])
		gp := GoldPair{A: docs[a].ID, B: docs[b].ID, Run: run, Cover: cover}
		switch {
		case run >= goldCopyRun && cover >= goldCopyCover:
			gp.Copy, gp.Kind = true, "copy"
			if !fromTopic {
				copies = append(copies, gp)
			}
		case cover <= goldDistinct && run < goldCopyRun:
			if fromTopic {
				gp.Kind = "same-topic"
				same = append(same, gp)
			} else {
				gp.Kind = "shared-passage"
				shared = append(shared, gp)
			}
		}
	}
	for p := range pairs {
		label(p, false)
	}
	for p := range topic {
		if !pairs[p] {
			label(p, true)
		}
	}
	var out []GoldPair
	for _, set := range []struct {
		ps []GoldPair
		n  int
	}{{copies, nCopy}, {shared, nShared}, {same, nTopic}} {
		sort.Slice(set.ps, func(i, j int) bool { return pairHash(set.ps[i]) < pairHash(set.ps[j]) })
		out = append(out, set.ps[:min(len(set.ps), set.n)]...)
	}
	return out
}

func pairHash(p GoldPair) uint64 {
	h := fnv.New64a()
	h.Write([]byte(PairKey(p.A, p.B)))
	return h.Sum64()
}

func gramSet(words []string) map[uint64]bool {
	out := map[uint64]bool{}
	for i := 0; i+goldGram <= len(words); i++ {
		out[gramHash(words[i:i+goldGram])] = true
	}
	return out
}

func gramHash(ws []string) uint64 {
	h := fnv.New64a()
	for _, w := range ws {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return h.Sum64()
}

// overlap returns the longest verbatim run (in words) of the shorter text
// found in the other, and the share of the shorter text's words covered by
// shared 8-word passages.
func overlap(wa, wb []string, ga, gb map[uint64]bool) (int, float64) {
	short, other := wa, gb
	if len(wb) < len(wa) {
		short, other = wb, ga
	}
	if len(short) < goldGram {
		return 0, 0
	}
	covered := make([]bool, len(short))
	run, best := 0, 0
	for i := 0; i+goldGram <= len(short); i++ {
		if other[gramHash(short[i:i+goldGram])] {
			for k := i; k < i+goldGram; k++ {
				covered[k] = true
			}
			run++
			best = max(best, run+goldGram-1)
		} else {
			run = 0
		}
	}
	n := 0
	for _, c := range covered {
		if c {
			n++
		}
	}
	return best, float64(n) / float64(len(short))
}

func analyzerTerms(s string) []string {
	var out []string
	for _, w := range Words(s) {
		if len([]rune(w)) > 2 {
			out = append(out, w)
		}
	}
	return out
}

func setOf(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func jaccardSets(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// FormatGold writes a gold pair as a TSV line: a, b, label, kind, run, cover.
func FormatGold(p GoldPair) string {
	label := "distinct"
	if p.Copy {
		label = "copy"
	}
	return p.A + "\t" + p.B + "\t" + label + "\t" + p.Kind + "\t" + strconv.Itoa(p.Run) + "\t" + strconv.FormatFloat(p.Cover, 'f', 2, 64)
}
