package ner

import (
	"strings"
	"testing"

	"akhbar/arabic"
)

// benchText is a news-style paragraph composed for the benchmarks.
const benchText = `أعلن رئيس الوزراء الأردني في عمان، اليوم الأحد، أن حكومته ستعمل مع منظمة الأمم المتحدة لدعم اللاجئين.
وقال وزير الخارجية سامر الخطيب خلال مؤتمر صحفي مع نظيره الفرنسي في باريس إن المحادثات كانت مثمرة.
وبحسب وكالة الأنباء الرسمية، فقد التقى الوفد بممثلين عن البنك الدولي وصندوق النقد الدولي في واشنطن.
وأضاف أن شركة الكهرباء الوطنية ستفتتح محطة جديدة قرب مدينة الزرقاء خلال العام المقبل.`

func benchTokens(b *testing.B) []arabic.Token {
	b.Helper()
	return arabic.Tokenize(strings.Repeat(benchText+"\n", 20))
}

// BenchmarkTokenize is the stage before the tagger, for comparison.
func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat(benchText+"\n", 20)
	n := len(arabic.Tokenize(text))
	b.ResetTimer()
	for b.Loop() {
		arabic.Tokenize(text)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTag measures the tagger alone on tokens already made.
func BenchmarkTag(b *testing.B) {
	tg := loadT(b)
	toks := benchTokens(b)
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(toks)
	}
	b.ReportMetric(float64(len(toks)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeAndTag is the whole path from text to mentions.
func BenchmarkTokenizeAndTag(b *testing.B) {
	tg := loadT(b)
	text := strings.Repeat(benchText+"\n", 20)
	n := len(arabic.Tokenize(text))
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(arabic.Tokenize(text))
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
