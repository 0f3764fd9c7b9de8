package entity

import (
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/kb"
	"akhbar/ner"
)

func FuzzResolve(f *testing.F) {
	f.Add("قال الرئيس البيلاروسي ألكسندر لوكاشينكو إن لوكاتشينكو", 4, 12, 3, 5)
	f.Add("رئيس كازاخستان قاسم جومارت توكاييف", 0, 99, -1, 2)
	f.Add("المصدر: سبوتنيك MBC مصر", 8, 15, 2, 3)
	f.Add("", 0, 0, 0, 0)
	k, err := kb.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, start, end, ts, te int) {
		toks := arabic.Tokenize(text)
		ms := []ner.Mention{{Start: start, End: end, TokStart: ts, TokEnd: te, Type: ner.PER}}
		runes := []rune(text)
		for _, e := range Resolve(text, toks, ms, time.Time{}, k) {
			if e.ID == "" || len(e.Mentions) == 0 {
				t.Fatalf("entity %+v has no id or no mentions", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
					t.Fatalf("mention %+v does not match the text", m)
				}
			}
		}
	})
}
