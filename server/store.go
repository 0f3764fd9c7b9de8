package server

import (
	"context"
	"errors"

	"akhbar/analysis"
)

// ErrNotFound is returned by a Store when an article or entity does not
// exist. Handlers turn it into a 404.
var ErrNotFound = errors.New("not found")

// Store is what the server reads and writes: stored analyses and the
// queries over them. The store package provides the real one; memstore
// provides an in-memory one for tests and small demos.
type Store interface {
	// Put stores an analysis and returns its id; created is false when the
	// same article was already stored.
	Put(ctx context.Context, a *analysis.Analysis) (id string, created bool, err error)
	// Get returns the stored analysis with the given id, or ErrNotFound.
	Get(ctx context.Context, id string) (*analysis.Analysis, error)
	// Search runs a query and returns a page of hits with facets.
	Search(ctx context.Context, q Query) (*Results, error)
	// Entity returns what the store knows about one entity, or ErrNotFound.
	Entity(ctx context.Context, id string) (*EntityInfo, error)
	// Stories returns groups of wire copies and clusters, newest first.
	Stories(ctx context.Context, limit int) ([]Story, error)
	// Trend counts the articles matching a query per week.
	Trend(ctx context.Context, query string) ([]Count, error)
}

// Counter is a Store that can count its articles cheaply; /healthz and
// /metrics use it when the Store has it, and a one-hit search otherwise.
type Counter interface {
	Count(ctx context.Context) (int, error)
}

// Query is a search with its filters, sort and page.
type Query struct {
	Text   string `json:"q"`
	Source string `json:"source,omitempty"` // credited source id
	Site   string `json:"site,omitempty"`
	Entity string `json:"entity,omitempty"` // entity id
	Type   string `json:"type,omitempty"`   // entity type: PER, ORG, LOC, MISC
	Lang   string `json:"lang,omitempty"`
	From   string `json:"from,omitempty"` // first day, YYYY-MM-DD
	To     string `json:"to,omitempty"`   // last day, YYYY-MM-DD, inclusive
	Sort   string `json:"sort,omitempty"` // "relevance" (default) or "date"
	Limit  int    `json:"limit,omitempty"`
	Offset int    `json:"offset,omitempty"`
	// Histogram asks for matches per day in Results.Histogram; a store may
	// leave it empty otherwise, since it costs a second query.
	Histogram bool `json:"histogram,omitempty"`
	// Facets asks for Results.Facets; a store may leave them empty
	// otherwise, since counting them costs more than the page of hits.
	Facets bool `json:"facets,omitempty"`
}

// Results is one page of search hits, with counts over every match.
type Results struct {
	Total     int                `json:"total"`
	Hits      []Hit              `json:"hits"`
	Facets    map[string][]Facet `json:"facets"`    // "source", "site", "entity", "type"
	Histogram []Count            `json:"histogram"` // matches per day
}

// Hit is one matching article.
type Hit struct {
	ID        string     `json:"id"`
	Headline  string     `json:"headline"`
	Published string     `json:"published,omitempty"`
	Site      string     `json:"site,omitempty"`
	Source    string     `json:"source,omitempty"`
	Score     float64    `json:"score"`
	Snippet   []Fragment `json:"snippet"`
	Story     string     `json:"story,omitempty"` // id of the story it belongs to
}

// Fragment is a piece of a snippet; Mark is set on the words that matched.
type Fragment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Facet is one value of a facet with the number of matches having it.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// Count is a number of things in a period: a day (YYYY-MM-DD) or a week
// (the week's Monday).
type Count struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// EntityInfo is an entity seen across the stored articles.
type EntityInfo struct {
	ID          string        `json:"id"`
	Type        string        `json:"type"`
	Name        string        `json:"name"`
	NameEn      string        `json:"name_en,omitempty"`
	Aliases     []Facet       `json:"aliases"`  // every spelling seen, with counts
	Timeline    []Count       `json:"timeline"` // mentions per day
	Quotes      []EntityQuote `json:"quotes"`
	CoOccurring []Facet       `json:"co_occurring"` // entity ids with labels and counts
	Articles    []Hit         `json:"articles"`
}

// EntityQuote is a quote spoken by an entity, with where it appeared.
type EntityQuote struct {
	Article   string `json:"article"`
	Headline  string `json:"headline"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
	Cue       string `json:"cue,omitempty"`
	Direct    bool   `json:"direct"`
}

// Story is a group of articles about one event: wire copies of one text
// ("wire") or a cluster of related reports ("cluster").
type Story struct {
	ID       string         `json:"id"`
	Kind     string         `json:"kind"`
	Label    string         `json:"label"`
	First    string         `json:"first,omitempty"` // earliest publication
	Articles []StoryArticle `json:"articles"`
}

// StoryArticle is one article of a story; the earliest copy is Original.
type StoryArticle struct {
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	Original  bool   `json:"original,omitempty"`
}
