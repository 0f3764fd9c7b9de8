package ner

// The BIO tag set. Tag 0 is O; then B and I for each type, in this order.
var types = [...]string{PER, ORG, LOC, MISC}

const nTags = 1 + 2*len(types)

// The B- tags of each type; the I- tag of a type is its B- tag plus one.
const (
	bPER = 1 + 2*iota
	bORG
	bLOC
	bMISC
)

// tagStart is the index of the virtual tag before the first token.
const tagStart = nTags

// tagName returns the IOB2 name of tag t.
func tagName(t int) string {
	if t == 0 {
		return "O"
	}
	if t%2 == 1 {
		return "B-" + types[(t-1)/2]
	}
	return "I-" + types[(t-1)/2]
}

// tagType returns the type of tag t, or "" for O.
func tagType(t int) string {
	if t == 0 {
		return ""
	}
	return types[(t-1)/2]
}

// countSlot is where tag t is counted in a per-word tally of types: 0 for O,
// then 1 + the type's index (PER, ORG, LOC, MISC).
func countSlot(t int) int {
	if t == 0 {
		return 0
	}
	return 1 + (t-1)/2
}

func isInside(t int) bool { return t != 0 && t%2 == 0 }

// allowed reports whether tag cur may follow tag prev under IOB2: I-X only
// after B-X or I-X.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev != tagStart && prev != 0 && (prev-1)/2 == (cur-1)/2
}

// parseTag maps a corpus tag (IOB2 over PERS/PER, ORG, LOC, MISC/MIS...) to
// a tag index. It reports false for tags it does not know.
func parseTag(s string) (int, bool) {
	if s == "O" {
		return 0, true
	}
	if len(s) < 3 || s[1] != '-' || (s[0] != 'B' && s[0] != 'I') {
		return 0, false
	}
	var ty int
	switch s[2:] {
	case "PER", "PERS":
		ty = 0
	case "ORG":
		ty = 1
	case "LOC", "GPE":
		ty = 2
	case "MISC", "MIS", "MIS0", "MIS1", "MIS2", "MIS3", "MIS-1", "MIS-2", "MIS-3", "MIS_1", "MIS_2", "MIS_3":
		ty = 3
	default:
		return 0, false
	}
	t := 1 + 2*ty
	if s[0] == 'I' {
		t++
	}
	return t, true
}
