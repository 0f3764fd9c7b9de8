package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// Sentence is one tagged sentence of a CoNLL-style corpus.
type Sentence struct {
	Tokens []string
	Tags   []string // IOB2: O, B-PER, I-PER... (PERS is read as PER, MIS* as MISC)
}

// ReadCoNLL reads a corpus of "token TAG" lines (the tag last, separated by
// white space), sentences separated by blank lines. Tags are IOB2 (or IOB1)
// over PER/PERS, ORG, LOC/GPE, MISC/MIS*. name names the input in errors.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			flush()
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("%s:%d: not UTF-8", name, line)
		}
		i := strings.LastIndexAny(text, " \t")
		if i < 0 {
			return nil, fmt.Errorf("%s:%d: want \"token TAG\", got %q", name, line, text)
		}
		tok, tag := strings.TrimSpace(text[:i]), text[i+1:]
		if f := strings.Fields(tok); len(f) > 0 {
			tok = f[0]
		}
		t, ok := parseTag(tag)
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown tag %q", name, line, tag)
		}
		if isInside(t) {
			// IOB1: an I- that starts a chunk becomes B-.
			if n := len(cur.Tags); n == 0 || cur.Tags[n-1] == "O" || cur.Tags[n-1][2:] != tagName(t)[2:] {
				t--
			}
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tagName(t))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	flush()
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no sentences", name)
	}
	return out, nil
}

// tokensOf turns corpus tokens into arabic.Tokens as arabic.Tokenize would
// give them, with offsets as if the words were separated by one space.
func tokensOf(words []string) []arabic.Token {
	out := make([]arabic.Token, len(words))
	pos := 0
	for i, w := range words {
		n := utf8.RuneCountInString(w)
		out[i] = arabic.Token{Text: w, Norm: arabic.Normalize(w), Start: pos, End: pos + n, Kind: kindOf(w)}
		pos += n + 1
	}
	return out
}

// kindOf returns the kind arabic.Tokenize gives a word that it reads as
// one token, or the kind of its first token otherwise.
func kindOf(w string) arabic.Kind {
	k := arabic.Punct
	arabic.Scan(w, func(t arabic.Token) bool {
		k = t.Kind
		return false
	})
	return k
}
