package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"akhbar/analysis"
	"akhbar/arabic"
	"akhbar/article"
)

const analyzeUsage = `
akhbar analyze prints the Analysis of each article as JSON, one object a line,
in input order. It reads plain-text articles, HTML pages, RSS/Atom feeds and
JSON lines (gzip or not), from files, directories (walked in name order) or
standard input. A bad item is reported on standard error with its file and
line, the rest goes on, and the exit code is 1 when any item failed.

Usage:
  akhbar analyze [flags] [FILE|DIR...]     (no FILE or "-": read standard input)

Examples:
  akhbar analyze examples/seed-like.txt
  akhbar analyze --tokens --pretty examples/seed-like.txt
  akhbar analyze --format text examples/seed-like.txt
  akhbar analyze ../shared/data/news/arabic_news.jsonl.gz > analyses.jsonl
  curl -s https://example.org/feed.xml | akhbar analyze --as feed
`

// analyzeOptions are the flags of akhbar analyze.
type analyzeOptions struct {
	kind      article.Kind
	workers   int
	pretty    bool
	progress  bool
	splitOnly bool
	text      bool // --format text: the readable timeline instead of JSON
}

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "analyze", analyzeUsage)
	tokens := fs.Bool("tokens", false, "add each token with its offsets, normal form and stem")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	as := fs.String("as", "", "read every input as `KIND`: text, html, feed or jsonl (default: detect from name and content)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "analyze `N` articles at a time")
	noProgress := fs.Bool("no-progress", false, "do not draw a progress bar, even on a terminal")
	splitOnly := fs.Bool("split-only", false, "only read the articles and split them into paragraphs and sentences (no annotators)")
	format := fs.String("format", "json", "output `FORMAT`: json (the Analysis), or text (a readable timeline, who said what, sources)")
	reference := fs.String("reference", "", "resolve relative dates against `TIME` (2022-01-15, 2022-01-15T13:02 or RFC 3339) when an article has no published time")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !formats[*format] {
		return usageError("unknown --format %q (json or text)", *format)
	}
	opts := analyzeOptions{workers: *workers, pretty: *pretty, splitOnly: *splitOnly, text: *format == "text"}
	if *as != "" {
		k, err := article.ParseKind(*as)
		if err != nil {
			return usageError("--as: %v", err)
		}
		opts.kind = k
	}
	if opts.workers < 1 {
		return usageError("--workers must be at least 1, not %d", opts.workers)
	}
	if f, ok := e.stderr.(*os.File); ok && !*noProgress && term.IsTerminal(int(f.Fd())) {
		opts.progress = true
	}
	inputs, err := expandInputs(fs.Args())
	if err != nil {
		return usageError("%v", err)
	}
	ref, err := parseReference(*reference)
	if err != nil {
		return usageError("--reference: %v", err)
	}
	var az *analysis.Analyzer
	if !opts.splitOnly {
		if az, err = analysis.New(analysis.Options{Tokens: *tokens, Reference: ref}); err != nil {
			return fmt.Errorf("loading the analyzer: %w", err)
		}
	}
	return analyzeInputs(ctx, e, az, inputs, opts)
}

// expandInputs turns the arguments into a list of files: directories are
// walked in name order (hidden entries skipped), "-" is standard input.
func expandInputs(args []string) ([]string, error) {
	if len(args) == 0 {
		return []string{"-"}, nil
	}
	var out []string
	for _, arg := range args {
		if arg == "-" {
			out = append(out, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", arg, errors.Unwrap(err))
		}
		if !info.IsDir() {
			out = append(out, arg)
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading directory %s: %w", arg, err)
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

// job is one article on its way through the workers; done is closed when
// out or err is set.
type job struct {
	a    *article.Article
	out  []byte
	err  error
	done chan struct{}
}

// analyzeInputs reads every input in order, analyzes the articles on
// opts.workers goroutines and writes the results in input order.
func analyzeInputs(ctx context.Context, e *env, az *analysis.Analyzer, inputs []string, opts analyzeOptions) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	var total int64
	for _, in := range inputs {
		if in == "-" {
			total = -1
			break
		}
		if info, err := os.Stat(in); err == nil {
			total += info.Size()
		}
	}
	var read atomic.Int64 // input bytes consumed, for the progress bar
	work := make(chan *job, 4*opts.workers)
	ordered := make(chan *job, 16*opts.workers)
	var wg sync.WaitGroup
	for range opts.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.out, j.err = analyzeOne(ctx, az, j.a, opts)
				close(j.done)
			}
		}()
	}
	// The reader: articles in input order into both queues.
	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(work)
		for _, in := range inputs {
			if err := readInput(ctx, e, in, opts.kind, &read, func(a *article.Article, err error) error {
				j := &job{a: a, err: err, done: make(chan struct{})}
				select {
				case ordered <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
				if err != nil {
					close(j.done)
					return nil
				}
				select {
				case work <- j:
				case <-ctx.Done():
					j.err = ctx.Err()
					close(j.done)
					return ctx.Err()
				}
				return nil
			}); err != nil {
				readErr <- err
				return
			}
		}
		readErr <- nil
	}()
	var ok, failed int
	var writeErr error
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	bar := progress{on: opts.progress, w: e.stderr, total: total, start: start}
	for j := range ordered {
		<-j.done
		if j.err != nil && ctx.Err() != nil && errors.Is(j.err, context.Canceled) {
			continue // interrupted: not this item's fault
		}
		if j.err != nil {
			failed++
			bar.clear()
			fmt.Fprintf(e.stderr, "akhbar analyze: %v\n", j.err)
		} else if writeErr == nil {
			if _, err := out.Write(j.out); err != nil {
				writeErr = fmt.Errorf("writing the analyses: %w", err)
				cancel()
			}
			ok++
		}
		bar.update(ok+failed, read.Load())
	}
	wg.Wait()
	if err := out.Flush(); err != nil && writeErr == nil {
		writeErr = fmt.Errorf("writing the analyses: %w", err)
	}
	bar.clear()
	rerr := <-readErr
	elapsed := time.Since(start)
	rate := float64(ok+failed) / elapsed.Seconds()
	fmt.Fprintf(e.stderr, "akhbar analyze: %d analyzed, %d failed, from %d input(s) in %s (%.0f articles/s)\n",
		ok, failed, len(inputs), elapsed.Round(time.Millisecond), rate)
	switch {
	case writeErr != nil:
		return writeErr
	case rerr != nil && !errors.Is(rerr, context.Canceled):
		return rerr
	case ctx.Err() != nil:
		return ctx.Err()
	case failed > 0:
		return fmt.Errorf("%d of %d articles failed", failed, ok+failed)
	}
	return nil
}

func analyzeOne(ctx context.Context, az *analysis.Analyzer, a *article.Article, opts analyzeOptions) ([]byte, error) {
	var res *analysis.Analysis
	if opts.splitOnly {
		res = splitArticle(a)
	} else {
		var err error
		if res, err = az.Analyze(ctx, a); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if opts.text {
		if err := writeText(&buf, res); err != nil {
			return nil, fmt.Errorf("writing the timeline of %s: %w", a.ID, err)
		}
		return buf.Bytes(), nil
	}
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if opts.pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(res); err != nil {
		return nil, fmt.Errorf("encoding the analysis of %s: %w", a.ID, err)
	}
	return buf.Bytes(), nil
}

// splitArticle returns an Analysis with the article's fields, paragraphs
// and sentences only.
func splitArticle(a *article.Article) *analysis.Analysis {
	res := &analysis.Analysis{
		ID: a.ID, Text: a.Text, Headline: a.Headline, Section: a.Section, Byline: a.Byline, URL: a.URL,
		Site: a.Site, Lang: a.Lang, Published: a.Published.String(),
		Paragraphs: spanPairs(arabic.Paragraphs(a.Text)), Sentences: spanPairs(arabic.Sentences(a.Text)),
	}
	if !a.Source.IsZero() {
		res.Source = &analysis.Source{Name: a.Source.Name, ID: a.Source.ID}
	}
	return res
}

func spanPairs(ss []arabic.Span) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

// readInput reads one input (a file or "-") and calls fn with each article
// or item error. Files that cannot be opened are one error.
func readInput(ctx context.Context, e *env, name string, kind article.Kind, read *atomic.Int64, fn func(*article.Article, error) error) error {
	var r io.Reader
	display := name
	if name == "-" {
		r, display = e.stdin, "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fn(nil, fmt.Errorf("reading %s: %w", name, errors.Unwrap(err)))
		}
		defer f.Close()
		r = f
	}
	r = &countingReader{r: r, n: read}
	n := 0
	return article.Read(ctx, r, display, kind, func(a *article.Article, err error) error {
		n++
		if a != nil && a.ID == "" {
			a.ID = display
			if n > 1 {
				a.ID = fmt.Sprintf("%s#%d", display, n)
			}
		}
		return fn(a, err)
	})
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// progress draws a one-line progress bar on a terminal, at most ten times a
// second.
type progress struct {
	on    bool
	w     io.Writer
	total int64 // input bytes; -1 when unknown
	start time.Time
	last  time.Time
	drawn bool
}

func (p *progress) update(items int, read int64) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(items) / time.Since(p.start).Seconds()
	if p.total > 0 {
		frac := float64(read) / float64(p.total)
		if frac > 1 {
			frac = 1
		}
		const width = 30
		full := int(frac * width)
		fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d articles, %.0f/s ", strings.Repeat("#", full), strings.Repeat(".", width-full), frac*100, items, rate)
	} else {
		fmt.Fprintf(p.w, "\r%d articles, %.0f/s ", items, rate)
	}
	p.drawn = true
}

func (p *progress) clear() {
	if p.on && p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 60))
		p.drawn = false
	}
}
