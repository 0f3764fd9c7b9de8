package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"akhbar/demo"
	"akhbar/server"
	"akhbar/store/sqlite"
)

func TestEntityFacetsTellApartEntitiesOfOneName(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "facets.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := server.FromStore(db, nil)
	if n, err := demo.Load(ctx, analyzer(t), st); err != nil || n < 30 {
		t.Fatalf("loading the demo: %d articles, %v", n, err)
	}
	// The demo names عمان the capital of Jordan and عمان the sultanate.
	res, err := st.Search(ctx, server.Query{Text: "عمان", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, f := range res.Facets["entity"] {
		if strings.HasPrefix(f.Label, "عمان") {
			labels[f.Value] = f.Label
		}
	}
	if len(labels) < 2 {
		t.Fatalf("entity facets %+v: want the city and the country, both called عمان", res.Facets["entity"])
	}
	seen := map[string]bool{}
	for id, l := range labels {
		if seen[l] {
			t.Errorf("two entities share the label %q (%v)", l, labels)
		}
		seen[l] = true
		if l == "عمان" {
			t.Errorf("%s is labelled %q alone, though another entity has that name", id, l)
		}
	}
}
