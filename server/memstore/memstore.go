// Package memstore is an in-memory server.Store: an inverted index over
// analyzed terms, entity lookups and wire-copy grouping, all held in RAM.
// It serves tests, demos and small collections; the store package is the
// persistent one.
package memstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"akhbar/analysis"
	"akhbar/arabic"
	"akhbar/server"
)

// Store is an in-memory server.Store. It is safe for concurrent use.
type Store struct {
	an arabic.Analyzer

	mu      sync.RWMutex
	docs    []*doc
	byID    map[string]int
	byKey   map[string]int      // URL or content hash -> doc index
	posting map[string][]int    // term -> doc indexes, ascending
	aliases map[string][]string // folded entity spelling -> entity ids
	stories []*story
}

type doc struct {
	a        *analysis.Analysis
	terms    map[string][]int // term -> positions
	spans    []termSpan       // every term with its code-point offsets
	shingles map[uint64]bool
	day      string
	entities map[string]bool
	story    *story
}

type termSpan struct {
	term       string
	start, end int
}

type story struct {
	id    string
	kind  string
	docs  []int
	first int // index of the earliest copy
}

// New returns an empty Store.
func New() *Store {
	return &Store{
		byID:    map[string]int{},
		byKey:   map[string]int{},
		posting: map[string][]int{},
		aliases: map[string][]string{},
	}
}

var _ server.Store = (*Store)(nil)

// Len returns the number of stored articles.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.docs)
}

// Count returns the number of stored articles (server.Counter).
func (s *Store) Count(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("counting articles: %w", err)
	}
	return s.Len(), nil
}

// Put stores a (by reference: the caller must not change it afterwards).
// An article with the URL, else the text, of one already stored is not
// stored again.
func (s *Store) Put(ctx context.Context, a *analysis.Analysis) (string, bool, error) {
	if err := ctx.Err(); err != nil {
		return "", false, fmt.Errorf("storing article: %w", err)
	}
	if strings.TrimSpace(a.Text) == "" {
		return "", false, fmt.Errorf("storing article %q: empty text", a.ID)
	}
	key := "text:" + hashString(arabic.Fold(a.Text))
	if a.URL != "" {
		key = "url:" + a.URL
	}
	d := &doc{a: a, terms: map[string][]int{}, entities: map[string]bool{}, day: day(a.Published)}
	s.an.Each(a.Text, func(t arabic.Term) bool {
		term := string(t.Term)
		d.terms[term] = append(d.terms[term], t.Position)
		d.spans = append(d.spans, termSpan{term, t.Start, t.End})
		return true
	})
	d.shingles = shingles(d.spans)
	for _, e := range a.Entities {
		d.entities[e.ID] = true
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if i, ok := s.byKey[key]; ok {
		return s.docs[i].a.ID, false, nil
	}
	if a.ID == "" {
		a.ID = hashString(key)[:16]
	}
	if i, ok := s.byID[a.ID]; ok {
		return s.docs[i].a.ID, false, nil
	}
	i := len(s.docs)
	s.docs = append(s.docs, d)
	s.byID[a.ID] = i
	s.byKey[key] = i
	for t := range d.terms {
		s.posting[t] = append(s.posting[t], i)
	}
	for _, e := range a.Entities {
		names := []string{e.Name}
		for _, m := range e.Mentions {
			if !m.Role {
				names = append(names, m.Text)
			}
		}
		for _, n := range names {
			k := arabic.Fold(n)
			if k != "" && !contains(s.aliases[k], e.ID) {
				s.aliases[k] = append(s.aliases[k], e.ID)
			}
		}
	}
	s.group(i)
	return a.ID, true, nil
}

// Get returns the stored analysis with the given id.
func (s *Store) Get(ctx context.Context, id string) (*analysis.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("getting article %s: %w", id, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.byID[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, server.ErrNotFound)
	}
	return s.docs[i].a, nil
}

func hashString(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// day returns the YYYY-MM-DD part of an RFC 3339 timestamp, or "".
func day(published string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return ""
}

func sortedFacets(counts map[string]int, labels map[string]string, limit int) []server.Facet {
	out := make([]server.Facet, 0, len(counts))
	for v, n := range counts {
		out = append(out, server.Facet{Value: v, Label: labels[v], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func parseDay(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }
