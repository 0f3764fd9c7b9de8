package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"akhbar/analysis"
	"akhbar/article"
)

const analyzeUsage = `
akhbar analyze prints the Analysis of each article as JSON (one object a line).

Usage:
  akhbar analyze [flags] [FILE...]     (no FILE or "-": read standard input)

Examples:
  akhbar analyze examples/seed-like.txt
  akhbar analyze --tokens --pretty examples/seed-like.txt
  akhbar analyze --format text examples/seed-like.txt
`

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "analyze", analyzeUsage)
	tokens := fs.Bool("tokens", false, "add each token with its offsets, normal form and stem")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	format := fs.String("format", "json", "output: json (the Analysis), or text (a readable timeline, who said what, sources)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !formats[*format] {
		return usageError("unknown --format %q (json or text)", *format)
	}
	az, err := analysis.New(analysis.Options{Tokens: *tokens})
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	for _, f := range files {
		var data []byte
		if f == "-" {
			data, err = io.ReadAll(e.stdin)
		} else {
			data, err = os.ReadFile(f)
		}
		if err != nil {
			return usageError("reading %s: %v", f, err)
		}
		if !utf8.Valid(data) {
			return fmt.Errorf("reading %s: not valid UTF-8", f)
		}
		a := &article.Article{Text: string(data)}
		res, err := az.Analyze(ctx, a)
		if err != nil {
			return err
		}
		if *format == "text" {
			if err := writeText(e.stdout, res); err != nil {
				return fmt.Errorf("writing analysis of %s: %w", f, err)
			}
			continue
		}
		if err := enc.Encode(res); err != nil {
			return fmt.Errorf("writing analysis of %s: %w", f, err)
		}
	}
	return nil
}
