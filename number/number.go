// Package number finds numbers in Arabic text, written in digits of any
// script or in words (cardinals with gender and case, duals, scales,
// ordinals), with what surrounds them: approximation (حوالي، نحو، قرابة),
// bounds (أكثر من، أقل من), percentages and currencies.
//
// It reads a document's tokens (arabic.Tokenize) and never re-tokenizes;
// spans are code points into the text, end exclusive.
package number

import (
	"sort"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// Bounds a number may carry.
const (
	MoreThan = "MORE_THAN" // أكثر من، ما يزيد على
	LessThan = "LESS_THAN" // أقل من، دون
)

// Number is a number found in a text.
type Number struct {
	Start   int     `json:"start"` // first code point
	End     int     `json:"end"`   // one past the last code point
	Text    string  `json:"text"`  // the text of the span, modifiers and unit included
	Value   float64 `json:"value"`
	Approx  bool    `json:"approx,omitempty"`  // حوالي، نحو، قرابة، زهاء، ما يقارب
	Ordinal bool    `json:"ordinal,omitempty"` // الثالث، الحادي عشر
	Percent bool    `json:"percent,omitempty"` // بالمئة، في المائة، %
	Bound   string  `json:"bound,omitempty"`   // MoreThan or LessThan
	Unit    string  `json:"unit,omitempty"`    // currency: dollar, euro, riyal, pound, dinar, dirham, lira
}

// Skip is number-like text that was deliberately not reported, with why.
type Skip struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Find returns the numbers of text, whose tokens are toks (from
// arabic.Tokenize(text)), in order. Tokens overlapping a span of exclude
// (dates and times another layer has claimed) are not read. Years written
// with a calendar suffix (2022م، 1444هـ) and phone numbers are left out;
// digits that cannot be a figure (200 digits, bad grouping) are returned in
// skipped with the reason.
func Find(text string, toks []arabic.Token, exclude []arabic.Span) (nums []Number, skipped []Skip) {
	ex := newExcluder(exclude)
	r := NewReader(toks)
	free := 0 // first token not taken by a number already found
	for i := 0; i < len(toks); {
		if !r.mayStart(i) || ex.overlaps(toks[i].Start, toks[i].End) {
			i++
			continue
		}
		n, next, skip, ok := r.number(text, i, free)
		switch {
		case !ok:
			i++
			continue
		case ex.overlaps(n.Start, n.End):
			// The number runs into a claimed span: its own tokens before
			// the claim are read again on their own.
			i++
			continue
		case skip != nil:
			skipped = append(skipped, *skip)
		default:
			nums = append(nums, n)
		}
		i, free = next, next
	}
	return nums, skipped
}

// number reads the number with its modifiers starting at token i; tokens
// before free belong to a number already found.
func (r *Reader) number(text string, i, free int) (n Number, next int, skip *Skip, ok bool) {
	var (
		m        Match
		approx   bool
		bound    string
		start    int
		startB   int
		modified bool
	)
	if k, ok2 := r.phrase(i, approxWords); ok2 {
		if m, ok = r.At(i + k); ok && m.Reject == "" {
			approx, modified = true, true
		}
	} else {
		for _, b := range boundWords {
			if k, ok2 := r.phrase(i, [][]string{b.words}); ok2 {
				if m, ok = r.At(i + k); ok && m.Reject == "" {
					bound, modified = b.bound, true
				}
				break
			}
		}
	}
	if modified {
		start, startB = r.phraseStart(i)
	} else {
		if m, ok = r.At(i); !ok {
			return Number{}, 0, nil, false
		}
		start, startB = m.Start, m.ByteStart
	}
	if m.Reject != "" {
		return Number{}, m.Last, &Skip{Start: m.Start, End: m.End, Text: slice(text, m.ByteStart, m.ByteEnd), Reason: m.Reject}, true
	}
	if m.Calendar != "" {
		return Number{}, m.Last, &Skip{Start: m.Start, End: m.End, Text: slice(text, m.ByteStart, m.ByteEnd), Reason: "a year"}, true
	}
	if m.Digits && r.isPhone(m) {
		return Number{}, m.Last, &Skip{Start: m.Start, End: m.End, Text: slice(text, m.ByteStart, m.ByteEnd), Reason: "a phone number"}, true
	}
	n = Number{Value: m.Value, Ordinal: m.Ordinal, Approx: approx, Bound: bound}
	// A currency sign before the digits: $20.
	if m.First > free && r.adjacent(m.First-1) && r.toks[m.First-1].Kind == arabic.Punct && !modified {
		if u, ok := currencies[r.toks[m.First-1].Text]; ok {
			n.Unit = u
			start, startB = r.toks[m.First-1].Start, r.toks[m.First-1].ByteStart
		}
	}
	last := m.Last - 1
	if !m.Ordinal {
		if k, ok := r.phrase(last+1, percentWords); ok {
			n.Percent = true
			last += k
		} else if r.isPunct(last+1, "%٪") {
			n.Percent = true
			last++
		}
		if n.Unit == "" {
			if u, ok := currencies[r.Fold(last+1)]; ok {
				n.Unit = u
				last++
			} else if r.isPunct(last+1, "$€£") {
				n.Unit = currencies[r.toks[last+1].Text]
				last++
			}
		}
		if !approx && r.Fold(last+1) == "تقريبا" {
			n.Approx = true
			last++
		}
	}
	n.Start, n.End = start, r.toks[last].End
	n.Text = slice(text, startB, r.toks[last].ByteEnd)
	return n, last + 1, nil, true
}

// mayStart reports whether a number can start at token i: digits, a sign
// or point before digits, a currency sign, a number word or the first word
// of a modifier (حوالي، أكثر من), with or without a proclitic.
func (r *Reader) mayStart(i int) bool {
	t := r.toks[i]
	switch t.Kind {
	case arabic.Number:
		return true
	case arabic.Punct:
		return r.adjacent(i) && r.toks[i+1].Kind == arabic.Number
	case arabic.Word:
	default:
		return false
	}
	w := r.Fold(i)
	if modifierFirst[w] {
		return true
	}
	if p, size := utf8.DecodeRuneInString(w); strings.ContainsRune("وبلف", p) && modifierFirst[w[size:]] {
		return true
	}
	_, ok := r.lookup(i)
	return ok
}

// phrase matches one of the folded phrases at token i (the first word may
// carry the conjunction و) and returns the number of tokens it covers.
func (r *Reader) phrase(i int, phrases [][]string) (int, bool) {
	for _, p := range phrases {
		ok := true
		for k, w := range p {
			got := r.Fold(i + k)
			if got == "" && i+k < len(r.toks) && r.toks[i+k].Kind == arabic.Punct {
				got = r.toks[i+k].Text
			}
			if got == w || (k == 0 && cliticOf(got, w) > 0) {
				continue
			}
			ok = false
			break
		}
		if ok {
			return len(p), true
		}
	}
	return 0, false
}

// phraseStart is the start of a modifier phrase at token i, without a
// leading proclitic (ونحو، بنحو).
func (r *Reader) phraseStart(i int) (cp, b int) {
	t := r.toks[i]
	w := r.Fold(i)
	for _, p := range approxWords {
		if n := cliticOf(w, p[0]); n > 0 {
			return skipLetters(t, n)
		}
	}
	for _, p := range boundWords {
		if n := cliticOf(w, p.words[0]); n > 0 {
			return skipLetters(t, n)
		}
	}
	return t.Start, t.ByteStart
}

// cliticOf returns how many proclitic letters (و، ب، ل، ف، وب) come before
// base in the folded word got, or 0 when got is not base with proclitics.
func cliticOf(got, base string) int {
	rest, ok := strings.CutSuffix(got, base)
	if !ok || rest == "" {
		return 0
	}
	switch rest {
	case "و", "ب", "ل", "ف":
		return 1
	case "وب", "ول", "فب":
		return 2
	}
	return 0
}

// isPhone reports whether digits look like a phone number: nine digits or
// more starting with 0, or six or more after +.
func (r *Reader) isPhone(m Match) bool {
	t := r.toks[m.First]
	d := digitsASCII(t.Text)
	if !isPlainInt(t.Text) {
		return false
	}
	if len(d) >= 9 && d[0] == '0' {
		return true
	}
	if m.First > 0 && r.adjacent(m.First-1) && r.toks[m.First-1].Text == "+" && len(d) >= 6 {
		return true
	}
	return false
}

// slice returns text[b0:b1] when those are valid byte offsets, else "".
func slice(text string, b0, b1 int) string {
	if b0 < 0 || b1 > len(text) || b0 > b1 {
		return ""
	}
	return text[b0:b1]
}

// excluder answers whether a code-point range overlaps any excluded span.
type excluder struct {
	spans  []arabic.Span // by start
	maxEnd []int         // maxEnd[i]: the furthest end among spans[:i+1]
}

func newExcluder(spans []arabic.Span) excluder {
	s := append([]arabic.Span(nil), spans...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	m := make([]int, len(s))
	for i, sp := range s {
		m[i] = sp.End
		if i > 0 && m[i-1] > m[i] {
			m[i] = m[i-1]
		}
	}
	return excluder{s, m}
}

func (e excluder) overlaps(start, end int) bool {
	k := sort.Search(len(e.spans), func(i int) bool { return e.spans[i].Start >= end })
	return k > 0 && e.maxEnd[k-1] > start
}
