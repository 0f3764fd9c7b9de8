package analysis

import (
	"akhbar/entity"
	"akhbar/event"
	"akhbar/number"
	"akhbar/quote"
	"akhbar/timex"
)

// dates adds the timex and number layers: dates, times, durations and sets
// resolved against the reference, then numbers, skipping the digits of
// dates and times so they are not also bare numbers.
func (az *Analyzer) dates(doc *Doc, out *Analysis) {
	txs, skipped := timex.Find(doc.Text, doc.Tokens, doc.Reference)
	doc.Timexes = txs
	for _, t := range txs {
		out.Timexes = append(out.Timexes, Timex{Start: t.Start, End: t.End, Text: t.Text, Type: t.Type,
			Value: t.Value, Mod: t.Mod, From: t.From, To: t.To})
	}
	nums, _ := number.Find(doc.Text, doc.Tokens, timex.Claimed(txs, skipped))
	for _, n := range nums {
		out.Numbers = append(out.Numbers, Number{Start: n.Start, End: n.End, Text: n.Text, Value: n.Value,
			Approx: n.Approx, Ordinal: n.Ordinal, Percent: n.Percent, Bound: n.Bound, Unit: n.Unit})
	}
}

// entities adds the ner and entity layers: tagged names, linked to the
// knowledge base and merged into one entity per referent.
func (az *Analyzer) entities(doc *Doc, out *Analysis) {
	doc.Entities = entity.Resolve(doc.Text, doc.Tokens, az.names.Tag(doc.Tokens), doc.Reference, az.kb)
	for _, e := range doc.Entities {
		ent := Entity{ID: e.ID, Type: e.Type, Name: e.Name, NameEn: e.NameEn, Mentions: make([]Mention, len(e.Mentions))}
		for i, m := range e.Mentions {
			ent.Mentions[i] = Mention{Start: m.Start, End: m.End, Text: m.Text, Role: m.Role}
		}
		out.Entities = append(out.Entities, ent)
	}
}

// statements adds the quote layer: direct and reported speech with their
// speakers, and the sources the article credits.
func (az *Analyzer) statements(doc *Doc, out *Analysis) {
	var mentions []quote.Mention
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			mentions = append(mentions, quote.Mention{Start: m.Start, End: m.End, Entity: e.ID, Name: e.Name, Type: e.Type, Role: m.Role})
		}
	}
	quotes, attrs := quote.Find(doc.Text, doc.Tokens, doc.Sentences, mentions)
	doc.Quotes = quotes
	for _, q := range quotes {
		out.Quotes = append(out.Quotes, Quote{Start: q.Start, End: q.End, Text: q.Text, Speaker: q.Speaker,
			SpeakerText: q.SpeakerText, SpeakerName: q.SpeakerName, Cue: q.Cue, Direct: q.Direct})
	}
	for _, at := range attrs {
		out.Attributions = append(out.Attributions, Attribution{Start: at.Start, End: at.End, Text: at.Text, Source: at.Source})
	}
}

// timeline adds the event layer: dated statements and actions.
func (az *Analyzer) timeline(doc *Doc, out *Analysis) {
	var mentions []event.Mention
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			mentions = append(mentions, event.Mention{Start: m.Start, End: m.End, Entity: e.ID})
		}
	}
	statements := make([]event.Statement, 0, len(doc.Quotes))
	for _, q := range doc.Quotes {
		who := q.Speaker
		if who == "" {
			who = q.SpeakerName
		}
		statements = append(statements, event.Statement{Start: q.Start, End: q.End, Speaker: who})
	}
	timexes := make([]event.Timex, len(doc.Timexes))
	for i, t := range doc.Timexes {
		timexes[i] = event.Timex{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value}
	}
	for _, ev := range event.Build(doc.Text, doc.Tokens, doc.Sentences, timexes, mentions, statements, doc.Reference) {
		out.Events = append(out.Events, Event{Date: ev.Date, Start: ev.Start, End: ev.End, Text: ev.Text, Entities: ev.Entities})
	}
}
