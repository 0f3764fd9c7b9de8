package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"akhbar/arabic"
	"akhbar/ner/wordclass"
)

func runTrainClasses(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train classes", `
akhbar train classes learns word classes for the NER tagger from unlabelled
news: word vectors (skip-gram with negative sampling), k-means into fine
classes, and k-means of those into coarse classes. Input is JSON lines with a
"text" field (and optionally "title"), gzip-compressed or not. One core,
deterministic for a seed.

Usage:
  akhbar train classes --news FILE --out CLASSES [flags]

Example:
  nice akhbar train classes --news ../shared/data/news/arabic_news.jsonl.gz --out /tmp/classes.tsv`)
	news := fs.String("news", "", "JSON-lines news `file` (.gz or plain; required)")
	out := fs.String("out", "", "write the classes to this `file` (required)")
	var o wordclass.Options
	fs.IntVar(&o.Dim, "dim", 64, "vector `dimensions`")
	fs.IntVar(&o.Epochs, "epochs", 1, "passes over the corpus")
	fs.IntVar(&o.MinCount, "min-count", 5, "words seen fewer `times` get no class")
	fs.IntVar(&o.Fine, "fine", 1000, "fine `classes`")
	fs.IntVar(&o.Coarse, "coarse", 100, "coarse `classes`")
	fs.IntVar(&o.Iterations, "iterations", 10, "k-means `iterations`")
	fs.Uint64Var(&o.Seed, "seed", 1, "random `seed`")
	limit := fs.Int("limit", 0, "read at most this many `articles` (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *news == "" || *out == "" {
		return usageError("need --news FILE and --out CLASSES")
	}
	o.Progress = func(s string) { fmt.Fprintln(e.stderr, s) }
	corpus, docs, err := readNewsCorpus(ctx, *news, *limit)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "read %d articles, %d words, %d distinct\n", docs, corpus.Tokens(), corpus.Types())
	cl, err := wordclass.Learn(ctx, corpus, o)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := cl.Write(&buf); err != nil {
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d words in %d fine and %d coarse classes\n", *out, len(cl.Words), o.Fine, o.Coarse)
	return nil
}

// readNewsCorpus reads the folded words of a JSON-lines news file. Numbers
// become "<num>"; punctuation is left out.
func readNewsCorpus(ctx context.Context, path string, limit int) (*wordclass.Corpus, int, error) {
	c := wordclass.NewCorpus()
	var buf []byte
	docs, err := eachNewsArticle(ctx, path, limit, func(title, text string) {
		for _, s := range []string{title, text} {
			arabic.Scan(s, func(t arabic.Token) bool {
				switch t.Kind {
				case arabic.Word, arabic.Latin:
					buf = arabic.AppendFold(buf[:0], t.Text)
					c.Add(string(buf))
				case arabic.Number:
					c.Add("<num>")
				}
				return true
			})
			c.EndDoc()
		}
	})
	if err != nil {
		return nil, 0, err
	}
	return c, docs, nil
}

// eachNewsArticle calls fn with the title and text of each article of a
// JSON-lines news file (gzip-compressed when its name ends in .gz) that has
// a text, up to limit articles (0: all), and returns how many it passed.
func eachNewsArticle(ctx context.Context, path string, limit int, fn func(title, text string)) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("opening news corpus: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<20)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	docs, line := 0, 0
	for sc.Scan() {
		line++
		if line%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return docs, fmt.Errorf("reading %s: %w", path, err)
			}
		}
		var a struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return docs, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if a.Text == "" {
			continue
		}
		fn(a.Title, a.Text)
		docs++
		if limit > 0 && docs >= limit {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("reading %s: %w", path, err)
	}
	return docs, nil
}
