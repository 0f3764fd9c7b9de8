package ner

import (
	"akhbar/arabic"
)

// Entity types a Tagger assigns.
const (
	PER  = "PER"  // a person
	ORG  = "ORG"  // an organization, agency, party, company or team
	LOC  = "LOC"  // a place: country, city, region, river...
	MISC = "MISC" // another named thing: an event, a nationality used as a name, a work...
)

// Mention is one tagged name in a text.
type Mention struct {
	// Start and End are code points into the text, end exclusive. The span
	// is the name without its proclitics: in لكازاخستان it is كازاخستان.
	Start, End int
	// TokStart and TokEnd are the token range [TokStart, TokEnd) in the
	// tokens given to Tag.
	TokStart, TokEnd int
	// Type is PER, ORG, LOC or MISC.
	Type string
}

// proclitic returns the number of code points at the start of tok that are a
// proclitic (و ف ب ك ل and their combinations) rather than part of the name.
// The definite article stays in the name (والقاهرة -> القاهرة) unless it was
// merged into لل (للبنك -> بنك). A single letter is split off only when the
// word classes say the rest is a word of its own, more frequent than the
// whole (لكازاخستان -> كازاخستان, but not لوكاتشينكو -> وكاتشينكو).
func (t *Tagger) proclitic(tok arabic.Token) int {
	if tok.Kind != arabic.Word {
		return 0
	}
	seg := arabic.SegmentWord(tok.Text)
	if seg.PrefixLen == 0 {
		return 0
	}
	pre := arabic.Fold(seg.Prefix)
	switch {
	case pre == "ال":
		return 0
	case len(pre) > len("ال") && pre[len(pre)-len("ال"):] == "ال":
		// و+ال, ب+ال...: keep the article in the name.
		return seg.PrefixLen - 2
	case pre == "لل" || pre == "ولل" || pre == "فلل":
		return seg.PrefixLen
	}
	if t.res.classes == nil {
		// No corpus counts: trust the segmenter.
		return seg.PrefixLen
	}
	whole := t.res.classes.count(arabic.Fold(tok.Text))
	base := t.res.classes.count(arabic.Fold(seg.Base) + arabic.Fold(seg.Suffix))
	if base > whole {
		return seg.PrefixLen
	}
	return 0
}
