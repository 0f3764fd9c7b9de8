package ingest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"akhbar/article"
)

// Source is one input: a plain-text article or a JSON lines corpus (gzip
// or not).
type Source struct {
	Name string // path, or "-" for standard input
	Kind Kind
	Size int64 // bytes, when known (for the progress estimate)
	r    io.Reader
}

// Kind is the format of a Source.
type Kind uint8

// Kinds of Source.
const (
	Text      Kind = iota + 1 // one article in plain text
	JSONLines                 // one article a line (.jsonl, .ndjson, .jsonl.gz)
)

// Sources expands the command-line arguments: files by their extension
// (.txt, .jsonl, .ndjson, optionally .gz), directories recursively in name
// order, and "-" for JSON lines on stdin. It names the first argument that
// is missing or of a kind it cannot read.
func Sources(args []string, stdin io.Reader) ([]Source, error) {
	var out []Source
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Source{Name: "-", Kind: JSONLines, r: stdin})
			continue
		}
		if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
			return nil, fmt.Errorf("%s: feed and page URLs are not read yet; save the page or feed and ingest the file", arg)
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", arg, err)
		}
		if !st.IsDir() {
			k, ok := kindOf(arg)
			if !ok {
				return nil, fmt.Errorf("reading %s: unknown kind of file (want .txt, .jsonl, .ndjson or .jsonl.gz)", arg)
			}
			out = append(out, Source{Name: arg, Kind: k, Size: st.Size()})
			continue
		}
		var found []Source
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			if k, ok := kindOf(path); ok {
				info, err := d.Info()
				if err != nil {
					return err
				}
				found = append(found, Source{Name: path, Kind: k, Size: info.Size()})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading directory %s: %w", arg, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		out = append(out, found...)
	}
	return out, nil
}

func kindOf(path string) (Kind, bool) {
	p := strings.ToLower(strings.TrimSuffix(strings.ToLower(path), ".gz"))
	switch filepath.Ext(p) {
	case ".txt":
		return Text, true
	case ".jsonl", ".ndjson":
		return JSONLines, true
	}
	return 0, false
}

// counter counts bytes read across goroutines.
type counter struct{ n atomic.Int64 }

func (c *counter) load() int64 { return c.n.Load() }

type countingReader struct {
	r io.Reader
	c *counter
}

func (cr countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.c.n.Add(int64(n))
	return n, err
}

// read calls fn with each article of the source (or an error about one);
// it returns fn's first error or an error reading the source.
func (s Source) read(ctx context.Context, c *counter, fn func(*article.Article, error) error) error {
	r := s.r
	if r == nil {
		f, err := os.Open(s.Name)
		if err != nil {
			return fn(nil, fmt.Errorf("reading %s: %w", s.Name, err))
		}
		defer f.Close()
		r = f
	}
	r = countingReader{r: r, c: c}
	switch s.Kind {
	case JSONLines:
		return article.ReadJSONLines(ctx, r, s.Name, fn)
	default:
		data, err := io.ReadAll(io.LimitReader(r, 32<<20))
		if err != nil {
			return fn(nil, fmt.Errorf("reading %s: %w", s.Name, err))
		}
		a, err := article.ReadText(s.Name, data)
		if err == nil && a.URL == "" && a.ID == "" {
			a.ID = strings.TrimSuffix(filepath.Base(s.Name), filepath.Ext(s.Name))
		}
		return fn(a, err)
	}
}
