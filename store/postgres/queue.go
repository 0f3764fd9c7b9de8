package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"akhbar/analysis"
	"akhbar/store"
)

// Kinds of work in the queue.
const (
	KindArticle = "article" // payload: an article.Article as JSON, to analyze and store
	KindFeed    = "feed"    // payload: a feed URL, due for polling at Job.Due
)

// States of a job.
const (
	Pending = "pending"
	Done    = "done"
	Failed  = "failed"
)

// Job is one item of work. Key is the article's key (KeyString) for an
// article, "feed:" and the URL for a feed: enqueueing an item twice adds
// it once.
type Job struct {
	Key      string
	Kind     string
	Payload  []byte
	Attempts int       // claims so far, this one included
	Due      time.Time // when a feed is next due (Enqueue: zero means now)
}

// Enqueue adds jobs not queued yet and returns how many it added.
func (d *DB) Enqueue(ctx context.Context, jobs []Job) (int, error) {
	if len(jobs) == 0 {
		return 0, nil
	}
	batch := &pgx.Batch{}
	for _, j := range jobs {
		if j.Key == "" || (j.Kind != KindArticle && j.Kind != KindFeed) {
			return 0, fmt.Errorf("queueing in %s: job %q of kind %q: want a key and kind article or feed", d.name, j.Key, j.Kind)
		}
		var due any
		if !j.Due.IsZero() {
			due = j.Due
		}
		batch.Queue(`INSERT INTO jobs(key, kind, payload, due) VALUES($1, $2, $3, coalesce($4::timestamptz, now()))
			ON CONFLICT (key) DO NOTHING`, j.Key, j.Kind, j.Payload, due)
	}
	added := 0
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		br := tx.SendBatch(ctx, batch)
		defer br.Close()
		for range jobs {
			tag, err := br.Exec()
			if err != nil {
				return err
			}
			added += int(tag.RowsAffected())
		}
		return br.Close()
	})
	if err != nil {
		return 0, fmt.Errorf("queueing in %s: %w", d.name, err)
	}
	return added, nil
}

// Claim leases up to n pending jobs of kind for lease to worker: due
// jobs nobody holds, or whose holder's lease ran out (a worker that died).
// Rows other workers are claiming at the same moment are skipped (FOR
// UPDATE SKIP LOCKED), so concurrent claims never wait for or overlap
// each other. A job claimed maxAttempts times without finishing is marked
// failed instead.
func (d *DB) Claim(ctx context.Context, worker, kind string, n int, lease time.Duration, maxAttempts int) ([]Job, error) {
	if maxAttempts > 0 {
		if _, err := d.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', updated = now(),
				error = 'gave up after ' || attempts || ' attempts (last worker ' || worker || ')'
			WHERE state = 'pending' AND kind = $1 AND attempts >= $2 AND lease_until < now()`, kind, maxAttempts); err != nil {
			return nil, fmt.Errorf("claiming work in %s: %w", d.name, err)
		}
	}
	rows, err := d.pool.Query(ctx, `WITH c AS (
			SELECT key FROM jobs WHERE state = 'pending' AND kind = $1 AND due <= now()
				AND (lease_until IS NULL OR lease_until < now())
			ORDER BY due, key LIMIT $2 FOR UPDATE SKIP LOCKED)
		UPDATE jobs j SET lease_until = now() + $3 * interval '1 millisecond', worker = $4,
			attempts = j.attempts + 1, updated = now()
		FROM c WHERE j.key = c.key RETURNING j.key, j.kind, j.payload, j.attempts, j.due`,
		kind, n, lease.Milliseconds(), worker)
	if err != nil {
		return nil, fmt.Errorf("claiming work in %s: %w", d.name, err)
	}
	jobs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Job, error) {
		var j Job
		err := r.Scan(&j.Key, &j.Kind, &j.Payload, &j.Attempts, &j.Due)
		return j, err
	})
	if err != nil {
		return nil, fmt.Errorf("claiming work in %s: %w", d.name, err)
	}
	return jobs, nil
}

// Extend renews worker's lease on its jobs; it returns how many it still
// held.
func (d *DB) Extend(ctx context.Context, worker string, keys []string, lease time.Duration) (int, error) {
	tag, err := d.pool.Exec(ctx, `UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond'
		WHERE key = ANY($1) AND worker = $2 AND state = 'pending'`, keys, worker, lease.Milliseconds())
	if err != nil {
		return 0, fmt.Errorf("renewing leases in %s: %w", d.name, err)
	}
	return int(tag.RowsAffected()), nil
}

// Finish stores the analyses of article jobs and marks the jobs done, in
// one transaction: either both happen or neither. docs[i] is the analysis
// of keys[i]. A job whose article another worker stored first (its lease
// ran out while this one worked) ends as done too, and the article stays
// stored once.
func (d *DB) Finish(ctx context.Context, keys []string, docs []*analysis.Analysis, opts store.PutOptions) (store.PutResult, error) {
	if len(keys) != len(docs) {
		return store.PutResult{}, fmt.Errorf("finishing work in %s: %d keys for %d analyses", d.name, len(keys), len(docs))
	}
	var res store.PutResult
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		var err error
		if res, err = put(ctx, tx, docs, opts); err != nil {
			return err
		}
		// A done job keeps its key (so the article is not queued again)
		// but not its payload: the store has the text and the analysis.
		_, err = tx.Exec(ctx, `UPDATE jobs j SET state = 'done', lease_until = NULL, error = '', updated = now(), article = d.id,
			payload = ''::bytea
			FROM unnest($1::text[], $2::text[]) AS d(key, id) WHERE j.key = d.key`, keys, res.IDs)
		return err
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("finishing work in %s: %w", d.name, err)
	}
	return res, nil
}

// Fail marks a job failed for good (bad input: retrying cannot help).
func (d *DB) Fail(ctx context.Context, key string, reason error) error {
	_, err := d.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', lease_until = NULL, error = $2, updated = now()
		WHERE key = $1`, key, reason.Error())
	if err != nil {
		return fmt.Errorf("marking job %s failed in %s: %w", key, d.name, err)
	}
	return nil
}

// Reschedule releases a feed job and makes it due again at due.
func (d *DB) Reschedule(ctx context.Context, key string, due time.Time, lastErr error) error {
	msg := ""
	if lastErr != nil {
		msg = lastErr.Error()
	}
	_, err := d.pool.Exec(ctx, `UPDATE jobs SET due = $2, lease_until = NULL, attempts = 0, error = $3, updated = now()
		WHERE key = $1`, key, due, msg)
	if err != nil {
		return fmt.Errorf("rescheduling %s in %s: %w", key, d.name, err)
	}
	return nil
}

// QueueStats counts jobs by kind and state.
type QueueStats struct {
	Kind    string `json:"kind"`
	State   string `json:"state"`
	Jobs    int    `json:"jobs"`
	Leased  int    `json:"leased"`  // pending jobs a live worker holds
	Expired int    `json:"expired"` // pending jobs whose holder's lease ran out
}

// Queue describes the work queue.
func (d *DB) Queue(ctx context.Context) ([]QueueStats, error) {
	rows, err := d.pool.Query(ctx, `SELECT kind, state, count(*),
		count(*) FILTER (WHERE state = 'pending' AND lease_until >= now()),
		count(*) FILTER (WHERE state = 'pending' AND lease_until < now())
		FROM jobs GROUP BY 1, 2 ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("reading the queue of %s: %w", d.name, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (QueueStats, error) {
		var s QueueStats
		var n, l, e int64
		err := r.Scan(&s.Kind, &s.State, &n, &l, &e)
		s.Jobs, s.Leased, s.Expired = int(n), int(l), int(e)
		return s, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the queue of %s: %w", d.name, err)
	}
	return out, nil
}

// Failures returns up to limit failed jobs with their reasons.
func (d *DB) Failures(ctx context.Context, limit int) ([][2]string, error) {
	rows, err := d.pool.Query(ctx, `SELECT key, error FROM jobs WHERE state = 'failed' ORDER BY updated DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading failures in %s: %w", d.name, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var f [2]string
		err := r.Scan(&f[0], &f[1])
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading failures in %s: %w", d.name, err)
	}
	return out, nil
}

// Pending counts the pending jobs of kind, claimed or not.
func (d *DB) Pending(ctx context.Context, kind string) (int, error) {
	var n int64
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM jobs WHERE state = 'pending' AND kind = $1`, kind).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting pending work in %s: %w", d.name, err)
	}
	return int(n), nil
}
