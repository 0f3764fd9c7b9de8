package arabic_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"akhbar/arabic"
)

// benchText composes about 1 MB from the articles we wrote in examples/.
func benchText(b *testing.B) string {
	b.Helper()
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no example articles: %v", err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func bleveArabic(b *testing.B) analysis.Analyzer {
	b.Helper()
	an, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatalf("bleve ar analyzer: %v", err)
	}
	return an
}

// The benchmarks below run side by side in one `go test -bench` run:
// Normalize, Tokenize and the Analyzer of akhbar, then bleve's ar analyzer
// on the same text. Compare MB/s and allocs/op (per 1 MB of text).

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = arabic.Normalize(text)
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = arabic.Tokenize(text)
	}
}

func BenchmarkAnalyzer(b *testing.B) {
	text := benchText(b)
	an := arabic.Analyzer{}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	terms := 0
	for b.Loop() {
		an.Each(text, func(t arabic.Term) bool {
			terms++
			return true
		})
	}
	b.ReportMetric(float64(terms)/float64(b.N), "terms/op")
}

func BenchmarkBleveArabic(b *testing.B) {
	text := []byte(benchText(b))
	an := bleveArabic(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	terms := 0
	for b.Loop() {
		terms += len(an.Analyze(text))
	}
	b.ReportMetric(float64(terms)/float64(b.N), "terms/op")
}
