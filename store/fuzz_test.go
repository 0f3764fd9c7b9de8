package store

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseSnippet parses any query and marks its matches in any text:
// no panic, marks inside the snippet, in order and not overlapping.
func FuzzParseSnippet(f *testing.F) {
	for _, s := range [][2]string{
		{"لوكاشينكو", "قال لوكاشينكو إن"},
		{`"الثورة الملونة" OR كازاخ*`, "الثورة الملونة في كازاخستان"},
		{"NOT -- ( ) \" *", "نص"},
		{"ال*", "\xff\xfe نص غير صالح"},
		{"a AND (b OR NOT c)", "a b c"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, q, text string) {
		e, err := Parse(q)
		if err != nil || e == nil {
			return
		}
		if !positive(e) {
			t.Fatalf("Parse(%q) = %#v: nothing positive", q, e)
		}
		s := MakeSnippet(text, e, nil)
		n := utf8.RuneCountInString(s.Text)
		last := 0
		for _, m := range s.Marks {
			if m[0] < last || m[1] > n || m[0] >= m[1] {
				t.Fatalf("MakeSnippet(%q, %q): bad mark %v in %q (%d runes)", text, q, m, s.Text, n)
			}
			last = m[1]
		}
	})
}
