package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// state is what the server keeps across restarts besides the store: the
// feeds it polls and the alerts with their matches.
type state struct {
	Feeds  []savedFeed `json:"feeds"`
	Alerts []Alert     `json:"alerts"`
}

type savedFeed struct {
	URL      string `json:"url"`
	Interval string `json:"interval"`
}

// loadState restores feeds and alerts from cfg.StatePath, when it exists.
func (s *Server) loadState(ctx context.Context) error {
	if s.cfg.StatePath == "" {
		return nil
	}
	b, err := os.ReadFile(s.cfg.StatePath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading server state %s: %w", s.cfg.StatePath, err)
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("reading server state %s: %w", s.cfg.StatePath, err)
	}
	if s.cfg.Feeds != nil {
		for _, f := range st.Feeds {
			d, err := time.ParseDuration(f.Interval)
			if err != nil {
				return fmt.Errorf("server state %s: feed %s: interval %q: %w", s.cfg.StatePath, f.URL, f.Interval, err)
			}
			if _, err := s.cfg.Feeds.Add(f.URL, d); err != nil {
				return fmt.Errorf("server state %s: %w", s.cfg.StatePath, err)
			}
		}
	}
	s.alerts.restore(st.Alerts)
	return nil
}

// saveState writes feeds and alerts to cfg.StatePath: to a temporary file
// first, then renamed over the old one, so a crash never leaves half a
// file.
func (s *Server) saveState() error {
	if s.cfg.StatePath == "" {
		return nil
	}
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	st := state{Feeds: []savedFeed{}, Alerts: s.alerts.List()}
	if s.cfg.Feeds != nil {
		for _, f := range s.cfg.Feeds.List() {
			st.Feeds = append(st.Feeds, savedFeed{URL: f.URL, Interval: f.Interval.String()})
		}
	}
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return fmt.Errorf("saving server state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.cfg.StatePath), filepath.Base(s.cfg.StatePath)+".*")
	if err != nil {
		return fmt.Errorf("saving server state: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("saving server state %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving server state %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving server state %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), s.cfg.StatePath); err != nil {
		return fmt.Errorf("saving server state %s: %w", s.cfg.StatePath, err)
	}
	return nil
}

// changed saves the state after a change, logging a failure (the change
// itself stands).
func (s *Server) changed() {
	if err := s.saveState(); err != nil {
		s.log.Error("saving state", "err", err)
	}
}

// restore puts saved alerts back, with their ids and matches.
func (as *Alerts) restore(list []Alert) {
	as.mu.Lock()
	defer as.mu.Unlock()
	for _, a := range list {
		a := a
		if a.Matches == nil {
			a.Matches = []AlertMatch{}
		}
		seen := map[string]bool{}
		for _, m := range a.Matches {
			seen[m.Article] = true
		}
		as.list[a.ID] = &a
		as.seen[a.ID] = seen
		if n, err := strconv.Atoi(strings.TrimPrefix(a.ID, "a")); err == nil && n > as.next {
			as.next = n
		}
	}
}
