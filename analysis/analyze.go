package analysis

import (
	"context"
	"fmt"
	"time"

	"akhbar/arabic"
	"akhbar/article"
	"akhbar/entity"
	"akhbar/event"
	"akhbar/kb"
	"akhbar/ner"
	"akhbar/number"
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
	Runes     []rune
	Tokens    []arabic.Token
	Sentences []arabic.Span
	// Reference is the moment relative dates resolve against.
	Reference time.Time
	// Entities are the article's entities with their mentions; use
	// entity.Covering to find the entity a span names.
	Entities []entity.Entity
}

// Analyze runs every layer over a and returns its Analysis.
func (az *Analyzer) Analyze(ctx context.Context, a *article.Article) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyzing %s: %w", a.ID, err)
	}
	doc := &Doc{
		Article:   a,
		Text:      a.Text,
		Runes:     []rune(a.Text),
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
	if az.opts.Tokens {
		out.Tokens = make([]Token, len(doc.Tokens))
		for i, t := range doc.Tokens {
			out.Tokens[i] = Token{Start: t.Start, End: t.End, Text: t.Text, Kind: t.Kind.String(), Norm: t.Norm, Stem: arabic.Stem(t.Text)}
		}
	}
	// Layers, in order. Each reads doc and the layers before it.
	// timex: dates, times, durations, sets.
	txs, txSkipped := timex.Find(doc.Text, doc.Tokens, doc.Reference)
	for _, t := range txs {
		out.Timexes = append(out.Timexes, Timex{Start: t.Start, End: t.End, Text: t.Text, Type: t.Type, Value: t.Value, Mod: t.Mod})
	}
	// number: digits and number words; a date's or a time's digits are not
	// also bare numbers.
	nums, _ := number.Find(doc.Text, doc.Tokens, timex.Claimed(txs, txSkipped))
	for _, n := range nums {
		out.Numbers = append(out.Numbers, Number{Start: n.Start, End: n.End, Text: n.Text, Value: n.Value,
			Approx: n.Approx, Ordinal: n.Ordinal, Percent: n.Percent, Bound: n.Bound, Unit: n.Unit})
	}
	// ner + entity: named entities and their mentions.
	doc.Entities = entity.Resolve(doc.Text, doc.Tokens, az.names.Tag(doc.Tokens), doc.Reference, az.kb)
	for _, e := range doc.Entities {
		ent := Entity{ID: e.ID, Type: e.Type, Name: e.Name, NameEn: e.NameEn, Mentions: make([]Mention, len(e.Mentions))}
		for i, m := range e.Mentions {
			ent.Mentions[i] = Mention{Start: m.Start, End: m.End, Text: m.Text, Role: m.Role}
		}
		out.Entities = append(out.Entities, ent)
	}
	// quote: direct and reported speech, attributions.
	var quoteMentions []quote.Mention
	var eventMentions []event.Mention
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			quoteMentions = append(quoteMentions, quote.Mention{Start: m.Start, End: m.End, Entity: e.ID, Name: e.Name, Type: e.Type, Role: m.Role})
			eventMentions = append(eventMentions, event.Mention{Start: m.Start, End: m.End, Entity: e.ID})
		}
	}
	quotes, attrs := quote.Find(doc.Text, doc.Tokens, doc.Sentences, quoteMentions)
	statements := make([]event.Statement, 0, len(quotes))
	for _, q := range quotes {
		out.Quotes = append(out.Quotes, Quote{Start: q.Start, End: q.End, Text: q.Text, Speaker: q.Speaker,
			SpeakerText: q.SpeakerText, Cue: q.Cue, Direct: q.Direct})
		who := q.Speaker
		if who == "" {
			who = q.SpeakerName
		}
		statements = append(statements, event.Statement{Start: q.Start, End: q.End, Speaker: who})
	}
	for _, at := range attrs {
		out.Attributions = append(out.Attributions, Attribution{Start: at.Start, End: at.End, Text: at.Text, Source: at.Source})
	}
	// event: the timeline, from the dates above and the statements.
	timexes := make([]event.Timex, len(out.Timexes))
	for i, t := range out.Timexes {
		timexes[i] = event.Timex{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value}
	}
	for _, ev := range event.Build(doc.Text, doc.Tokens, doc.Sentences, timexes, eventMentions, statements, doc.Reference) {
		out.Events = append(out.Events, Event{Date: ev.Date, Start: ev.Start, End: ev.End, Text: ev.Text, Entities: ev.Entities})
	}
	return out, nil
}

func spans(ss []arabic.Span) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}
