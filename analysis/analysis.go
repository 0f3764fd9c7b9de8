// Package analysis runs akhbar's annotators over an article and produces the
// Analysis: one text and layers of spans over it (tokens, sentences, dates,
// numbers, entities, quotes, attributions, events). The Analysis is the JSON
// contract of `akhbar analyze` and the one thing every later stage reads.
package analysis

// Analysis is the result of analyzing one article. Offsets are Unicode code
// points into Text, end exclusive. The contract grows by adding fields, never
// by changing one.
type Analysis struct {
	ID        string  `json:"id,omitempty"`
	Text      string  `json:"text"`
	Headline  string  `json:"headline,omitempty"`
	Section   string  `json:"section,omitempty"`
	Byline    string  `json:"byline,omitempty"`
	URL       string  `json:"url,omitempty"`
	Site      string  `json:"site,omitempty"`
	Lang      string  `json:"lang,omitempty"`
	Published string  `json:"published,omitempty"`
	Source    *Source `json:"source,omitempty"`
	// Place is the city the dateline names (القاهرة in القاهرة (رويترز) -).
	Place string `json:"place,omitempty"`
	// Layout locates the parts of the page in Text: section, headline,
	// byline, dateline and the credited source line; absent when not found.
	Layout       *Layout       `json:"layout,omitempty"`
	Paragraphs   [][2]int      `json:"paragraphs"`
	Sentences    [][2]int      `json:"sentences"`
	Tokens       []Token       `json:"tokens,omitempty"`
	Entities     []Entity      `json:"entities"`
	Timexes      []Timex       `json:"timexes"`
	Numbers      []Number      `json:"numbers"`
	Quotes       []Quote       `json:"quotes"`
	Attributions []Attribution `json:"attributions"`
	Events       []Event       `json:"events"`
}

// Layout gives the spans of an article's layout lines, as [start, end)
// code points into Text.
type Layout struct {
	Section  *[2]int `json:"section,omitempty"`
	Headline *[2]int `json:"headline,omitempty"`
	Byline   *[2]int `json:"byline,omitempty"`
	Dateline *[2]int `json:"dateline,omitempty"`
	Source   *[2]int `json:"source,omitempty"`
}

// Source is the news source an article credits.
type Source struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// Token is a token with its analysis, printed with `akhbar analyze --tokens`.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Norm  string `json:"norm"`
	Stem  string `json:"stem,omitempty"`
}

// Mention is one place in the text where an entity is named.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Role  bool   `json:"role,omitempty"` // a role mention (الرئيس البيلاروسي), not a name
}

// Entity is a person, organization, place or other named thing, once per
// article, with every mention of it.
type Entity struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"` // PER, ORG, LOC or MISC
	Name     string    `json:"name"`
	NameEn   string    `json:"name_en,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Timex is a temporal expression normalized to a TIMEX3 value.
type Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"` // DATE, TIME, DURATION or SET
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"` // START, MID, END, APPROX, MORE_THAN, LESS_THAN...
	// From and To bound an interval at the value's grain: From included,
	// To excluded.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Number is a number written in digits or words, with its value.
type Number struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Approx  bool    `json:"approx,omitempty"`
	Ordinal bool    `json:"ordinal,omitempty"`
	Percent bool    `json:"percent,omitempty"`
	Bound   string  `json:"bound,omitempty"` // MORE_THAN or LESS_THAN
	Unit    string  `json:"unit,omitempty"`  // currency or other unit when given
}

// Quote is a direct or reported statement with its speaker.
type Quote struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Speaker     string `json:"speaker"` // entity id; empty when unknown
	SpeakerText string `json:"speaker_text"`
	// SpeakerName is the fullest name the text gives the speaker, also when
	// the speaker is not an entity.
	SpeakerName string `json:"speaker_name,omitempty"`
	Cue         string `json:"cue"`
	Direct      bool   `json:"direct"`
}

// Attribution is a place where the article credits a source for what it
// reports.
type Attribution struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Source string `json:"source"` // entity id of the credited source
}

// Event is a dated statement or action in the article: one entry of its
// timeline.
type Event struct {
	Date     string   `json:"date"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Entities []string `json:"entities"`
}
