package quote_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/entity"
	"akhbar/event"
	"akhbar/kb"
	"akhbar/ner"
	"akhbar/quote"
)

// benchText joins the composed test passages into one long article of
// our own words.
func benchText(b *testing.B) string {
	b.Helper()
	fh, err := os.Open("testdata/cases.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	cases, err := quote.ReadCases(fh, "testdata/cases.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, c := range cases {
		sb.WriteString(c.Text)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkStages compares, on the same text in the same run, tokenizing,
// the entity stage (NER tagging and entity resolution) and the quote and
// event stages together, which must cost less than the entity stage.
func BenchmarkStages(b *testing.B) {
	text := benchText(b)
	toks := arabic.Tokenize(text)
	sents := arabic.Sentences(text)
	b.Run("tokenize", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			arabic.Tokenize(text)
		}
	})
	tagger, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	base, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	var ents []entity.Entity
	b.Run("entity", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			ents = entity.Resolve(text, toks, tagger.Tag(toks), time.Time{}, base)
		}
	})
	var ms []quote.Mention
	for _, e := range ents {
		for _, m := range e.Mentions {
			ms = append(ms, quote.Mention{Start: m.Start, End: m.End, Entity: e.ID, Name: e.Name, Type: e.Type, Role: m.Role})
		}
	}
	b.Run("quote+event", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			qs, _ := quote.Find(text, toks, sents, ms)
			st := make([]event.Statement, len(qs))
			for i, q := range qs {
				st[i] = event.Statement{Start: q.Start, End: q.End, Speaker: q.Speaker}
			}
			event.Build(text, toks, sents, nil, nil, st, time.Time{})
		}
	})
}
