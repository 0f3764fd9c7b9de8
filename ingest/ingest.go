// Package ingest reads articles from files, directories and JSON lines
// corpora, analyzes them on every core and stores them through one writer,
// one transaction a batch, so an interrupted run loses at most the batch in
// flight and the next run continues where it stopped.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"akhbar/analysis"
	"akhbar/article"
	"akhbar/store"
)

// Options configure Run.
type Options struct {
	// Workers analyze in parallel; 0 means one a CPU.
	Workers int
	// BatchSize is how many articles one transaction stores; 0 means 200.
	BatchSize int
	// Reanalyze analyzes articles already stored again and replaces their
	// analysis in place.
	Reanalyze bool
	// Progress receives progress reports; nil means none.
	Progress io.Writer
	// Terminal draws a one-line progress bar on Progress instead of plain
	// log lines.
	Terminal bool
	// Every is how often progress is reported; 0 means every 200 ms on a
	// terminal and every 10 s otherwise.
	Every time.Duration
	// Limit stops after reading this many articles; 0 means no limit.
	Limit int
}

// Summary is what a run did.
type Summary struct {
	Read       int            `json:"read"`       // articles read from the sources
	Stored     int            `json:"stored"`     // new articles stored
	Updated    int            `json:"updated"`    // re-analyzed in place (Reanalyze)
	Duplicates int            `json:"duplicates"` // already stored, or twice in the input
	Failed     int            `json:"failed"`     // inputs that could not be read or analyzed
	Reasons    map[string]int `json:"reasons"`    // failures by reason
	Examples   []string       `json:"examples"`   // the first failures, in full
	Elapsed    time.Duration  `json:"elapsed_ns"`
}

// Rate returns articles read a second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// String reports the summary in one paragraph.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d, stored %d, updated %d, duplicates %d, failed %d in %s (%.0f articles/s)",
		s.Read, s.Stored, s.Updated, s.Duplicates, s.Failed, s.Elapsed.Round(time.Millisecond), s.Rate())
	reasons := make([]string, 0, len(s.Reasons))
	for r := range s.Reasons {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { return s.Reasons[reasons[i]] > s.Reasons[reasons[j]] })
	for _, r := range reasons {
		fmt.Fprintf(&b, "\n  %6d  %s", s.Reasons[r], r)
	}
	for _, e := range s.Examples {
		fmt.Fprintf(&b, "\n  e.g. %s", e)
	}
	return b.String()
}

const maxExamples = 10

// WriterLocker is implemented by stores that let one ingest write at a
// time; Run takes the lock for its whole run.
type WriterLocker interface {
	LockWriter() (release func(), err error)
}

// Analyzer turns an article into its Analysis; *analysis.Analyzer is one.
type Analyzer interface {
	Analyze(ctx context.Context, a *article.Article) (*analysis.Analysis, error)
}

// item is one article read, or a failure to read one.
type item struct {
	a   *article.Article
	err error
}

// result is one article analyzed, or why not.
type result struct {
	an      *analysis.Analysis
	known   bool // already stored; not analyzed again
	err     error
	inBytes int64
}

// Run reads every source, analyzes what is not stored yet with az and
// stores it in st. It returns the summary so far with any error that
// stopped it (a store error or ctx ending); bad inputs do not stop it.
func Run(ctx context.Context, st store.Store, az Analyzer, sources []Source, opts Options) (Summary, error) {
	start := time.Now()
	sum := Summary{Reasons: map[string]int{}}
	if l, ok := st.(WriterLocker); ok {
		release, err := l.LockWriter()
		if err != nil {
			return sum, err
		}
		defer release()
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 200
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var total int64
	for _, s := range sources {
		total += s.Size
	}
	prog := newProgress(opts, total)
	items := make(chan item, opts.Workers*4)
	results := make(chan result, opts.Workers*4)
	var readErr error
	var readBytes counter
	go func() {
		defer close(items)
		n := 0
		for _, s := range sources {
			err := s.read(ctx, &readBytes, func(a *article.Article, err error) error {
				if opts.Limit > 0 && n >= opts.Limit {
					return errLimit
				}
				n++
				select {
				case items <- item{a: a, err: err}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if errors.Is(err, errLimit) {
				return
			}
			var le *article.LineError
			if err != nil && !errors.As(err, &le) { // line errors were passed on as items
				if ctx.Err() == nil {
					readErr = fmt.Errorf("reading %s: %w", s.Name, err)
				}
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				r := analyze(ctx, st, az, it, opts.Reanalyze)
				r.inBytes = readBytes.load()
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	batch := make([]*analysis.Analysis, 0, opts.BatchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.Put(ctx, batch, store.PutOptions{Reanalyze: opts.Reanalyze})
		if err != nil {
			return err
		}
		sum.Stored += res.Count(store.Stored)
		sum.Updated += res.Count(store.Updated)
		sum.Duplicates += res.Count(store.Duplicate)
		batch = batch[:0]
		return nil
	}
	var err error
	var lastBytes int64
	for r := range results {
		sum.Read++
		lastBytes = max(lastBytes, r.inBytes)
		switch {
		case r.err != nil:
			sum.Failed++
			sum.Reasons[reason(r.err)]++
			if len(sum.Examples) < maxExamples {
				sum.Examples = append(sum.Examples, r.err.Error())
			}
		case r.known:
			sum.Duplicates++
		default:
			batch = append(batch, r.an)
			if len(batch) >= opts.BatchSize {
				if err = flush(); err != nil {
					cancel()
				}
			}
		}
		if err != nil {
			break
		}
		sum.Elapsed = time.Since(start)
		prog.update(sum, lastBytes, false)
	}
	if err == nil {
		err = flush()
	}
	cancel()
	for range results { // let the workers finish
	}
	sum.Elapsed = time.Since(start)
	prog.update(sum, lastBytes, true)
	if err != nil {
		return sum, fmt.Errorf("storing: %w (%d articles stored before; run again to continue)", err, sum.Stored)
	}
	if readErr != nil {
		return sum, readErr
	}
	if e := ctx.Err(); e != nil && !errors.Is(e, context.Canceled) {
		return sum, e
	}
	return sum, nil
}

var errLimit = errors.New("limit reached")

func analyze(ctx context.Context, st store.Store, az Analyzer, it item, reanalyze bool) result {
	if it.err != nil {
		return result{err: it.err}
	}
	a := it.a
	if !reanalyze {
		known, err := st.Known(ctx, []store.Key{store.KeyOf(a.URL, a.Site, a.Text)})
		if err != nil {
			return result{err: err}
		}
		if known[0] {
			return result{known: true}
		}
	}
	an, err := safeAnalyze(ctx, az, a)
	if err != nil {
		return result{err: err}
	}
	return result{an: an}
}

// safeAnalyze turns a panic in an annotator into an error about that
// article, so one bad article cannot stop a long ingest.
func safeAnalyze(ctx context.Context, az Analyzer, a *article.Article) (an *analysis.Analysis, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("analyzing %s: annotator panicked: %v", name(a), p)
		}
	}()
	an, err = az.Analyze(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("analyzing %s: %w", name(a), err)
	}
	return an, nil
}

func name(a *article.Article) string {
	switch {
	case a.ID != "":
		return a.ID
	case a.URL != "":
		return a.URL
	}
	return fmt.Sprintf("%q", a.Headline)
}

// reason is the part of an error that names its cause, without which
// input: "not a JSON object", "no \"text\" field".
func reason(err error) string {
	var le *article.LineError
	if errors.As(err, &le) {
		err = le.Err
	}
	s := err.Error()
	if i := strings.Index(s, ": "); i > 0 && strings.HasPrefix(s, "analyzing ") {
		s = "analyzing: " + s[i+2:]
	}
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}
