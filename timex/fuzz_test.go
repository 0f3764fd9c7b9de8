package timex

import (
	"testing"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"اليوم السبت", "في السادس من الشهر الجاري", "30 شباط", "11/13/2022", "12/1/2022", "عام 99999",
		"من 13 إلى 15 تموز", "الساعة 12 إلا ربعا قبل الظهر", "أوائل آذار", "1444هـ", "رمضان 2019",
		"الخميس الساعة 8 بتوقيت GMT", "ثالث ثلاثاء بعد كريسماس 2014", "الأسابيع الثلاثة القادمة",
	} {
		f.Add(s, int64(1642244520))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		if !utf8.ValidString(text) {
			return
		}
		ref := time.Unix(unix%(1<<35), 0).UTC() // years up to ~3000
		runes := []rune(text)
		found, skips := Find(text, arabic.Tokenize(text), ref)
		prev := 0
		for _, x := range found {
			if x.Start < prev || x.End > len(runes) || x.Start >= x.End {
				t.Fatalf("%q: bad span %+v", text, x)
			}
			prev = x.End
			if string(runes[x.Start:x.End]) != x.Text {
				t.Fatalf("%q: text %q, span says %q", text, x.Text, string(runes[x.Start:x.End]))
			}
			if x.Value == "" || x.Type == "" {
				t.Fatalf("%q: empty value %+v", text, x)
			}
		}
		for _, s := range skips {
			if s.Reason == "" {
				t.Fatalf("%q: skip without a reason %+v", text, s)
			}
		}
	})
}
