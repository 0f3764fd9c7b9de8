package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/article"
)

// Input is an article sent to the API: plain text or an HTML page, with
// optional metadata.
type Input struct {
	Text      string          `json:"text,omitempty"`
	HTML      string          `json:"html,omitempty"`
	Headline  string          `json:"headline,omitempty"`
	URL       string          `json:"url,omitempty"`
	Site      string          `json:"site,omitempty"`
	Published string          `json:"published,omitempty"` // RFC 3339 or YYYY-MM-DD
	Source    *article.Source `json:"source,omitempty"`
	Lang      string          `json:"lang,omitempty"`
}

// maxTextRunes bounds one article's text.
const maxTextRunes = 500_000

// Article turns the input into an Article through the article package's
// readers (HTML pages through ReadHTML, plain text through ReadText, which
// find the headline, dateline, date and credited source), then applies the
// metadata fields the input sets, or says why it cannot.
func (in Input) Article(ctx context.Context) (*article.Article, error) {
	for name, v := range map[string]string{"text": in.Text, "html": in.HTML, "headline": in.Headline, "url": in.URL, "site": in.Site} {
		if !utf8.ValidString(v) {
			return nil, fmt.Errorf("field %s: not valid UTF-8", name)
		}
	}
	var a *article.Article
	var err error
	switch {
	case strings.TrimSpace(in.HTML) != "":
		if len(in.HTML) > article.MaxPageBytes {
			return nil, fmt.Errorf("HTML page larger than %d bytes", article.MaxPageBytes)
		}
		a, err = article.ReadHTML(ctx, strings.NewReader(in.HTML), "html", in.URL)
		if errors.Is(err, article.ErrNoArticle) {
			return nil, fmt.Errorf("HTML page has no article text: %w", err)
		}
	case strings.TrimSpace(in.Text) != "":
		a, err = article.ReadText("text", []byte(strings.ReplaceAll(in.Text, "\r\n", "\n")))
	default:
		return nil, errors.New("empty article: send text or html")
	}
	if err != nil {
		return nil, err
	}
	if h := strings.TrimSpace(in.Headline); h != "" {
		a.Headline = h
	}
	if in.URL != "" {
		a.URL = in.URL
	}
	if in.Site != "" {
		a.Site = in.Site
	}
	if in.Lang != "" {
		a.Lang = in.Lang
	}
	if in.Source != nil {
		a.Source = *in.Source
	}
	if in.Published != "" {
		ts, err := parseTimestamp(in.Published)
		if err != nil {
			return nil, err
		}
		a.Published = ts
	}
	if utf8.RuneCountInString(a.Text) > maxTextRunes {
		return nil, fmt.Errorf("article text longer than %d characters", maxTextRunes)
	}
	if a.Lang == "" {
		a.Lang = "ar"
	}
	return a, nil
}

func parseTimestamp(s string) (article.Timestamp, error) {
	for _, f := range []struct {
		layout      string
		clock, zone bool
	}{{time.RFC3339, true, true}, {"2006-01-02T15:04:05", true, false}, {"2006-01-02T15:04", true, false}, {"2006-01-02", false, false}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return article.Timestamp{Time: t, Clock: f.clock, Zone: f.zone}, nil
		}
	}
	return article.Timestamp{}, fmt.Errorf("published %q: not RFC 3339 or YYYY-MM-DD", s)
}
