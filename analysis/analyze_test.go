package analysis_test

import (
	"context"
	"testing"
	"time"

	"akhbar/analysis"
	"akhbar/article"
)

// composed is a short article of our own: a dateline, a direct quote, a
// relative date and an approximate number.
const composed = `الرباط، الأربعاء 8 حزيران/يونيو 2022

قال وزير الخارجية المغربي ناصر بوريطة اليوم الأربعاء: "نريد شراكة متوازنة مع جيراننا".

وأضاف بوريطة أن نحو 300 شركة أوروبية ستشارك في المعرض الذي افتتح في الثاني من الشهر الجاري.`

func analyze(t *testing.T, text string, ref time.Time) *analysis.Analysis {
	t.Helper()
	az, err := analysis.New(analysis.Options{Reference: ref})
	if err != nil {
		t.Fatal(err)
	}
	res, err := az.Analyze(context.Background(), &article.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestAnalyzeLayers(t *testing.T) {
	res := analyze(t, composed, time.Date(2022, 6, 8, 12, 0, 0, 0, time.UTC))
	runes := []rune(res.Text)
	slice := func(s, e int) string { return string(runes[s:e]) }

	dates := map[string]string{}
	for _, tx := range res.Timexes {
		dates[slice(tx.Start, tx.End)] = tx.Value
		if slice(tx.Start, tx.End) != tx.Text {
			t.Errorf("timex offsets %d..%d do not slice %q", tx.Start, tx.End, tx.Text)
		}
	}
	if dates["اليوم الأربعاء"] != "2022-06-08" {
		t.Errorf("اليوم الأربعاء resolved to %q, want 2022-06-08 (timexes %v)", dates["اليوم الأربعاء"], dates)
	}
	if dates["الثاني من الشهر الجاري"] != "2022-06-02" {
		t.Errorf("الثاني من الشهر الجاري resolved to %q, want 2022-06-02", dates["الثاني من الشهر الجاري"])
	}

	var approx bool
	for _, n := range res.Numbers {
		if n.Value == 300 && n.Approx {
			approx = true
		}
	}
	if !approx {
		t.Errorf("نحو 300 not found as an approximate 300: %+v", res.Numbers)
	}

	speaker := ""
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if slice(m.Start, m.End) != m.Text {
				t.Errorf("mention offsets %d..%d do not slice %q", m.Start, m.End, m.Text)
			}
			if m.Text == "بوريطة" && e.Type == "PER" {
				speaker = e.ID
			}
		}
	}
	if speaker == "" {
		t.Fatalf("no PER entity for بوريطة: %+v", res.Entities)
	}
	direct := 0
	for _, q := range res.Quotes {
		if q.Direct && q.Speaker == speaker {
			direct++
			if q.Text != "نريد شراكة متوازنة مع جيراننا" {
				t.Errorf("quote text %q", q.Text)
			}
		}
	}
	if direct != 1 {
		t.Errorf("want one direct quote by %s, got %+v", speaker, res.Quotes)
	}
}

func TestAnalyzeEmptyAndCancelled(t *testing.T) {
	res := analyze(t, "", time.Time{})
	if res.Entities == nil || res.Timexes == nil || res.Quotes == nil {
		t.Errorf("layers of an empty text must be empty, not absent")
	}
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := az.Analyze(ctx, &article.Article{ID: "x", Text: "نص"}); err == nil {
		t.Errorf("a cancelled context must stop the analysis")
	}
}
