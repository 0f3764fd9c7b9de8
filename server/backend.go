package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"akhbar/analysis"
	"akhbar/store"
)

// FromStore adapts a store.Store (the SQLite store, or any backend of the
// store package) to what the server reads. Stories come from stories when
// it is set; without it the stories list is empty.
func FromStore(st store.Store, stories func(ctx context.Context, limit int) ([]Story, error)) Store {
	return &backend{st: st, stories: stories}
}

type backend struct {
	st      store.Store
	stories func(ctx context.Context, limit int) ([]Story, error)
}

// notFound makes a store's not-found error also match ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return err
}

func (b *backend) Put(ctx context.Context, a *analysis.Analysis) (string, bool, error) {
	res, err := b.st.Put(ctx, []*analysis.Analysis{a}, store.PutOptions{})
	if err != nil {
		return "", false, err
	}
	if len(res.IDs) != 1 || len(res.Outcomes) != 1 {
		return "", false, fmt.Errorf("storing article: the store answered for %d articles, not 1", len(res.IDs))
	}
	return res.IDs[0], res.Outcomes[0] == store.Stored, nil
}

func (b *backend) Get(ctx context.Context, id string) (*analysis.Analysis, error) {
	a, err := b.st.Get(ctx, id)
	return a, notFound(err)
}

func (b *backend) Search(ctx context.Context, q Query) (*Results, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	sq := store.Query{Text: q.Text, Source: q.Source, Site: q.Site, Lang: q.Lang, From: q.From, To: q.To,
		Entity: q.Entity, EntityType: q.Type, Limit: limit, Page: q.Offset/limit + 1, Facets: q.Facets}
	if strings.TrimSpace(sq.Text) == "" && sq.Source == "" && sq.Site == "" && sq.Lang == "" && sq.From == "" && sq.To == "" && sq.Entity == "" && sq.EntityType == "" {
		// No words and no filter: list everything, newest first, through
		// a date filter that every dated article passes.
		sq.From = "1000-01-01"
	}
	switch {
	case q.Sort == "date":
		sq.Sort = store.Newest
	case strings.TrimSpace(q.Text) != "":
		sq.Sort = store.Relevance
	default:
		sq.Sort = store.Newest
	}
	res, err := b.st.Search(ctx, sq)
	if errors.Is(err, store.ErrEmptyQuery) {
		return &Results{Hits: []Hit{}, Facets: map[string][]Facet{}, Histogram: []Count{}}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &Results{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits)), Facets: map[string][]Facet{}, Histogram: []Count{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hitFromStore(h))
	}
	b.linkStories(ctx, out.Hits)
	sourceNames := map[string]string{}
	for _, h := range res.Hits {
		if h.Source != "" && h.SourceName != "" {
			sourceNames[h.Source] = h.SourceName
		}
	}
	for name, key := range map[string]string{"source": "source", "site": "site", "type": "entity_type", "entity": "entity"} {
		fs := []Facet{}
		for _, c := range res.Facets[key] {
			f := Facet{Value: c.Key, Count: c.Count}
			if name == "source" {
				f.Label = sourceNames[c.Key]
			}
			if id, label, ok := strings.Cut(c.Key, "\t"); ok {
				f.Value, f.Label = id, label
			}
			fs = append(fs, f)
		}
		out.Facets[name] = fs
	}
	b.disambiguate(ctx, out.Facets["entity"])
	if q.Histogram && strings.TrimSpace(q.Text) != "" && res.Total > 0 {
		days, err := b.st.Trend(ctx, q.Text, store.Day)
		if err == nil {
			for _, d := range days {
				if (q.From == "" || d.Key >= q.From) && (q.To == "" || d.Key <= q.To) {
					out.Histogram = append(out.Histogram, Count{Period: d.Key, Count: d.Count})
				}
			}
		}
	}
	return out, nil
}

// disambiguate tells apart entities that share a name (عمان the country
// and عمان the city) by adding their English names to their labels.
func (b *backend) disambiguate(ctx context.Context, fs []Facet) {
	seen := map[string]int{}
	for _, f := range fs {
		seen[f.Label]++
	}
	for i, f := range fs {
		if f.Label == "" || seen[f.Label] < 2 {
			continue
		}
		ents, err := b.st.Entities(ctx, f.Value)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if e.ID == f.Value && e.NameEn != "" {
				fs[i].Label = f.Label + " (" + e.NameEn + ")"
				break
			}
		}
	}
}

func hitFromStore(h store.Hit) Hit {
	out := Hit{ID: h.ID, Headline: h.Headline, Published: h.Published, Site: h.Site, Source: h.SourceName, Score: h.Score}
	if out.Source == "" {
		out.Source = h.Source
	}
	out.Snippet = fragments(h.Snippet.Text, h.Snippet.Marks)
	return out
}

// fragments cuts text at the marks (code-point spans).
func fragments(text string, marks [][2]int) []Fragment {
	r := []rune(text)
	out := []Fragment{}
	at := 0
	for _, m := range marks {
		if m[0] < at || m[1] > len(r) || m[0] >= m[1] {
			continue
		}
		if m[0] > at {
			out = append(out, Fragment{Text: string(r[at:m[0]])})
		}
		out = append(out, Fragment{Text: string(r[m[0]:m[1]]), Mark: true})
		at = m[1]
	}
	if at < len(r) {
		out = append(out, Fragment{Text: string(r[at:])})
	}
	return out
}

func (b *backend) Entity(ctx context.Context, id string) (*EntityInfo, error) {
	ents, err := b.st.Entities(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	var e *store.EntityInfo
	for i := range ents {
		if ents[i].ID == id {
			e = &ents[i]
			break
		}
	}
	if e == nil {
		return nil, fmt.Errorf("entity %s: %w", id, ErrNotFound)
	}
	info := &EntityInfo{ID: e.ID, Type: e.Type, Name: e.Name, NameEn: e.NameEn, Aliases: []Facet{}, Timeline: []Count{},
		Quotes: []EntityQuote{}, CoOccurring: []Facet{}, Articles: []Hit{}}
	for _, n := range e.Names {
		info.Aliases = append(info.Aliases, Facet{Value: n})
	}
	days, err := b.st.Timeline(ctx, id)
	if err != nil {
		return nil, notFound(err)
	}
	for _, d := range days {
		info.Timeline = append(info.Timeline, Count{Period: d.Key, Count: d.Count})
	}
	quotes, err := b.st.Quotes(ctx, id, 50)
	if err != nil {
		return nil, notFound(err)
	}
	for _, q := range quotes {
		info.Quotes = append(info.Quotes, EntityQuote{Article: q.Article, Headline: q.Headline, Published: q.Published,
			Text: q.Text, Cue: q.Cue, Direct: q.Direct})
	}
	co, err := b.st.Cooccurring(ctx, id, 20)
	if err != nil {
		return nil, notFound(err)
	}
	for _, c := range co {
		info.CoOccurring = append(info.CoOccurring, Facet{Value: c.ID, Label: c.Name, Count: c.Count})
	}
	res, err := b.st.Search(ctx, store.Query{Entity: id, Sort: store.Newest, Limit: 20})
	if err != nil {
		return nil, notFound(err)
	}
	for _, h := range res.Hits {
		info.Articles = append(info.Articles, hitFromStore(h))
	}
	return info, nil
}

func (b *backend) Stories(ctx context.Context, limit int) ([]Story, error) {
	if b.stories == nil {
		return []Story{}, nil
	}
	return b.stories(ctx, limit)
}

func (b *backend) Trend(ctx context.Context, query string) ([]Count, error) {
	weeks, err := b.st.Trend(ctx, query, store.Week)
	if err != nil {
		return nil, err
	}
	out := make([]Count, 0, len(weeks))
	for _, w := range weeks {
		out = append(out, Count{Period: w.Key, Count: w.Count})
	}
	return out, nil
}

// linkStories sets each hit's story, when the stories function knows it.
func (b *backend) linkStories(ctx context.Context, hits []Hit) {
	if b.stories == nil || len(hits) == 0 {
		return
	}
	stories, err := b.stories(ctx, 0)
	if err != nil {
		return // a hit without its story link is still a hit
	}
	of := map[string]string{}
	for _, st := range stories {
		for _, a := range st.Articles {
			of[a.ID] = st.ID
		}
	}
	for i := range hits {
		hits[i].Story = of[hits[i].ID]
	}
}

// Count returns the number of stored articles.
func (b *backend) Count(ctx context.Context) (int, error) {
	st, err := b.st.Stats(ctx)
	return st.Articles, err
}
