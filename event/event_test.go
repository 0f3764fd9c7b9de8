package event

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
)

// span returns the code point span of the first occurrence of sub in text.
func span(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	s := utf8.RuneCountInString(text[:i])
	return s, s + utf8.RuneCountInString(sub)
}

func TestBuild(t *testing.T) {
	text := "الوزير: الخطة جاهزة\n\n" +
		"3 آذار 2023 10:15\n\n" +
		"أعلن وزير النقل سالم حداد اليوم الجمعة أن خطة الطرق الجديدة جاهزة للتنفيذ.\n\n" +
		"وقال حداد إن العمل سيبدأ في الشمال أولا.\n\n" +
		"وكان البرلمان قد أقر الميزانية في العاشر من الشهر الماضي بعد نقاش طويل.\n\n" +
		"وأكد النائب فادي سمعان أن الكلفة مرتفعة.\n\n" +
		"ويقع الجسر القديم على النهر منذ زمن بعيد."
	pub := time.Date(2023, 3, 3, 10, 15, 0, 0, time.UTC)
	ds, de := span(t, text, "3 آذار 2023 10:15")
	fs, fe := span(t, text, "اليوم الجمعة")
	ps, pe := span(t, text, "في العاشر من الشهر الماضي")
	timexes := []Timex{
		{Start: ds, End: de, Type: "TIME", Value: "2023-03-03T10:15"},
		{Start: fs, End: fe, Type: "DATE", Value: "2023-03-03"},
		{Start: ps, End: pe, Type: "DATE", Value: "2023-02-10"},
	}
	hs, he := span(t, text, "سالم حداد")
	h2s, h2e := span(t, text, "حداد إن")
	bs, be := span(t, text, "البرلمان")
	mentions := []Mention{{hs, he, "per:haddad"}, {h2s, h2s + 4, "per:haddad"}, {bs, be, "org:parliament"}}
	q1s, q1e := span(t, text, "خطة الطرق الجديدة جاهزة للتنفيذ")
	q2s, q2e := span(t, text, "العمل سيبدأ في الشمال أولا")
	q3s, q3e := span(t, text, "الكلفة مرتفعة")
	statements := []Statement{{q1s, q1e, "per:haddad"}, {q2s, q2e, "per:haddad"}, {q3s, q3e, "per:samaan"}}
	_ = h2e
	got := Build(text, arabic.Tokenize(text), arabic.Sentences(text), timexes, mentions, statements, pub)
	want := []struct {
		date, starts string
		entities     []string
	}{
		{"2023-03-03", "أعلن وزير النقل", []string{"per:haddad"}},
		{"2023-03-03", "وقال حداد", []string{"per:haddad"}},
		{"2023-02-10", "وكان البرلمان", []string{"org:parliament"}},
	}
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("got %s", e)
		}
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Date != w.date || !strings.HasPrefix(g.Text, w.starts) || strings.Join(g.Entities, ",") != strings.Join(w.entities, ",") {
			t.Errorf("event %d = %s %v, want %s %q... %v", i, g.Date, g.Entities, w.date, w.starts, w.entities)
		}
		if []rune(text)[g.Start] != []rune(g.Text)[0] {
			t.Errorf("event %d: start %d does not point at its text", i, g.Start)
		}
	}
	tl := Timeline(got)
	if tl[0].Date != "2023-02-10" || tl[1].Date != "2023-03-03" {
		t.Errorf("timeline not oldest first: %s, %s", tl[0].Date, tl[1].Date)
	}
}

func TestDayOrFiner(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2022-01-06", "2022-01-06"},
		{"2022-01-15T13:02", "2022-01-15T13:02"},
		{"2022-01-15T13:02:00+02:00", "2022-01-15T13:02"},
		{"2022-01-15TMO", "2022-01-15"},
		{"2022-01", ""},
		{"2022-W02", ""},
		{"PRESENT_REF", ""},
		{"P2D", ""},
		{"", ""},
		{"20x2-01-06", ""},
	} {
		if got := dayOrFiner(c.in); got != c.want {
			t.Errorf("dayOrFiner(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A sentence with a coarse date, or a date line alone, is no event; a
// statement outside the lead whose speaker did not speak just before has
// no date to take.
func TestBuildSkips(t *testing.T) {
	text := "الأحد 5 أيار 2024\n\nوشهد العام الماضي نموا في الصادرات الزراعية إلى دول الجوار.\n\nوقال المدير إن الأرقام مشجعة جدا هذه المرة."
	pub := time.Date(2024, 5, 5, 0, 0, 0, 0, time.UTC)
	ds, de := span(t, text, "الأحد 5 أيار 2024")
	ys, ye := span(t, text, "العام الماضي")
	qs, qe := span(t, text, "الأرقام مشجعة جدا هذه المرة")
	got := Build(text, arabic.Tokenize(text), arabic.Sentences(text),
		[]Timex{{ds, de, "DATE", "2024-05-05"}, {ys, ye, "DATE", "2023"}}, nil,
		[]Statement{{qs, qe, "المدير"}}, pub)
	if len(got) != 0 {
		t.Errorf("got %d events, want none: %v", len(got), got)
	}
}
