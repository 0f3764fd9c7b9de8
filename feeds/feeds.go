// Package feeds polls RSS and Atom feeds politely: conditional requests
// (ETag, Last-Modified), exponential backoff on errors, never two requests
// to one host at a time, and the article page fetched when an item carries
// only a summary. New items go to a Sink.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// Feed is one polled feed and its state.
type Feed struct {
	ID           string        `json:"id"`
	URL          string        `json:"url"`
	Interval     time.Duration `json:"interval"`
	ETag         string        `json:"etag,omitempty"`
	LastModified string        `json:"last_modified,omitempty"`
	LastPoll     time.Time     `json:"last_poll,omitzero"`
	LastSuccess  time.Time     `json:"last_success,omitzero"`
	LastError    string        `json:"last_error,omitempty"`
	ErrorCount   int           `json:"error_count"` // errors since the last success
	Errors       int           `json:"errors"`      // errors in total
	Items        int           `json:"items"`       // new items delivered
	NextPoll     time.Time     `json:"next_poll,omitzero"`
}

// Item is a new feed item with the best text found for it: the item's
// full content, or the article page when the item had only a summary.
type Item struct {
	Feed      string    `json:"feed"`
	GUID      string    `json:"guid"`
	Link      string    `json:"link,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Summary   string    `json:"summary,omitempty"`
	// HTML is the item's content, or the article page's HTML when the page
	// was fetched (Page is then true).
	HTML string `json:"html,omitempty"`
	Page bool   `json:"page,omitempty"`
}

// Sink receives each new item once.
type Sink func(ctx context.Context, it Item) error

// Options configure a Poller.
type Options struct {
	Client *http.Client
	Sink   Sink
	// Timeout bounds each request. Zero means 30 seconds.
	Timeout time.Duration
	// MinInterval is the shortest polling interval accepted. Zero means one
	// minute.
	MinInterval time.Duration
	// MaxBackoff caps the wait after repeated errors. Zero means 6 hours.
	MaxBackoff time.Duration
	// MaxBody bounds a feed or page body. Zero means 8 MiB.
	MaxBody int64
	// Refuse, when set, is asked about every feed URL before it is added;
	// a non-nil error refuses it (the server refuses its own address).
	Refuse func(u *url.URL) error
	// Now returns the current time. Nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
	// UserAgent is sent with every request.
	UserAgent string
}

// Poller polls a set of feeds. It is safe for concurrent use.
type Poller struct {
	opts Options

	mu    sync.Mutex
	feeds map[string]*Feed
	seen  map[string]map[string]bool // feed id -> item keys already delivered
	hosts map[string]chan struct{}   // one token per host: requests to a host run one at a time
	next  int
}

// ErrNotFound is returned for an unknown feed id.
var ErrNotFound = errors.New("feed not found")

// NewPoller returns a Poller with no feeds.
func NewPoller(opts Options) *Poller {
	if opts.Client == nil {
		opts.Client = &http.Client{}
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MinInterval <= 0 {
		opts.MinInterval = time.Minute
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 6 * time.Hour
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 8 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "akhbar (+https://github.com/akhbar)"
	}
	return &Poller{opts: opts, feeds: map[string]*Feed{}, seen: map[string]map[string]bool{}, hosts: map[string]chan struct{}{}}
}

// CheckURL reports why raw cannot be a feed URL: not http or https, no
// host, or credentials in it.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("feed URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("feed URL %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("feed URL %q: no host", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("feed URL %q: credentials in URLs are not accepted", raw)
	}
	return u, nil
}

// SameHost reports whether u points at addr (host:port), also when u names
// a loopback or unspecified address and addr listens on one.
func SameHost(u *url.URL, addr string) bool {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	uport := u.Port()
	if uport == "" {
		uport = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	if uport != port {
		return false
	}
	uh := strings.ToLower(u.Hostname())
	if uh == strings.ToLower(host) {
		return true
	}
	local := func(h string) bool {
		if h == "localhost" {
			return true
		}
		ip := net.ParseIP(h)
		return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
	}
	return local(uh) && local(host)
}

// Add adds a feed polled every interval (at least MinInterval) and returns
// it. Adding a URL already there returns the existing feed.
func (p *Poller) Add(raw string, interval time.Duration) (Feed, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return Feed{}, err
	}
	if p.opts.Refuse != nil {
		if err := p.opts.Refuse(u); err != nil {
			return Feed{}, fmt.Errorf("feed URL %q: %w", raw, err)
		}
	}
	if interval < p.opts.MinInterval {
		interval = p.opts.MinInterval
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, f := range p.feeds {
		if f.URL == u.String() {
			return *f, nil
		}
	}
	p.next++
	f := &Feed{ID: fmt.Sprintf("f%d", p.next), URL: u.String(), Interval: interval, NextPoll: p.opts.Now()}
	p.feeds[f.ID] = f
	p.seen[f.ID] = map[string]bool{}
	return *f, nil
}

// Remove deletes a feed.
func (p *Poller) Remove(id string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.feeds[id]; !ok {
		return fmt.Errorf("feed %q: %w", id, ErrNotFound)
	}
	delete(p.feeds, id)
	delete(p.seen, id)
	return nil
}

// Get returns one feed's state.
func (p *Poller) Get(id string) (Feed, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f, ok := p.feeds[id]
	if !ok {
		return Feed{}, fmt.Errorf("feed %q: %w", id, ErrNotFound)
	}
	return *f, nil
}

// List returns every feed's state, in the order they were added.
func (p *Poller) List() []Feed {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Feed, 0, len(p.feeds))
	for _, f := range p.feeds {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].ID) != len(out[j].ID) {
			return len(out[i].ID) < len(out[j].ID)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Run polls due feeds until ctx is done. Feeds on different hosts are
// polled concurrently; requests to one host wait for each other.
func (p *Poller) Run(ctx context.Context) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	busy := map[string]bool{}
	done := make(chan string)
	for {
		now := p.opts.Now()
		for _, f := range p.List() {
			if busy[f.ID] || f.NextPoll.After(now) {
				continue
			}
			busy[f.ID] = true
			go func(id string) {
				if err := p.Poll(ctx, id); err != nil && ctx.Err() == nil {
					p.opts.Logger.Warn("feed poll failed", "feed", id, "err", err)
				}
				done <- id
			}(f.ID)
		}
		select {
		case <-ctx.Done():
			for len(busy) > 0 {
				delete(busy, <-done)
			}
			return
		case id := <-done:
			delete(busy, id)
		case <-tick.C:
		}
	}
}

// Poll fetches one feed now and delivers its new items to the Sink.
func (p *Poller) Poll(ctx context.Context, id string) error {
	f, err := p.Get(id)
	if err != nil {
		return err
	}
	items, etag, lastMod, err := p.fetchFeed(ctx, f)
	if err == nil {
		err = p.deliver(ctx, f, items)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	cur, ok := p.feeds[id]
	if !ok {
		return err // removed meanwhile
	}
	now := p.opts.Now()
	cur.LastPoll = now
	if err != nil {
		cur.LastError = err.Error()
		cur.ErrorCount++
		cur.Errors++
		cur.NextPoll = now.Add(p.backoff(cur.Interval, cur.ErrorCount))
		return err
	}
	cur.LastSuccess, cur.LastError, cur.ErrorCount = now, "", 0
	if etag != "" {
		cur.ETag = etag
	}
	if lastMod != "" {
		cur.LastModified = lastMod
	}
	cur.NextPoll = now.Add(cur.Interval)
	return nil
}

// backoff doubles the interval with each consecutive error, up to
// MaxBackoff.
func (p *Poller) backoff(interval time.Duration, errs int) time.Duration {
	d := interval
	for i := 0; i < errs && d < p.opts.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, p.opts.MaxBackoff)
}

// deliver sends the items not seen before to the Sink, fetching the page
// of those with only a summary.
func (p *Poller) deliver(ctx context.Context, f Feed, items []*gofeed.Item) error {
	var errs []error
	for _, gi := range items {
		key := gi.GUID
		if key == "" {
			key = gi.Link
		}
		if key == "" {
			key = gi.Title
		}
		p.mu.Lock()
		seen := p.seen[f.ID][key]
		p.mu.Unlock()
		if seen {
			continue
		}
		it := Item{Feed: f.ID, GUID: key, Link: gi.Link, Title: gi.Title, Summary: gi.Description, HTML: gi.Content}
		if gi.PublishedParsed != nil {
			it.Published = *gi.PublishedParsed
		} else if gi.UpdatedParsed != nil {
			it.Published = *gi.UpdatedParsed
		}
		if onlySummary(gi) && gi.Link != "" {
			page, err := p.fetchPage(ctx, gi.Link)
			if err != nil {
				errs = append(errs, fmt.Errorf("item %q: %w", key, err))
				continue // not marked seen: tried again next poll
			}
			it.HTML, it.Page = page, true
		}
		if it.HTML == "" {
			it.HTML = gi.Description
		}
		if p.opts.Sink != nil {
			if err := p.opts.Sink(ctx, it); err != nil {
				errs = append(errs, fmt.Errorf("item %q: %w", key, err))
				continue
			}
		}
		p.mu.Lock()
		if s := p.seen[f.ID]; s != nil {
			s[key] = true
			p.feeds[f.ID].Items++
		}
		p.mu.Unlock()
	}
	return errors.Join(errs...)
}

// onlySummary reports whether an item lacks its full text: no content, and
// a description shorter than a short article.
func onlySummary(gi *gofeed.Item) bool {
	if utf8.RuneCountInString(gi.Content) > 0 {
		return false
	}
	return utf8.RuneCountInString(stripTags(gi.Description)) < 600
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// hostSlot waits for the host's turn; the returned func releases it.
func (p *Poller) hostSlot(ctx context.Context, host string) (func(), error) {
	p.mu.Lock()
	ch, ok := p.hosts[host]
	if !ok {
		ch = make(chan struct{}, 1)
		p.hosts[host] = ch
	}
	p.mu.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for %s: %w", host, ctx.Err())
	}
}

// get makes one GET request, alone on its host, and returns the response
// with its body read (up to MaxBody).
func (p *Poller) get(ctx context.Context, raw string, hdr http.Header) (*http.Response, []byte, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, nil, err
	}
	release, err := p.hostSlot(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, p.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("requesting %s: %w", raw, err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	resp, err := p.opts.Client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("fetching %s: %w", raw, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, p.opts.MaxBody+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", raw, err)
	}
	if int64(len(body)) > p.opts.MaxBody {
		return nil, nil, fmt.Errorf("reading %s: body larger than %d bytes", raw, p.opts.MaxBody)
	}
	return resp, body, nil
}

func (p *Poller) fetchFeed(ctx context.Context, f Feed) (items []*gofeed.Item, etag, lastMod string, err error) {
	hdr := http.Header{}
	if f.ETag != "" {
		hdr.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		hdr.Set("If-Modified-Since", f.LastModified)
	}
	hdr.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8")
	resp, body, err := p.get(ctx, f.URL, hdr)
	if err != nil {
		return nil, "", "", err
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, "", "", nil
	case resp.StatusCode != http.StatusOK:
		return nil, "", "", fmt.Errorf("fetching %s: HTTP %s", f.URL, resp.Status)
	}
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		return nil, "", "", fmt.Errorf("parsing feed %s: %w", f.URL, err)
	}
	return feed.Items, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

func (p *Poller) fetchPage(ctx context.Context, link string) (string, error) {
	resp, body, err := p.get(ctx, link, http.Header{"Accept": {"text/html"}})
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetching page %s: HTTP %s", link, resp.Status)
	}
	if !utf8.Valid(body) {
		return "", fmt.Errorf("page %s: not valid UTF-8", link)
	}
	return string(body), nil
}
