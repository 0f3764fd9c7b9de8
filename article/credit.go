package article

import (
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// credit is a credited source found in a text, with where it is named.
type credit struct {
	src   Source
	span  arabic.Span // code points, relative to what was searched
	place string      // a dateline place before it: القاهرة in القاهرة (رويترز)
}

// sourceLabels open a closing source line: المصدر: سبوتنيك.
var sourceLabels = []string{"المصدر", "المصادر", "مصدر الخبر", "مصدر", "نقلا عن", "عن", "source", "المصدر/", "المصدر -"}

// maxSourceLineBytes is the longest line read as a closing source line.
const maxSourceLineBytes = 300

// findSourceLine reads a closing source line: "المصدر: سبوتنيك", "(أ ف ب)",
// "- وكالات", "رويترز". The span covers the name.
func findSourceLine(line string) (credit, bool) {
	if len(line) > maxSourceLineBytes {
		return credit{}, false
	}
	runes := []rune(line)
	trimmed := strings.TrimSpace(line)
	lead := len(runes) - len([]rune(strings.TrimLeft(line, " \t")))
	folded := arabic.Fold(strings.ToLower(trimmed))
	for _, label := range sourceLabels {
		fl := arabic.Fold(label)
		rest, ok := strings.CutPrefix(folded, fl)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "：") && !strings.HasPrefix(rest, "-") {
			if label != "نقلا عن" {
				continue
			}
		}
		// Map back to the original runes: folding keeps the rune count
		// except for dropped marks, so search the name in the original.
		colon := strings.IndexAny(trimmed, ":：-")
		if label == "نقلا عن" {
			colon = strings.Index(trimmed, "عن") + len("عن") - 1
		}
		if colon < 0 {
			continue
		}
		nameStart := colon + 1
		name := strings.TrimSpace(trimmed[nameStart:])
		name = strings.TrimRight(name, ".،,;: ")
		if name == "" || len(strings.Fields(name)) > 8 {
			return credit{}, false
		}
		off := lead + len([]rune(trimmed[:nameStart])) + len([]rune(trimmed[nameStart:])) - len([]rune(strings.TrimLeft(trimmed[nameStart:], " \t")))
		src := SourceFor(name)
		if src.ID == "" {
			return credit{}, false
		}
		return credit{src: src, span: arabic.Span{Start: off, End: off + len([]rune(name))}}, true
	}
	// A line that is only an agency: (أ ف ب), - وكالات, رويترز.
	inner := strings.Trim(trimmed, "()[]-–—.:« »")
	if inner == "" || len(strings.Fields(inner)) > 5 {
		return credit{}, false
	}
	if src, ok := LookupSource(inner); ok {
		off := lead + len([]rune(trimmed[:strings.Index(trimmed, inner)]))
		return credit{src: src, span: arabic.Span{Start: off, End: off + len([]rune(inner))}}, true
	}
	return credit{}, false
}

// findTrailingCredit reads an agency in brackets that closes a paragraph:
// "... دون أن يسفر عن إصابات. (أ ف ب)".
func findTrailingCredit(para string) (credit, bool) {
	trimmed := strings.TrimRightFunc(para, func(r rune) bool { return r == ' ' || r == '.' || r == '\t' })
	if !strings.HasSuffix(trimmed, ")") {
		return credit{}, false
	}
	open := strings.LastIndex(trimmed, "(")
	if open < 0 || len(trimmed)-open > 80 {
		return credit{}, false
	}
	inner := strings.TrimSpace(trimmed[open+1 : len(trimmed)-1])
	src, ok := LookupSource(inner)
	if !ok {
		return credit{}, false
	}
	start := runeLen(trimmed[:open+1]) + runeLen(trimmed[open+1:]) - runeLen(strings.TrimLeft(trimmed[open+1:], " "))
	return credit{src: src, span: arabic.Span{Start: start, End: start + runeLen(inner)}}, true
}

// findWireLead reads the wire credit that opens a body paragraph:
// "القاهرة (رويترز) - ...", "دمشق-سانا", "(أ ف ب) -", "باريس - وكالات:". It
// looks only at the paragraph's first words.
func findWireLead(para string) (credit, bool) {
	if len(para) > 400 { // the lead is in the first words
		cut := 400
		for cut < len(para) && !utf8.RuneStart(para[cut]) {
			cut++
		}
		para = para[:cut]
	}
	toks := scanTokens(para)
	if len(toks) > 16 {
		toks = toks[:16]
	}
	// (AGENCY) among the first words, after at most 5 words of place.
	for i, t := range toks {
		if i > 8 {
			break
		}
		if t.Text != "(" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+7; j++ {
			if toks[j].Text != ")" {
				continue
			}
			name := substr(para, toks[i+1].Start, toks[j-1].End)
			if j == i+1 {
				break
			}
			src, ok := LookupSource(name)
			if !ok {
				break
			}
			// A wire lead goes on with a dash or colon: القاهرة (رويترز) - ...
			// Without one, (واس) closes a name in running text.
			if j+1 < len(toks) && !strings.Contains("-–—:", toks[j+1].Text) {
				break
			}
			c := credit{src: src, span: arabic.Span{Start: toks[i+1].Start, End: toks[j-1].End}}
			if i > 0 {
				c.place = strings.Trim(substr(para, toks[0].Start, toks[i-1].End), " ،,-")
			}
			return c, true
		}
		break
	}
	// PLACE - AGENCY, PLACE-AGENCY: a dash after at most 4 words, then a
	// known agency of at most 4 words.
	for i, t := range toks {
		if i > 4 {
			break
		}
		if t.Text != "-" && t.Text != "–" && t.Text != "—" {
			continue
		}
		for k := 4; k >= 1; k-- {
			if i+k >= len(toks) {
				continue
			}
			name := substr(para, toks[i+1].Start, toks[i+k].End)
			if src, ok := LookupSource(name); ok {
				c := credit{src: src, span: arabic.Span{Start: toks[i+1].Start, End: toks[i+k].End}}
				if i > 0 {
					c.place = strings.TrimSpace(substr(para, toks[0].Start, toks[i-1].End))
				}
				return c, true
			}
		}
		break
	}
	return credit{}, false
}

// attributionCues introduce a credited outlet in running text: بحسب موقع
// سبوتنيك، وفقا لوكالة رويترز، نقلا عن وكالة الأنباء السعودية (واس).
var attributionCues = foldSet(map[string]bool{
	"بحسب": true, "وبحسب": true, "حسب": true, "وحسب": true, "وفقا": true, "ووفقا": true, "وفق": true,
	"نقلا": true, "ونقلا": true, "نقلته": true, "ونقلت": true, "نقلت": true, "ذكرت": true, "وذكرت": true,
	"افادت": true, "وافادت": true, "اوردت": true, "واوردت": true, "اوردها": true, "قالت": true, "وقالت": true,
	"اعلنت": true, "واعلنت": true, "افاد": true, "ذكر": true, "اورد": true, "نشرت": true, "ونشرت": true,
	"اعلن": true, "وافاد": true, "وذكر": true, "واورد": true, "بثت": true, "وبثت": true,
})

// datelineCredit reads the place before a dateline's date and the agency
// after it: "الرياض 5 شوال 1436 هـ الموافق 21 يوليو 2015 م واس".
func datelineCredit(line string, p dateline) (credit, bool) {
	n := runeLen(line)
	if p.span.End >= n {
		return credit{}, false
	}
	rest := substr(line, p.span.End, n)
	name := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest), "-–—:|/()[]"))
	for _, w := range []string{"م", "هـ", "ه"} { // a calendar suffix the date span left out
		name = strings.TrimSpace(strings.TrimPrefix(name, w+" "))
	}
	src, ok := LookupSource(name)
	if !ok || name == "" {
		return credit{}, false
	}
	start := p.span.End + runeLen(rest[:strings.Index(rest, name)])
	c := credit{src: src, span: arabic.Span{Start: start, End: start + runeLen(name)}}
	if before := strings.Trim(substr(line, 0, p.span.Start), " -–—،,:"); len(strings.Fields(before)) <= 3 {
		c.place = before
	}
	return c, true
}

// scanTokens returns the tokens of text without their normal forms, which
// the credit rules do not need and which cost most of tokenizing.
func scanTokens(text string) []arabic.Token {
	toks := make([]arabic.Token, 0, len(text)/8+1)
	arabic.Scan(text, func(t arabic.Token) bool {
		toks = append(toks, t)
		return true
	})
	return toks
}

// outletWord are the single words that may stand before an outlet's name.
var outletWord = map[string]bool{"موقع": true, "وكاله": true, "صحيفه": true, "قناه": true, "شبكه": true,
	"اذاعه": true, "تلفزيون": true, "جريده": true, "مجله": true}

// findAttribution finds the first outlet credited in running text through a
// cue (بحسب موقع سبوتنيك). Only names in the agency table count: running
// text names many things after such cues.
func findAttribution(text string) (credit, bool) {
	toks := scanTokens(text)
	for i, t := range toks {
		if t.Kind != arabic.Word || !attributionCues[arabic.Fold(t.Text)] {
			continue
		}
		j := i + 1
		// لـ / عن / ما / ل: وفقا لوكالة, نقلا عن
		for j < len(toks) && j <= i+3 {
			w := arabic.Fold(toks[j].Text)
			if w == "عن" || w == "ما" || w == "ل" || w == "لـ" || w == "-" || toks[j].Kind == arabic.Punct && w != "(" {
				j++
				continue
			}
			break
		}
		if j >= len(toks) {
			break
		}
		for k := 6; k >= 1; k-- {
			if j+k > len(toks) || toks[j+k-1].Kind == arabic.Punct {
				continue
			}
			start := toks[j].Start
			// A ل prefix glued to the first word: لوكالة، لموقع.
			first := arabic.Fold(toks[j].Text)
			name := substr(text, start, toks[j+k-1].End)
			if strings.Count(name, "(") != strings.Count(name, ")") {
				continue
			}
			if strings.HasPrefix(first, "ل") && len([]rune(first)) > 3 {
				if _, ok := LookupSource(string([]rune(name)[1:])); ok {
					start++
					name = string([]rune(name)[1:])
				}
			}
			// Include a following (ABBR): وكالة الأنباء السعودية (واس).
			end := toks[j+k-1].End
			if j+k+2 < len(toks) && toks[j+k].Text == "(" && toks[j+k+2].Text == ")" {
				end = toks[j+k+2].End
			}
			if end != toks[j+k-1].End {
				if src, ok := LookupSource(substr(text, start, end)); ok {
					return trimQuotes(text, credit{src: src, span: arabic.Span{Start: start, End: end}}), true
				}
			}
			if src, ok := LookupSource(name); ok {
				c := credit{src: src, span: arabic.Span{Start: start, End: toks[j+k-1].End}}
				// موقع سبوتنيك: credit سبوتنيك when the outlet word is not part of the name.
				if k > 1 && outletWord[strings.TrimPrefix(arabic.Fold(toks[j].Text), "ل")] {
					if short, ok := LookupSource(substr(text, toks[j+1].Start, toks[j+k-1].End)); ok && short.ID == src.ID {
						c = credit{src: short, span: arabic.Span{Start: toks[j+1].Start, End: toks[j+k-1].End}}
					}
				}
				return trimQuotes(text, c), true
			}
		}
	}
	return credit{}, false
}

// quoteMarks may wrap an outlet's name: وفقا لوكالة "فرانس برس".
const quoteMarks = "\"'«»“”„‘’"

// trimQuotes drops quotation marks around a credited name and its span.
func trimQuotes(text string, c credit) credit {
	name := substr(text, c.span.Start, c.span.End)
	lead := runeLen(name) - runeLen(strings.TrimLeft(name, quoteMarks+" "))
	trail := runeLen(name) - runeLen(strings.TrimRight(name, quoteMarks+" "))
	if lead+trail >= runeLen(name) {
		return c
	}
	c.span = arabic.Span{Start: c.span.Start + lead, End: c.span.End - trail}
	c.src.Name = substr(text, c.span.Start, c.span.End)
	return c
}

// substr returns the code points [start, end) of s.
func substr(s string, start, end int) string {
	i, cp := 0, 0
	from := -1
	for i < len(s) {
		if cp == start {
			from = i
		}
		if cp == end {
			break
		}
		_, size := decodeRune(s[i:])
		i += size
		cp++
	}
	if from < 0 {
		if cp == start {
			from = i
		} else {
			return ""
		}
	}
	return s[from:i]
}
