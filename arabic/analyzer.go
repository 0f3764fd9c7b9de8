package arabic

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Term is one search term produced by an Analyzer.
type Term struct {
	// Term is the analyzed form. It is only valid during the callback that
	// receives it; copy it to keep it.
	Term []byte
	// Position is the index of the token among the text's words and numbers;
	// stop words leave gaps, so phrase queries stay exact.
	Position int
	// Start and End are code-point offsets of the token in the text.
	Start, End int
	// ByteStart and ByteEnd are byte offsets of the token in the text.
	ByteStart, ByteEnd int
}

// Analyzer turns text into search terms: normalize, tokenize, strip clitics,
// drop stop words, stem. The search index and its queries use one Analyzer,
// so they always agree.
//
// The zero Analyzer drops stop words. An Analyzer has no mutable state and
// is safe for concurrent use.
type Analyzer struct {
	// KeepStopWords keeps stop words as terms.
	KeepStopWords bool
}

// Each calls fn for each term of text, in order, until fn returns false. It
// allocates nothing per term: the Term's bytes are reused between calls.
func (an Analyzer) Each(text string, fn func(Term) bool) {
	var buf [128]byte
	b := buf[:0]
	pos := 0
	Scan(text, func(t Token) bool {
		if t.Kind == Punct {
			return true
		}
		b = an.appendTerm(b[:0], t)
		p := pos
		pos++
		if len(b) == 0 {
			return true
		}
		return fn(Term{Term: b, Position: p, Start: t.Start, End: t.End, ByteStart: t.ByteStart, ByteEnd: t.ByteEnd})
	})
}

// Terms returns the terms of text as strings.
func (an Analyzer) Terms(text string) []string {
	var out []string
	an.Each(text, func(t Term) bool {
		out = append(out, string(t.Term))
		return true
	})
	return out
}

// AppendTerm appends the term for one word (as the Analyzer would index it)
// to dst; it appends nothing for a stop word or punctuation.
func (an Analyzer) AppendTerm(dst []byte, word string) []byte {
	var t Token
	Scan(word, func(tok Token) bool {
		t = tok
		return false
	})
	if t.Kind == 0 || t.Kind == Punct {
		return dst
	}
	return an.appendTerm(dst, t)
}

func (an Analyzer) appendTerm(dst []byte, t Token) []byte {
	start := len(dst)
	switch t.Kind {
	case Latin:
		for _, r := range t.Text {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		if !an.KeepStopWords && stopWords[string(dst[start:])] {
			return dst[:start]
		}
		return dst
	case Number:
		dst = AppendFold(dst, t.Text)
		// Drop a calendar suffix and thousands separators: 2022م -> 2022.
		out := dst[:start]
		for _, c := range dst[start:] {
			if c >= '0' && c <= '9' || c == '.' {
				out = append(out, c)
			}
		}
		return out
	}
	dst = AppendFold(dst, t.Text)
	if len(dst) == start {
		return dst
	}
	// w aliases dst without copying; dst is not written while w is in use.
	w := unsafe.String(&dst[start], len(dst)-start)
	if !an.KeepStopWords && isStop(w) {
		return dst[:start]
	}
	s := stemBounds(w)
	n := copy(dst[start:], dst[start+s.Start:start+s.End])
	return dst[:start+n]
}

// isStop reports whether the folded word is a stop word, alone or after a
// conjunction (وفي، فهذا).
func isStop(w string) bool {
	if stopWords[w] {
		return true
	}
	if len(w) > 2 && (w[:2] == "و" || w[:2] == "ف") {
		return stopWords[w[2:]]
	}
	return false
}
