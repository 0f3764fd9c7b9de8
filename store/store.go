// Package store keeps analyzed articles and answers questions about them:
// full-text search that agrees with akhbar's Arabic analyzer and finds every
// spelling of a name through entity ids, entity timelines, quotes by
// speaker, co-occurring entities and phrase trends.
//
// Store is the interface every backend implements; store/sqlite is the
// embedded default. The package storetest holds the conformance suite a
// backend must pass.
package store

import (
	"context"
	"errors"

	"akhbar/analysis"
)

// Store keeps analyses and searches them. Implementations are safe for
// concurrent use; Put calls are serialized by the backend.
type Store interface {
	// Put stores docs in one transaction: either all of them are stored (or
	// recognised as already stored) or none is. An article already stored
	// (same URL, else same site and normalized text) is left alone, or
	// replaced in place when opts.Reanalyze is set.
	Put(ctx context.Context, docs []*analysis.Analysis, opts PutOptions) (PutResult, error)
	// Known reports, for each key, whether an article with that key is
	// stored, so callers can skip analysing it again.
	Known(ctx context.Context, keys []Key) ([]bool, error)
	// Get returns the stored Analysis of the article with the given id.
	// The error wraps ErrNotFound when there is none.
	Get(ctx context.Context, id string) (*analysis.Analysis, error)
	// Each calls fn for every stored article in storage order until fn
	// returns an error, which Each returns.
	Each(ctx context.Context, fn func(*analysis.Analysis) error) error
	// Search runs a query; see Query for the syntax and filters.
	Search(ctx context.Context, q Query) (*Results, error)
	// Entities returns the entities whose id is ref or whose name or a
	// mention of which is ref (folded), most mentioned first.
	Entities(ctx context.Context, ref string) ([]EntityInfo, error)
	// Timeline counts the mentions of the entity ref per day.
	Timeline(ctx context.Context, ref string) ([]Count, error)
	// Quotes returns up to limit quotes whose speaker is the entity ref,
	// newest first.
	Quotes(ctx context.Context, ref string, limit int) ([]QuoteHit, error)
	// Cooccurring returns up to limit entities that appear in the same
	// articles as ref, with the number of shared articles.
	Cooccurring(ctx context.Context, ref string, limit int) ([]EntityCount, error)
	// Trend counts the articles matching query (any search syntax) per
	// period.
	Trend(ctx context.Context, query string, p Period) ([]Count, error)
	// Stats describes the store.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store.
	Close() error
}

// Errors callers may test for with errors.Is.
var (
	// ErrNotFound means no stored article or entity matches.
	ErrNotFound = errors.New("not found")
	// ErrEmptyQuery means a query has no searchable word and no filter.
	ErrEmptyQuery = errors.New("query has no searchable words")
	// ErrQueryTooLong means a query exceeds MaxQueryRunes or MaxQueryTerms.
	ErrQueryTooLong = errors.New("query too long")
	// ErrBadQuery means a query or one of its filters cannot be parsed.
	ErrBadQuery = errors.New("bad query")
)

// PutOptions change how Put treats articles already stored.
type PutOptions struct {
	// Reanalyze replaces the stored analysis of an article already stored
	// instead of keeping it; the article keeps its id.
	Reanalyze bool
}

// Outcome is what Put did with one article.
type Outcome uint8

// Outcomes of Put.
const (
	Stored    Outcome = iota + 1 // a new article
	Updated                      // an article already stored, analysis replaced (Reanalyze)
	Duplicate                    // an article already stored, left alone
)

// PutResult tells what Put did with each article, in input order.
type PutResult struct {
	Outcomes []Outcome
	IDs      []string // the stored id of each article
}

// Count returns how many articles had outcome o.
func (r PutResult) Count(o Outcome) int {
	n := 0
	for _, x := range r.Outcomes {
		if x == o {
			n++
		}
	}
	return n
}

// EntityInfo describes a stored entity.
type EntityInfo struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en,omitempty"`
	Names    []string `json:"names"`    // every spelling seen, folded
	Articles int      `json:"articles"` // articles that mention it
}

// EntityCount is an entity with a count.
type EntityCount struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Count is a number for a period or a facet value.
type Count struct {
	Key   string `json:"key"` // a day (2022-01-06), a week's Monday, a month (2022-01) or a facet value
	Count int    `json:"count"`
}

// QuoteHit is a stored quote with the article it came from.
type QuoteHit struct {
	analysis.Quote
	Article   string `json:"article"`
	Headline  string `json:"headline"`
	Published string `json:"published"`
}

// Period is the bucket of a trend.
type Period string

// Periods of Trend.
const (
	Day   Period = "day"
	Week  Period = "week"
	Month Period = "month"
)

// Stats describes a store.
type Stats struct {
	Articles int   `json:"articles"`
	Entities int   `json:"entities"`
	Quotes   int   `json:"quotes"`
	Bytes    int64 `json:"bytes"` // on-disk size, when known
}
