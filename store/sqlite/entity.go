package sqlite

import (
	"context"
	"fmt"
	"strings"

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
		err := d.db.QueryRowContext(ctx, `SELECT type, name, name_en, (SELECT count(*) FROM mentions WHERE entity = ?)
			FROM entities WHERE id = ?`, id, id).Scan(&e.Type, &e.Name, &e.NameEn, &e.Articles)
		if err != nil {
			continue // known to the Resolver only
		}
		rows, err := d.db.QueryContext(ctx, `SELECT norm FROM entity_names WHERE entity = ? ORDER BY norm`, id)
		if err != nil {
			return nil, fmt.Errorf("reading entity %s from %s: %w", id, d.path, err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err == nil {
				e.Names = append(e.Names, n)
			}
		}
		rows.Close()
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entity %q: %w", ref, store.ErrNotFound)
	}
	for i := 1; i < len(out); i++ { // insertion sort: few entries
		for j := i; j > 0 && out[j].Articles > out[j-1].Articles; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

func (d *DB) idsOf(ctx context.Context, ref string) ([]string, []any, error) {
	ids, err := d.resolve(ctx, ref)
	if err != nil {
		return nil, nil, err
	}
	if len(ids) == 0 {
		return nil, nil, fmt.Errorf("entity %q: %w", ref, store.ErrNotFound)
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return ids, args, nil
}

// Timeline counts the mentions of ref per day (articles without a date are
// left out).
func (d *DB) Timeline(ctx context.Context, ref string) ([]store.Count, error) {
	ids, args, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	return d.counts(ctx, `SELECT a.day, sum(m.n) FROM mentions m JOIN facts a ON a.rowid = m.article
		WHERE m.entity IN (`+placeholders(len(ids))+`) AND a.day <> '' GROUP BY a.day ORDER BY a.day`, args...)
}

func (d *DB) counts(ctx context.Context, q string, args ...any) ([]store.Count, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("counting in %s: %w", d.path, err)
	}
	defer rows.Close()
	out := []store.Count{}
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return nil, fmt.Errorf("counting in %s: %w", d.path, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting in %s: %w", d.path, err)
	}
	return out, nil
}

// Quotes returns up to limit quotes spoken by ref, newest first.
func (d *DB) Quotes(ctx context.Context, ref string, limit int) ([]store.QuoteHit, error) {
	ids, args, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := d.db.QueryContext(ctx, `SELECT q.speaker, q.speaker_text, q.cue, q.direct, q.text, q.start, q."end",
		a.id, a.headline, a.published FROM quotes q JOIN articles a ON a.rowid = q.article
		WHERE q.speaker IN (`+placeholders(len(ids))+`) ORDER BY a.day DESC, a.rowid DESC, q.start LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("reading quotes of %q from %s: %w", ref, d.path, err)
	}
	defer rows.Close()
	out := []store.QuoteHit{}
	for rows.Next() {
		var h store.QuoteHit
		if err := rows.Scan(&h.Speaker, &h.SpeakerText, &h.Cue, &h.Direct, &h.Text, &h.Start, &h.End,
			&h.Article, &h.Headline, &h.Published); err != nil {
			return nil, fmt.Errorf("reading quotes of %q from %s: %w", ref, d.path, err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Cooccurring returns the entities most often named in the articles that
// name ref.
func (d *DB) Cooccurring(ctx context.Context, ref string, limit int) ([]store.EntityCount, error) {
	ids, args, err := d.idsOf(ctx, ref)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	ph := placeholders(len(ids))
	rows, err := d.db.QueryContext(ctx, `SELECT m2.entity, e.type, e.name, count(DISTINCT m2.article) FROM mentions m1
		JOIN mentions m2 ON m2.article = m1.article AND m2.entity NOT IN (`+ph+`)
		JOIN entities e ON e.id = m2.entity
		WHERE m1.entity IN (`+ph+`) GROUP BY m2.entity ORDER BY 4 DESC, 1 LIMIT ?`, append(append(args, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("reading co-occurrences of %q from %s: %w", ref, d.path, err)
	}
	defer rows.Close()
	out := []store.EntityCount{}
	for rows.Next() {
		var c store.EntityCount
		if err := rows.Scan(&c.ID, &c.Type, &c.Name, &c.Count); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Trend counts the articles matching query per period.
func (d *DB) Trend(ctx context.Context, query string, p store.Period) ([]store.Count, error) {
	var bucket string
	switch p {
	case store.Day, "":
		bucket = `a.day`
	case store.Week:
		// The Monday of the day's week.
		bucket = `date(a.day, '-' || ((strftime('%w', a.day) + 6) % 7) || ' days')`
	case store.Month:
		bucket = `substr(a.day, 1, 7)`
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
	match, _, err := d.render(ctx, expr)
	if err != nil {
		return nil, err
	}
	return d.counts(ctx, `SELECT `+bucket+`, count(*) FROM fts CROSS JOIN facts a ON a.rowid = fts.rowid
		WHERE fts MATCH ? AND a.day <> '' GROUP BY 1 ORDER BY 1`, match)
}
