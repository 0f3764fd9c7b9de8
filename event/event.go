// Package event builds an article's timeline: each sentence that a dated
// expression anchors becomes an event with its date, its span and the
// entities in it, and statements the article reports without a date of
// their own take the date of the report (the dateline) or of the run of
// statements by the same speaker they continue.
//
// Build takes plain inputs (sentences, dates, mentions, statements) so it
// depends on no other layer's types; the analysis package converts.
package event

import (
	"sort"
	"strings"
	"time"

	"akhbar/arabic"
)

// Timex is a temporal expression with its TIMEX3 value.
type Timex struct {
	Start, End int    // code points
	Type       string // DATE, TIME, DURATION or SET
	Value      string // 2022-01-06, 2022-01-15T13:02, P2D...
}

// Mention is a place where an entity is named.
type Mention struct {
	Start, End int
	Entity     string // entity id
}

// Statement is a quotation or reported statement with its speaker.
type Statement struct {
	Start, End int
	// Speaker identifies the speaker: an entity id or, without one, the
	// speaker's name. "" when unknown.
	Speaker string
}

// Event is one entry of the timeline.
type Event struct {
	Date       string   // TIMEX3 value at day grain or finer: 2022-01-06, 2022-01-15T13:02
	Start, End int      // the sentence, code points
	Text       string   // the sentence
	Entities   []string // ids of the entities named in the sentence, in order
	Statement  bool     // the sentence reports a statement
}

// minWords is the fewest words a sentence needs besides its dates to be an
// event: a line that is only a date (the dateline) is not.
const minWords = 3

// leadWords is how many words a sentence needs to count as the lead, the
// first sentence of the report.
const leadWords = 6

// Build returns the events of text in text order. toks and sentences
// must come from arabic.Tokenize and arabic.Sentences of text. published is the
// article's date (zero when unknown); statements without a date of their
// own in the lead take it.
func Build(text string, toks []arabic.Token, sentences []arabic.Span, timexes []Timex, mentions []Mention, statements []Statement, published time.Time) []Event {
	runes := []rune(text)
	tx := append([]Timex(nil), timexes...)
	sort.SliceStable(tx, func(i, j int) bool { return tx[i].Start < tx[j].Start })
	ms := append([]Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	st := append([]Statement(nil), statements...)
	sort.SliceStable(st, func(i, j int) bool { return st[i].Start < st[j].Start })

	var out []Event
	ti, mi, si, ki := 0, 0, 0, 0
	leadSeen := false
	prevSpeaker := "" // speaker of the last event, when it was a statement
	for _, s := range sentences {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			continue
		}
		date := ""
		var dateSpans []arabic.Span
		for ti < len(tx) && tx[ti].Start < s.Start {
			ti++
		}
		for k := ti; k < len(tx) && tx[k].Start < s.End; k++ {
			dateSpans = append(dateSpans, arabic.Span{Start: tx[k].Start, End: tx[k].End})
			if date == "" && (tx[k].Type == "DATE" || tx[k].Type == "TIME") {
				date = dayOrFiner(tx[k].Value)
			}
		}
		speaker, isStatement := "", false
		for si < len(st) && st[si].End <= s.Start {
			si++
		}
		for k := si; k < len(st) && st[k].Start < s.End; k++ {
			if st[k].End > s.Start {
				speaker, isStatement = st[k].Speaker, true
				break
			}
		}
		for ki < len(toks) && toks[ki].Start < s.Start {
			ki++
		}
		words := wordsOutside(toks[ki:], s, dateSpans)
		isLead := !leadSeen && words >= leadWords
		if words >= leadWords {
			leadSeen = true
		}
		if words < minWords {
			continue
		}
		if date == "" && isStatement {
			switch {
			case isLead && !published.IsZero():
				date = published.Format("2006-01-02")
			case speaker != "" && speaker == prevSpeaker && len(out) > 0:
				date = out[len(out)-1].Date
			}
		}
		if date == "" {
			if !isStatement || speaker != prevSpeaker {
				prevSpeaker = ""
			}
			continue
		}
		e := Event{Date: date, Start: s.Start, End: s.End, Text: string(runes[s.Start:s.End]), Entities: []string{}, Statement: isStatement}
		for mi < len(ms) && ms[mi].End <= s.Start {
			mi++
		}
		seen := map[string]bool{}
		for k := mi; k < len(ms) && ms[k].Start < s.End; k++ {
			if id := ms[k].Entity; id != "" && !seen[id] && ms[k].End > s.Start {
				seen[id] = true
				e.Entities = append(e.Entities, id)
			}
		}
		out = append(out, e)
		if isStatement {
			prevSpeaker = speaker
		} else {
			prevSpeaker = ""
		}
	}
	return out
}

// Timeline returns events ordered by date, oldest first; events of one date
// keep their text order.
func Timeline(events []Event) []Event {
	out := append([]Event(nil), events...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// dayOrFiner returns the part of a TIMEX3 value at day grain or finer
// (2022-01-06, 2022-01-15T13:02), or "" for a coarser or fuzzy value
// (2022-01, 2022-W02, PRESENT_REF).
func dayOrFiner(v string) string {
	if len(v) < 10 || !isDigits(v[0:4]) || v[4] != '-' || !isDigits(v[5:7]) || v[7] != '-' || !isDigits(v[8:10]) {
		return ""
	}
	if len(v) >= 16 && v[10] == 'T' && isDigits(v[11:13]) && v[13] == ':' && isDigits(v[14:16]) {
		return v[:16]
	}
	return v[:10]
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// wordsOutside counts the words of sentence s that lie outside the spans;
// toks starts at the sentence.
func wordsOutside(toks []arabic.Token, s arabic.Span, spans []arabic.Span) int {
	n := 0
	for _, t := range toks {
		if t.Start >= s.End {
			break
		}
		if t.Kind == arabic.Punct || t.Kind == arabic.Number {
			continue
		}
		inside := false
		for _, sp := range spans {
			if t.Start >= sp.Start && t.End <= sp.End {
				inside = true
				break
			}
		}
		if !inside {
			n++
		}
	}
	return n
}

// String formats an event as one plain line of a timeline: its date, then
// its text on one line.
func (e Event) String() string {
	return e.Date + "  " + strings.Join(strings.Fields(e.Text), " ")
}
