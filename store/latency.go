package store

// LatencyQuery is one query of the search latency benchmarks.
type LatencyQuery struct {
	Kind  string // what it stands for: rare word, phrase, facets...
	Query Query
	// Deep means the query is timed at page 1,000, reached by cursor
	// (Results.Next) outside the timing.
	Deep bool
}

// LatencyQueries returns the 20 queries that `akhbar bench search` and the
// PostgreSQL benchmark time, one of each kind a user types, so both
// backends answer the same questions. They suit the news corpus
// (../shared/data/news): its sites, years and common words.
func LatencyQueries() []LatencyQuery {
	return []LatencyQuery{
		{Kind: "rare word", Query: Query{Text: "كازاخستان"}},
		{Kind: "common word", Query: Query{Text: "الحكومة"}},
		{Kind: "common word 2", Query: Query{Text: "المملكة"}},
		{Kind: "two words", Query: Query{Text: "أسعار النفط"}},
		{Kind: "phrase", Query: Query{Text: `"مجلس الوزراء"`}},
		{Kind: "phrase 2", Query: Query{Text: `"الأمم المتحدة"`}},
		{Kind: "person", Query: Query{Text: "ترامب"}},
		{Kind: "person variant", Query: Query{Text: "ترمب"}},
		{Kind: "place", Query: Query{Text: "موسكو"}},
		{Kind: "prefix", Query: Query{Text: "سوري*"}},
		{Kind: "or", Query: Query{Text: "إيران OR العراق"}},
		{Kind: "not", Query: Query{Text: "النفط NOT أسعار"}},
		{Kind: "date range", Query: Query{Text: "الانتخابات", From: "2018-01", To: "2018-06"}},
		{Kind: "source filter", Query: Query{Text: "الرياض", Site: "alriyadh"}},
		{Kind: "date + source", Query: Query{Text: "الهلال", Site: "alriyadh", From: "2015-07-01", To: "2015-08-31"}},
		{Kind: "entity type filter", Query: Query{Text: "اتفاق", EntityType: "PER"}},
		{Kind: "facets", Query: Query{Text: "الحكومة", Facets: true}},
		{Kind: "newest first", Query: Query{Text: "الحكومة", Sort: Newest}},
		{Kind: "page 1000 by offset", Query: Query{Text: "المملكة", Limit: 10, Page: 1000}},
		{Kind: "page 1000 by cursor", Query: Query{Text: "المملكة", Limit: 10}, Deep: true},
	}
}
