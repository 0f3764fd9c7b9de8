package store

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"akhbar/arabic"
)

// Limits on a query's size. Longer queries are refused with ErrQueryTooLong
// rather than truncated, so a result never silently answers another query.
const (
	MaxQueryRunes = 1000
	MaxQueryTerms = 64
	MaxLimit      = 1000
)

// Query is a search. Text uses this syntax:
//
//	word word        both words (AND is implied; AND may be written)
//	"two words"      the phrase
//	a OR b           either
//	NOT a, -a        without
//	كازاخ*           any word starting so
//	( ... )          grouping
//
// Words match through the same analyzer the index uses (normalization,
// clitics, stems, stop words). A word or phrase that names a known entity
// also matches the articles that name that entity in any other spelling or
// by role. Empty Text with a filter lists the filtered articles.
type Query struct {
	Text       string `json:"q"`
	Source     string `json:"source,omitempty"`      // credited source id or name, or the corpus source
	Site       string `json:"site,omitempty"`        // publishing site
	Lang       string `json:"lang,omitempty"`        // language code
	From       string `json:"from,omitempty"`        // first day, YYYY-MM-DD (or YYYY-MM, YYYY)
	To         string `json:"to,omitempty"`          // last day, inclusive, same forms
	Entity     string `json:"entity,omitempty"`      // entity id or a name of it
	EntityType string `json:"entity_type,omitempty"` // PER, ORG, LOC or MISC: articles naming such an entity
	Sort       Sort   `json:"sort,omitempty"`
	Limit      int    `json:"limit,omitempty"` // results a page; 20 when 0
	Page       int    `json:"page,omitempty"`  // 1-based page, when After is empty
	After      string `json:"after,omitempty"` // Results.Next of the previous page (keyset paging)
	Facets     bool   `json:"facets,omitempty"`
}

// Sort orders results.
type Sort string

// Sort orders.
const (
	Relevance Sort = "relevance" // BM25, the default when there is text
	Newest    Sort = "newest"    // the default without text
	Oldest    Sort = "oldest"
)

// Results is one page of a search.
type Results struct {
	Total    int                `json:"total"`
	Hits     []Hit              `json:"hits"`
	Next     string             `json:"next,omitempty"`     // cursor for the next page; empty at the end
	Expanded []string           `json:"expanded,omitempty"` // entity ids the query was widened with
	Facets   map[string][]Count `json:"facets,omitempty"`   // source, site, lang, entity_type, entity, month
}

// Hit is one matching article.
type Hit struct {
	ID         string  `json:"id"`
	Headline   string  `json:"headline"`
	Published  string  `json:"published,omitempty"`
	Source     string  `json:"source,omitempty"`
	SourceName string  `json:"source_name,omitempty"`
	Site       string  `json:"site,omitempty"`
	URL        string  `json:"url,omitempty"`
	Score      float64 `json:"score"` // higher is better; 0 when not sorted by relevance
	Snippet    Snippet `json:"snippet"`
}

// Normalize checks q and fills defaults. It returns an error wrapping
// ErrBadQuery or ErrQueryTooLong that names the offending input.
func (q *Query) Normalize() error {
	if n := utf8.RuneCountInString(q.Text); n > MaxQueryRunes {
		return fmt.Errorf("%w: %d characters (limit %d)", ErrQueryTooLong, n, MaxQueryRunes)
	}
	if !utf8.ValidString(q.Text) {
		return fmt.Errorf("%w: query is not valid UTF-8", ErrBadQuery)
	}
	if q.Limit == 0 {
		q.Limit = 20
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		return fmt.Errorf("%w: limit %d (want 1..%d)", ErrBadQuery, q.Limit, MaxLimit)
	}
	if q.Page < 0 {
		return fmt.Errorf("%w: page %d", ErrBadQuery, q.Page)
	}
	if q.Page == 0 {
		q.Page = 1
	}
	var err error
	if q.From, err = day(q.From, false); err != nil {
		return fmt.Errorf("%w: from: %v", ErrBadQuery, err)
	}
	if q.To, err = day(q.To, true); err != nil {
		return fmt.Errorf("%w: to: %v", ErrBadQuery, err)
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return fmt.Errorf("%w: from %s is after to %s", ErrBadQuery, q.From, q.To)
	}
	switch q.Sort {
	case "":
	case Relevance, Newest, Oldest:
	default:
		return fmt.Errorf("%w: sort %q (want relevance, newest or oldest)", ErrBadQuery, q.Sort)
	}
	q.EntityType = strings.ToUpper(q.EntityType)
	return nil
}

// day turns YYYY, YYYY-MM or YYYY-MM-DD into a day; for the end of a range
// a year or month means its last day.
func day(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t.Format("2006-01-02"), nil
	}
	return "", fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// Expr is a parsed query: a Term, a Phrase, an And, an Or or a Not.
type Expr interface{ expr() }

// Term is one word, optionally a prefix. Text is the word as typed.
type Term struct {
	Text   string
	Prefix bool
}

// Phrase is words that must appear in order. Text is as typed.
type Phrase struct{ Text string }

// And matches what all of its parts match.
type And []Expr

// Or matches what any of its parts match.
type Or []Expr

// Not excludes what its part matches; it appears only inside an And that
// has a positive part.
type Not struct{ X Expr }

func (Term) expr()   {}
func (Phrase) expr() {}
func (And) expr()    {}
func (Or) expr()     {}
func (Not) expr()    {}

// Parse parses query text. It returns nil and no error when the text has no
// searchable word (empty, punctuation or stop words only); words the
// analyzer drops are removed.
func Parse(text string) (Expr, error) {
	if n := utf8.RuneCountInString(text); n > MaxQueryRunes {
		return nil, fmt.Errorf("%w: %d characters (limit %d)", ErrQueryTooLong, n, MaxQueryRunes)
	}
	p := &parser{toks: lex(text)}
	if len(p.toks) > MaxQueryTerms*2 {
		return nil, fmt.Errorf("%w: %d words (limit %d)", ErrQueryTooLong, len(p.toks), MaxQueryTerms)
	}
	e := p.or()
	for p.i < len(p.toks) { // stray ')' and what follows
		p.i++
		if rest := p.or(); rest != nil {
			e = joinAnd(e, rest)
		}
	}
	e = simplify(e)
	if e == nil {
		return nil, nil
	}
	if !positive(e) {
		return nil, fmt.Errorf("%w: NOT needs a word to search for beside it", ErrBadQuery)
	}
	if n := countTerms(e); n > MaxQueryTerms {
		return nil, fmt.Errorf("%w: %d words (limit %d)", ErrQueryTooLong, n, MaxQueryTerms)
	}
	return e, nil
}

type tokKind uint8

const (
	tWord tokKind = iota
	tPhrase
	tAnd
	tOr
	tNot
	tOpen
	tClose
)

type qtok struct {
	kind tokKind
	text string
}

func lex(s string) []qtok {
	var out []qtok
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '(':
			out = append(out, qtok{kind: tOpen})
			i += n
		case r == ')':
			out = append(out, qtok{kind: tClose})
			i += n
		case r == '"' || r == '«' || r == '“':
			i += n
			j := strings.IndexAny(s[i:], "\"»”")
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, qtok{kind: tPhrase, text: s[i : i+j]})
			i += j
			if i < len(s) {
				_, n2 := utf8.DecodeRuneInString(s[i:])
				i += n2
			}
		case r == '-' && (i == 0 || s[i-1] == ' ' || s[i-1] == '(') && i+n < len(s) && !unicode.IsSpace(rune(s[i+n])):
			out = append(out, qtok{kind: tNot})
			i += n
		default:
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) || r2 == '(' || r2 == ')' || r2 == '"' || r2 == '«' || r2 == '“' {
					break
				}
				j += n2
			}
			w := s[i:j]
			i = j
			switch w {
			case "AND":
				out = append(out, qtok{kind: tAnd})
			case "OR":
				out = append(out, qtok{kind: tOr})
			case "NOT":
				out = append(out, qtok{kind: tNot})
			default:
				out = append(out, qtok{kind: tWord, text: w})
			}
		}
	}
	return out
}

type parser struct {
	toks []qtok
	i    int
}

func (p *parser) peek() (qtok, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return qtok{}, false
}

func (p *parser) or() Expr {
	var parts Or
	if e := p.and(); e != nil {
		parts = append(parts, e)
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.i++
		if e := p.and(); e != nil {
			parts = append(parts, e)
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	if len(parts) == 0 {
		return nil
	}
	return parts
}

func (p *parser) and() Expr {
	var parts And
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tClose {
			break
		}
		if t.kind == tAnd {
			p.i++
			continue
		}
		if e := p.unary(); e != nil {
			parts = append(parts, e)
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	if len(parts) == 0 {
		return nil
	}
	return parts
}

func (p *parser) unary() Expr {
	t, _ := p.peek()
	p.i++
	switch t.kind {
	case tNot:
		if _, ok := p.peek(); !ok {
			return nil
		}
		if x := p.unary(); x != nil {
			return Not{x}
		}
		return nil
	case tOpen:
		e := p.or()
		if t, ok := p.peek(); ok && t.kind == tClose {
			p.i++
		}
		return e
	case tPhrase:
		return Phrase{Text: t.text}
	case tWord:
		w := t.text
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if prefix {
			return Term{Text: w, Prefix: true}
		}
		return Term{Text: w}
	}
	return nil // a stray ')' or operator
}

var queryAnalyzer = arabic.Analyzer{}

// simplify drops words the analyzer ignores and collapses what is left.
func simplify(e Expr) Expr {
	switch x := e.(type) {
	case nil:
		return nil
	case Term:
		if x.Prefix {
			if PrefixTerm(x.Text) == "" {
				return nil
			}
			return x
		}
		ts := queryAnalyzer.Terms(x.Text)
		switch {
		case len(ts) == 0:
			return nil
		case len(ts) > 1: // U.S.-made, 2022/01: one typed word, several terms
			return Phrase{Text: x.Text}
		}
		return x
	case Phrase:
		if len(queryAnalyzer.Terms(x.Text)) == 0 {
			return nil
		}
		return x
	case Not:
		if y := simplify(x.X); y != nil {
			return Not{y}
		}
		return nil
	case And:
		var out And
		for _, p := range x {
			if y := simplify(p); y != nil {
				out = append(out, y)
			}
		}
		switch len(out) {
		case 0:
			return nil
		case 1:
			return out[0]
		}
		return out
	case Or:
		var out Or
		for _, p := range x {
			if y := simplify(p); y != nil {
				if _, neg := y.(Not); neg {
					continue // "a OR NOT b" has no meaning in FTS; drop the negative branch
				}
				out = append(out, y)
			}
		}
		switch len(out) {
		case 0:
			return nil
		case 1:
			return out[0]
		}
		return out
	}
	return e
}

// positive reports whether e matches something on its own (is not only
// negations).
func positive(e Expr) bool {
	switch x := e.(type) {
	case Not:
		return false
	case And:
		for _, p := range x {
			if positive(p) {
				return true
			}
		}
		return false
	case Or:
		for _, p := range x {
			if !positive(p) {
				return false
			}
		}
		return true
	}
	return true
}

func countTerms(e Expr) int {
	switch x := e.(type) {
	case Term:
		return 1
	case Phrase:
		return len(queryAnalyzer.Terms(x.Text))
	case Not:
		return countTerms(x.X)
	case And:
		n := 0
		for _, p := range x {
			n += countTerms(p)
		}
		return n
	case Or:
		n := 0
		for _, p := range x {
			n += countTerms(p)
		}
		return n
	}
	return 0
}

func joinAnd(a, b Expr) Expr {
	if a == nil {
		return b
	}
	return And{a, b}
}

// PositiveTexts returns the words and phrases of e that are not negated, as
// typed: what a snippet marks and what may name an entity.
func PositiveTexts(e Expr) []Expr {
	var out []Expr
	var walk func(Expr)
	walk = func(e Expr) {
		switch x := e.(type) {
		case Term, Phrase:
			out = append(out, x)
		case And:
			for _, p := range x {
				walk(p)
			}
		case Or:
			for _, p := range x {
				walk(p)
			}
		}
	}
	walk(e)
	return out
}

// PrefixTerm returns the indexed form a prefix query word is matched
// against: folded, without the article and conjunctions in front (الكازاخ*
// and كازاخ* both find كازاخستان), never stemmed, since a prefix is not a
// word.
func PrefixTerm(word string) string {
	var t string
	arabic.Scan(word, func(tok arabic.Token) bool {
		if tok.Kind != arabic.Punct {
			t = tok.Text
			return false
		}
		return true
	})
	if t == "" {
		return ""
	}
	f := arabic.Fold(t)
	if f == "" {
		return "" // only diacritics: nothing to match
	}
	if r, _ := utf8.DecodeRuneInString(f); !arabic.IsArabicLetter(r) {
		return strings.ToLower(f)
	}
	for _, p := range []string{"وال", "فال", "بال", "كال", "لل", "ال"} {
		if strings.HasPrefix(f, p) && utf8.RuneCountInString(f)-utf8.RuneCountInString(p) >= 2 {
			return f[len(p):]
		}
	}
	return f
}
