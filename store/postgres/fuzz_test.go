package postgres

import (
	"context"
	"testing"

	"akhbar/analysis"
	"akhbar/store"
)

// FuzzLiterals checks that whatever a user types or an article contains,
// the tsquery and tsvector literals built from it are ones PostgreSQL
// accepts: no input can break out of a lexeme's quotes or fail a search.
func FuzzLiterals(f *testing.F) {
	for _, s := range []string{
		"لوكاشينكو", `"الثورة الملونة"`, "كازاخ*", "a OR b -c", `it's \ "x"`, "''''", `\\'`, "(((", "NOT",
		"O'Brien's", "زيت:* & !غاز", "٢٠٢٢/١/٦", "\u0640\u064b\u200f", "e\u0301",
	} {
		f.Add(s)
	}
	d, _, _ := openFresh(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		if expr, err := store.Parse(text); err == nil && expr != nil {
			q, _, err := d.render(ctx, expr)
			if err != nil {
				t.Fatalf("render(%q): %v", text, err)
			}
			if _, err := d.pool.Exec(ctx, `SELECT $1::tsquery`, q); err != nil {
				t.Fatalf("tsquery %q of %q refused: %v", q, text, err)
			}
		}
		v := vector(&analysis.Analysis{Headline: text, Text: text})
		if _, err := d.pool.Exec(ctx, `SELECT $1::tsvector`, v); err != nil {
			t.Fatalf("tsvector %q of %q refused: %v", v, text, err)
		}
	})
}
