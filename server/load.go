package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"
)

// LoadReport summarizes a load run: how many requests, how many failed,
// and the latency percentiles.
type LoadReport struct {
	Requests    int           `json:"requests"`
	Errors      int           `json:"errors"`
	Concurrency int           `json:"concurrency"`
	Elapsed     time.Duration `json:"elapsed"`
	PerSecond   float64       `json:"per_second"`
	P50         time.Duration `json:"p50"`
	P95         time.Duration `json:"p95"`
	P99         time.Duration `json:"p99"`
	Max         time.Duration `json:"max"`
	FirstError  string        `json:"first_error,omitempty"`
}

// String prints the report on one line.
func (r LoadReport) String() string {
	return fmt.Sprintf("%d requests, %d concurrent, %d errors: p50 %v, p95 %v, p99 %v, max %v; %.0f req/s",
		r.Requests, r.Concurrency, r.Errors, r.P50.Round(time.Microsecond), r.P95.Round(time.Microsecond),
		r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond), r.PerSecond)
}

// Load sends n GET requests to urls (taken in turn), concurrency at a time,
// and reports their latencies. A request fails when it errs or its status
// is not 200.
func Load(ctx context.Context, client *http.Client, urls []string, concurrency, n int) (LoadReport, error) {
	if len(urls) == 0 || concurrency <= 0 || n <= 0 {
		return LoadReport{}, fmt.Errorf("load: need urls, concurrency and n (got %d, %d, %d)", len(urls), concurrency, n)
	}
	lat := make([]time.Duration, n)
	var mu sync.Mutex
	rep := LoadReport{Requests: n, Concurrency: concurrency}
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				t0 := time.Now()
				err := get(ctx, client, urls[i%len(urls)])
				lat[i] = time.Since(t0)
				if err != nil {
					mu.Lock()
					rep.Errors++
					if rep.FirstError == "" {
						rep.FirstError = err.Error()
					}
					mu.Unlock()
				}
			}
		}()
	}
	// Start all workers at once, then feed them.
	for i := range n {
		select {
		case jobs <- i:
		case <-ctx.Done():
			close(jobs)
			wg.Wait()
			return rep, fmt.Errorf("load: %w", ctx.Err())
		}
	}
	close(jobs)
	wg.Wait()
	rep.Elapsed = time.Since(start)
	rep.PerSecond = float64(n) / rep.Elapsed.Seconds()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(n-1, int(p*float64(n)))] }
	rep.P50, rep.P95, rep.P99, rep.Max = pct(0.50), pct(0.95), pct(0.99), lat[n-1]
	return rep, nil
}

func get(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}
