package postgres

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"akhbar/store"
)

// Entities returns the entities ref names (an id, a name or a spelling seen
// in a mention), most mentioned first.
func (d *DB) Entities(ctx context.Context, ref string) ([]store.EntityInfo, error) {
	ids, err := d.resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	var out []store.EntityInfo
	for _, id := range ids {
		e := store.EntityInfo{ID: id, Names: []string{}}
		err := d.pool.QueryRow(ctx, `SELECT type, name, name_en, (SELECT count(*) FROM mentions WHERE entity = $1)
			FROM entities WHERE id = $1`, id).Scan(&e.Type, &e.Name, &e.NameEn, &e.Articles)
		if errors.Is(err, pgx.ErrNoRows) {
			continue // known to the Resolver only
		}
		if err != nil {
			return nil, fmt.Errorf("reading entity %s from %s: %w", id, d.name, err)
		}
		rows, err := d.pool.Query(ctx, `SELECT norm FROM entity_names WHERE entity = $1 ORDER BY norm`, id)
		if err != nil {
			return nil, fmt.Errorf("reading entity %s from %s: %w", id, d.name, err)
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, fmt.Errorf("reading entity %s from %s: %w", id, d.name, err)
		}
		e.Names = append(e.Names, names...)
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entity %q: %w", ref, store.ErrNotFound)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Articles > out[j].Articles })
	return out, nil
}

func (d *DB) idsOf(ctx context.Context, ref string) ([]string, error) {
	ids, err := d.resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("entity %q: %w", ref, store.ErrNotFound)
	}
	return ids, nil
}

// Timeline counts the mentions of ref per day (articles without a date are
// left out).
func (d *DB) Timeline(ctx context.Context, ref string) ([]store.Count, error) {
	ids, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	return d.counts(ctx, `SELECT a.day, sum(m.n) FROM mentions m JOIN articles a ON a.id = m.article
		WHERE m.entity = ANY($1) AND a.day <> '' GROUP BY a.day ORDER BY a.day`, ids)
}

// counts runs a query of (key, count) rows.
func (d *DB) counts(ctx context.Context, q string, args ...any) ([]store.Count, error) {
	rows, err := d.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("counting in %s: %w", d.name, err)
	}
	defer rows.Close()
	out := []store.Count{}
	for rows.Next() {
		var c store.Count
		var n int64
		if err := rows.Scan(&c.Key, &n); err != nil {
			return nil, fmt.Errorf("counting in %s: %w", d.name, err)
		}
		c.Count = int(n)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting in %s: %w", d.name, err)
	}
	return out, nil
}

// Quotes returns up to limit quotes spoken by ref, newest first.
func (d *DB) Quotes(ctx context.Context, ref string, limit int) ([]store.QuoteHit, error) {
	ids, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := d.pool.Query(ctx, `SELECT q.speaker, q.speaker_text, q.cue, q.direct, q.text, q.start, q."end",
		a.id, a.headline, a.published FROM quotes q JOIN articles a ON a.id = q.article
		WHERE q.speaker = ANY($1) ORDER BY a.day DESC, a.seq DESC, q.start LIMIT $2`, ids, limit)
	if err != nil {
		return nil, fmt.Errorf("reading quotes of %q from %s: %w", ref, d.name, err)
	}
	defer rows.Close()
	out := []store.QuoteHit{}
	for rows.Next() {
		var h store.QuoteHit
		if err := rows.Scan(&h.Speaker, &h.SpeakerText, &h.Cue, &h.Direct, &h.Text, &h.Start, &h.End,
			&h.Article, &h.Headline, &h.Published); err != nil {
			return nil, fmt.Errorf("reading quotes of %q from %s: %w", ref, d.name, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading quotes of %q from %s: %w", ref, d.name, err)
	}
	return out, nil
}

// Cooccurring returns the entities most often named in the articles that
// name ref.
func (d *DB) Cooccurring(ctx context.Context, ref string, limit int) ([]store.EntityCount, error) {
	ids, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := d.pool.Query(ctx, `SELECT m2.entity, e.type, e.name, count(DISTINCT m2.article) FROM mentions m1
		JOIN mentions m2 ON m2.article = m1.article AND NOT m2.entity = ANY($1)
		JOIN entities e ON e.id = m2.entity
		WHERE m1.entity = ANY($1) GROUP BY m2.entity, e.type, e.name ORDER BY 4 DESC, 1 LIMIT $2`, ids, limit)
	if err != nil {
		return nil, fmt.Errorf("reading co-occurrences of %q from %s: %w", ref, d.name, err)
	}
	defer rows.Close()
	out := []store.EntityCount{}
	for rows.Next() {
		var c store.EntityCount
		var n int64
		if err := rows.Scan(&c.ID, &c.Type, &c.Name, &n); err != nil {
			return nil, fmt.Errorf("reading co-occurrences of %q from %s: %w", ref, d.name, err)
		}
		c.Count = int(n)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading co-occurrences of %q from %s: %w", ref, d.name, err)
	}
	return out, nil
}

// Trend counts the articles matching query per period. Days are counted
// in the database and gathered into weeks (starting Monday) or months
// here, so a malformed stored day can never fail the query.
func (d *DB) Trend(ctx context.Context, query string, p store.Period) ([]store.Count, error) {
	switch p {
	case store.Day, store.Week, store.Month, "":
	default:
		return nil, fmt.Errorf("%w: period %q (want day, week or month)", store.ErrBadQuery, p)
	}
	expr, err := store.Parse(query)
	if err != nil {
		return nil, err
	}
	if expr == nil {
		return nil, fmt.Errorf("%w: %q", store.ErrEmptyQuery, shorten(strings.TrimSpace(query)))
	}
	tsq, _, err := d.render(ctx, expr)
	if err != nil {
		return nil, err
	}
	days, err := d.counts(ctx, `SELECT a.day, count(*) FROM articles a WHERE a.tsv @@ $1::tsquery AND a.day <> ''
		GROUP BY 1 ORDER BY 1`, tsq)
	if err != nil {
		return nil, err
	}
	if p == store.Day || p == "" {
		return days, nil
	}
	// Days come sorted, so their weeks and months do too.
	out := []store.Count{}
	for _, c := range days {
		k := c.Key
		switch p {
		case store.Week:
			t, err := time.Parse("2006-01-02", c.Key)
			if err != nil {
				continue
			}
			k = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format("2006-01-02")
		case store.Month:
			k = c.Key[:7]
		}
		if n := len(out); n > 0 && out[n-1].Key == k {
			out[n-1].Count += c.Count
		} else {
			out = append(out, store.Count{Key: k, Count: c.Count})
		}
	}
	return out, nil
}
