package memstore

import (
	"context"
	"fmt"
	"sort"
	"time"

	"akhbar/server"
)

// Entity gathers what the stored articles say about one entity: its
// spellings, mentions per day, quotes and co-occurring entities.
func (s *Store) Entity(ctx context.Context, id string) (*server.EntityInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	info := &server.EntityInfo{ID: id, Aliases: []server.Facet{}, Timeline: []server.Count{},
		Quotes: []server.EntityQuote{}, CoOccurring: []server.Facet{}, Articles: []server.Hit{}}
	aliases, days, co := map[string]int{}, map[string]int{}, map[string]int{}
	labels := map[string]string{}
	found := false
	for i, d := range s.docs {
		if !d.entities[id] {
			continue
		}
		found = true
		for _, e := range d.a.Entities {
			if e.ID != id {
				co[e.ID]++
				labels[e.ID] = e.Name
				continue
			}
			info.Type, info.Name = e.Type, e.Name
			if e.NameEn != "" {
				info.NameEn = e.NameEn
			}
			for _, m := range e.Mentions {
				aliases[m.Text]++
				if d.day != "" {
					days[d.day]++
				}
			}
		}
		for _, q := range d.a.Quotes {
			if q.Speaker == id {
				info.Quotes = append(info.Quotes, server.EntityQuote{Article: d.a.ID, Headline: d.a.Headline,
					Published: d.a.Published, Text: q.Text, Cue: q.Cue, Direct: q.Direct})
			}
		}
		info.Articles = append(info.Articles, s.hit(i, 0, nil, map[string]bool{id: true}))
	}
	if !found {
		return nil, fmt.Errorf("entity %s: %w", id, server.ErrNotFound)
	}
	info.Aliases = sortedFacets(aliases, nil, 0)
	info.CoOccurring = sortedFacets(co, labels, 20)
	for d, c := range days {
		info.Timeline = append(info.Timeline, server.Count{Period: d, Count: c})
	}
	sort.Slice(info.Timeline, func(i, j int) bool { return info.Timeline[i].Period < info.Timeline[j].Period })
	sort.SliceStable(info.Articles, func(i, j int) bool { return info.Articles[i].Published > info.Articles[j].Published })
	sort.SliceStable(info.Quotes, func(i, j int) bool { return info.Quotes[i].Published > info.Quotes[j].Published })
	return info, nil
}

// Trend counts the articles matching query per week (weeks start on
// Monday), oldest first.
func (s *Store) Trend(ctx context.Context, query string) ([]server.Count, error) {
	res, err := s.Search(ctx, server.Query{Text: query, Limit: 1})
	if err != nil {
		return nil, fmt.Errorf("trend of %q: %w", query, err)
	}
	weeks := map[string]int{}
	for _, c := range res.Histogram {
		t, err := time.Parse("2006-01-02", c.Period)
		if err != nil {
			continue
		}
		off := (int(t.Weekday()) + 6) % 7
		weeks[t.AddDate(0, 0, -off).Format("2006-01-02")] += c.Count
	}
	out := []server.Count{}
	for w, c := range weeks {
		out = append(out, server.Count{Period: w, Count: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out, nil
}
