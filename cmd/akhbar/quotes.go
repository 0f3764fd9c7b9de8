package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"

	"akhbar/store"
)

const quotesUsage = `
akhbar quotes lists what an entity said (it is the quote's speaker), newest
first. NAME is an entity id or any spelling of its name.

Usage:
  akhbar quotes [flags] NAME

Examples:
  akhbar quotes لوكاشينكو
  akhbar quotes --csv --limit 500 per:lukashenko > quotes.csv
`

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "quotes", quotesUsage)
	qf := addQuestionFlags(fs)
	limit := fs.Int("limit", 50, "quotes to list")
	name, err := qf.parse(fs, args, "whose quotes?")
	if err != nil {
		return err
	}
	st, err := qf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quotes(ctx, name, *limit)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no entity named %q in %s", name, *qf.db)
	}
	if err != nil {
		return err
	}
	switch {
	case *qf.asJSON:
		return writeJSON(e.stdout, qs)
	case *qf.asCSV:
		w := csv.NewWriter(e.stdout)
		w.Write([]string{"published", "article", "speaker", "speaker_text", "cue", "direct", "quote", "start", "end"})
		for _, q := range qs {
			w.Write([]string{q.Published, q.Article, q.Speaker, q.SpeakerText, q.Cue, strconv.FormatBool(q.Direct), q.Text,
				strconv.Itoa(q.Start), strconv.Itoa(q.End)})
		}
		w.Flush()
		return w.Error()
	}
	if len(qs) == 0 {
		fmt.Fprintf(e.stdout, "no quotes of %s stored\n", name)
	}
	for _, q := range qs {
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		fmt.Fprintf(e.stdout, "%s · %s · %s %s (%s)\n  «%s»\n\n", q.Published, q.Headline, q.SpeakerText, q.Cue, kind, q.Text)
	}
	return nil
}
