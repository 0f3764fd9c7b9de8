package article

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{
		"15 كانون الثاني 2022 13:02", "الجمعة ٧ أكتوبر ٢٠٢٢ - ١١ ربيع الأول ١٤٤٤ هـ", "31 شباط 2022",
		"نشر في 3 ديسمبر 2019 على الساعة 18:45", "15/01/2022", "15.01.2022", "12 آب/أغسطس 2022",
		"3 ديسمبر 2019 18:45 GMT+2", "4 أيلول ( سبتمبر ) 2019", "99:99", "1 رمضان 99999 هـ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		ts, err := ParseDateline(line)
		if err == nil {
			if ts.IsZero() {
				t.Fatalf("ParseDateline(%q) gave no date and no error", line)
			}
			// What it returns is a date it can print and read back.
			var back Timestamp
			if uerr := back.UnmarshalText([]byte(ts.String())); uerr != nil || back.String() != ts.String() {
				t.Fatalf("ParseDateline(%q) = %s, which does not read back: %v", line, ts, uerr)
			}
		}
	})
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{
		"أخبار\n\nعنوان الخبر\n\n15 كانون الثاني 2022 13:02\n\nنص الخبر.\n\nالمصدر: سبوتنيك",
		"القاهرة (رويترز) - نص", "دمشق-سانا\nنص", "(أ ف ب)", "\n\n\n", "بقلم: فلان\nنص", "عنوان\n\n31 شباط 2022\n\nنص",
		"بحسب موقع سبوتنيك (", "وفقا لـ(", "الرياض 5 شوال 1436 هـ الموافق 21 يوليو 2015 م واس\nنص",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ReadText("fuzz.txt", []byte(text))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 accepted")
		}
		n := utf8.RuneCountInString(a.Text)
		for name, s := range map[string][2]int{
			"body": {a.Body.Start, a.Body.End}, "headline": {a.HeadlineAt.Start, a.HeadlineAt.End},
			"section": {a.SectionAt.Start, a.SectionAt.End}, "dateline": {a.DatelineAt.Start, a.DatelineAt.End},
			"source": {a.SourceAt.Start, a.SourceAt.End}, "byline": {a.BylineAt.Start, a.BylineAt.End},
		} {
			if s[0] < 0 || s[1] > n || s[0] > s[1] {
				t.Fatalf("%s span %v outside text of %d code points", name, s, n)
			}
		}
		if a.Headline != "" && at(a.Text, a.HeadlineAt.Start, a.HeadlineAt.End) != a.Headline {
			t.Fatalf("headline %q not at its span", a.Headline)
		}
		if a.Source.Name != "" && at(a.Text, a.SourceAt.Start, a.SourceAt.End) == "" {
			t.Fatalf("source %q has an empty span", a.Source.Name)
		}
	})
}

func FuzzReadJSONLines(f *testing.F) {
	f.Add([]byte(goodLines))
	f.Add([]byte("{\"id\": \"x\", \"text\": \"دمشق-سانا\\nنص\"}\n{"))
	f.Add([]byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ReadJSONLines(context.Background(), bytes.NewReader(data), "fuzz.jsonl", func(a *Article, err error) error {
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz.jsonl:") {
					t.Fatalf("error does not name the input and line: %v", err)
				}
				return nil
			}
			n := utf8.RuneCountInString(a.Text)
			if a.Body.End > n || a.HeadlineAt.End > n || a.SourceAt.End > n || a.Body.Start > a.Body.End {
				t.Fatalf("span outside the text: %+v", a)
			}
			return nil
		})
		if err != nil && !strings.Contains(err.Error(), "fuzz.jsonl") {
			t.Fatalf("error does not name the input: %v", err)
		}
	})
}
