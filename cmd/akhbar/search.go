package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"akhbar/store"
	"akhbar/store/postgres"
)

const searchUsage = `
akhbar search finds stored articles. Words match in any form (clitics,
plurals, hamza and ta marbuta spellings); a name also finds its other
spellings through the entities of the analysis.

Usage:
  akhbar search [flags] QUERY

Query syntax: words (all must match), "a phrase", a OR b, NOT a (or -a),
prefix* and ( ) for grouping.

Examples:
  akhbar search لوكاشينكو
  akhbar search --from 2018-01 --to 2018-03 --site ant_bbc_arabic '"الثورة الملونة" OR احتجاجات'
  akhbar search --json --facets --sort newest 'كازاخ*'
`

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", searchUsage)
	db := fs.String("db", "akhbar.db", "store file")
	var q store.Query
	fs.StringVar(&q.Source, "source", "", "credited source id or name, or corpus source")
	fs.StringVar(&q.Site, "site", "", "publishing site")
	fs.StringVar(&q.Lang, "lang", "", "language code")
	fs.StringVar(&q.From, "from", "", "first day (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&q.To, "to", "", "last day, inclusive")
	fs.StringVar(&q.Entity, "entity", "", "only articles naming this entity (id or name)")
	fs.StringVar(&q.EntityType, "type", "", "only articles naming an entity of this type (PER, ORG, LOC, MISC)")
	sort := fs.String("sort", "", "relevance, newest or oldest (default: relevance with a query, else newest)")
	fs.IntVar(&q.Limit, "limit", 10, "results a page")
	fs.IntVar(&q.Page, "page", 1, "page number")
	fs.StringVar(&q.After, "after", "", "continue after this cursor (from the previous page's next)")
	fs.BoolVar(&q.Facets, "facets", false, "count results by source, site, language, month, entity type and entity")
	asJSON := fs.Bool("json", false, "print results as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q.Text = strings.Join(fs.Args(), " ")
	q.Sort = store.Sort(*sort)
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, q)
	if errors.Is(err, store.ErrBadQuery) || errors.Is(err, store.ErrEmptyQuery) || errors.Is(err, store.ErrQueryTooLong) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	printResults(e.stdout, res, isTerminal(e.stdout))
	return nil
}

// openExistingStore opens a store that must exist: a PostgreSQL URL or an
// SQLite file already made by ingest.
func openExistingStore(ctx context.Context, path string) (store.Store, error) {
	if postgres.IsDSN(path) {
		return openAnyStore(ctx, path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("opening store %s: %w (run 'akhbar ingest --db %s SOURCE' first)", path, err, path)
	}
	return openStore(ctx, path)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// printResults prints a page of results for people. Matches are marked
// with bold on a terminal and with ⟦ ⟧ elsewhere: brackets that the bidi
// algorithm mirrors, so they enclose the match in right-to-left text too.
func printResults(w io.Writer, res *store.Results, tty bool) {
	open, close := "⟦", "⟧"
	if tty {
		open, close = "\x1b[1;4m", "\x1b[0m"
	}
	fmt.Fprintf(w, "%d results\n", res.Total)
	if len(res.Expanded) > 0 {
		fmt.Fprintf(w, "(also matching entities %s)\n", strings.Join(res.Expanded, ", "))
	}
	for i, h := range res.Hits {
		meta := []string{}
		for _, s := range []string{h.Published, h.Site, h.SourceName} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(w, "\n%d. %s\n   %s · %s\n   %s\n", i+1, h.Headline, h.ID, strings.Join(meta, " · "),
			strings.ReplaceAll(h.Snippet.Marked(open, close), "\n", " "))
	}
	if len(res.Facets) > 0 {
		for _, k := range []string{"site", "source", "lang", "month", "entity_type", "entity"} {
			if len(res.Facets[k]) == 0 {
				continue
			}
			parts := []string{}
			for _, c := range res.Facets[k] {
				parts = append(parts, fmt.Sprintf("%s (%d)", strings.ReplaceAll(c.Key, "\t", " "), c.Count))
			}
			fmt.Fprintf(w, "\n%s: %s", k, strings.Join(parts, ", "))
		}
		fmt.Fprintln(w)
	}
	if res.Next != "" {
		fmt.Fprintf(w, "\nnext page: --after %s\n", res.Next)
	}
}
