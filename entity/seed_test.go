package entity

import (
	"os"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/ner"
)

// TestSeedArticle checks the expectations on the seed article kept
// beside the project (skipped when ../shared is not there). The article is
// read at run time, never copied.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../../shared/seed/000_5bdffc39f75f55d1.txt")
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	tagger, err := ner.Load()
	if err != nil {
		t.Skipf("NER model not loadable: %v", err)
	}
	k := loadKB(t)
	text := string(data)
	toks := arabic.Tokenize(text)
	got := Resolve(text, toks, tagger.Tag(toks), time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC), k)
	check(t, got, []want{
		{"per:lukashenko", "PER", []string{"لوكاشينكو", "ألكسندر لوكاشينكو", "لوكاتشينكو", "role:الرئيس البيلاروسي", "role:الرئيس البيلاروسي"}},
		{"per:tokayev", "PER", []string{"قاسم جومارت توكاييف", "role:الرئيس الكازاخي"}},
		{"per:putin", "PER", []string{"فلاديمير بوتين"}},
		{"org:csto", "ORG", []string{"منظمة معاهدة الأمن الجماعي"}},
		{"org:sputnik", "ORG", []string{"سبوتنيك"}},
		{"KZ", "LOC", []string{"كازاخستان"}},
		{"", "LOC", []string{"ألماتي"}},
		{"", "LOC", []string{"نور سلطان"}},
	}, []string{"الثورة الملونة", "حفظ السلام", "الثورات الملونة", "البيلاروسي", "أقصر"})
}
