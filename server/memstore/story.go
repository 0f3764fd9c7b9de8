package memstore

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"sync"
	"time"

	"akhbar/analysis"
	"akhbar/server"
	"akhbar/store"
)

// Wire copies share most of their word shingles; related reports share
// named entities.
const (
	shingleSize   = 4
	wireThreshold = 0.5 // Jaccard similarity of shingle sets
	clusterShared = 2   // shared entities that make two articles one story
	clusterDays   = 3   // and at most this many days apart
)

func shingles(spans []termSpan) map[uint64]bool {
	out := map[uint64]bool{}
	for i := 0; i+shingleSize <= len(spans); i++ {
		h := fnv.New64a()
		for _, sp := range spans[i : i+shingleSize] {
			h.Write([]byte(sp.term))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = true
	}
	return out
}

func jaccard(a, b map[uint64]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// group puts the new document i into a story with the first earlier
// document it copies (a wire story) or, failing that, shares entities with
// (a cluster). Called with s.mu held for writing.
func (s *Store) group(i int) {
	d := s.docs[i]
	var kin *story
	kind := ""
	for j := 0; j < i && kin == nil; j++ {
		if jaccard(d.shingles, s.docs[j].shingles) >= wireThreshold {
			kin, kind = s.storyOf(j, "wire"), "wire"
		}
	}
	for j := 0; j < i && kin == nil; j++ {
		o := s.docs[j]
		if !near(d.day, o.day) {
			continue
		}
		shared := 0
		for id := range d.entities {
			if o.entities[id] {
				shared++
			}
		}
		if shared >= clusterShared {
			kin, kind = s.storyOf(j, "cluster"), "cluster"
		}
	}
	if kin == nil {
		return
	}
	if kind == "cluster" && kin.kind == "wire" {
		kin.kind = "cluster"
	}
	kin.docs = append(kin.docs, i)
	d.story = kin
	if earlier(d, s.docs[kin.first]) {
		kin.first = i
	}
}

func (s *Store) storyOf(j int, kind string) *story {
	if st := s.docs[j].story; st != nil {
		return st
	}
	st := &story{id: fmt.Sprintf("s%d", len(s.stories)+1), kind: kind, docs: []int{j}, first: j}
	s.stories = append(s.stories, st)
	s.docs[j].story = st
	return st
}

func earlier(a, b *doc) bool {
	if a.a.Published == "" {
		return false
	}
	return b.a.Published == "" || a.a.Published < b.a.Published
}

func near(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ta, err1 := parseDay(a)
	tb, err2 := parseDay(b)
	if err1 != nil || err2 != nil {
		return false
	}
	d := ta.Sub(tb).Hours() / 24
	return d <= clusterDays && d >= -clusterDays
}

// Stories returns the stories, the most recently started first.
func (s *Store) Stories(ctx context.Context, limit int) ([]server.Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []server.Story{}
	for _, st := range s.stories {
		first := s.docs[st.first].a
		story := server.Story{ID: st.id, Kind: st.kind, Label: first.Headline, First: first.Published}
		for _, i := range st.docs {
			a := s.docs[i].a
			story.Articles = append(story.Articles, server.StoryArticle{ID: a.ID, Headline: a.Headline,
				Site: a.Site, Published: a.Published, Original: i == st.first})
		}
		sort.SliceStable(story.Articles, func(i, j int) bool { return story.Articles[i].Published < story.Articles[j].Published })
		out = append(out, story)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].First > out[j].First })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// GroupStories returns a stories function for server.FromStore that reads
// every article of st into a fresh in-memory Store and groups them; the
// grouping is kept until the number of stored articles changes. Stores of
// more than maxArticles articles get no stories: grouping them needs an
// index kept by the store.
func GroupStories(st store.Store, maxArticles int) func(ctx context.Context, limit int) ([]server.Story, error) {
	var mu sync.Mutex
	cached, count := []server.Story(nil), -1
	var tooBig time.Time // when the store was last found too big
	return func(ctx context.Context, limit int) ([]server.Story, error) {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(tooBig) < 30*time.Second {
			return []server.Story{}, nil
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			return nil, fmt.Errorf("grouping stories: %w", err)
		}
		if stats.Articles > maxArticles {
			tooBig = time.Now()
			return []server.Story{}, nil
		}
		if count != stats.Articles {
			m := New()
			err = st.Each(ctx, func(a *analysis.Analysis) error {
				_, _, err := m.Put(ctx, a)
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("grouping stories: %w", err)
			}
			if cached, err = m.Stories(ctx, 0); err != nil {
				return nil, err
			}
			count = stats.Articles
		}
		out := cached
		if limit > 0 && len(out) > limit {
			out = out[:limit]
		}
		return append([]server.Story(nil), out...), nil
	}
}
