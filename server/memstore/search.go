package memstore

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"akhbar/arabic"
	"akhbar/server"
	"akhbar/store"
)

// item is one clause of a query: a word, a prefix or a phrase.
type item struct {
	raw    string
	terms  []string
	pos    []int // query positions of terms, for phrases
	phrase bool
	prefix bool
	not    bool
	orNext bool // joined to the next item by OR
}

// parse splits a query into items: "quoted phrases", word*, -word or
// NOT word, and OR between items; other words are ANDed.
func (s *Store) parse(q string) []item {
	var items []item
	neg := false
	rest := strings.TrimSpace(q)
	for rest != "" {
		var raw string
		phrase := false
		if strings.HasPrefix(rest, "\"") {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				raw, rest = rest[1:], ""
			} else {
				raw, rest = rest[1:1+end], rest[2+end:]
			}
			phrase = true
		} else {
			f := strings.IndexAny(rest, " \t\n\"")
			if f < 0 {
				raw, rest = rest, ""
			} else {
				raw, rest = rest[:f], rest[f:]
			}
		}
		rest = strings.TrimLeft(rest, " \t\n")
		switch {
		case !phrase && raw == "OR":
			if len(items) > 0 {
				items[len(items)-1].orNext = true
			}
			continue
		case !phrase && raw == "NOT":
			neg = true
			continue
		case !phrase && strings.HasPrefix(raw, "-") && len(raw) > 1:
			neg, raw = true, raw[1:]
		}
		it := item{raw: raw, phrase: phrase, not: neg}
		neg = false
		if !phrase && strings.HasSuffix(raw, "*") {
			p := prefixTerm(strings.TrimRight(raw, "*"))
			if p == "" {
				continue
			}
			it.prefix, it.terms = true, []string{p}
			items = append(items, it)
			continue
		}
		s.an.Each(raw, func(t arabic.Term) bool {
			it.terms = append(it.terms, string(t.Term))
			it.pos = append(it.pos, t.Position)
			return true
		})
		if len(it.terms) > 0 || len(s.aliases[arabic.Fold(raw)]) > 0 {
			items = append(items, it)
		}
	}
	return items
}

// match reports whether d matches it, adding the terms and entities that
// matched to hits, and returns the item's score in d.
func (s *Store) match(d *doc, it item, n int, hits map[string]bool, ents map[string]bool) (bool, float64) {
	score := 0.0
	ok := false
	switch {
	case it.prefix:
		for t, ps := range d.terms {
			if strings.HasPrefix(t, it.terms[0]) {
				ok = true
				hits[t] = true
				score += float64(len(ps)) * s.idf(t, n)
			}
		}
	case it.phrase && len(it.terms) > 1:
		first := d.terms[it.terms[0]]
		for _, p := range first {
			all := true
			for k := 1; k < len(it.terms); k++ {
				if !hasInt(d.terms[it.terms[k]], p+it.pos[k]-it.pos[0]) {
					all = false
					break
				}
			}
			if all {
				ok = true
				score += 2
			}
		}
		if ok {
			for _, t := range it.terms {
				hits[t] = true
				score += s.idf(t, n)
			}
		}
	case len(it.terms) > 0:
		ok = true
		for _, t := range it.terms {
			if len(d.terms[t]) == 0 {
				ok = false
				break
			}
		}
		if ok {
			for _, t := range it.terms {
				hits[t] = true
				score += float64(len(d.terms[t])) * s.idf(t, n)
			}
		}
	}
	// Every spelling: a clause naming an entity matches the articles that
	// name it in any spelling.
	for _, id := range s.aliases[arabic.Fold(it.raw)] {
		if d.entities[id] {
			ents[id] = true
			if !ok {
				ok = true
				score += 1
			}
		}
	}
	return ok, score
}

func (s *Store) idf(t string, n int) float64 {
	return math.Log(1 + float64(n)/float64(1+len(s.posting[t])))
}

func hasInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Search runs q over the stored articles.
func (s *Store) Search(ctx context.Context, q server.Query) (*server.Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	items := s.parse(q.Text)
	// A query with words that all vanished (stop words, punctuation) finds
	// nothing rather than everything.
	if strings.TrimSpace(q.Text) != "" && len(items) == 0 {
		return &server.Results{Hits: []server.Hit{}, Facets: map[string][]server.Facet{}, Histogram: []server.Count{}}, nil
	}
	type scored struct {
		i     int
		score float64
		hits  map[string]bool
		ents  map[string]bool
	}
	var matches []scored
	n := len(s.docs)
	for i, d := range s.docs {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("searching %q: %w", q.Text, ctx.Err())
		}
		if !s.filter(d, q) {
			continue
		}
		hits, ents := map[string]bool{}, map[string]bool{}
		score, ok := s.eval(d, items, n, hits, ents)
		if !ok {
			continue
		}
		matches = append(matches, scored{i, score, hits, ents})
	}
	byDate := q.Sort == "date" || len(items) == 0
	sort.SliceStable(matches, func(a, b int) bool {
		da, db := s.docs[matches[a].i].a.Published, s.docs[matches[b].i].a.Published
		if !byDate && matches[a].score != matches[b].score {
			return matches[a].score > matches[b].score
		}
		return da > db
	})
	res := &server.Results{Total: len(matches), Hits: []server.Hit{}, Facets: map[string][]server.Facet{}, Histogram: []server.Count{}}
	sources, sites, entities, types, days := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	labels := map[string]string{}
	for _, m := range matches {
		d := s.docs[m.i]
		if src := d.a.Source; src != nil && src.ID != "" {
			sources[src.ID]++
			labels[src.ID] = src.Name
		}
		if d.a.Site != "" {
			sites[d.a.Site]++
		}
		seenType := map[string]bool{}
		for _, e := range d.a.Entities {
			entities[e.ID]++
			labels[e.ID] = e.Name
			if !seenType[e.Type] {
				seenType[e.Type] = true
				types[e.Type]++
			}
		}
		if d.day != "" {
			days[d.day]++
		}
	}
	res.Facets["source"] = sortedFacets(sources, labels, 10)
	res.Facets["site"] = sortedFacets(sites, nil, 10)
	res.Facets["entity"] = sortedFacets(entities, labels, 12)
	res.Facets["type"] = sortedFacets(types, nil, 0)
	for d, c := range days {
		res.Histogram = append(res.Histogram, server.Count{Period: d, Count: c})
	}
	sort.Slice(res.Histogram, func(i, j int) bool { return res.Histogram[i].Period < res.Histogram[j].Period })
	if q.Offset < len(matches) {
		page := matches[max(q.Offset, 0):]
		if len(page) > limit {
			page = page[:limit]
		}
		for _, m := range page {
			res.Hits = append(res.Hits, s.hit(m.i, m.score, m.hits, m.ents))
		}
	}
	return res, nil
}

// eval combines the items: runs joined by OR are alternatives, the rest are
// all required, NOT items must not match.
func (s *Store) eval(d *doc, items []item, n int, hits, ents map[string]bool) (float64, bool) {
	total := 0.0
	for i := 0; i < len(items); {
		j := i
		for j < len(items)-1 && items[j].orNext {
			j++
		}
		anyOK := false
		for k := i; k <= j; k++ {
			it := items[k]
			if it.not {
				if ok, _ := s.match(d, it, n, map[string]bool{}, map[string]bool{}); ok {
					return 0, false
				}
				anyOK = true
				continue
			}
			if ok, sc := s.match(d, it, n, hits, ents); ok {
				anyOK = true
				total += sc
			}
		}
		if !anyOK {
			return 0, false
		}
		i = j + 1
	}
	return total, true
}

func (s *Store) filter(d *doc, q server.Query) bool {
	if q.Source != "" && (d.a.Source == nil || (d.a.Source.ID != q.Source && d.a.Source.Name != q.Source)) {
		return false
	}
	if q.Site != "" && d.a.Site != q.Site {
		return false
	}
	if q.Entity != "" && !d.entities[q.Entity] {
		return false
	}
	if q.Lang != "" && d.a.Lang != "" && d.a.Lang != q.Lang {
		return false
	}
	if q.From != "" && (d.day == "" || d.day < q.From) {
		return false
	}
	if q.To != "" && (d.day == "" || d.day > q.To) {
		return false
	}
	if q.Type != "" {
		found := false
		for _, e := range d.a.Entities {
			if e.Type == q.Type {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *Store) hit(i int, score float64, hits, ents map[string]bool) server.Hit {
	d := s.docs[i]
	h := server.Hit{
		ID:        d.a.ID,
		Headline:  d.a.Headline,
		Published: d.a.Published,
		Site:      d.a.Site,
		Score:     math.Round(score*1000) / 1000,
	}
	if d.a.Source != nil {
		h.Source = d.a.Source.Name
	}
	if h.Headline == "" {
		h.Headline = firstLine(d.a.Text)
	}
	if d.story != nil {
		h.Story = d.story.id
	}
	var marks [][2]int
	for _, sp := range d.spans {
		if hits[sp.term] {
			marks = append(marks, [2]int{sp.start, sp.end})
		}
	}
	for _, e := range d.a.Entities {
		if ents[e.ID] {
			for _, m := range e.Mentions {
				marks = append(marks, [2]int{m.Start, m.End})
			}
		}
	}
	h.Snippet = Snippet(d.a.Text, d.a.Sentences, marks, 220)
	return h
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	r := []rune(line)
	if len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return line
}

// Snippet cuts from text the sentence with the most marks (code-point
// spans), at most width code points around its first mark, into fragments
// with the marked words flagged.
func Snippet(text string, sentences [][2]int, marks [][2]int, width int) []server.Fragment {
	runes := []rune(text)
	sort.Slice(marks, func(i, j int) bool { return marks[i][0] < marks[j][0] })
	if len(sentences) == 0 {
		sentences = [][2]int{{0, len(runes)}}
	}
	best, bestN := sentences[0], -1
	for _, s := range sentences {
		n := 0
		for _, m := range marks {
			if m[0] >= s[0] && m[1] <= s[1] {
				n++
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	lo, hi := max(best[0], 0), min(best[1], len(runes))
	if hi-lo > width {
		first := lo
		for _, m := range marks {
			if m[0] >= lo && m[1] <= hi {
				first = m[0]
				break
			}
		}
		lo = max(lo, first-width/3)
		hi = min(hi, lo+width)
	}
	var out []server.Fragment
	at := lo
	for _, m := range marks {
		if m[0] < at || m[1] > hi {
			continue
		}
		if m[0] > at {
			out = append(out, server.Fragment{Text: string(runes[at:m[0]])})
		}
		out = append(out, server.Fragment{Text: string(runes[m[0]:m[1]]), Mark: true})
		at = m[1]
	}
	if at < hi {
		out = append(out, server.Fragment{Text: string(runes[at:hi])})
	}
	if lo > best[0] && len(out) > 0 {
		out[0].Text = "…" + out[0].Text
	}
	if hi < best[1] && len(out) > 0 {
		out[len(out)-1].Text += "…"
	}
	return out
}

// prefixTerm is store.PrefixTerm (the form the index matches prefixes
// against), falling back to the folded word should it fail on odd input.
func prefixTerm(word string) (term string) {
	defer func() {
		if recover() != nil {
			term = arabic.Fold(word)
		}
	}()
	return store.PrefixTerm(word)
}
