package memstore_test

import (
	"context"
	"fmt"

	"akhbar/analysis"
	"akhbar/server"
	"akhbar/server/memstore"
)

func ExampleStore_Search() {
	s := memstore.New()
	ctx := context.Background()
	_, _, _ = s.Put(ctx, &analysis.Analysis{ID: "a1", Text: "ارتفاع أسعار الذهب في الأسواق المحلية", Sentences: [][2]int{{0, 37}}})
	_, _, _ = s.Put(ctx, &analysis.Analysis{ID: "a2", Text: "افتتاح معرض الكتاب في الزرقاء", Sentences: [][2]int{{0, 29}}})
	res, _ := s.Search(ctx, server.Query{Text: "الذهب"})
	for _, h := range res.Hits {
		fmt.Print(h.ID, ":")
		for _, f := range h.Snippet {
			if f.Mark {
				fmt.Print(" [", f.Text, "]")
			}
		}
		fmt.Println()
	}
	// Output: a1: [الذهب]
}
