package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"akhbar/analysis"
	"akhbar/ingest"
	"akhbar/store/sqlite"
)

func ExampleRun() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "akhbar-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	// Two lines of JSON lines in the news corpus's shape; the second repeats
	// the first article under the same URL.
	line := `{"id":"a1","source":"example","title":"افتتاح معرض الكتاب","date":"2022-03-01","url":"https://example.com/1","text":"افتتح وزير الثقافة معرض الكتاب اليوم بمشاركة 300 دار نشر."}`
	corpus := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(corpus, []byte(line+"\n"+line+"\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "news.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sources, err := ingest.Sources([]string{corpus}, strings.NewReader(""))
	if err != nil {
		fmt.Println(err)
		return
	}
	sum, err := ingest.Run(ctx, st, az, sources, ingest.Options{Workers: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d, stored %d, duplicates %d, failed %d\n", sum.Read, sum.Stored, sum.Duplicates, sum.Failed)
	// Output: read 2, stored 1, duplicates 1, failed 0
}
