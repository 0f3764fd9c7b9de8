package store

import (
	"sort"
	"strings"
	"unicode"

	"akhbar/arabic"
)

// Snippet is a short passage of an article's text with the query's matches
// marked. Marks are code-point offsets into Text, end exclusive, in order
// and not overlapping. Text is cut at word boundaries and keeps the
// original spelling, so it can be shown as is in right-to-left layout.
type Snippet struct {
	Text  string   `json:"text"`
	Marks [][2]int `json:"marks"`
}

// Marked returns the snippet's text with each mark between open and close.
// Use characters the Unicode bidi algorithm mirrors (such as [ ] or ⟦ ⟧) or
// markup, so marks read right in right-to-left text.
func (s Snippet) Marked(open, close string) string {
	r := []rune(s.Text)
	var b strings.Builder
	last := 0
	for _, m := range s.Marks {
		if m[0] < last || m[1] > len(r) || m[0] >= m[1] {
			continue
		}
		b.WriteString(string(r[last:m[0]]))
		b.WriteString(open)
		b.WriteString(string(r[m[0]:m[1]]))
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(string(r[last:]))
	return b.String()
}

// snippetRunes is the target length of a snippet in code points.
const snippetRunes = 220

// MakeSnippet returns the passage of text with the most matches of e's
// positive words and phrases (matched with the index's analyzer) and of the
// extra spans (code points, such as an entity's mentions). Without any
// match it returns the start of the text.
func MakeSnippet(text string, e Expr, extra [][2]int) Snippet {
	marks := Matches(text, e)
	marks = append(marks, extra...)
	sort.Slice(marks, func(i, j int) bool { return marks[i][0] < marks[j][0] })
	// Drop overlaps.
	kept := marks[:0]
	for _, m := range marks {
		if len(kept) > 0 && m[0] < kept[len(kept)-1][1] {
			if m[1] > kept[len(kept)-1][1] {
				kept[len(kept)-1][1] = m[1]
			}
			continue
		}
		kept = append(kept, m)
	}
	marks = kept
	runes := []rune(text)
	// The window start (a mark) covering the most marks.
	best, bestN := -1, 0
	for i := range marks {
		n := 0
		for j := i; j < len(marks) && marks[j][1] <= marks[i][0]+snippetRunes*3/4; j++ {
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	start := 0
	if best >= 0 {
		start = max(0, marks[best][0]-snippetRunes/4)
	}
	start = wordStart(runes, start)
	end := min(len(runes), start+snippetRunes)
	end = wordEnd(runes, end)
	for start < end && unicode.IsSpace(runes[start]) {
		start++
	}
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	var out Snippet
	prefix := 0
	if start > 0 {
		out.Text = "…"
		prefix = 1
	}
	out.Text += string(runes[start:end])
	if end < len(runes) {
		out.Text += "…"
	}
	out.Marks = [][2]int{}
	for _, m := range marks {
		if m[0] >= start && m[1] <= end {
			out.Marks = append(out.Marks, [2]int{m[0] - start + prefix, m[1] - start + prefix})
		}
	}
	return out
}

func wordStart(r []rune, i int) int {
	for i > 0 && i < len(r) && !isBreak(r[i-1]) {
		i--
	}
	for i < len(r) && isBreak(r[i]) {
		i++
	}
	return i
}

func wordEnd(r []rune, i int) int {
	for i < len(r) && !isBreak(r[i]) {
		i++
	}
	return i
}

func isBreak(r rune) bool { return unicode.IsSpace(r) }

// Matches returns the code-point spans of text that match e's positive words
// and phrases through the index's analyzer.
func Matches(text string, e Expr) [][2]int {
	exact := map[string]bool{}
	var prefixes []string
	var phrases [][]string
	for _, p := range PositiveTexts(e) {
		switch x := p.(type) {
		case Term:
			if x.Prefix {
				if t := PrefixTerm(x.Text); t != "" {
					prefixes = append(prefixes, t)
				}
				continue
			}
			for _, t := range queryAnalyzer.Terms(x.Text) {
				exact[t] = true
			}
		case Phrase:
			if ts := queryAnalyzer.Terms(x.Text); len(ts) > 0 {
				phrases = append(phrases, ts)
			}
		}
	}
	type tm struct {
		term       string
		start, end int
	}
	var terms []tm
	var marks [][2]int
	queryAnalyzer.Each(text, func(t arabic.Term) bool {
		s := string(t.Term)
		terms = append(terms, tm{s, t.Start, t.End})
		if exact[s] {
			marks = append(marks, [2]int{t.Start, t.End})
			return true
		}
		for _, p := range prefixes {
			if strings.HasPrefix(s, p) {
				marks = append(marks, [2]int{t.Start, t.End})
				break
			}
		}
		return true
	})
	for _, ph := range phrases {
		for i := 0; i+len(ph) <= len(terms); i++ {
			ok := true
			for k, w := range ph {
				if terms[i+k].term != w {
					ok = false
					break
				}
			}
			if ok {
				marks = append(marks, [2]int{terms[i].start, terms[i+len(ph)-1].end})
			}
		}
	}
	return marks
}
