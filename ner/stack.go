package ner

import (
	"slices"

	"akhbar/arabic"
)

// The tagger runs in two stages when its model has a second weight set
// (stacking, after Krishnan & Manning 2006): the first stage tags each
// sentence alone; the second sees, besides the same features, the first
// stage's tags around the token and how the first stage tagged the same word
// elsewhere in the document. A name that is clear in one sentence (الرئيس
// بان كي مون) then helps where it is not (قال بان).

// docSize is the number of consecutive corpus sentences that training and
// evaluation treat as one document (corpora rarely mark articles).
const docSize = 20

// docStats counts, for each word of a document, how the first stage tagged
// its occurrences: O, PER, ORG, LOC, MISC.
type docStats map[string]*[1 + len(types)]uint16

// statKey returns the word that stands for v in document statistics, or ""
// for words too common or short to tell anything.
func statKey(v *view) string {
	if (v.kind != arabic.Word && v.kind != arabic.Latin) || len(v.bare) < 4 {
		return ""
	}
	return v.bare
}

func newDocStats(doc [][]view, tags [][]int) docStats {
	st := docStats{}
	for s, views := range doc {
		for i := range views {
			k := statKey(&views[i])
			if k == "" {
				continue
			}
			c := st[k]
			if c == nil {
				c = new([1 + len(types)]uint16)
				st[k] = c
			}
			if ty := countSlot(tags[s][i]); c[ty] < 0xffff {
				c[ty]++
			}
		}
	}
	return st
}

// docSignal summarizes how the other occurrences of v's word were tagged:
// the most frequent entity type and the share of occurrences that were
// entities (bucketed), or 0 when the word occurs nowhere else. own is the
// first stage's tag of this occurrence (-1 for none).
func (st docStats) docSignal(v *view, own int) int64 {
	k := statKey(v)
	if k == "" {
		return 0
	}
	c := st[k]
	if c == nil {
		return 0
	}
	counts := *c
	if own >= 0 {
		if ty := countSlot(own); counts[ty] > 0 {
			counts[ty]--
		}
	}
	total, ent, best, arg := 0, 0, 0, 0
	for ty, n := range counts {
		total += int(n)
		if ty > 0 {
			ent += int(n)
			if int(n) > best {
				best, arg = int(n), ty
			}
		}
	}
	if total == 0 {
		return 0
	}
	bucket := 1 + int64(ent*3/total) // 1..4; 1 means never an entity
	if ent == 0 {
		return 1
	}
	return bucket<<4 | int64(arg)
}

// stackFeatures appends the second stage's extra features of position i.
func stackFeatures(dst []uint64, views []view, tags []int, st docStats, corp corpusStats, i int) []uint64 {
	tagAt := func(j int) int64 {
		switch {
		case j < 0:
			return int64(tagStart)
		case j >= len(tags):
			return int64(tagStart) + 1
		}
		return int64(tags[j])
	}
	sig := func(j int) int64 {
		if j < 0 || j >= len(views) {
			return 0
		}
		return st.docSignal(&views[j], tags[j])
	}
	own := sig(i)
	if corp != nil {
		dst = corpusFeatures(dst, views, corp, i, tagAt(i))
	}
	return append(dst,
		hashInt(hashKind(fS1Tag), tagAt(i)),
		hashInt(hashKind(fS1Prev), tagAt(i-1)<<8|tagAt(i)),
		hashInt(hashKind(fS1Next), tagAt(i)<<8|tagAt(i+1)),
		hashInt(hashKind(fDoc), own),
		hashInt(hashKind(fDocPrev), sig(i-1)<<8|own),
		hashInt(hashKind(fDocNext), own<<8|sig(i+1)),
		hashInt(hashStr(hashKind(fDocWord), views[i].pre), own),
	)
}

// tagDoc tags the sentences (as views) of one document and returns a tag
// sequence per sentence.
func (t *Tagger) tagDoc(doc [][]view, buf *buffers) [][]int {
	out := make([][]int, len(doc))
	if t.w2 == nil {
		for s, views := range doc {
			out[s] = slices.Clone(t.decode(t.w, views, nil, nil, nil, buf))
		}
		return out
	}
	// Keep the first stage's feature keys for the second.
	keys := make([][][]uint64, len(doc))
	for s, views := range doc {
		keys[s] = make([][]uint64, len(views))
		out[s] = slices.Clone(t.decode(t.w, views, nil, nil, keys[s], buf))
	}
	st := newDocStats(doc, out)
	second := make([][]int, len(doc))
	for s, views := range doc {
		second[s] = slices.Clone(t.decode(t.w2, views, out[s], st, keys[s], buf))
		dropNonNames(views, second[s])
		splitAtConjunction(views, second[s])
		quotedPlaces(views, second[s])
		quotedNames(views, second[s])
		clubsByAgreement(views, second[s])
		kunyas(views, second[s])
		nasab(views, second[s])
	}
	propagate(doc, second)
	return second
}
