package analysis

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"akhbar/arabic"
	"akhbar/article"
	"akhbar/entity"
	"akhbar/kb"
	"akhbar/ner"
	"akhbar/quote"
	"akhbar/timex"
)

// Options choose what Analyze adds beyond the contract's layers.
type Options struct {
	// Tokens adds the debugging token layer.
	Tokens bool
	// Reference anchors relative dates when the article has no published
	// time. Zero means none.
	Reference time.Time
}

// Analyzer runs the annotators in order over articles. It holds the loaded
// resources (models, gazetteers) and is safe for concurrent use.
type Analyzer struct {
	opts Options
	// names tags PER, ORG, LOC and MISC names; kb links them (ner, entity).
	names *ner.Tagger
	kb    *kb.KB
}

// New returns an Analyzer with the given options.
func New(opts Options) (*Analyzer, error) {
	az := &Analyzer{opts: opts}
	var err error
	if az.names, err = ner.Load(); err != nil {
		return nil, fmt.Errorf("loading the NER model: %w", err)
	}
	if az.kb, err = kb.Load(); err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return az, nil
}

// Doc is one article under analysis: its text, tokens and sentences, which
// every annotator reads and none recomputes.
type Doc struct {
	Article   *article.Article
	Text      string
	Tokens    []arabic.Token
	Sentences []arabic.Span
	// Reference is the moment relative dates resolve against.
	Reference time.Time
	// Timexes are the article's temporal expressions.
	Timexes []timex.Timex
	// Entities are the article's entities with their mentions; use
	// entity.Covering to find the entity a span names.
	Entities []entity.Entity
	// Quotes are the article's statements with their speakers.
	Quotes []quote.Quote
}

// Analyze runs every layer over a and returns its Analysis. A layer that
// fails on some input is a bug; Analyze turns its panic into an error naming
// the article and the layer's stack, so one bad article never stops a run.
func (az *Analyzer) Analyze(ctx context.Context, a *article.Article) (res *Analysis, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("analyzing %s: internal error: %v\n%s", a.ID, p, debug.Stack())
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyzing %s: %w", a.ID, err)
	}
	doc := &Doc{
		Article:   a,
		Text:      a.Text,
		Tokens:    arabic.Tokenize(a.Text),
		Sentences: arabic.Sentences(a.Text),
		Reference: az.opts.Reference,
	}
	if !a.Published.IsZero() {
		doc.Reference = a.Published.Time
	}
	out := &Analysis{
		ID:           a.ID,
		Text:         a.Text,
		Headline:     a.Headline,
		Section:      a.Section,
		Byline:       a.Byline,
		URL:          a.URL,
		Site:         a.Site,
		Lang:         a.Lang,
		Published:    a.Published.String(),
		Paragraphs:   spans(arabic.Paragraphs(a.Text)),
		Sentences:    spans(doc.Sentences),
		Entities:     []Entity{},
		Timexes:      []Timex{},
		Numbers:      []Number{},
		Quotes:       []Quote{},
		Attributions: []Attribution{},
		Events:       []Event{},
	}
	if a.Source.Name != "" {
		out.Source = &Source{Name: a.Source.Name, ID: a.Source.ID}
	}
	out.Place = a.Place
	out.Layout = layout(a)
	if az.opts.Tokens {
		out.Tokens = make([]Token, len(doc.Tokens))
		for i, t := range doc.Tokens {
			out.Tokens[i] = Token{Start: t.Start, End: t.End, Text: t.Text, Kind: t.Kind.String(), Norm: t.Norm, Stem: arabic.Stem(t.Text)}
		}
	}
	// Layers, in order. Each reads doc and the layers before it.
	for _, layer := range []func(*Doc, *Analysis){az.dates, az.entities, az.statements, az.timeline} {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("analyzing %s: %w", a.ID, err)
		}
		layer(doc, out)
	}
	return out, nil
}

// layout returns the spans of a's layout lines, or nil when it has none.
func layout(a *article.Article) *Layout {
	span := func(s arabic.Span) *[2]int {
		if s.End <= s.Start {
			return nil
		}
		return &[2]int{s.Start, s.End}
	}
	l := &Layout{Section: span(a.SectionAt), Headline: span(a.HeadlineAt), Byline: span(a.BylineAt),
		Dateline: span(a.DatelineAt), Source: span(a.SourceAt)}
	if *l == (Layout{}) {
		return nil
	}
	return l
}

func spans(ss []arabic.Span) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}
