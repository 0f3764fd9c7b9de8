package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"akhbar/article"
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
	az := analyzer(t)
	// عمان is the sultanate in one article and Jordan's capital in the other.
	for i, text := range []string{
		"سلطنة عمان توسع ميناء الدقم\n\nأعلنت سلطنة عمان توسيع ميناء الدقم على بحر العرب لاستقبال سفن الحاويات الكبيرة.",
		"مؤتمر للمياه في عمان\n\nأعلنت الحكومة الأردنية أن مؤتمر المياه سيعقد في عمان الشهر المقبل بمشاركة وفود عربية.",
	} {
		a, err := article.ReadText("facet"+string(rune('a'+i))+".txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		res, err := az.Analyze(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.Put(ctx, res); err != nil {
			t.Fatal(err)
		}
	}
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
