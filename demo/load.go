package demo

import (
	"context"
	"fmt"

	"akhbar/analysis"
)

// Putter stores analyses; server.Store is one.
type Putter interface {
	Put(ctx context.Context, a *analysis.Analysis) (id string, created bool, err error)
}

// Load analyzes the demo articles with az into store and returns how many
// were new to it.
func Load(ctx context.Context, az *analysis.Analyzer, store Putter) (int, error) {
	arts, err := Articles()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, a := range arts {
		res, err := az.Analyze(ctx, a)
		if err != nil {
			return n, fmt.Errorf("analyzing demo article %s: %w", a.ID, err)
		}
		_, created, err := store.Put(ctx, res)
		if err != nil {
			return n, fmt.Errorf("storing demo article %s: %w", a.ID, err)
		}
		if created {
			n++
		}
	}
	return n, nil
}
