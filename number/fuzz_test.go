package number

import (
	"math"
	"testing"
	"unicode/utf8"

	"akhbar/arabic"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"حوالي 20 ألف", "أكثر من ١٢٫٥٪", "الحادي والعشرين", "-١٢/١٠", ".77", "1 فاصلة 1",
		"ثلاثمائة وخمسون ألفا", "لـ20 دولار", "12/1/2022", "1,2,3.4,5", "٬٫", "متين واحد وعشرين",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		nums, skips := Find(text, arabic.Tokenize(text), nil)
		prev := -1
		for _, n := range nums {
			if n.Start < 0 || n.End > len(runes) || n.Start >= n.End || n.Start < prev {
				t.Fatalf("%q: bad span %+v", text, n)
			}
			prev = n.End
			if string(runes[n.Start:n.End]) != n.Text {
				t.Fatalf("%q: span text %q, runes say %q", text, n.Text, string(runes[n.Start:n.End]))
			}
			if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
				t.Fatalf("%q: value %v", text, n.Value)
			}
		}
		for _, s := range skips {
			if s.Reason == "" || s.Start < 0 || s.End > len(runes) {
				t.Fatalf("%q: bad skip %+v", text, s)
			}
		}
	})
}
