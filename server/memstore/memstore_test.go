package memstore

import (
	"context"
	"strings"
	"testing"

	"akhbar/analysis"
	"akhbar/server"
)

// mkdoc builds an analysis of text with one person entity whose mentions are
// every occurrence of each spelling.
func mkdoc(id, site, published, text, entityID string, spellings ...string) *analysis.Analysis {
	a := &analysis.Analysis{ID: id, Site: site, Published: published, Text: text, Headline: strings.SplitN(text, "\n", 2)[0],
		Sentences: [][2]int{{0, len([]rune(text))}}}
	if entityID != "" {
		e := analysis.Entity{ID: entityID, Type: "PER", Name: spellings[0]}
		runes := []rune(text)
		for _, sp := range spellings {
			sr := []rune(sp)
			for i := 0; i+len(sr) <= len(runes); i++ {
				if string(runes[i:i+len(sr)]) == sp {
					e.Mentions = append(e.Mentions, analysis.Mention{Start: i, End: i + len(sr), Text: sp})
				}
			}
		}
		a.Entities = []analysis.Entity{e}
	}
	return a
}

func fixture(t *testing.T) *Store {
	t.Helper()
	s := New()
	ctx := context.Background()
	for _, a := range []*analysis.Analysis{
		mkdoc("a1", "الضفة", "2026-03-01T10:00:00+03:00", "الوزير سامر الخطيب يزور مدينة إربد لافتتاح محطة مياه جديدة", "per:khatib", "سامر الخطيب"),
		mkdoc("a2", "المدار", "2026-03-02T10:00:00+03:00", "قال سامر الخطّيب إن الحكومة ستدعم المزارعين في الأغوار", "per:khatib", "سامر الخطّيب"),
		mkdoc("a3", "المدار", "2026-03-05T10:00:00+03:00", "ارتفاع أسعار الذهب في الأسواق العالمية مع تراجع الدولار", ""),
		mkdoc("a4", "الأفق", "2026-03-06T10:00:00+03:00", "افتتاح معرض الكتاب في عمّان بمشاركة مئتي دار نشر عربية", ""),
	} {
		if _, created, err := s.Put(ctx, a); err != nil || !created {
			t.Fatalf("Put %s: created=%v err=%v", a.ID, created, err)
		}
	}
	return s
}

func ids(res *server.Results) string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return strings.Join(out, ",")
}

func TestSearch(t *testing.T) {
	s := fixture(t)
	for _, tc := range []struct {
		name string
		q    server.Query
		want string
	}{
		{"word through the analyzer", server.Query{Text: "الأسواق"}, "a3"},
		{"every spelling through the entity", server.Query{Text: "سامر الخطيب", Sort: "date"}, "a2,a1"},
		{"phrase", server.Query{Text: `"معرض الكتاب"`}, "a4"},
		{"phrase words out of order do not match", server.Query{Text: `"الكتاب معرض"`}, ""},
		{"prefix", server.Query{Text: "الذه*"}, "a3"},
		{"OR", server.Query{Text: "الذهب OR معرض", Sort: "date"}, "a4,a3"},
		{"NOT", server.Query{Text: "افتتاح -إربد"}, "a4"},
		{"site filter", server.Query{Text: "", Site: "المدار", Sort: "date"}, "a3,a2"},
		{"date range", server.Query{From: "2026-03-02", To: "2026-03-05", Sort: "date"}, "a3,a2"},
		{"entity filter", server.Query{Entity: "per:khatib", Sort: "date"}, "a2,a1"},
		{"type filter", server.Query{Type: "PER", Sort: "date"}, "a2,a1"},
		{"stop words only find nothing", server.Query{Text: "في من"}, ""},
		{"punctuation only finds nothing", server.Query{Text: "!!! ،،، ..."}, ""},
		{"paging", server.Query{Sort: "date", Limit: 2, Offset: 2}, "a2,a1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Search(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); got != tc.want {
				t.Errorf("Search(%+v) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestSearchMarksSnippetsAndCountsFacets(t *testing.T) {
	s := fixture(t)
	res, err := s.Search(context.Background(), server.Query{Text: "الخطيب"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Fatalf("total %d, want 2", res.Total)
	}
	for _, h := range res.Hits {
		var marked []string
		for _, f := range h.Snippet {
			if f.Mark {
				marked = append(marked, f.Text)
			}
		}
		if len(marked) == 0 {
			t.Errorf("hit %s: no marked words in %+v", h.ID, h.Snippet)
		}
	}
	if f := res.Facets["entity"]; len(f) != 1 || f[0].Value != "per:khatib" || f[0].Count != 2 || f[0].Label == "" {
		t.Errorf("entity facet = %+v", f)
	}
	if len(res.Histogram) != 2 || res.Histogram[0].Period != "2026-03-01" {
		t.Errorf("histogram = %+v", res.Histogram)
	}
}

func TestPutIsIdempotent(t *testing.T) {
	s := fixture(t)
	again := mkdoc("other-id", "الضفة", "2026-03-01T10:00:00+03:00", "الوزير سامر الخطيب يزور مدينة إربد لافتتاح محطة مياه جديدة", "")
	id, created, err := s.Put(context.Background(), again)
	if err != nil || created || id != "a1" {
		t.Errorf("Put of the same text = %q, %v, %v; want a1, not created", id, created, err)
	}
	if _, _, err := s.Put(context.Background(), &analysis.Analysis{Text: "  "}); err == nil {
		t.Error("Put of an empty text succeeded")
	}
	if s.Len() != 4 {
		t.Errorf("Len = %d, want 4", s.Len())
	}
}

func TestEntityGathersSpellingsAndTimeline(t *testing.T) {
	s := fixture(t)
	e, err := s.Entity(context.Background(), "per:khatib")
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Aliases) != 2 || len(e.Timeline) != 2 || len(e.Articles) != 2 {
		t.Errorf("entity = aliases %v, timeline %v, %d articles", e.Aliases, e.Timeline, len(e.Articles))
	}
	if _, err := s.Entity(context.Background(), "per:nobody"); err == nil {
		t.Error("unknown entity found")
	}
}

func TestWireCopiesBecomeOneStory(t *testing.T) {
	s := New()
	ctx := context.Background()
	body := "أعلنت وزارة الزراعة اليوم عن خطة لزراعة مليون شجرة في المحافظات الشمالية خلال ثلاث سنوات بتمويل حكومي كامل"
	for _, a := range []*analysis.Analysis{
		mkdoc("w2", "المدار", "2026-03-02T12:00:00+03:00", "خطة المليون شجرة\n"+body, ""),
		mkdoc("w1", "الضفة", "2026-03-02T09:00:00+03:00", "مليون شجرة في الشمال\n"+body, ""),
		mkdoc("x", "الأفق", "2026-03-02T09:00:00+03:00", "فوز فريق الشروق في مباراة الأمس على ملعبه بثلاثة أهداف مقابل هدف", ""),
	} {
		if _, _, err := s.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stories(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 1 || st[0].Kind != "wire" || len(st[0].Articles) != 2 {
		t.Fatalf("stories = %+v, want one wire story of two", st)
	}
	if !st[0].Articles[0].Original || st[0].Articles[0].ID != "w1" {
		t.Errorf("the earliest copy (w1) is not the original: %+v", st[0].Articles)
	}
}

func TestTrendCountsPerWeek(t *testing.T) {
	s := fixture(t)
	tr, err := s.Trend(context.Background(), "الخطيب")
	if err != nil {
		t.Fatal(err)
	}
	// 2026-03-01 is a Sunday (week of Monday 2026-02-23); 03-02 a Monday.
	if len(tr) != 2 || tr[0].Period != "2026-02-23" || tr[1].Period != "2026-03-02" {
		t.Errorf("trend = %+v", tr)
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"الخطيب", `"معرض الكتاب"`, "الذه*", "a OR b", "NOT -x", `"`, "*", "-", "OR OR", "\x00\xff"} {
		f.Add(q)
	}
	s := New()
	ctx := context.Background()
	for _, a := range []*analysis.Analysis{
		mkdoc("a1", "الضفة", "2026-03-01T10:00:00+03:00", "الوزير سامر الخطيب يزور مدينة إربد لافتتاح محطة مياه جديدة", "per:khatib", "سامر الخطيب"),
		mkdoc("a2", "المدار", "2026-03-06T10:00:00+03:00", "افتتاح معرض الكتاب في عمّان بمشاركة مئتي دار نشر عربية", ""),
	} {
		if _, _, err := s.Put(ctx, a); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := s.Search(ctx, server.Query{Text: q})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if res.Total < len(res.Hits) || res.Total > 2 {
			t.Fatalf("Search(%q): total %d with %d hits", q, res.Total, len(res.Hits))
		}
		for _, h := range res.Hits {
			for _, fr := range h.Snippet {
				if fr.Text == "" {
					t.Fatalf("Search(%q): empty snippet fragment", q)
				}
			}
		}
	})
}
