package sqlite

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"akhbar/store"
)

// bm25 weights the headline over the body; the entity column counts like a
// headline word, since naming the entity is what the query asked.
const bm25 = `bm25(fts, 3.0, 1.0, 3.0)`

// Search runs q.
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
	var match string
	if expr != nil {
		var expanded []string
		match, expanded, err = d.render(ctx, expr)
		if err != nil {
			return nil, err
		}
		res.Expanded = expanded
	}
	where, args, err := d.filters(ctx, q)
	if err != nil {
		return nil, err
	}
	// Filters, sorts and facets read facts, the narrow copy of the
	// article's small columns; whole rows are read for the page's hits only.
	from := `facts a`
	if match != "" {
		// CROSS JOIN keeps the index search outside: SQLite would
		// otherwise walk a filter's index and run the full-text query once
		// for every row it finds.
		from = `fts CROSS JOIN facts a ON a.rowid = fts.rowid`
		where = append([]string{`fts MATCH ?`}, where...)
		args = append([]any{match}, args...)
	}
	if q.Sort == "" {
		q.Sort = store.Newest
		if match != "" {
			q.Sort = store.Relevance
		}
	}
	if q.Sort == store.Relevance && match == "" {
		q.Sort = store.Newest
	}
	whereSQL := "1"
	if len(where) > 0 {
		whereSQL = strings.Join(where, " AND ")
	}
	// Facets run beside the page's queries, on another connection.
	var facets map[string][]store.Count
	var facetErr error
	facetsDone := make(chan struct{})
	if q.Facets {
		go func() {
			defer close(facetsDone)
			facets, facetErr = d.facets(ctx, from, whereSQL, args, match != "" && len(where) == 1)
		}()
	} else {
		close(facetsDone)
	}
	defer func() { <-facetsDone }()
	countSQL := `SELECT count(*) FROM ` + from + ` WHERE ` + whereSQL
	if match != "" && len(where) == 1 { // no filter: the index alone counts
		countSQL = `SELECT count(*) FROM fts WHERE fts MATCH ?`
	}
	if err := d.db.QueryRowContext(ctx, countSQL, args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("searching %s: %w", d.path, err)
	}
	score := `0.0`
	if match != "" {
		score = bm25
	}
	var order string
	pageWhere, pageArgs := whereSQL, append([]any{}, args...)
	cur, err := decodeCursor(q.After)
	if err != nil {
		return nil, err
	}
	switch q.Sort {
	case store.Relevance:
		order = score + `, a.rowid`
		if cur != nil {
			pageWhere += ` AND (` + score + ` > ? OR (` + score + ` = ? AND a.rowid > ?))`
			pageArgs = append(pageArgs, cur.score, cur.score, cur.rowid)
		}
	case store.Newest:
		order = `a.day DESC, a.rowid DESC`
		if cur != nil {
			pageWhere += ` AND (a.day < ? OR (a.day = ? AND a.rowid < ?))`
			pageArgs = append(pageArgs, cur.day, cur.day, cur.rowid)
		}
	case store.Oldest:
		order = `a.day, a.rowid`
		if cur != nil {
			pageWhere += ` AND (a.day > ? OR (a.day = ? AND a.rowid > ?))`
			pageArgs = append(pageArgs, cur.day, cur.day, cur.rowid)
		}
	}
	offset := 0
	if cur == nil {
		offset = (q.Page - 1) * q.Limit
	}
	rows, err := d.db.QueryContext(ctx, `SELECT a.rowid, a.day, `+score+` FROM `+from+` WHERE `+pageWhere+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(pageArgs, q.Limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("searching %s: %w", d.path, err)
	}
	var last cursor
	var page []cursor
	for rows.Next() {
		var c cursor
		if err := rows.Scan(&c.rowid, &c.day, &c.score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("searching %s: %w", d.path, err)
		}
		last = c
		page = append(page, c)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("searching %s: %w", d.path, err)
	}
	rowids := make([]int64, len(page))
	for i, c := range page {
		h := store.Hit{Score: -c.score}
		err := d.db.QueryRowContext(ctx, `SELECT id, headline, published, source, source_name, site, coalesce(url, '')
			FROM articles WHERE rowid = ?`, c.rowid).Scan(&h.ID, &h.Headline, &h.Published, &h.Source, &h.SourceName, &h.Site, &h.URL)
		if err != nil {
			return nil, fmt.Errorf("reading a hit from %s: %w", d.path, err)
		}
		res.Hits = append(res.Hits, h)
		rowids[i] = c.rowid
	}
	if len(res.Hits) == q.Limit {
		res.Next = last.encode()
	}
	if err := d.snippets(ctx, res, rowids, expr); err != nil {
		return nil, err
	}
	<-facetsDone
	if facetErr != nil {
		return nil, facetErr
	}
	res.Facets = facets
	return res, nil
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// render turns a parsed query into FTS5 syntax. Every word is quoted, so no
// input can inject FTS5 syntax; the tokenizer analyzes the quoted words
// exactly as it analyzed the documents. Words and phrases that name known
// entities also match those entities' columns.
func (d *DB) render(ctx context.Context, e store.Expr) (string, []string, error) {
	return store.Compile(ctx, e, ftsSyntax, d.entityIDs)
}

// ftsSyntax is SQLite FTS5's query syntax.
var ftsSyntax = store.Dialect{
	Words:  quote,
	Prefix: func(text string) (string, error) { return quote(text) + ` *`, nil },
	Entity: func(id string) string { return `ents : "` + store.EntityToken(id) + `"` },
	Or:     " OR ",
	And:    " AND ",
	AndNot: func(pos, neg string) string { return "(" + pos + " NOT " + neg + ")" },
}

// quote makes s one FTS5 string. NUL would end the query text early in
// SQLite's C code, so it becomes a space (the analyzer splits on both).
func quote(s string) string {
	return `"` + strings.NewReplacer(`"`, `""`, "\x00", " ").Replace(s) + `"`
}

// entityIDs returns the ids of the entities a word or phrase names: ids
// seen in stored articles under that spelling, and the Resolver's.
func (d *DB) entityIDs(ctx context.Context, text string) ([]string, error) {
	key := store.NameKey(text)
	if key == "" {
		return nil, nil
	}
	rows, err := d.db.QueryContext(ctx, `SELECT entity FROM entity_names WHERE norm = ?`, key)
	if err != nil {
		return nil, fmt.Errorf("looking up entity %q in %s: %w", text, d.path, err)
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
		return nil, err
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

// filters returns the WHERE clauses (over alias a) for q's filters.
func (d *DB) filters(ctx context.Context, q store.Query) ([]string, []any, error) {
	var where []string
	var args []any
	if q.Source != "" {
		where = append(where, `(a.source = ? OR a.source_name = ? OR a.site = ?)`)
		args = append(args, q.Source, q.Source, q.Source)
	}
	if q.Site != "" {
		where = append(where, `a.site = ?`)
		args = append(args, q.Site)
	}
	if q.Lang != "" {
		where = append(where, `a.lang = ?`)
		args = append(args, q.Lang)
	}
	if q.From != "" {
		where = append(where, `a.day >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, `a.day <= ? AND a.day <> ''`)
		args = append(args, q.To)
	}
	if q.Entity != "" {
		ids, err := d.resolve(ctx, q.Entity)
		if err != nil {
			return nil, nil, err
		}
		if len(ids) == 0 {
			where = append(where, `0`)
		} else {
			where = append(where, `a.rowid IN (SELECT article FROM mentions WHERE entity IN (`+placeholders(len(ids))+`))`)
			for _, id := range ids {
				args = append(args, id)
			}
		}
	}
	if q.EntityType != "" {
		where = append(where, `a.types LIKE ?`)
		args = append(args, "% "+strings.NewReplacer("%", "", "_", "", " ", "").Replace(q.EntityType)+" %")
	}
	return where, args, nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// resolve returns the entity ids ref stands for: itself when it is a stored
// id, else the entities named so.
func (d *DB) resolve(ctx context.Context, ref string) ([]string, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, ref).Scan(&n); err != nil {
		return nil, fmt.Errorf("looking up entity %q in %s: %w", ref, d.path, err)
	}
	if n > 0 {
		return []string{ref}, nil
	}
	return d.entityIDs(ctx, ref)
}

func (d *DB) snippets(ctx context.Context, res *store.Results, rowids []int64, expr store.Expr) error {
	if len(rowids) == 0 {
		return nil
	}
	expanded := map[string]bool{}
	for _, id := range res.Expanded {
		expanded[id] = true
	}
	for i, rowid := range rowids {
		var text string
		var blob []byte
		if err := d.db.QueryRowContext(ctx, `SELECT text, analysis FROM articles WHERE rowid = ?`, rowid).Scan(&text, &blob); err != nil {
			return fmt.Errorf("reading article %s from %s: %w", res.Hits[i].ID, d.path, err)
		}
		var extra [][2]int
		if len(expanded) > 0 {
			a, err := store.DecodeAnalysis(blob, text)
			if err != nil {
				return fmt.Errorf("reading article %s from %s: %w", res.Hits[i].ID, d.path, err)
			}
			for _, e := range a.Entities {
				if expanded[e.ID] {
					for _, m := range e.Mentions {
						extra = append(extra, [2]int{m.Start, m.End})
					}
				}
			}
		}
		res.Hits[i].Snippet = store.MakeSnippet(text, expr, extra)
	}
	return nil
}

// facetSample caps the articles the entity facet reads: for a query that
// matches more, entity counts are over its first facetSample matches in
// storage order, which keeps facets fast on common words. The other facets
// count every match.
const facetSample = 1000

// facets counts the matching articles by source, site, language, month,
// entity type and entity. onlyMatch says the query has no filter, so the
// entity sample can come from the index alone.
func (d *DB) facets(ctx context.Context, from, where string, args []any, onlyMatch bool) (map[string][]store.Count, error) {
	var (
		wg           sync.WaitGroup
		tally        map[string]map[string]int
		ents         []store.Count
		errA, errEnt error
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		tally, errA = d.tallyFacets(ctx, from, where, args)
	}()
	go func() {
		defer wg.Done()
		ents, errEnt = d.entityFacet(ctx, from, where, args, onlyMatch)
	}()
	wg.Wait()
	if errA != nil {
		return nil, errA
	}
	if errEnt != nil {
		return nil, errEnt
	}
	out := map[string][]store.Count{"entity": ents}
	for k, m := range tally {
		cs := make([]store.Count, 0, len(m))
		for v, n := range m {
			cs = append(cs, store.Count{Key: v, Count: n})
		}
		if k == "month" {
			sort.Slice(cs, func(i, j int) bool { return cs[i].Key > cs[j].Key })
		} else {
			sort.Slice(cs, func(i, j int) bool {
				return cs[i].Count > cs[j].Count || cs[i].Count == cs[j].Count && cs[i].Key < cs[j].Key
			})
		}
		if len(cs) > 36 {
			cs = cs[:36]
		}
		out[k] = cs
	}
	return out, nil
}

// tallyFacets counts the matches' row facets in one pass over facts.
func (d *DB) tallyFacets(ctx context.Context, from, where string, args []any) (map[string]map[string]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT a.source, a.site, a.lang, a.day, a.types FROM `+from+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("counting facets in %s: %w", d.path, err)
	}
	defer rows.Close()
	tally := map[string]map[string]int{"source": {}, "site": {}, "lang": {}, "month": {}, "entity_type": {}}
	var src, site, lang, day, types []byte
	for rows.Next() {
		if err := rows.Scan(&src, &site, &lang, &day, &types); err != nil {
			return nil, fmt.Errorf("counting facets in %s: %w", d.path, err)
		}
		if len(src) > 0 {
			tally["source"][string(src)]++
		}
		if len(site) > 0 {
			tally["site"][string(site)]++
		}
		if len(lang) > 0 {
			tally["lang"][string(lang)]++
		}
		if len(day) >= 7 {
			tally["month"][string(day[:7])]++
		}
		for _, t := range strings.Fields(string(types)) {
			tally["entity_type"][t]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting facets in %s: %w", d.path, err)
	}
	return tally, nil
}

// entityFacet counts the entities of (a sample of) the matches, from the
// matches to their mentions by index; names are read for the top ones.
func (d *DB) entityFacet(ctx context.Context, from, where string, args []any, onlyMatch bool) ([]store.Count, error) {
	sub := `SELECT a.rowid AS id FROM ` + from + ` WHERE ` + where
	if onlyMatch {
		sub = `SELECT fts.rowid AS id FROM fts WHERE fts MATCH ?`
	}
	rows, err := d.db.QueryContext(ctx, `SELECT m.entity, count(*) FROM (`+sub+` LIMIT `+fmt.Sprint(facetSample)+`) AS s
		CROSS JOIN mentions m ON m.article = s.id GROUP BY m.entity ORDER BY 2 DESC, 1 LIMIT 20`, args...)
	if err != nil {
		return nil, fmt.Errorf("counting entity facet in %s: %w", d.path, err)
	}
	out := []store.Count{}
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			rows.Close()
			return nil, fmt.Errorf("counting entity facet in %s: %w", d.path, err)
		}
		out = append(out, c)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("counting entity facet in %s: %w", d.path, err)
	}
	for i := range out {
		var name string
		if err := d.db.QueryRowContext(ctx, `SELECT name FROM entities WHERE id = ?`, out[i].Key).Scan(&name); err == nil {
			out[i].Key += "\t" + name
		}
	}
	return out, nil
}

// cursor is the last row of a page: where the next page starts.
type cursor struct {
	score float64
	day   string
	rowid int64
}

func (c cursor) encode() string {
	s := strconv.FormatFloat(c.score, 'g', -1, 64) + "|" + c.day + "|" + strconv.FormatInt(c.rowid, 10)
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
	if c.score, err = strconv.ParseFloat(parts[0], 64); err != nil {
		return nil, bad
	}
	c.day = parts[1]
	if c.rowid, err = strconv.ParseInt(parts[2], 10, 64); err != nil {
		return nil, bad
	}
	return &c, nil
}
