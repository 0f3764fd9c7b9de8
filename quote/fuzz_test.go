package quote

import (
	"testing"
	"unicode/utf8"

	"akhbar/arabic"
)

// FuzzFind checks that Find never panics, that every span it returns gives
// back its text, and that no quotation crosses a paragraph break.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"وقال الوزير: «الوضع مستقر».",
		"أكد المدير أن \"العمل\" مستمر، مشيرا إلى أن الأرباح زادت.",
		"لوكاشينكو: نجاح المهمة\n\nوبحسب موقع سبوتنيك (رويترز) قال: «",
		"'«\"“”‘’»'",
		"كان قد أعلن أن",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs, as := Find(text, arabic.Tokenize(text), arabic.Sentences(text), nil)
		r := []rune(text)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(r) || q.Start >= q.End || string(r[q.Start:q.End]) != q.Text {
				t.Fatalf("quote [%d,%d) %q does not match its text", q.Start, q.End, q.Text)
			}
			for _, c := range r[q.Start:q.End] {
				if c == '\n' {
					t.Fatalf("quote %q crosses a line break", q.Text)
				}
			}
			if !utf8.ValidString(q.SpeakerText) && utf8.ValidString(text) {
				t.Fatalf("speaker text not valid UTF-8")
			}
		}
		for _, a := range as {
			if a.Start < 0 || a.End > len(r) || a.Start >= a.End || string(r[a.Start:a.End]) != a.Text {
				t.Fatalf("attribution [%d,%d) %q does not match its text", a.Start, a.End, a.Text)
			}
		}
	})
}
