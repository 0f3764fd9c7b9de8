package timex_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/article"
	"akhbar/number"
	"akhbar/timex"
)

// composed reads the articles in testdata/articles (written for the
// project).
func composed(b *testing.B) []string {
	paths, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no composed articles: %v", err)
	}
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// news reads up to n articles of the shared news corpus, when it is there.
func news(b *testing.B, n int) []string {
	f, err := os.Open("../../shared/data/news/arabic_news.jsonl.gz")
	if err != nil {
		b.Skip("../shared/data/news not available:", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() && len(out) < n {
		var a struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
			out = append(out, a.Text)
		}
	}
	return out
}

var benchRef = time.Date(2022, 1, 15, 13, 2, 0, 0, time.UTC)

func size(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// cpuTime returns the CPU time this process has used. On a busy machine
// wall-clock ns/op measures the neighbours too; cpu-ns/op does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times and reports CPU time per op beside ns/op.
func loop(b *testing.B, f func()) {
	n := 0
	start := cpuTime()
	for b.Loop() {
		f()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}

// benchReading is the reading stage alone: tokens and sentences.
func benchReading(b *testing.B, texts []string) {
	b.SetBytes(size(texts))
	b.ReportAllocs()
	loop(b, func() {
		for _, t := range texts {
			_ = arabic.Tokenize(t)
			_ = arabic.Sentences(t)
		}
	})
}

// benchArticle is the article reader (layout, dateline, credited source)
// followed by tokens and sentences: all that runs before the temporal and
// number passes in the pipeline.
func benchArticle(b *testing.B, texts []string) {
	b.SetBytes(size(texts))
	b.ReportAllocs()
	loop(b, func() {
		for _, t := range texts {
			a, err := article.ReadText("bench", []byte(t))
			if err != nil {
				continue
			}
			_ = arabic.Tokenize(a.Text)
			_ = arabic.Sentences(a.Text)
		}
	})
}

// benchTemporalNumbers is the temporal and number passes over tokens the
// reading stage already made, as analysis runs them.
func benchTemporalNumbers(b *testing.B, texts []string) {
	toks := make([][]arabic.Token, len(texts))
	for i, t := range texts {
		toks[i] = arabic.Tokenize(t)
	}
	b.SetBytes(size(texts))
	b.ReportAllocs()
	loop(b, func() {
		for i, t := range texts {
			txs, _ := timex.Find(t, toks[i], benchRef)
			_, _ = number.Find(t, toks[i], timex.Spans(txs))
		}
	})
}

func BenchmarkComposed(b *testing.B) {
	texts := composed(b)
	b.Run("reading", func(b *testing.B) { benchReading(b, texts) })
	b.Run("article", func(b *testing.B) { benchArticle(b, texts) })
	b.Run("timex+number", func(b *testing.B) { benchTemporalNumbers(b, texts) })
	b.Run("timex", func(b *testing.B) { benchOne(b, texts, true) })
	b.Run("number", func(b *testing.B) { benchOne(b, texts, false) })
}

// benchOne is one of the two passes alone.
func benchOne(b *testing.B, texts []string, temporal bool) {
	toks := make([][]arabic.Token, len(texts))
	for i, t := range texts {
		toks[i] = arabic.Tokenize(t)
	}
	b.SetBytes(size(texts))
	b.ReportAllocs()
	loop(b, func() {
		for i, t := range texts {
			if temporal {
				_, _ = timex.Find(t, toks[i], benchRef)
			} else {
				_, _ = number.Find(t, toks[i], nil)
			}
		}
	})
}

func BenchmarkNews(b *testing.B) {
	texts := news(b, 300)
	b.Run("reading", func(b *testing.B) { benchReading(b, texts) })
	b.Run("article", func(b *testing.B) { benchArticle(b, texts) })
	b.Run("timex+number", func(b *testing.B) { benchTemporalNumbers(b, texts) })
}
