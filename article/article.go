// Package article reads news articles from plain text, HTML pages, RSS/Atom
// feeds and JSON lines into one Article: headline, section, byline,
// published time, credited source, body and where each part lies in the text.
package article

import (
	"akhbar/arabic"
)

// Article is one news article as read from its source. Text is everything
// a reader sees, layout included; every span points into it, in Unicode code
// points, end exclusive. A zero span means the part is absent.
type Article struct {
	ID         string      `json:"id,omitempty"`   // the input's own id, when it has one
	URL        string      `json:"url,omitempty"`  // canonical address, when known
	Site       string      `json:"site,omitempty"` // the site that published it (og:site_name, URL host, JSON lines source)
	Section    string      `json:"section,omitempty"`
	Headline   string      `json:"headline,omitempty"`
	Byline     string      `json:"byline,omitempty"`
	Published  Timestamp   `json:"published"`
	Source     Source      `json:"source"` // the source the article credits (المصدر: سبوتنيك)
	Lang       string      `json:"lang,omitempty"`
	Categories []string    `json:"categories,omitempty"` // categories or tags the input gives
	Place      string      `json:"place,omitempty"`      // the dateline's place: القاهرة in القاهرة (رويترز) -
	Text       string      `json:"text"`
	Body       arabic.Span `json:"body"`        // where the body runs in Text
	SectionAt  arabic.Span `json:"section_at"`  // where the section line is in Text
	HeadlineAt arabic.Span `json:"headline_at"` // where the headline is in Text
	BylineAt   arabic.Span `json:"byline_at"`   // where the byline is in Text
	DatelineAt arabic.Span `json:"dateline_at"` // where the dateline (the line or words giving the date) is in Text
	SourceAt   arabic.Span `json:"source_at"`   // where the credited source is named in Text
}

// Source is a credited news source: a wire agency or outlet.
type Source struct {
	Name string `json:"name,omitempty"` // as the article writes it: سبوتنيك
	ID   string `json:"id,omitempty"`   // stable id: sputnik
}

// IsZero reports whether no source is credited.
func (s Source) IsZero() bool { return s.Name == "" && s.ID == "" }
