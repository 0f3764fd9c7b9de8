package ner

import (
	"strings"
	"testing"
	"time"

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
	cpu0 := cpuTime()
	for b.Loop() {
		arabic.Tokenize(text)
	}
	report(b, n, cpu0)
}

// BenchmarkTag measures the tagger alone on tokens already made.
func BenchmarkTag(b *testing.B) {
	tg := loadT(b)
	toks := benchTokens(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		tg.Tag(toks)
	}
	report(b, len(toks), cpu0)
}

// BenchmarkTokenizeAndTag is the whole path from text to mentions.
func BenchmarkTokenizeAndTag(b *testing.B) {
	tg := loadT(b)
	text := strings.Repeat(benchText+"\n", 20)
	n := len(arabic.Tokenize(text))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		tg.Tag(arabic.Tokenize(text))
	}
	report(b, n, cpu0)
}

// report reports tokens per second of wall-clock time and per CPU-second.
func report(b *testing.B, tokens int, cpu0 time.Duration) {
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(tokens*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
