package main

import (
	"context"
	"errors"
	"fmt"

	"akhbar/store"
)

const trendUsage = `
akhbar trend counts the stored articles matching a query (any search syntax:
a word, "a phrase", a name in any spelling) per day, week or month.

Usage:
  akhbar trend [flags] QUERY

Examples:
  akhbar trend '"الثورة الملونة"'
  akhbar trend --by month --csv كورونا > trend.csv
`

func runTrend(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "trend", trendUsage)
	qf := addQuestionFlags(fs)
	by := fs.String("by", "week", "period: day, week (Monday) or month")
	q, err := qf.parse(fs, args, "trend of what?")
	if err != nil {
		return err
	}
	st, err := qf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	cs, err := st.Trend(ctx, q, store.Period(*by))
	if errors.Is(err, store.ErrBadQuery) || errors.Is(err, store.ErrEmptyQuery) || errors.Is(err, store.ErrQueryTooLong) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	switch {
	case *qf.asJSON:
		return writeJSON(e.stdout, cs)
	case *qf.asCSV:
		return writeCountsCSV(e.stdout, *by, cs)
	}
	total := 0
	for _, c := range cs {
		total += c.Count
	}
	fmt.Fprintf(e.stdout, "%d articles match %s, per %s:\n", total, q, *by)
	printBars(e.stdout, cs)
	return nil
}
