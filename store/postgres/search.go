package postgres

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"akhbar/store"
)

// Search runs q: the query text becomes a tsquery of akhbar's analyzed
// terms (never Postgres's parser), widened with the entity ids its words
// name, matched against the full tsvector and ranked by ts_rank over the
// small rank vector (headline, entity ids, lead paragraph).
func (d *DB) Search(ctx context.Context, q store.Query) (*store.Results, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	expr, err := store.Parse(q.Text)
	if err != nil {
		return nil, err
	}
	hasFilter := q.Source != "" || q.Site != "" || q.Lang != "" || q.From != "" || q.To != "" || q.Entity != "" || q.EntityType != ""
	if expr == nil && !hasFilter {
		if strings.TrimSpace(q.Text) == "" {
			return nil, fmt.Errorf("%w: empty query and no filter", store.ErrEmptyQuery)
		}
		return nil, fmt.Errorf("%w: %q has only punctuation or stop words", store.ErrEmptyQuery, shorten(q.Text))
	}
	res := &store.Results{Hits: []store.Hit{}}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	var where []string
	tsq := ""
	if expr != nil {
		var expanded []string
		tsq, expanded, err = d.render(ctx, expr)
		if err != nil {
			return nil, err
		}
		res.Expanded = expanded
		where = append(where, `a.tsv @@ `+arg(tsq)+`::tsquery`)
	}
	fw, err := d.filters(ctx, q, arg)
	if err != nil {
		return nil, err
	}
	where = append(where, fw...)
	if q.Sort == "" {
		q.Sort = store.Newest
		if tsq != "" {
			q.Sort = store.Relevance
		}
	}
	if q.Sort == store.Relevance && tsq == "" {
		q.Sort = store.Newest
	}
	whereSQL := "true"
	if len(where) > 0 {
		whereSQL = strings.Join(where, " AND ")
	}
	err = d.read(ctx, tsq != "", func(qr querier) error {
		baseArgs := len(args)
		if err := qr.QueryRow(ctx, `SELECT count(*) FROM articles a WHERE `+whereSQL, args...).Scan(&res.Total); err != nil {
			return fmt.Errorf("searching %s: %w", d.name, err)
		}
		score := `0::real`
		if tsq != "" {
			score = `ts_rank(` + rankWeights + `, a.tsv_rank, $1::tsquery)`
		}
		cur, err := decodeCursor(q.After)
		if err != nil {
			return err
		}
		var order, after string
		switch q.Sort {
		case store.Relevance:
			order = `score DESC, seq`
			if cur != nil {
				s, n := arg(cur.score), arg(cur.seq)
				after = `WHERE score < ` + s + `::real OR (score = ` + s + `::real AND seq > ` + n + `)`
			}
		case store.Newest:
			order = `day DESC, seq DESC`
			if cur != nil {
				dy, n := arg(cur.day), arg(cur.seq)
				after = `WHERE day < ` + dy + ` OR (day = ` + dy + ` AND seq < ` + n + `)`
			}
		case store.Oldest:
			order = `day, seq`
			if cur != nil {
				dy, n := arg(cur.day), arg(cur.seq)
				after = `WHERE day > ` + dy + ` OR (day = ` + dy + ` AND seq > ` + n + `)`
			}
		}
		offset := 0
		if cur == nil {
			offset = (q.Page - 1) * q.Limit
		}
		sqlText := `SELECT seq, id, headline, published, day, source, source_name, site, url, score, text, analysis FROM (
			SELECT a.seq, a.id, a.headline, a.published, a.day, a.source, a.source_name, a.site, coalesce(a.url, '') AS url,
				` + score + ` AS score, a.text, a.analysis FROM articles a WHERE ` + whereSQL + `) m ` + after +
			` ORDER BY ` + order + ` LIMIT ` + arg(q.Limit) + ` OFFSET ` + arg(offset)
		rows, err := qr.Query(ctx, sqlText, args...)
		if err != nil {
			return fmt.Errorf("searching %s: %w", d.name, err)
		}
		var last cursor
		var texts []string
		var blobs [][]byte
		for rows.Next() {
			var h store.Hit
			var c cursor
			var text string
			var blob []byte
			if err := rows.Scan(&c.seq, &h.ID, &h.Headline, &h.Published, &c.day, &h.Source, &h.SourceName, &h.Site, &h.URL,
				&c.score, &text, &blob); err != nil {
				rows.Close()
				return fmt.Errorf("searching %s: %w", d.name, err)
			}
			h.Score = float64(c.score)
			last = c
			res.Hits = append(res.Hits, h)
			texts = append(texts, text)
			blobs = append(blobs, blob)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("searching %s: %w", d.name, err)
		}
		if len(res.Hits) == q.Limit {
			res.Next = last.encode()
		}
		if err := d.snippets(res, texts, blobs, expr); err != nil {
			return err
		}
		if q.Facets {
			if res.Facets, err = d.facets(ctx, qr, whereSQL, args[:baseArgs]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// read runs fn in a read-only transaction (so it runs on a replica too).
// With a text match it turns sequential scans off for the transaction: the
// planner does not know that testing a row's tsvector means reading it
// from TOAST, and a bitmap scan of the GIN index answers counts without
// reading any vector and ranks only the matching rows.
func (d *DB) read(ctx context.Context, match bool, fn func(querier) error) error {
	return pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if match {
			if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
				return fmt.Errorf("searching %s: %w", d.name, err)
			}
		}
		return fn(tx)
	})
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// render turns a parsed query into a tsquery literal. Every word goes
// through the analyzer and is quoted as a lexeme, so nothing a user types
// is read as tsquery syntax. Words and phrases that name known entities
// also match those entities' tokens.
func (d *DB) render(ctx context.Context, e store.Expr) (string, []string, error) {
	s, expanded, err := store.Compile(ctx, e, tsquery, d.entityIDs)
	if err == nil && s == "" {
		err = fmt.Errorf("%w: no searchable word", store.ErrEmptyQuery)
	}
	return s, expanded, err
}

// tsquery is PostgreSQL's text-search query syntax over akhbar's lexemes.
var tsquery = store.Dialect{
	Words: termQuery,
	Prefix: func(text string) (string, error) {
		p := store.PrefixTerm(text)
		if p == "" || len(p) > maxLexeme {
			return "", fmt.Errorf("%w: prefix %q has no letters", store.ErrBadQuery, text)
		}
		return lexeme(p) + ":*", nil
	},
	Entity: entityQuery,
	Or:     " | ",
	And:    " & ",
	AndNot: func(pos, neg string) string { return "(" + pos + " & !" + neg + ")" },
}

// entityIDs returns the ids of the entities a word or phrase names: ids
// seen in stored articles under that spelling, and the Resolver's.
func (d *DB) entityIDs(ctx context.Context, text string) ([]string, error) {
	key := store.NameKey(text)
	if key == "" {
		return nil, nil
	}
	rows, err := d.pool.Query(ctx, `SELECT entity FROM entity_names WHERE norm = $1`, key)
	if err != nil {
		return nil, fmt.Errorf("looking up entity %q in %s: %w", text, d.name, err)
	}
	defer rows.Close()
	var ids []string
	seen := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
		seen[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("looking up entity %q in %s: %w", text, d.name, err)
	}
	if d.opts.Resolver != nil {
		for _, id := range d.opts.Resolver(text) {
			if !seen[id] {
				ids = append(ids, id)
				seen[id] = true
			}
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// resolve returns the entity ids ref stands for: itself when it is a stored
// id, else the entities named so.
func (d *DB) resolve(ctx context.Context, ref string) ([]string, error) {
	var n int
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM entities WHERE id = $1`, ref).Scan(&n); err != nil {
		return nil, fmt.Errorf("looking up entity %q in %s: %w", ref, d.name, err)
	}
	if n > 0 {
		return []string{ref}, nil
	}
	return d.entityIDs(ctx, ref)
}

// filters returns the WHERE clauses (over alias a) for q's filters; arg
// adds a parameter and returns its placeholder.
func (d *DB) filters(ctx context.Context, q store.Query, arg func(any) string) ([]string, error) {
	var where []string
	if q.Source != "" {
		p := arg(q.Source)
		where = append(where, `(a.source = `+p+` OR a.source_name = `+p+` OR a.site = `+p+`)`)
	}
	if q.Site != "" {
		where = append(where, `a.site = `+arg(q.Site))
	}
	if q.Lang != "" {
		where = append(where, `a.lang = `+arg(q.Lang))
	}
	if q.From != "" {
		where = append(where, `a.day >= `+arg(q.From))
	}
	if q.To != "" {
		where = append(where, `a.day <= `+arg(q.To)+` AND a.day <> ''`)
	}
	if q.Entity != "" {
		ids, err := d.resolve(ctx, q.Entity)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			where = append(where, `false`)
		} else {
			where = append(where, `a.id IN (SELECT article FROM mentions WHERE entity = ANY(`+arg(ids)+`))`)
		}
	}
	if q.EntityType != "" {
		where = append(where, arg(q.EntityType)+` = ANY(string_to_array(a.types, ' '))`)
	}
	return where, nil
}

// snippets marks the query's words, and the mentions of the entities it
// was widened with, in each hit's text.
func (d *DB) snippets(res *store.Results, texts []string, blobs [][]byte, expr store.Expr) error {
	expanded := map[string]bool{}
	for _, id := range res.Expanded {
		expanded[id] = true
	}
	for i := range res.Hits {
		var extra [][2]int
		if len(expanded) > 0 {
			a, err := store.DecodeAnalysis(blobs[i], texts[i])
			if err != nil {
				return fmt.Errorf("reading article %s from %s: %w", res.Hits[i].ID, d.name, err)
			}
			for _, e := range a.Entities {
				if expanded[e.ID] {
					for _, m := range e.Mentions {
						extra = append(extra, [2]int{m.Start, m.End})
					}
				}
			}
		}
		res.Hits[i].Snippet = store.MakeSnippet(texts[i], expr, extra)
	}
	return nil
}

// facetSample bounds the entity facet: when a query matches more
// articles, entity counts are over its first facetSample matches in storage
// order, as in the SQLite backend, which keeps facets fast on common words.
// The other facets count every match.
const facetSample = 1000

// facets counts the matching articles by source, site, language, month,
// entity type and entity, in one query that matches once.
func (d *DB) facets(ctx context.Context, qr querier, where string, args []any) (map[string][]store.Count, error) {
	q := `WITH m AS MATERIALIZED (SELECT a.id, a.seq, a.source, a.site, a.lang, a.day, a.types FROM articles a WHERE ` + where + `),
		sample AS (SELECT id FROM m ORDER BY seq LIMIT ` + strconv.Itoa(facetSample) + `),
		me AS MATERIALIZED (SELECT mn.entity FROM sample JOIN mentions mn ON mn.article = sample.id)
	SELECT * FROM (SELECT 'source', source, count(*) FROM m WHERE source <> '' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20) f1
	UNION ALL SELECT * FROM (SELECT 'site', site, count(*) FROM m WHERE site <> '' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20) f2
	UNION ALL SELECT * FROM (SELECT 'lang', lang, count(*) FROM m WHERE lang <> '' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 20) f3
	UNION ALL SELECT * FROM (SELECT 'month', substr(day, 1, 7), count(*) FROM m WHERE day <> '' GROUP BY 2 ORDER BY 2 DESC LIMIT 36) f4
	UNION ALL SELECT * FROM (SELECT 'entity_type', t, count(*) FROM m, unnest(string_to_array(types, ' ')) t
		GROUP BY 2 ORDER BY 3 DESC, 2) f5
	UNION ALL SELECT * FROM (SELECT 'entity', me.entity || E'\t' || e.name, count(*) FROM me JOIN entities e ON e.id = me.entity
		GROUP BY me.entity, e.name ORDER BY 3 DESC, 2 LIMIT 20) f6`
	rows, err := qr.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("counting facets in %s: %w", d.name, err)
	}
	defer rows.Close()
	out := map[string][]store.Count{}
	for _, f := range []string{"source", "site", "lang", "month", "entity_type", "entity"} {
		out[f] = []store.Count{}
	}
	for rows.Next() {
		var f string
		var c store.Count
		var n int64
		if err := rows.Scan(&f, &c.Key, &n); err != nil {
			return nil, fmt.Errorf("counting facets in %s: %w", d.name, err)
		}
		c.Count = int(n)
		out[f] = append(out[f], c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting facets in %s: %w", d.name, err)
	}
	return out, nil
}

// cursor is the last row of a page: where the next page starts.
type cursor struct {
	score float32
	day   string
	seq   int64
}

func (c cursor) encode() string {
	s := strconv.FormatFloat(float64(c.score), 'g', -1, 32) + "|" + c.day + "|" + strconv.FormatInt(c.seq, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func decodeCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := fmt.Errorf("%w: cursor %q is not one this store gave", store.ErrBadQuery, shorten(s))
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 {
		return nil, bad
	}
	var c cursor
	f, err := strconv.ParseFloat(parts[0], 32)
	if err != nil {
		return nil, bad
	}
	c.score = float32(f)
	c.day = parts[1]
	if c.seq, err = strconv.ParseInt(parts[2], 10, 64); err != nil {
		return nil, bad
	}
	return &c, nil
}
