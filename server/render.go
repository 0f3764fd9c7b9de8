package server

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"akhbar/analysis"
)

// Segment is a run of article text, plain or marked as an entity mention
// or a date.
type Segment struct {
	Text     string
	Kind     string // "", "ent" or "date"
	Type     string // entity type, or timex type
	EntityID string
	Title    string // shown on hover: the entity name or the resolved date
}

// Paragraph is one paragraph of an article as segments.
type Paragraph struct {
	Segments []Segment
	Heading  bool
}

// mark is a span to highlight.
type mark struct {
	start, end int
	seg        Segment
}

// annotate cuts the article text into paragraphs of segments, marking
// entity mentions and dates. Overlapping marks keep the earliest, longest.
func annotate(a *analysis.Analysis) []Paragraph {
	runes := []rune(a.Text)
	n := len(runes)
	var marks []mark
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			title := e.Name
			if e.NameEn != "" {
				title += " · " + e.NameEn
			}
			marks = append(marks, mark{m.Start, m.End, Segment{Kind: "ent", Type: e.Type, EntityID: e.ID, Title: title}})
		}
	}
	for _, t := range a.Timexes {
		title := t.Value
		if t.Mod != "" {
			title += " (" + t.Mod + ")"
		}
		marks = append(marks, mark{t.Start, t.End, Segment{Kind: "date", Type: t.Type, Title: title}})
	}
	sort.Slice(marks, func(i, j int) bool {
		if marks[i].start != marks[j].start {
			return marks[i].start < marks[j].start
		}
		return marks[i].end > marks[j].end
	})
	paras := a.Paragraphs
	if len(paras) == 0 {
		paras = [][2]int{{0, n}}
	}
	var out []Paragraph
	mi := 0
	for pi, p := range paras {
		lo, hi := clamp(p[0], n), clamp(p[1], n)
		if lo >= hi {
			continue
		}
		var segs []Segment
		at := lo
		for mi < len(marks) && marks[mi].start < hi {
			m := marks[mi]
			mi++
			if m.start < at || m.end > hi || m.start >= m.end {
				continue // overlaps an earlier mark or crosses the paragraph
			}
			if m.start > at {
				segs = append(segs, Segment{Text: string(runes[at:m.start])})
			}
			seg := m.seg
			seg.Text = string(runes[m.start:m.end])
			segs = append(segs, seg)
			at = m.end
		}
		if at < hi {
			segs = append(segs, Segment{Text: string(runes[at:hi])})
		}
		out = append(out, Paragraph{Segments: segs, Heading: pi == 0 && a.Headline != "" && strings.TrimSpace(string(runes[lo:hi])) == a.Headline})
	}
	return out
}

func clamp(x, n int) int { return max(0, min(x, n)) }

// Bar is one bar of an SVG histogram, in the SVG's coordinates.
type Bar struct {
	X, Y, W, H float64
	Label      string
	Count      int
	Href       string
}

// Chart is an SVG bar chart: bars and the first and last labels.
type Chart struct {
	Width, Height float64
	Bars          []Bar
	First, Last   string
	Max           int
}

// barChart draws counts as bars in a width×height box. Days without
// counts between the first and last are drawn as gaps when the range is
// short enough. href, when set, gives each bar's link.
func barChart(counts []Count, width, height float64, href func(period string) string) *Chart {
	if len(counts) == 0 {
		return nil
	}
	series := fillDays(counts)
	c := &Chart{Width: width, Height: height, First: series[0].Period, Last: series[len(series)-1].Period}
	for _, x := range series {
		c.Max = max(c.Max, x.Count)
	}
	w := width / float64(len(series))
	bw := min(w*0.8, 24) // a few bars stay bars, not blocks
	for i, x := range series {
		h := 0.0
		if c.Max > 0 {
			h = (height - 4) * float64(x.Count) / float64(c.Max)
		}
		b := Bar{X: float64(i)*w + (w-bw)/2, W: bw, Y: height - h, H: h, Label: x.Period, Count: x.Count}
		if href != nil && x.Count > 0 {
			b.Href = href(x.Period)
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

// fillDays adds the missing days between daily counts (up to a year), so
// the chart's x axis is time.
func fillDays(counts []Count) []Count {
	first, err1 := time.Parse("2006-01-02", counts[0].Period)
	last, err2 := time.Parse("2006-01-02", counts[len(counts)-1].Period)
	if err1 != nil || err2 != nil || last.Sub(first) > 366*24*time.Hour {
		return counts
	}
	have := map[string]int{}
	for _, c := range counts {
		have[c.Period] = c.Count
	}
	var out []Count
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		p := d.Format("2006-01-02")
		out = append(out, Count{Period: p, Count: have[p]})
	}
	return out
}

// readableDate formats an RFC 3339 timestamp for people: "15 يناير 2022،
// 13:02" or "15 Jan 2022, 13:02".
func readableDate(s, lang string) string {
	if s == "" {
		return ""
	}
	layouts := []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}
	for i, l := range layouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		clock := i < 3
		if lang == "en" {
			if clock {
				return t.Format("2 Jan 2006, 15:04")
			}
			return t.Format("2 Jan 2006")
		}
		out := fmt.Sprintf("%d %s %d", t.Day(), monthsAr[t.Month()-1], t.Year())
		if clock {
			out += "، " + t.Format("15:04")
		}
		return out
	}
	return s
}

// readableNumber groups thousands: 72716 -> 72,716.
func readableNumber(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Provenance is the chain from the site that published an article to the
// source it credits and the people it quotes.
type Provenance struct {
	Site     string
	Credited []string
	Speakers []ProvSpeaker
}

// ProvSpeaker is a quoted speaker, linked when known as an entity.
type ProvSpeaker struct {
	Name     string
	EntityID string
	Count    int
}

func provenance(a *analysis.Analysis) Provenance {
	p := Provenance{Site: a.Site}
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
	}
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			p.Credited = append(p.Credited, s)
		}
	}
	if a.Source != nil {
		add(a.Source.Name)
	}
	for _, at := range a.Attributions {
		if n := names[at.Source]; n != "" {
			add(n)
		} else {
			add(at.Text)
		}
	}
	idx := map[string]int{}
	for _, q := range a.Quotes {
		name, id := q.SpeakerText, q.Speaker
		if n := names[id]; n != "" {
			name = n
		}
		if name == "" {
			continue
		}
		key := id + "|" + name
		if i, ok := idx[key]; ok {
			p.Speakers[i].Count++
			continue
		}
		idx[key] = len(p.Speakers)
		p.Speakers = append(p.Speakers, ProvSpeaker{Name: name, EntityID: id, Count: 1})
	}
	return p
}
