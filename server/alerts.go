package server

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sort"
	"sync"
	"time"

	"akhbar/feeds"
)

// Alert is a saved search or an entity watch. Its new matches appear in
// its Atom feed and are POSTed to its webhook when one is set.
type Alert struct {
	ID      string       `json:"id"`
	Name    string       `json:"name,omitempty"`
	Query   string       `json:"query,omitempty"`
	Entity  string       `json:"entity,omitempty"`
	Webhook string       `json:"webhook,omitempty"`
	Created time.Time    `json:"created"`
	Matches []AlertMatch `json:"matches"`
}

// AlertMatch is one article that matched an alert.
type AlertMatch struct {
	Article   string    `json:"article"`
	Headline  string    `json:"headline"`
	Published string    `json:"published,omitempty"`
	Found     time.Time `json:"found"`
	Notified  bool      `json:"notified,omitempty"` // POSTed to the webhook
}

// maxAlertMatches is how many recent matches an alert keeps.
const maxAlertMatches = 200

// Alerts holds the alerts and checks them against the store. It is safe
// for concurrent use.
type Alerts struct {
	store  Store
	client *http.Client
	log    *slog.Logger

	mu    sync.Mutex
	list  map[string]*Alert
	seen  map[string]map[string]bool
	next  int
	check sync.Mutex // one check at a time
	// onChange, when set, is called after alerts or their matches change.
	onChange func()
}

// NewAlerts returns an empty set of alerts over store.
func NewAlerts(store Store, client *http.Client, log *slog.Logger) *Alerts {
	return &Alerts{store: store, client: client, log: log, list: map[string]*Alert{}, seen: map[string]map[string]bool{}}
}

// Add validates and saves an alert; the articles already matching it are
// its first matches (not sent to the webhook).
func (as *Alerts) Add(ctx context.Context, a Alert) (Alert, error) {
	if a.Query == "" && a.Entity == "" {
		return Alert{}, errors.New("an alert needs a query or an entity")
	}
	if a.Entity != "" && !validID(a.Entity) {
		return Alert{}, fmt.Errorf("entity id %q: only letters, digits, '-', '_', '.' and ':' are allowed (no slashes, no '..')", a.Entity)
	}
	if a.Webhook != "" {
		if _, err := feeds.CheckURL(a.Webhook); err != nil {
			return Alert{}, fmt.Errorf("webhook: %w", err)
		}
	}
	hits, err := as.matches(ctx, a)
	if err != nil {
		return Alert{}, err
	}
	as.mu.Lock()
	as.next++
	a.ID = fmt.Sprintf("a%d", as.next)
	a.Created = time.Now().UTC()
	a.Matches = []AlertMatch{}
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.ID] = true
		a.Matches = append(a.Matches, AlertMatch{Article: h.ID, Headline: h.Headline, Published: h.Published, Found: a.Created})
	}
	stored := a
	as.list[a.ID] = &stored
	as.seen[a.ID] = seen
	as.mu.Unlock()
	as.notify()
	return a, nil
}

func (as *Alerts) notify() {
	if as.onChange != nil {
		as.onChange()
	}
}

func (as *Alerts) matches(ctx context.Context, a Alert) ([]Hit, error) {
	res, err := as.store.Search(ctx, Query{Text: a.Query, Entity: a.Entity, Sort: "date", Limit: 100})
	if err != nil {
		return nil, fmt.Errorf("checking alert %q: %w", a.Query+a.Entity, err)
	}
	return res.Hits, nil
}

// Remove deletes an alert.
func (as *Alerts) Remove(id string) error {
	as.mu.Lock()
	_, ok := as.list[id]
	delete(as.list, id)
	delete(as.seen, id)
	as.mu.Unlock()
	if !ok {
		return fmt.Errorf("alert %q: %w", id, ErrNotFound)
	}
	as.notify()
	return nil
}

// Get returns one alert.
func (as *Alerts) Get(id string) (Alert, error) {
	as.mu.Lock()
	defer as.mu.Unlock()
	a, ok := as.list[id]
	if !ok {
		return Alert{}, fmt.Errorf("alert %q: %w", id, ErrNotFound)
	}
	c := *a
	c.Matches = append([]AlertMatch(nil), a.Matches...)
	return c, nil
}

// List returns every alert, oldest first.
func (as *Alerts) List() []Alert {
	as.mu.Lock()
	ids := make([]string, 0, len(as.list))
	for id := range as.list {
		ids = append(ids, id)
	}
	as.mu.Unlock()
	sort.Slice(ids, func(i, j int) bool { return len(ids[i]) < len(ids[j]) || len(ids[i]) == len(ids[j]) && ids[i] < ids[j] })
	out := make([]Alert, 0, len(ids))
	for _, id := range ids {
		if a, err := as.Get(id); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// Check runs every alert, records its new matches and POSTs them to its
// webhook. It returns how many new matches it found.
func (as *Alerts) Check(ctx context.Context) (int, error) {
	as.check.Lock()
	defer as.check.Unlock()
	found := 0
	var errs []error
	for _, a := range as.List() {
		hits, err := as.matches(ctx, a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var fresh []AlertMatch
		as.mu.Lock()
		seen := as.seen[a.ID]
		for _, h := range hits {
			if seen == nil || seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			fresh = append(fresh, AlertMatch{Article: h.ID, Headline: h.Headline, Published: h.Published, Found: time.Now().UTC()})
		}
		as.mu.Unlock()
		if len(fresh) == 0 {
			continue
		}
		found += len(fresh)
		if a.Webhook != "" {
			if err := as.post(ctx, a, fresh); err != nil {
				errs = append(errs, err)
			} else {
				for i := range fresh {
					fresh[i].Notified = true
				}
			}
		}
		as.mu.Lock()
		if cur, ok := as.list[a.ID]; ok {
			cur.Matches = append(fresh, cur.Matches...)
			if len(cur.Matches) > maxAlertMatches {
				cur.Matches = cur.Matches[:maxAlertMatches]
			}
		}
		as.mu.Unlock()
	}
	if found > 0 {
		as.notify()
	}
	return found, errors.Join(errs...)
}

// webhookPayload is the JSON body POSTed to an alert's webhook.
type webhookPayload struct {
	Alert   string       `json:"alert"`
	Name    string       `json:"name,omitempty"`
	Query   string       `json:"query,omitempty"`
	Entity  string       `json:"entity,omitempty"`
	Matches []AlertMatch `json:"matches"`
}

func (as *Alerts) post(ctx context.Context, a Alert, fresh []AlertMatch) error {
	body, err := json.Marshal(webhookPayload{Alert: a.ID, Name: a.Name, Query: a.Query, Entity: a.Entity, Matches: fresh})
	if err != nil {
		return fmt.Errorf("alert %s webhook: %w", a.ID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.Webhook, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("alert %s webhook %s: %w", a.ID, a.Webhook, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := as.client.Do(req)
	if err != nil {
		return fmt.Errorf("alert %s webhook: %w", a.ID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("alert %s webhook %s: HTTP %s", a.ID, a.Webhook, resp.Status)
	}
	return nil
}

// Atom types, just what an alert feed needs.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
}

// WriteAtom writes the alert's matches as an Atom feed; base is the
// server's URL (scheme and host), used in links.
func WriteAtom(w io.Writer, a Alert, base string) error {
	title := a.Name
	if title == "" {
		title = a.Query + a.Entity
	}
	f := atomFeed{Lang: "ar", Title: "akhbar: " + title, ID: base + "/alerts/" + a.ID,
		Updated: a.Created.Format(time.RFC3339),
		Link:    []atomLink{{Href: base + "/api/alerts/" + a.ID + "/atom", Rel: "self"}}}
	for _, m := range a.Matches {
		if f.Updated < m.Found.Format(time.RFC3339) {
			f.Updated = m.Found.Format(time.RFC3339)
		}
		f.Entries = append(f.Entries, atomEntry{Title: m.Headline, ID: base + "/article/" + m.Article,
			Updated: m.Found.Format(time.RFC3339), Link: atomLink{Href: base + "/article/" + m.Article}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("writing atom feed of alert %s: %w", a.ID, err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("writing atom feed of alert %s: %w", a.ID, err)
	}
	return nil
}
