package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"akhbar/article"
)

const evalReadUsage = `
akhbar eval read reads a JSON lines corpus with the article readers and
measures them: lines read and failed, and how the datelines the readers find in
the texts agree with each line's own date. A dateline agrees when its day is
the line's day or the day before (wires date a story before sites post it). A
dateline that gives a Hijri and a Gregorian date is cross-checked by the
reader (they must agree within one day), which measures the Hijri conversion.
It prints 'N passed, M failed' last: datelines that agree and that do not.

Usage:
  akhbar eval read [flags]

Example:
  akhbar eval read --corpus ../shared/data/news/arabic_news.jsonl.gz --min 0.95
`

func runEvalRead(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval read", evalReadUsage)
	corpus := fs.String("corpus", "../shared/data/news/arabic_news.jsonl.gz", "JSON lines corpus (gzip or not)")
	minBar := fs.Float64("min", 0, "fail unless this share of datelines agrees with the lines' dates")
	maxFailed := fs.Int("max-failed", -1, "fail when more lines than this cannot be read (-1: no limit)")
	verbose := fs.Bool("v", false, "print the datelines that disagree")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := os.Open(*corpus)
	if err != nil {
		return usageError("reading %s: %v", *corpus, errors.Unwrap(err))
	}
	defer f.Close()
	start := time.Now()
	var lines, failed, published, datelines, agree, hijri, hijriOK, withSource int
	sources := map[string]int{}
	reasons := map[string]int{}
	err = article.ReadJSONLines(ctx, f, *corpus, func(a *article.Article, err error) error {
		lines++
		if err != nil {
			failed++
			reasons[failReason(err)]++
			return nil
		}
		if !a.Published.IsZero() {
			published++
		}
		if !a.Source.IsZero() {
			withSource++
			sources[a.Source.ID]++
		}
		if a.DatelineAt.End == 0 {
			return nil
		}
		line := string([]rune(a.Text)[a.DatelineAt.Start:a.DatelineAt.End])
		isHijri := strings.Contains(line, "هـ")
		if isHijri {
			hijri++
		}
		ts, derr := article.ParseDateline(line)
		if derr != nil {
			if isHijri {
				datelines++
				if *verbose {
					fmt.Fprintf(e.stdout, "disagree\t%s\t%s\t%v\n", a.ID, line, derr)
				}
			}
			return nil
		}
		if isHijri {
			hijriOK++
		}
		datelines++
		if a.Published.IsZero() {
			return nil
		}
		d := ts.Time.Format("2006-01-02")
		p := a.Published.Time.Format("2006-01-02")
		prev := a.Published.Time.AddDate(0, 0, -1).Format("2006-01-02")
		if d == p || d == prev {
			agree++
		} else if *verbose {
			fmt.Fprintf(e.stdout, "disagree\t%s\t%s\tdateline %s, line date %s\n", a.ID, line, d, p)
		}
		return nil
	})
	if err != nil {
		var le *article.LineError
		if !errors.As(err, &le) {
			return err
		}
		fmt.Fprintf(e.stdout, "reading stopped: %v\n", err)
	}
	elapsed := time.Since(start)
	fmt.Fprintf(e.stdout, "lines: %d read, %d failed (%s) in %s, %.0f lines/s\n", lines-failed, failed, formatCounts(reasons), elapsed.Round(time.Millisecond), float64(lines)/elapsed.Seconds())
	fmt.Fprintf(e.stdout, "published time: %d of %d\n", published, lines-failed)
	fmt.Fprintf(e.stdout, "credited source: %d of %d (%s)\n", withSource, lines-failed, formatCounts(sources))
	fmt.Fprintf(e.stdout, "Hijri+Gregorian datelines: %d cross-checked, %d within one day\n", hijri, hijriOK)
	share := 0.0
	if datelines > 0 {
		share = float64(agree) / float64(datelines)
	}
	fmt.Fprintf(e.stdout, "datelines: %d found, %d agree with the line's date (%.3f)\n", datelines, agree, share)
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", agree, datelines-agree)
	if *maxFailed >= 0 && failed > *maxFailed {
		return fmt.Errorf("%d lines failed to read; at most %d allowed", failed, *maxFailed)
	}
	if share < *minBar {
		return fmt.Errorf("dateline agreement %.3f is below the bar %.3f", share, *minBar)
	}
	return nil
}

// failReason shortens a line error to its kind, for the summary.
func failReason(err error) string {
	var le *article.LineError
	if errors.As(err, &le) {
		err = le.Err
	}
	s := err.Error()
	if i := strings.IndexAny(s, ":"); i > 0 {
		s = s[:i]
	}
	return s
}

// formatCounts prints the counts of a map, largest first: "a 3, b 1".
func formatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var parts []string
	for i, k := range keys {
		if i == 8 {
			parts = append(parts, "...")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
