package server

import (
	"strings"
	"testing"
	"time"

	"akhbar/analysis"
)

func TestAnnotateMarksEntitiesAndDates(t *testing.T) {
	text := "زار سامر الخطيب إربد يوم 3 مارس\n\nوقال الخطيب إن الزيارة مفيدة."
	a := &analysis.Analysis{Text: text, Paragraphs: [][2]int{{0, 31}, {33, 62}},
		Entities: []analysis.Entity{
			{ID: "per:k", Type: "PER", Name: "سامر الخطيب", Mentions: []analysis.Mention{{Start: 4, End: 15}, {Start: 38, End: 44}}},
			{ID: "loc:i", Type: "LOC", Name: "إربد", Mentions: []analysis.Mention{{Start: 16, End: 20}}},
			// Overlaps the person's first mention: dropped.
			{ID: "per:x", Type: "PER", Name: "الخطيب", Mentions: []analysis.Mention{{Start: 9, End: 15}}},
		},
		Timexes: []analysis.Timex{{Start: 21, End: 31, Type: "DATE", Value: "2026-03-03"}},
	}
	paras := annotate(a)
	if len(paras) != 2 {
		t.Fatalf("%d paragraphs, want 2", len(paras))
	}
	var got []string
	for _, p := range paras {
		for _, s := range p.Segments {
			if s.Kind != "" {
				got = append(got, s.Kind+":"+s.Text+":"+s.Title)
			}
		}
	}
	want := []string{"ent:سامر الخطيب:سامر الخطيب", "ent:إربد:إربد", "date:يوم 3 مارس:2026-03-03", "ent:الخطيب:سامر الخطيب"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("marks = %q\nwant    %q", got, want)
	}
	// The segments put back together are the text.
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for _, s := range p.Segments {
			b.WriteString(s.Text)
		}
	}
	if b.String() != text {
		t.Errorf("segments rebuild %q, want %q", b.String(), text)
	}
}

func TestReadableDate(t *testing.T) {
	for _, tc := range []struct{ in, lang, want string }{
		{"2022-01-15T13:02:00+02:00", "ar", "15 يناير 2022، 13:02"},
		{"2022-01-15T13:02", "en", "15 Jan 2022, 13:02"},
		{"2022-01-15", "ar", "15 يناير 2022"},
		{"2022-01-15", "en", "15 Jan 2022"},
		{"", "ar", ""},
		{"not a date", "ar", "not a date"},
	} {
		if got := readableDate(tc.in, tc.lang); got != tc.want {
			t.Errorf("readableDate(%q, %s) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}

func TestReadableNumber(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 72716: "72,716", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := readableNumber(in); got != want {
			t.Errorf("readableNumber(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestBarChartFillsMissingDays(t *testing.T) {
	c := barChart([]Count{{"2026-03-01", 4}, {"2026-03-04", 2}}, 400, 80, nil)
	if len(c.Bars) != 4 || c.Max != 4 || c.First != "2026-03-01" || c.Last != "2026-03-04" {
		t.Fatalf("chart = %+v", c)
	}
	if c.Bars[1].H != 0 || c.Bars[0].H <= c.Bars[3].H {
		t.Errorf("bar heights %v %v %v %v", c.Bars[0].H, c.Bars[1].H, c.Bars[2].H, c.Bars[3].H)
	}
	for _, b := range c.Bars {
		if b.X < 0 || b.X+b.W > 400 || b.Y < 0 {
			t.Errorf("bar %+v outside the 400×80 box", b)
		}
	}
	if barChart(nil, 400, 80, nil) != nil {
		t.Error("a chart of nothing")
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"demo-01": true, "per:مركس_يهنسن": true, "gn:2660646": true, "h37df09": true,
		"": false, "..": false, "a/b": false, "a\\b": false, "x..y": false, "a b": false, strings.Repeat("a", 201): false,
	} {
		if got := validID(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("زار الوزير إربد أمس", 4, 10, 11, 15, 16, 19)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Add("abc", -1, 5, 2, 1, 3, 99)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		n := len([]rune(text))
		a := &analysis.Analysis{Text: text, Paragraphs: [][2]int{{0, n}, {s3, e3}},
			Entities: []analysis.Entity{{ID: "x", Type: "PER", Mentions: []analysis.Mention{{Start: s1, End: e1}, {Start: s2, End: e2}}}},
			Timexes:  []analysis.Timex{{Start: s3, End: e3}}}
		for _, p := range annotate(a) {
			for _, s := range p.Segments {
				if s.Kind != "" && s.Text == "" {
					t.Fatalf("empty marked segment %+v", s)
				}
			}
		}
	})
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{15 * time.Minute: "15m", time.Hour: "1h", 90 * time.Minute: "1h30m", 45 * time.Second: "45s"} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
