// Package article reads news articles from plain text, HTML pages, RSS/Atom
// feeds and JSON lines into one Article: headline, section, byline,
// published time, credited source, body and where each part lies in the text.
package article

import (
	"time"

	"akhbar/arabic"
)

// Article is one news article as read from its source. Text is everything
// a reader sees, layout included; every span points into it.
type Article struct {
	ID        string      `json:"id,omitempty"`  // the input's own id, when it has one
	URL       string      `json:"url,omitempty"` // canonical address, when known
	Site      string      `json:"site,omitempty"` // the site that published it (og:site_name, URL host, JSON lines source)
	Section   string      `json:"section,omitempty"`
	Headline  string      `json:"headline,omitempty"`
	Byline    string      `json:"byline,omitempty"`
	Published Timestamp   `json:"published"`
	Source    Source      `json:"source"` // the source the article credits (المصدر: سبوتنيك)
	Lang      string      `json:"lang,omitempty"`
	Text      string      `json:"text"`
	Body      arabic.Span `json:"body"` // where the body runs in Text
}

// Source is a credited news source: a wire agency or outlet.
type Source struct {
	Name string `json:"name,omitempty"` // as the article writes it: سبوتنيك
	ID   string `json:"id,omitempty"`   // stable id: sputnik
}

// Timestamp is a point in time known to a day, a minute or a second, with or
// without a UTC offset.
type Timestamp struct {
	Time  time.Time // zero when unknown
	Clock bool      // the time of day is known
	Zone  bool      // the UTC offset is known
}

// IsZero reports whether the timestamp is unknown.
func (t Timestamp) IsZero() bool { return t.Time.IsZero() }

// String formats the timestamp as RFC 3339 at its precision: 2022-01-15,
// 2022-01-15T13:02 or 2022-01-15T13:02:00+02:00; "" when unknown.
func (t Timestamp) String() string {
	switch {
	case t.Time.IsZero():
		return ""
	case !t.Clock:
		return t.Time.Format("2006-01-02")
	case t.Zone:
		return t.Time.Format(time.RFC3339)
	case t.Time.Second() != 0:
		return t.Time.Format("2006-01-02T15:04:05")
	}
	return t.Time.Format("2006-01-02T15:04")
}
