package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"akhbar/store"
)

const entityUsage = `
akhbar entity shows what the store knows of an entity: its spellings, the
articles naming it per day (its timeline) and the entities named with it.
NAME is an entity id (per:lukashenko) or any spelling of its name.

Usage:
  akhbar entity [flags] NAME

Examples:
  akhbar entity لوكاشينكو
  akhbar entity --timeline --csv ترامب > trump.csv
  akhbar entity --with --json per:lukashenko
`

func runEntity(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "entity", entityUsage)
	qf := addQuestionFlags(fs)
	timeline := fs.Bool("timeline", false, "only the mentions per day")
	with := fs.Bool("with", false, "only the co-occurring entities")
	limit := fs.Int("limit", 20, "co-occurring entities to list")
	name, err := qf.parse(fs, args, "which entity?")
	if err != nil {
		return err
	}
	st, err := qf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ents, err := st.Entities(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no entity named %q in %s", name, *qf.db)
	}
	if err != nil {
		return err
	}
	var tl []store.Count
	var co []store.EntityCount
	if !*with {
		if tl, err = st.Timeline(ctx, name); err != nil {
			return err
		}
	}
	if !*timeline {
		if co, err = st.Cooccurring(ctx, name, *limit); err != nil {
			return err
		}
	}
	switch {
	case *qf.asJSON:
		out := map[string]any{"entities": ents}
		if !*with {
			out["timeline"] = tl
		}
		if !*timeline {
			out["cooccurring"] = co
		}
		return writeJSON(e.stdout, out)
	case *qf.asCSV:
		if *timeline || !*with {
			if err := writeCountsCSV(e.stdout, "day", tl); err != nil {
				return err
			}
			if !*timeline && !*with {
				fmt.Fprintln(e.stdout)
			}
		}
		if !*timeline {
			w := csv.NewWriter(e.stdout)
			w.Write([]string{"id", "type", "name", "articles"})
			for _, c := range co {
				w.Write([]string{c.ID, c.Type, c.Name, strconv.Itoa(c.Count)})
			}
			w.Flush()
			return w.Error()
		}
		return nil
	}
	for _, en := range ents {
		fmt.Fprintf(e.stdout, "%s  %s (%s)  %d articles\n  spellings: %s\n", en.ID, en.Name, en.Type, en.Articles, strings.Join(en.Names, "، "))
	}
	if !*with {
		fmt.Fprintf(e.stdout, "\nmentions per day:\n")
		printBars(e.stdout, tl)
	}
	if !*timeline {
		fmt.Fprintf(e.stdout, "\nnamed with:\n")
		for _, c := range co {
			fmt.Fprintf(e.stdout, "  %6d  %s (%s, %s)\n", c.Count, c.Name, c.Type, c.ID)
		}
	}
	return nil
}

func writeCountsCSV(w io.Writer, key string, cs []store.Count) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{key, "count"})
	for _, c := range cs {
		cw.Write([]string{c.Key, strconv.Itoa(c.Count)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// printBars prints counts with a bar scaled to the largest.
func printBars(w io.Writer, cs []store.Count) {
	most := 1
	for _, c := range cs {
		most = max(most, c.Count)
	}
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %6d %s\n", c.Key, c.Count, strings.Repeat("█", max(1, c.Count*40/most)))
	}
}
