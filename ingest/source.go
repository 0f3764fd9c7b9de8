package ingest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"akhbar/article"
)

// Source is one input: a file (plain text, HTML page, RSS/Atom feed or
// JSON lines corpus, gzip or not), standard input or a URL.
type Source struct {
	Name string       // path, URL, or "-" for standard input
	Kind article.Kind // article.Unknown: detected from the name and content
	Size int64        // bytes, when known (for the progress estimate)
	r    io.Reader
}

// Sources expands the command-line arguments: files of any kind the
// article package reads (by extension, else by content), directories
// recursively in name order (files with a telling extension only: .txt,
// .html, .htm, .rss, .atom, .jsonl, .ndjson, optionally .gz), http(s) URLs
// of a page or feed, and "-" for standard input. It names the first
// argument that is missing.
func Sources(args []string, stdin io.Reader) ([]Source, error) {
	var out []Source
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Source{Name: "-", r: stdin})
			continue
		}
		if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
			if _, err := url.ParseRequestURI(arg); err != nil {
				return nil, fmt.Errorf("reading %s: %w", arg, err)
			}
			out = append(out, Source{Name: arg})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", arg, err)
		}
		if !st.IsDir() {
			out = append(out, Source{Name: arg, Kind: kindOf(arg), Size: st.Size()})
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
			if k := kindOf(path); k != article.Unknown {
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

// kindOf is the kind a file's extension tells, or article.Unknown.
func kindOf(path string) article.Kind {
	base := strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".gz")
	switch filepath.Ext(base) {
	case ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".rss", ".atom", ".txt":
		return article.DetectKind(path, nil)
	}
	return article.Unknown
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

// maxFetch is the most ingest reads from one URL.
const maxFetch = 32 << 20

// read calls fn with each article of the source (or an error about one);
// it returns fn's first error or an error reading the source.
func (s Source) read(ctx context.Context, c *counter, fn func(*article.Article, error) error) error {
	r := s.r
	pageURL := ""
	switch {
	case r != nil:
	case strings.HasPrefix(s.Name, "http://") || strings.HasPrefix(s.Name, "https://"):
		body, err := fetch(ctx, s.Name)
		if err != nil {
			return fn(nil, err)
		}
		defer body.Close()
		r, pageURL = body, s.Name
	default:
		f, err := os.Open(s.Name)
		if err != nil {
			return fn(nil, fmt.Errorf("reading %s: %w", s.Name, err))
		}
		defer f.Close()
		r = f
	}
	r = countingReader{r: r, c: c}
	br := bufio.NewReaderSize(r, 1<<16)
	kind := s.Kind
	if kind == article.Unknown {
		head, _ := br.Peek(1024)
		kind = article.DetectKind(s.Name, head)
	}
	if kind == article.HTML && pageURL != "" {
		a, err := article.ReadHTML(ctx, br, s.Name, pageURL)
		return fn(a, err)
	}
	return article.Read(ctx, br, s.Name, kind, func(a *article.Article, err error) error {
		if err == nil && a.URL == "" && a.ID == "" && kind == article.Text {
			a.ID = strings.TrimSuffix(filepath.Base(s.Name), filepath.Ext(s.Name))
		}
		return fn(a, err)
	})
}

// fetch GETs a page or feed, refusing anything but 200 and bodies over
// maxFetch.
func fetch(ctx context.Context, u string) (io.ReadCloser, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	req.Header.Set("User-Agent", "akhbar (news reader)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("fetching %s: %s", u, resp.Status)
	}
	return cancelCloser{Reader: io.LimitReader(resp.Body, maxFetch), c: resp.Body, cancel: cancel}, nil
}

type cancelCloser struct {
	io.Reader
	c      io.Closer
	cancel context.CancelFunc
}

func (cc cancelCloser) Close() error {
	err := cc.c.Close()
	cc.cancel()
	return err
}
