package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"akhbar/analysis"
	"akhbar/store"
	"akhbar/store/sqlite"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "akhbar-example-")
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "akhbar.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	// Two articles name one person in two spellings; the entity layer gave
	// both mentions one id.
	doc := func(id, text, spelling string) *analysis.Analysis {
		return &analysis.Analysis{ID: id, Text: text, Headline: text, Published: "2022-01-06",
			Entities: []analysis.Entity{{ID: "per:lukashenko", Type: "PER", Name: "لوكاشينكو",
				Mentions: []analysis.Mention{{Text: spelling}}}}}
	}
	_, err = db.Put(ctx, []*analysis.Analysis{
		doc("a", "لوكاشينكو يلتقي وفدا روسيا", "لوكاشينكو"),
		doc("b", "لوكاتشينكو يفتتح معرضا في مينسك", "لوكاتشينكو"),
	}, store.PutOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := db.Search(ctx, store.Query{Text: "لوكاشينكو", Sort: store.Oldest})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Headline)
	}
	// Output:
	// a لوكاشينكو يلتقي وفدا روسيا
	// b لوكاتشينكو يفتتح معرضا في مينسك
}
