package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"akhbar/article"
	"akhbar/store"
	"akhbar/store/postgres"
)

// ArticleJob returns the queue job of an article: keyed by the article's
// store key, so queueing it twice (or a copy with the same URL, or with
// the same site and text) queues it once.
func ArticleJob(a *article.Article) (postgres.Job, error) {
	payload, err := json.Marshal(a)
	if err != nil {
		return postgres.Job{}, fmt.Errorf("encoding article %s: %w", a.ID, err)
	}
	key := postgres.KeyString(store.KeyOf(a.URL, a.Site, a.Text))
	return postgres.Job{Key: key, Kind: postgres.KindArticle, Payload: payload}, nil
}

// FeedJob returns the queue job of a feed URL, due now.
func FeedJob(url string) postgres.Job {
	return postgres.Job{Key: "feed:" + url, Kind: postgres.KindFeed, Payload: []byte(url)}
}

// EnqueueSummary is what Enqueue read and queued.
type EnqueueSummary struct {
	Read   int      `json:"read"`
	Queued int      `json:"queued"` // new jobs; the rest were queued already
	Bad    int      `json:"bad"`    // inputs or lines that are not articles
	Errors []string `json:"errors,omitempty"`
	Feeds  int      `json:"feeds"`
}

// maxErrors is how many bad-input messages a summary keeps.
const maxErrors = 20

// Enqueue queues the articles of each input (a file of any kind article.Read
// knows: text, HTML, a feed document, JSON lines, gzip too; a directory,
// read recursively in name order; "-" for stdin) and each http(s) URL as a
// feed due now. Bad inputs are counted and named, not fatal.
func Enqueue(ctx context.Context, db *postgres.DB, inputs []string, stdin io.Reader) (EnqueueSummary, error) {
	var sum EnqueueSummary
	var batch []postgres.Job
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := db.Enqueue(ctx, batch)
		if err != nil {
			return err
		}
		sum.Queued += n
		batch = batch[:0]
		return nil
	}
	fn := func(a *article.Article, err error) error {
		if err != nil {
			sum.Bad++
			if len(sum.Errors) < maxErrors {
				sum.Errors = append(sum.Errors, err.Error())
			}
			return nil
		}
		sum.Read++
		j, err := ArticleJob(a)
		if err != nil {
			return err
		}
		batch = append(batch, j)
		if len(batch) >= 500 {
			return flush()
		}
		return nil
	}
	for _, in := range inputs {
		switch {
		case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
			batch = append(batch, FeedJob(in))
			sum.Feeds++
		case in == "-":
			if err := article.Read(ctx, stdin, "stdin", article.Unknown, fn); err != nil {
				return sum, err
			}
		default:
			files, err := expand(in)
			if err != nil {
				return sum, err
			}
			for _, f := range files {
				if err := readFile(ctx, f, fn); err != nil {
					return sum, err
				}
			}
		}
	}
	return sum, flush()
}

func readFile(ctx context.Context, path string, fn func(*article.Article, error) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	return article.Read(ctx, f, path, article.Unknown, fn)
}

// expand returns path, or the regular files under it in name order.
func expand(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	sort.Strings(files)
	return files, nil
}
