package article

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// ReadFeed reads an RSS, Atom or JSON feed and calls fn with one Article
// per item, in order: title, link, published time, description or content
// (HTML turned into text), authors and categories; the feed's title is the
// Site. An item with neither title nor text is a *LineError naming the item
// (1-based), and reading goes on. A document that is not a feed is an error
// naming name. It returns the first error fn returns.
func ReadFeed(ctx context.Context, r io.Reader, name string, fn func(*Article, error) error) error {
	data, err := readAllLimited(r, name)
	if err != nil {
		return err
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("reading %s: not valid UTF-8", name)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("reading %s: not an RSS, Atom or JSON feed: %w", name, err)
	}
	site := strings.TrimSpace(feed.Title)
	if site == "" {
		site = hostOf(feed.Link)
	}
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, ierr := feedItem(it, site, feed.Language)
		if ierr != nil {
			ierr = &LineError{Name: name, Line: i + 1, ID: firstNonEmpty(it.GUID, it.Link), Err: ierr}
			a = nil
		}
		if err := fn(a, ierr); err != nil {
			return err
		}
	}
	return nil
}

func feedItem(it *gofeed.Item, site, lang string) (*Article, error) {
	body := htmlFragmentText(firstNonEmpty(it.Content, it.Description))
	title := strings.Join(strings.Fields(htmlFragmentText(it.Title)), " ")
	if body == "" && title == "" {
		return nil, fmt.Errorf("item has neither title nor text")
	}
	a := &Article{
		ID:         firstNonEmpty(it.GUID, it.Link),
		URL:        it.Link,
		Site:       site,
		Lang:       lang,
		Categories: it.Categories,
	}
	var authors []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			authors = append(authors, strings.TrimSpace(p.Name))
		}
	}
	a.Byline = strings.Join(authors, "، ")
	// The feed's own string keeps its UTC offset; gofeed's parsed time is in UTC.
	if ts, err := ParseTimestamp(firstNonEmpty(it.Published, it.Updated)); err == nil {
		a.Published = ts
	}
	switch {
	case !a.Published.IsZero():
	case it.PublishedParsed != nil:
		a.Published = Timestamp{Time: *it.PublishedParsed, Clock: true, Zone: true}
	case it.UpdatedParsed != nil:
		a.Published = Timestamp{Time: *it.UpdatedParsed, Clock: true, Zone: true}
	}
	if title != "" {
		a.Headline = title
		a.HeadlineAt.End = utf8.RuneCountInString(title)
		a.Text = title
		if body != "" {
			a.Text += "\n\n" + body
		}
	} else {
		a.Text = body
	}
	if body != "" {
		a.readHTMLBody(a.HeadlineAt.End)
	}
	if a.Lang == "" {
		a.Lang = guessLang(a.Text)
	}
	return a, nil
}
