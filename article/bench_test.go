package article

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"akhbar/arabic"
)

// benchCorpus returns up to the first 3000 lines of the shared news corpus,
// or skips when it is not there.
func benchCorpus(b *testing.B) []byte {
	b.Helper()
	path := os.Getenv("AKHBAR_BENCH_JSONL")
	if path == "" {
		b.Skip("set AKHBAR_BENCH_JSONL to a JSON lines file (e.g. the first lines of ../shared/data/news/arabic_news.jsonl.gz, unpacked)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("reading %s: %v", path, err)
	}
	return data
}

// BenchmarkJSONDecode is the floor: decoding the same lines into a bare
// struct with encoding/json.
func BenchmarkJSONDecode(b *testing.B) {
	data := benchCorpus(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, line := range bytes.Split(data, []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var v jsonArticle
			if err := json.Unmarshal(line, &v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadJSONLines reads the lines into Articles (layout, source).
func BenchmarkReadJSONLines(b *testing.B) {
	data := benchCorpus(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		err := ReadJSONLines(context.Background(), bytes.NewReader(data), "bench", func(a *Article, err error) error {
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadAndSplit adds paragraph and sentence splitting.
func BenchmarkReadAndSplit(b *testing.B) {
	data := benchCorpus(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		err := ReadJSONLines(context.Background(), bytes.NewReader(data), "bench", func(a *Article, err error) error {
			arabic.Paragraphs(a.Text)
			arabic.Sentences(a.Text)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
