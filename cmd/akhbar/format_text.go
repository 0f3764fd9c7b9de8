package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"akhbar/analysis"
)

// formats are the output formats of akhbar analyze.
var formats = map[string]bool{"json": true, "text": true}

// writeText prints an Analysis for a reader: the headline and where it came
// from, the timeline oldest first, who said what, and the credited sources.
// Every entry is one plain line (no tables or ASCII art, which break when a
// terminal lays Arabic out right to left); a date leads its line.
func writeText(w io.Writer, a *analysis.Analysis) error {
	bw := bufio.NewWriter(w)
	names := make(map[string]string, len(a.Entities))
	for _, e := range a.Entities {
		names[e.ID] = e.Name
	}
	headline := a.Headline
	if headline == "" {
		headline = firstLine(a.Text)
	}
	fmt.Fprintf(bw, "%s\n", headline)
	if a.Published != "" {
		fmt.Fprintf(bw, "تاريخ النشر: %s\n", a.Published)
	}
	if a.Source != nil && a.Source.Name != "" {
		fmt.Fprintf(bw, "المصدر: %s\n", a.Source.Name)
	}

	events := append([]analysis.Event(nil), a.Events...)
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date < events[j].Date })
	fmt.Fprintf(bw, "\nالخط الزمني (%d):\n", len(events))
	for _, ev := range events {
		line := ev.Date + "  " + oneLine(ev.Text)
		if who := entityNames(ev.Entities, names); who != "" {
			line += "  [" + who + "]"
		}
		fmt.Fprintln(bw, line)
	}

	fmt.Fprintf(bw, "\nالتصريحات (%d):\n", len(a.Quotes))
	for _, q := range a.Quotes {
		who := names[q.Speaker]
		if who == "" {
			who = q.SpeakerText
		}
		if who == "" {
			who = "متحدث غير معروف"
		}
		text := oneLine(q.Text)
		if q.Direct {
			text = "«" + text + "»"
		}
		if q.Cue != "" && q.Cue != ":" {
			who += " (" + q.Cue + ")"
		}
		fmt.Fprintf(bw, "%s: %s\n", who, text)
	}

	if len(a.Attributions) > 0 {
		fmt.Fprintf(bw, "\nنقلا عن (%d):\n", len(a.Attributions))
		for _, at := range a.Attributions {
			src := names[at.Source]
			if src == "" {
				src = at.Source
			}
			line := oneLine(at.Text)
			if src != "" {
				line += " -> " + src
			}
			fmt.Fprintln(bw, line)
		}
	}
	fmt.Fprintln(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the timeline: %w", err)
	}
	return nil
}

// entityNames joins the names of entity ids, skipping unknown ones.
func entityNames(ids []string, names map[string]string) string {
	var out []string
	for _, id := range ids {
		if n := names[id]; n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "، ")
}

// oneLine folds runs of whitespace, line breaks included, to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// firstLine returns the first line of s with at least three words (a
// site name above the headline is skipped), or the first non-blank line.
func firstLine(s string) string {
	first := ""
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if first == "" {
			first = l
		}
		if len(strings.Fields(l)) >= 3 {
			return l
		}
	}
	return first
}
