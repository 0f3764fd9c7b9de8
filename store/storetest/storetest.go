// Package storetest is the conformance suite every store.Store backend
// runs: the same fixtures and the same expectations, so the embedded and
// the shared stores answer alike.
package storetest

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"akhbar/analysis"
	"akhbar/store"
)

// Fixtures returns short news texts written for these tests, analyzed by
// hand: the same person is spelled لوكاشينكو in one article and لوكاتشينكو in
// another, with one entity id, as the entity layer links them.
func Fixtures() []*analysis.Analysis {
	mk := func(id, site, day, headline, text string, ents []analysis.Entity, quotes []analysis.Quote) *analysis.Analysis {
		a := &analysis.Analysis{ID: id, Site: site, URL: "https://" + site + ".example/" + id, Lang: "ar", Published: day,
			Headline: headline, Text: headline + "\n" + text, Source: &analysis.Source{Name: "وكالة " + site, ID: site + "-wire"},
			Entities: ents, Quotes: quotes, Paragraphs: [][2]int{}, Sentences: [][2]int{},
			Timexes: []analysis.Timex{}, Numbers: []analysis.Number{}, Attributions: []analysis.Attribution{}, Events: []analysis.Event{}}
		if a.Entities == nil {
			a.Entities = []analysis.Entity{}
		}
		for i := range a.Entities { // each article its own mentions
			a.Entities[i].Mentions = slices.Clone(a.Entities[i].Mentions)
		}
		if a.Quotes == nil {
			a.Quotes = []analysis.Quote{}
		}
		// Offsets of mentions and quotes are found in the text, as a layer would.
		for i := range a.Entities {
			for j := range a.Entities[i].Mentions {
				m := &a.Entities[i].Mentions[j]
				m.Start, m.End = runeIndex(a.Text, m.Text)
			}
		}
		for i := range a.Quotes {
			a.Quotes[i].Start, a.Quotes[i].End = runeIndex(a.Text, a.Quotes[i].Text)
		}
		return a
	}
	luka := func(spelling string) analysis.Entity {
		return analysis.Entity{ID: "per:lukashenko", Type: "PER", Name: "لوكاشينكو", NameEn: "Lukashenko",
			Mentions: []analysis.Mention{{Text: spelling}}}
	}
	kz := analysis.Entity{ID: "loc:kazakhstan", Type: "LOC", Name: "كازاخستان", Mentions: []analysis.Mention{{Text: "كازاخستان"}}}
	moscow := analysis.Entity{ID: "loc:moscow", Type: "LOC", Name: "موسكو", Mentions: []analysis.Mention{{Text: "موسكو"}}}
	return []*analysis.Analysis{
		mk("a1", "alpha", "2022-01-06T10:00:00+03:00", "لوكاشينكو يلتقي نظيره الروسي في موسكو",
			"التقى الرئيس البيلاروسي لوكاشينكو نظيره الروسي في موسكو يوم الخميس. وقال إن البلدين يواجهان الثورة الملونة معا.",
			[]analysis.Entity{luka("لوكاشينكو"), moscow},
			[]analysis.Quote{{Text: "البلدين يواجهان الثورة الملونة معا", Speaker: "per:lukashenko", SpeakerText: "لوكاشينكو", Cue: "قال"}}),
		mk("a2", "beta", "2022-01-07", "مينسك تستضيف قمة اقتصادية",
			"أعلن لوكاتشينكو أن مينسك ستستضيف قمة اقتصادية في الربيع المقبل بمشاركة وفود من عشر دول.",
			[]analysis.Entity{luka("لوكاتشينكو")}, nil),
		mk("a3", "alpha", "2022-01-20", "احتجاجات في كازاخستان",
			"خرج آلاف المحتجين في مدن كازاخستان ضد ارتفاع أسعار الوقود، وحذرت الحكومة من الثورة الملونة في البلاد.",
			[]analysis.Entity{kz}, nil),
		mk("a4", "gamma", "2021-12-30", "أسعار النفط ترتفع",
			"ارتفعت أسعار النفط في الأسواق العالمية بنسبة ثلاثة في المئة بعد قرار خفض الإنتاج.", nil, nil),
		mk("a5", "beta", "2022-01-10", "وفد من موسكو يصل إلى نور سلطان",
			"وصل وفد روسي من موسكو إلى العاصمة الكازاخية لبحث التعاون بعد أحداث كازاخستان الأخيرة.",
			[]analysis.Entity{moscow, kz}, nil),
	}
}

func runeIndex(s, sub string) (int, int) {
	i := strings.Index(s, sub)
	if i < 0 {
		return 0, 0
	}
	start := len([]rune(s[:i]))
	return start, start + len([]rune(sub))
}

// Run runs the suite against stores made by open; each call must return a
// new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	t.Run("PutIdempotent", func(t *testing.T) {
		s := open(t)
		docs := Fixtures()
		res, err := s.Put(ctx, docs, store.PutOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Count(store.Stored); got != len(docs) {
			t.Fatalf("first Put stored %d, want %d", got, len(docs))
		}
		res, err = s.Put(ctx, Fixtures(), store.PutOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Count(store.Duplicate); got != len(docs) {
			t.Fatalf("second Put: %d duplicates, want %d", got, len(docs))
		}
		// Same article in one batch twice, without URL: stored once.
		noURL := Fixtures()[3]
		noURL.URL, noURL.ID, noURL.Text = "", "", "قرار جديد\nأصدرت الوزارة قرارا جديدا بشأن الأسعار."
		twin := *noURL
		twin.Text = strings.ReplaceAll(noURL.Text, " ", "  ") // re-spaced copy hashes alike
		res, err = s.Put(ctx, []*analysis.Analysis{noURL, &twin}, store.PutOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcomes[0] != store.Stored || res.Outcomes[1] != store.Duplicate {
			t.Fatalf("no-URL twins: outcomes %v, want [stored duplicate]", res.Outcomes)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != len(docs)+1 {
			t.Fatalf("stats: %d articles, want %d", st.Articles, len(docs)+1)
		}
		known, err := s.Known(ctx, []store.Key{store.KeyOf(docs[0].URL, docs[0].Site, docs[0].Text), store.KeyOf("https://nowhere.example/x", "", "x")})
		if err != nil {
			t.Fatal(err)
		}
		if !known[0] || known[1] {
			t.Fatalf("Known = %v, want [true false]", known)
		}
	})
	t.Run("SameTextUnderManyURLs", func(t *testing.T) {
		// A wire story republished at three addresses, without ids: three
		// articles, each with its own id.
		s := open(t)
		var docs []*analysis.Analysis
		for _, u := range []string{"https://a.example/1", "https://b.example/2", "https://c.example/3"} {
			d := Fixtures()[0]
			d.ID, d.URL = "", u
			docs = append(docs, d)
		}
		res, err := s.Put(ctx, docs, store.PutOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Count(store.Stored); got != 3 {
			t.Fatalf("stored %d of 3 copies under different URLs", got)
		}
		seen := map[string]bool{}
		for _, id := range res.IDs {
			if seen[id] {
				t.Fatalf("two copies got one id %q: %v", id, res.IDs)
			}
			seen[id] = true
		}
	})
	t.Run("Reanalyze", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		d := Fixtures()[3]
		d.Headline = "أسعار الذهب تهبط"
		d.Text = d.Headline + "\nهبطت أسعار الذهب اليوم."
		res, err := s.Put(ctx, []*analysis.Analysis{d}, store.PutOptions{Reanalyze: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcomes[0] != store.Updated || res.IDs[0] != "a4" {
			t.Fatalf("reanalyze: %v %v, want updated a4", res.Outcomes, res.IDs)
		}
		if ids := search(t, s, store.Query{Text: "الذهب"}); !slices.Equal(ids, []string{"a4"}) {
			t.Errorf("new text not indexed: %v", ids)
		}
		if ids := search(t, s, store.Query{Text: "النفط"}); len(ids) != 0 {
			t.Errorf("old text still indexed: %v", ids)
		}
	})
	t.Run("GetKeepsAnalysis", func(t *testing.T) {
		s := open(t)
		docs := Fixtures()
		if _, err := s.Put(ctx, docs, store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != docs[0].Text || len(got.Entities) != 2 || got.Entities[0].Mentions[0] != docs[0].Entities[0].Mentions[0] ||
			len(got.Quotes) != 1 || got.Source.ID != "alpha-wire" {
			t.Errorf("Get(a1) lost parts of the analysis: %+v", got)
		}
		if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(nope) = %v, want ErrNotFound", err)
		}
		n := 0
		if err := s.Each(ctx, func(*analysis.Analysis) error { n++; return nil }); err != nil || n != len(docs) {
			t.Errorf("Each visited %d (err %v), want %d", n, err, len(docs))
		}
	})
	t.Run("Search", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			q    store.Query
			want []string // sorted
		}{
			{"word", store.Query{Text: "النفط"}, []string{"a4"}},
			{"clitic and inflection", store.Query{Text: "والاحتجاجات"}, []string{"a3"}},
			{"spelling variant through entity", store.Query{Text: "لوكاشينكو"}, []string{"a1", "a2"}},
			{"phrase", store.Query{Text: `"الثورة الملونة"`}, []string{"a1", "a3"}},
			{"phrase in the wrong order", store.Query{Text: `"الملونة الثورة"`}, nil},
			{"and", store.Query{Text: "الثورة كازاخستان"}, []string{"a3"}},
			{"or", store.Query{Text: "النفط OR مينسك"}, []string{"a2", "a4"}},
			{"not", store.Query{Text: "موسكو NOT لوكاشينكو"}, []string{"a5"}},
			{"minus", store.Query{Text: "موسكو -وفد"}, []string{"a1"}},
			{"prefix", store.Query{Text: "كازاخ*"}, []string{"a3", "a5"}},
			{"prefix with article", store.Query{Text: "الكازاخ*"}, []string{"a3", "a5"}},
			{"site filter", store.Query{Text: "موسكو", Site: "beta"}, []string{"a5"}},
			{"source filter", store.Query{Text: "موسكو", Source: "alpha-wire"}, []string{"a1"}},
			{"date range", store.Query{Text: "كازاخستان", From: "2022-01-15", To: "2022-01"}, []string{"a3"}},
			{"entity filter by name", store.Query{Entity: "لوكاتشينكو"}, []string{"a1", "a2"}},
			{"entity type filter", store.Query{Text: "الثورة", EntityType: "loc"}, []string{"a1", "a3"}},
			{"filters only", store.Query{Site: "alpha"}, []string{"a1", "a3"}},
			{"stop word dropped", store.Query{Text: "في النفط"}, []string{"a4"}},
			{"no match", store.Query{Text: "الزلزال"}, nil},
		} {
			got := search(t, s, c.q)
			sort.Strings(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: Search(%+v) = %v, want %v", c.name, c.q, got, c.want)
			}
		}
	})
	t.Run("RankingSnippetsFacets", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		res, err := s.Search(ctx, store.Query{Text: "كازاخستان", Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 || res.Hits[0].ID != "a3" {
			t.Fatalf("headline match should rank first: %+v", res.Hits)
		}
		h := res.Hits[0]
		if h.Headline == "" || h.Published == "" || h.Site != "alpha" || h.Source != "alpha-wire" || h.Score <= 0 {
			t.Errorf("hit lacks fields: %+v", h)
		}
		r := []rune(h.Snippet.Text)
		if len(h.Snippet.Marks) == 0 {
			t.Fatalf("snippet has no marks: %+v", h.Snippet)
		}
		for _, m := range h.Snippet.Marks {
			if got := string(r[m[0]:m[1]]); got != "كازاخستان" {
				t.Errorf("mark covers %q, want كازاخستان", got)
			}
		}
		if got := facet(res.Facets["site"]); got != "alpha:1 beta:1" {
			t.Errorf("site facet = %s", got)
		}
		if got := facet(res.Facets["entity_type"]); got != "LOC:2" {
			t.Errorf("entity_type facet = %s", got)
		}
		if got := facet(res.Facets["month"]); got != "2022-01:2" {
			t.Errorf("month facet = %s", got)
		}
		// The entity spelled otherwise is marked in the snippet too.
		res, err = s.Search(ctx, store.Query{Text: "لوكاشينكو", Site: "beta"})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("variant search: %v %+v", err, res)
		}
		sn := res.Hits[0].Snippet
		if len(sn.Marks) != 1 || string([]rune(sn.Text)[sn.Marks[0][0]:sn.Marks[0][1]]) != "لوكاتشينكو" {
			t.Errorf("variant not marked: %+v", sn)
		}
		// Newest first.
		if ids := search(t, s, store.Query{Text: "موسكو", Sort: store.Newest}); !slices.Equal(ids, []string{"a5", "a1"}) {
			t.Errorf("newest = %v", ids)
		}
		if ids := search(t, s, store.Query{Text: "موسكو", Sort: store.Oldest}); !slices.Equal(ids, []string{"a1", "a5"}) {
			t.Errorf("oldest = %v", ids)
		}
	})
	t.Run("Paging", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, sort := range []store.Sort{store.Relevance, store.Newest, store.Oldest} {
			want := search(t, s, store.Query{Text: "موسكو OR كازاخستان OR النفط", Sort: sort, Limit: 10})
			var byCursor, byPage []string
			q := store.Query{Text: "موسكو OR كازاخستان OR النفط", Sort: sort, Limit: 1}
			for range 10 {
				res, err := s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					byCursor = append(byCursor, h.ID)
				}
				if res.Next == "" {
					break
				}
				q.After = res.Next
			}
			for p := 1; p <= len(want)+1; p++ {
				byPage = append(byPage, search(t, s, store.Query{Text: q.Text, Sort: sort, Limit: 1, Page: p})...)
			}
			if len(want) != 4 || !slices.Equal(byCursor, want) || !slices.Equal(byPage, want) {
				t.Errorf("%s: all %v, by cursor %v, by page %v", sort, want, byCursor, byPage)
			}
		}
	})
	t.Run("BadQueries", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			q    store.Query
			want error
		}{
			{store.Query{Text: strings.Repeat("كلمة ", 2000)}, store.ErrQueryTooLong},
			{store.Query{Text: `!!! ؟؟ ... «» "" ()*`}, store.ErrEmptyQuery},
			{store.Query{Text: ""}, store.ErrEmptyQuery},
			{store.Query{Text: "في من"}, store.ErrEmptyQuery},
			{store.Query{Text: "NOT النفط"}, store.ErrBadQuery},
			{store.Query{Text: "النفط", From: "2022-13-45"}, store.ErrBadQuery},
			{store.Query{Text: "النفط", After: "not-a-cursor!"}, store.ErrBadQuery},
			{store.Query{Text: "النفط", Sort: "random"}, store.ErrBadQuery},
			{store.Query{Text: "النفط", Limit: 100000}, store.ErrBadQuery},
		} {
			if _, err := s.Search(ctx, c.q); !errors.Is(err, c.want) {
				t.Errorf("Search(%.40q) error = %v, want %v", c.q.Text, err, c.want)
			}
		}
		// FTS syntax typed by a user is searched as words, never run.
		for _, q := range []string{`النفط" OR "`, `text:النفط`, `NEAR(النفط الأسعار)`, `النفط ^ الأسعار`, `((( النفط`} {
			if _, err := s.Search(ctx, store.Query{Text: q}); err != nil {
				t.Errorf("Search(%q) = %v, want results", q, err)
			}
		}
	})
	t.Run("EntityQueries", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, Fixtures(), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		ents, err := s.Entities(ctx, "لوكاتشينكو")
		if err != nil || len(ents) != 1 || ents[0].ID != "per:lukashenko" || ents[0].Articles != 2 || len(ents[0].Names) != 2 {
			t.Errorf("Entities = %+v, %v", ents, err)
		}
		tl, err := s.Timeline(ctx, "per:lukashenko")
		if err != nil || counts(tl) != "2022-01-06:1 2022-01-07:1" {
			t.Errorf("Timeline = %v, %v", tl, err)
		}
		qs, err := s.Quotes(ctx, "لوكاشينكو", 10)
		if err != nil || len(qs) != 1 || qs[0].Article != "a1" || qs[0].Cue != "قال" {
			t.Errorf("Quotes = %+v, %v", qs, err)
		}
		co, err := s.Cooccurring(ctx, "موسكو", 10)
		if err != nil || len(co) != 2 || co[0].Count != 1 {
			t.Errorf("Cooccurring = %+v, %v", co, err)
		}
		tr, err := s.Trend(ctx, `"الثورة الملونة"`, store.Week)
		if err != nil || counts(tr) != "2022-01-03:1 2022-01-17:1" {
			t.Errorf("Trend(week) = %v, %v", tr, err)
		}
		tr, err = s.Trend(ctx, "موسكو", store.Month)
		if err != nil || counts(tr) != "2022-01:2" {
			t.Errorf("Trend(month) = %v, %v", tr, err)
		}
		if _, err := s.Timeline(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Timeline(nobody) = %v, want ErrNotFound", err)
		}
	})
}

func search(t *testing.T, s store.Store, q store.Query) []string {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func facet(cs []store.Count) string { return counts(cs) }

func counts(cs []store.Count) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Key+":"+itoa(c.Count))
	}
	return strings.Join(parts, " ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
