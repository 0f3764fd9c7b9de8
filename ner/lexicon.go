package ner

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"akhbar/arabic"
)

// Lexicon bits: what kind of name a word sequence is in a gazetteer.
const (
	lexPER  uint8 = 1 << iota // a person's name
	lexORG                    // an organization's name
	lexLOC                    // a place's name
	lexNAT                    // a nationality (nisba) adjective: البيلاروسي
	lexPart                   // a token of a person's name (given name or surname)
)

// maxLexLen bounds the tokens of a lexicon name.
const maxLexLen = 8

// Lexicon is the gazetteer the tagger consults for features: names of
// people, organizations and places, nationality adjectives, and tokens of
// person names. Entries are folded (arabic.Fold) words joined by one space.
// A nil *Lexicon has no entries.
type Lexicon struct {
	names map[string]uint8
	hash  map[uint64]uint8 // names by hashName, for matching without allocating
	max   int              // most tokens in one name
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{names: map[string]uint8{}, hash: map[uint64]uint8{}}
}

// Len returns the number of entries.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.names)
}

// add adds a name of the given kind; it reports whether the name had any
// word in it.
func (l *Lexicon) add(name string, bits uint8) bool {
	var words []string
	arabic.Scan(name, func(t arabic.Token) bool {
		if t.Kind != arabic.Punct {
			words = append(words, arabic.Fold(t.Text))
		}
		return true
	})
	if len(words) == 0 || len(words) > maxLexLen {
		return false
	}
	key := strings.Join(words, " ")
	l.set(key, l.names[key]|bits)
	if bits == lexNAT && len(words) == 1 && !strings.HasPrefix(key, "ال") {
		// A nationality adjective also comes with the article: كازاخي, الكازاخي.
		l.set("ال"+key, l.names["ال"+key]|bits)
	}
	return true
}

func (l *Lexicon) set(key string, bits uint8) {
	l.names[key] = bits
	var h uint64 = fnvOffset
	for i, w := range strings.Split(key, " ") {
		if i > 0 {
			h = sep(h)
		}
		h = hashStr(h, w)
	}
	l.hash[h] = bits
	l.max = max(l.max, strings.Count(key, " ")+1)
}

// lexKinds maps the "kind" argument of AddTSV to lexicon bits.
var lexKinds = map[string]uint8{PER: lexPER, ORG: lexORG, LOC: lexLOC, "NAT": lexNAT}

// AddTSV adds the names in the columns of a tab-separated file with a
// header line: kind is PER, ORG, LOC or NAT (nationality adjectives), and
// columns name the columns to read; a column's values may be several names
// separated by |. name names the input in errors. It returns the number of
// names added.
func (l *Lexicon) AddTSV(r io.Reader, name, kind string, columns ...string) (int, error) {
	bits, ok := lexKinds[kind]
	if !ok {
		return 0, fmt.Errorf("%s: unknown lexicon kind %q (want PER, ORG, LOC or NAT)", name, kind)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return 0, fmt.Errorf("reading %s: %w", name, err)
		}
		return 0, fmt.Errorf("%s: empty, want a header line", name)
	}
	header := strings.Split(sc.Text(), "\t")
	var cols []int
	for _, c := range columns {
		found := false
		for i, h := range header {
			if h == c {
				cols = append(cols, i)
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("%s: no column %q in the header", name, c)
		}
	}
	n := 0
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		for _, c := range cols {
			if c >= len(f) {
				continue
			}
			for _, v := range strings.Split(f[c], "|") {
				if v = strings.TrimSpace(v); v != "" && l.add(v, bits) {
					n++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("reading %s: %w", name, err)
	}
	return n, nil
}

// AddNameTokens adds person-name tokens from lines of
// "latin<TAB>letters separated by spaces<TAB>count" (the Wikidata
// transliteration pairs); tokens seen fewer than minCount times are skipped.
// It returns the number of tokens added.
func (l *Lexicon) AddNameTokens(r io.Reader, name string, minCount int) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n, line := 0, 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return n, fmt.Errorf("%s:%d: want 3 tab-separated fields, got %d", name, line, len(f))
		}
		c, err := strconv.Atoi(strings.TrimSpace(f[2]))
		if err != nil {
			return n, fmt.Errorf("%s:%d: count %q: %w", name, line, f[2], err)
		}
		if c < minCount {
			continue
		}
		w := arabic.Fold(strings.ReplaceAll(f[1], " ", ""))
		if w == "" || strings.ContainsAny(w, " \t") || arabic.IsStopWord(w) {
			continue
		}
		l.set(w, l.names[w]|lexPart)
		n++
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("reading %s: %w", name, err)
	}
	return n, nil
}

// annotate marks the views that lexicon names cover, longest match first,
// left to right. A name may start on a word with proclitics (لكازاخستان).
func (l *Lexicon) annotate(views []view) {
	if l == nil || len(l.hash) == 0 {
		return
	}
	for i := range views {
		if b := l.hash[hashStr(fnvOffset, views[i].w)] & lexPart; b != 0 {
			views[i].gazPart = true
		} else if views[i].bare != views[i].w && l.hash[hashStr(fnvOffset, views[i].bare)]&lexPart != 0 {
			views[i].gazPart = true
		}
	}
	for i := 0; i < len(views); {
		bestLen, bestBits := 0, uint8(0)
		for _, first := range [2]string{views[i].w, views[i].bare} {
			h := hashStr(fnvOffset, first)
			for n := 1; n <= l.max && i+n <= len(views); n++ {
				if n > 1 {
					h = hashStr(sep(h), views[i+n-1].w)
				}
				if b := l.hash[h] &^ lexPart; b != 0 && n > bestLen {
					bestLen, bestBits = n, b
				}
			}
			if views[i].bare == views[i].w {
				break
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		views[i].gazB = bestBits
		for k := i + 1; k < i+bestLen; k++ {
			views[k].gazI = bestBits
		}
		i += bestLen
	}
}
