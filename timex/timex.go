// Package timex finds temporal expressions in Arabic news text (dates,
// times, durations and sets) and normalizes them to TIMEX3 values resolved
// against a reference time, usually the article's dateline.
//
// It reads a document's tokens (arabic.Tokenize) and never re-tokenizes;
// spans are code points into the text, end exclusive. Month and weekday
// names and Hijri conversion come from package calendar, number words from
// package number.
//
// Ambiguity is resolved as a news reader would: a weekday without a
// qualifier is the nearest one on or before the reference day, unless a word
// like المقبل or a future verb says otherwise; a month without a year is in
// the reference year unless qualified (آب الماضي).
package timex

import (
	"time"

	"akhbar/arabic"
	"akhbar/number"
)

// Types of temporal expression.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Modifiers (TIMEX3 mod).
const (
	Start    = "START"     // أوائل، مطلع، بداية
	Mid      = "MID"       // منتصف
	End      = "END"       // أواخر، نهاية
	Approx   = "APPROX"    // نحو، حوالي، قرابة
	MoreThan = "MORE_THAN" // أكثر من
	LessThan = "LESS_THAN" // أقل من
)

// Timex is a temporal expression found in a text.
type Timex struct {
	Start int    `json:"start"` // first code point
	End   int    `json:"end"`   // one past the last code point
	Text  string `json:"text"`
	Type  string `json:"type"`          // Date, Time, Duration or Set
	Value string `json:"value"`         // TIMEX3: 2022-01-06, 2022-W41, 2019-12-03TEV, P2D, XXXX-WXX-4
	Mod   string `json:"mod,omitempty"` // Start, Mid, End, Approx, MoreThan, LessThan
	// From and To bound an interval (13 إلى 15 تموز، أوائل آذار، الليلة،
	// خلال أسبوعين) at the value's grain: From included, To excluded.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Skip is temporal-looking text that was deliberately not reported (a date
// that does not exist, a year out of range, a month/day order that is not
// day first), with the reason.
type Skip struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Spans returns the spans of ts, for number.Find to exclude.
func Spans(ts []Timex) []arabic.Span {
	out := make([]arabic.Span, len(ts))
	for i, t := range ts {
		out[i] = arabic.Span{Start: t.Start, End: t.End}
	}
	return out
}

// Claimed returns the spans of what Find found and what it skipped: the
// digits of a date, even one that does not exist (30 شباط) or cannot be
// resolved without a reference, are not bare numbers.
func Claimed(found []Timex, skipped []Skip) []arabic.Span {
	out := Spans(found)
	for _, s := range skipped {
		out = append(out, arabic.Span{Start: s.Start, End: s.End})
	}
	return out
}

// Find returns the temporal expressions of text, whose tokens are toks
// (arabic.Tokenize(text)), resolved against ref, in order; skipped lists
// what looked temporal but was left out, and why. A zero ref leaves
// relative expressions (أمس، الشهر الماضي) out, with a reason.
func Find(text string, toks []arabic.Token, ref time.Time) (found []Timex, skipped []Skip) {
	p := &parser{text: text, toks: toks, r: number.NewReader(toks), ref: ref}
	for i := 0; i < len(toks); {
		e, ok := p.best(i)
		if !ok {
			i++
			continue
		}
		first, last := e.first+e.lead, e.last
		if first >= last {
			first = e.first
		}
		start, end := toks[first].Start, toks[last-1].End
		bs, be := toks[first].ByteStart, toks[last-1].ByteEnd
		if e.trim > 0 {
			start, bs = trimStart(toks[first], e.trim)
		}
		txt := ""
		if bs >= 0 && be <= len(text) && bs <= be {
			txt = text[bs:be]
		}
		if e.skip != "" {
			skipped = append(skipped, Skip{Start: start, End: end, Text: txt, Reason: e.skip})
		} else {
			found = append(found, Timex{Start: start, End: end, Text: txt, Type: e.typ, Value: e.value, Mod: e.mod, From: e.from, To: e.to})
		}
		i = last
	}
	return found, skipped
}

// trimStart returns the offsets in t after its first n letters (a
// proclitic), diacritics and tatweel after them included.
func trimStart(t arabic.Token, n int) (cp, b int) {
	cp = t.Start
	for i, r := range t.Text {
		if n == 0 {
			if arabic.IsTashkeel(r) || r == 'ـ' {
				cp++
				continue
			}
			return cp, t.ByteStart + i
		}
		cp++
		if arabic.IsArabicLetter(r) {
			n--
		}
	}
	return t.Start, t.ByteStart
}
