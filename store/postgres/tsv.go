package postgres

import (
	"sort"
	"strconv"
	"strings"

	"akhbar/analysis"
	"akhbar/arabic"
	"akhbar/store"
)

// Weights of the tsvector's parts. ts_rank weighs them by rankWeights.
const (
	weightHeadline = 'A'
	weightEntity   = 'B'
	weightText     = 'C'
)

// rankWeights is ts_rank's {D, C, B, A}: the headline and the entity ids
// count like the SQLite backend's bm25(3, 1, 3).
const rankWeights = `'{0.1, 0.3, 0.9, 0.9}'`

// maxPos is the largest position a tsvector holds; later words share it.
const maxPos = 16383

// maxLexeme is the longest lexeme (bytes) a tsvector accepts.
const maxLexeme = 2046

var analyzer = arabic.Analyzer{}

// vector builds a document's tsvector literal: the headline's terms, then
// the text's, then the entity tokens (store.EntityToken), each part with
// its weight. Positions count the analyzer's terms (stop words leave no
// gap), as the SQLite backend's FTS5 index does, so phrases match alike;
// a gap of one position keeps a phrase from running across parts.
func vector(a *analysis.Analysis) string {
	v, _ := vectors(a)
	return v
}

// leadTerms is how many body terms the rank vector keeps: about the lead
// paragraph of a news article.
const leadTerms = 60

// vectors returns the full tsvector literal (see vector) and the rank
// vector's: the headline's and entities' lexemes and the first leadTerms
// terms of the text, at the same positions and weights. Ranking reads the
// small one, so it never fetches a long article's vector from TOAST.
func vectors(a *analysis.Analysis) (full, rank string) {
	lex := map[string][]occ{}
	lead := map[string][]occ{}
	pos, body := 0, 0
	add := func(term string, w byte) {
		pos++
		if len(term) > maxLexeme || term == "" {
			return
		}
		o := occ{min(pos, maxPos), w}
		lex[term] = append(lex[term], o)
		if w != weightText || body < leadTerms {
			lead[term] = append(lead[term], o)
		}
		if w == weightText {
			body++
		}
	}
	analyzer.Each(a.Headline, func(t arabic.Term) bool {
		add(string(t.Term), weightHeadline)
		return true
	})
	pos++
	analyzer.Each(a.Text, func(t arabic.Term) bool {
		add(string(t.Term), weightText)
		return true
	})
	pos++
	for _, e := range a.Entities {
		if e.ID != "" {
			add(store.EntityToken(e.ID), weightEntity)
		}
	}
	return literal(lex), literal(lead)
}

// occ is one occurrence of a lexeme: its position and weight.
type occ struct {
	pos    int
	weight byte
}

// literal writes lexemes and their positions as a tsvector literal.
func literal(lex map[string][]occ) string {
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeLexeme(&b, k)
		b.WriteByte(':')
		last := -1
		n := 0
		for _, o := range lex[k] {
			if o.pos == last || n == 256 { // a tsvector keeps 256 positions a lexeme
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(o.pos))
			b.WriteByte(o.weight)
			last = o.pos
			n++
		}
	}
	return b.String()
}

// writeLexeme writes s quoted for a tsvector or tsquery literal.
func writeLexeme(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}

func lexeme(s string) string {
	var b strings.Builder
	writeLexeme(&b, s)
	return b.String()
}

// termQuery is the tsquery of a word or phrase typed by a user: its terms
// through the analyzer, adjacent in order. It is "" when the analyzer keeps
// no term.
func termQuery(text string) string {
	terms := analyzer.Terms(text)
	var parts []string
	for _, t := range terms {
		if len(t) <= maxLexeme {
			parts = append(parts, lexeme(t))
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

// entityQuery is the tsquery that matches an entity's token, only where
// entity tokens are indexed.
func entityQuery(id string) string {
	return lexeme(store.EntityToken(id)) + ":" + string(rune(weightEntity))
}
