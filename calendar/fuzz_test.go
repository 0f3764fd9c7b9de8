package calendar

import (
	"strings"
	"testing"
)

func FuzzMatchMonth(f *testing.F) {
	for _, s := range []string{"كانون الثاني 2022", "آب / أغسطس", "أغسطس ( آب )", "آب/أغسطس", "(", "ذو", "وشباط", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		m, sys, n, ok := MatchMonth(words)
		if ok && (m < 1 || m > 12 || n < 1 || n > len(words) || sys != Gregorian && sys != Hijri) {
			t.Fatalf("MatchMonth(%q) = %d, %v, %d", words, m, sys, n)
		}
		// Split as a tokenizer would: punctuation as words.
		toks := strings.Fields(strings.NewReplacer("/", " / ", "(", " ( ", ")", " ) ").Replace(s))
		if m, _, n, ok := MatchMonth(toks); ok && (m < 1 || m > 12 || n > len(toks)) {
			t.Fatalf("MatchMonth(%q) = %d, n=%d", toks, m, n)
		}
	})
}

func FuzzHijriToGregorian(f *testing.F) {
	f.Add(1443, 9, 1)
	f.Add(1500, 12, 30)
	f.Add(0, 0, 0)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		g, err := HijriToGregorian(y, m, d)
		if err != nil {
			return
		}
		if y2, m2, d2 := GregorianToHijri(g); y2 != y || m2 != m || d2 != d {
			t.Fatalf("%d-%d-%d -> %s -> %d-%d-%d", y, m, d, g.Format("2006-01-02"), y2, m2, d2)
		}
	})
}
