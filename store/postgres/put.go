package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"akhbar/analysis"
	"akhbar/store"
)

// Put stores docs in one transaction. Storage is exactly-once under
// concurrent writers: an article's key (its URL, else its site and
// normalized text) is claimed in article_keys, and a writer that finds the
// key claimed by another transaction waits for it and then reports the
// article as a duplicate.
func (d *DB) Put(ctx context.Context, docs []*analysis.Analysis, opts store.PutOptions) (store.PutResult, error) {
	res := store.PutResult{Outcomes: make([]store.Outcome, len(docs)), IDs: make([]string, len(docs))}
	if len(docs) == 0 {
		return res, nil
	}
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		var err error
		res, err = put(ctx, tx, docs, opts)
		return err
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("storing in %s: %w", d.name, err)
	}
	return res, nil
}

// keyString is the article_keys and jobs key of an article key.
func keyString(k store.Key) string {
	if k.URL != "" {
		return "u:" + k.URL
	}
	return "h:" + k.Hash
}

// KeyString returns the text form under which the store and the work
// queue know an article key: "u:" and the URL, else "h:" and the content
// hash.
func KeyString(k store.Key) string { return keyString(k) }

// put stores docs inside tx. Keys are claimed in sorted order and entities
// upserted in sorted order, so concurrent writers wait for each other
// instead of deadlocking.
func put(ctx context.Context, tx pgx.Tx, docs []*analysis.Analysis, opts store.PutOptions) (store.PutResult, error) {
	res := store.PutResult{Outcomes: make([]store.Outcome, len(docs)), IDs: make([]string, len(docs))}
	keys := make([]store.Key, len(docs))
	order := make([]int, len(docs))
	for i, a := range docs {
		if a == nil {
			return res, fmt.Errorf("document %d is nil", i)
		}
		keys[i] = store.KeyOf(a.URL, a.Site, a.Text)
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return keyString(keys[order[x]]) < keyString(keys[order[y]]) })

	// Entities first, sorted, once each.
	ents := map[string]analysis.Entity{}
	names := map[[2]string]bool{}
	for _, a := range docs {
		for _, e := range a.Entities {
			if e.ID == "" {
				continue
			}
			if _, ok := ents[e.ID]; !ok {
				ents[e.ID] = e
			}
			names[[2]string{store.NameKey(e.Name), e.ID}] = true
			for _, m := range e.Mentions {
				if !m.Role {
					names[[2]string{store.NameKey(m.Text), e.ID}] = true
				}
			}
		}
	}
	if err := upsertEntities(ctx, tx, ents, names); err != nil {
		return res, err
	}

	batch := &pgx.Batch{}
	for _, i := range order {
		a := docs[i]
		id, out, err := putOne(ctx, tx, a, keys[i], opts)
		if err != nil {
			return res, fmt.Errorf("storing %s: %w", describe(a), err)
		}
		res.IDs[i], res.Outcomes[i] = id, out
		if out == store.Duplicate {
			continue
		}
		counts := map[string]int{}
		types := map[string]string{}
		var ids []string
		for _, e := range a.Entities {
			if e.ID == "" {
				continue
			}
			if _, ok := counts[e.ID]; !ok {
				ids = append(ids, e.ID)
				types[e.ID] = e.Type
			}
			counts[e.ID] += max(1, len(e.Mentions))
		}
		for _, eid := range ids {
			batch.Queue(`INSERT INTO mentions(article, entity, type, n) VALUES($1,$2,$3,$4)`, id, eid, types[eid], counts[eid])
		}
		for k, q := range a.Quotes {
			batch.Queue(`INSERT INTO quotes(article, ord, speaker, speaker_text, cue, direct, text, start, "end")
				VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9)`, id, k, q.Speaker, q.SpeakerText, q.Cue, q.Direct, q.Text, q.Start, q.End)
		}
	}
	if batch.Len() > 0 {
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return res, fmt.Errorf("storing mentions and quotes: %w", err)
		}
	}
	return res, nil
}

func upsertEntities(ctx context.Context, tx pgx.Tx, ents map[string]analysis.Entity, names map[[2]string]bool) error {
	if len(ents) == 0 {
		return nil
	}
	ids := make([]string, 0, len(ents))
	for id := range ents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	batch := &pgx.Batch{}
	for _, id := range ids {
		e := ents[id]
		batch.Queue(`INSERT INTO entities(id, type, name, name_en) VALUES($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`,
			id, e.Type, e.Name, e.NameEn)
	}
	pairs := make([][2]string, 0, len(names))
	for p := range names {
		if p[0] != "" {
			pairs = append(pairs, p)
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	for _, p := range pairs {
		batch.Queue(`INSERT INTO entity_names(norm, entity) VALUES($1,$2) ON CONFLICT DO NOTHING`, p[0], p[1])
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("storing entities: %w", err)
	}
	return nil
}

// putOne stores one article unless it is already stored.
func putOne(ctx context.Context, tx pgx.Tx, a *analysis.Analysis, key store.Key, opts store.PutOptions) (string, store.Outcome, error) {
	ks := keyString(key)
	existing, err := lookup(ctx, tx, key)
	if err != nil {
		return "", 0, err
	}
	if existing != "" && !opts.Reanalyze {
		return existing, store.Duplicate, nil
	}
	blob, err := new(store.Codec).Encode(a)
	if err != nil {
		return "", 0, err
	}
	var url any
	if key.URL != "" {
		url = key.URL
	}
	srcID, srcName := "", ""
	if a.Source != nil {
		srcID, srcName = a.Source.ID, a.Source.Name
	}
	day := dayOf(a.Published)
	tsv, tsvRank := vectors(a)
	types := entityTypes(a)
	if existing != "" {
		// Reanalyze: replace in place, under the row's lock.
		tag, err := tx.Exec(ctx, `UPDATE articles SET url=$2, hash=$3, headline=$4, published=$5, day=$6, source=$7,
			source_name=$8, site=$9, lang=$10, text=$11, tsv=$12::tsvector, analysis=$13, tsv_rank=$14::tsvector, types=$15 WHERE id = $1`,
			existing, url, key.Hash, a.Headline, a.Published, day, srcID, srcName, a.Site, a.Lang, a.Text, tsv, blob, tsvRank, types)
		if err != nil {
			return "", 0, err
		}
		if tag.RowsAffected() == 1 {
			for _, q := range []string{`DELETE FROM mentions WHERE article = $1`, `DELETE FROM quotes WHERE article = $1`} {
				if _, err := tx.Exec(ctx, q, existing); err != nil {
					return "", 0, err
				}
			}
			return existing, store.Updated, nil
		}
		// The key outlived its article; store it anew below.
	}
	want := a.ID
	hash := key.Hash
	cands := []string{want, want + "~" + hash[:8], "h" + hash}
	if want == "" {
		cands = cands[2:]
	}
	// The same text may come again under other URLs: number its copies.
	for i := 2; i <= 99; i++ {
		cands = append(cands, fmt.Sprintf("h%s-%d", hash, i))
	}
	for _, id := range cands {
		// Claim the key; a concurrent writer holding it makes this wait,
		// then find it taken.
		tag, err := tx.Exec(ctx, `INSERT INTO article_keys(key, article) VALUES($1, $2)
			ON CONFLICT (key) DO NOTHING`, ks, id)
		if err != nil {
			return "", 0, err
		}
		if tag.RowsAffected() == 0 {
			var owner string
			err := tx.QueryRow(ctx, `SELECT article FROM article_keys WHERE key = $1`, ks).Scan(&owner)
			if err != nil {
				return "", 0, fmt.Errorf("reading key owner: %w", err)
			}
			if owner == id || existing != "" {
				// A key of ours without its article (Reanalyze found it so):
				// take it over.
				if _, err := tx.Exec(ctx, `UPDATE article_keys SET article = $2 WHERE key = $1`, ks, id); err != nil {
					return "", 0, err
				}
			} else {
				return owner, store.Duplicate, nil
			}
		}
		tag, err = tx.Exec(ctx, `INSERT INTO articles(id, key, url, hash, headline, published, day, source, source_name,
			site, lang, text, tsv, analysis, tsv_rank, types) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::tsvector,$14,$15::tsvector,$16)
			ON CONFLICT (id) DO NOTHING`,
			id, ks, url, key.Hash, a.Headline, a.Published, day, srcID, srcName, a.Site, a.Lang, a.Text, tsv, blob, tsvRank, types)
		if err != nil {
			return "", 0, err
		}
		if tag.RowsAffected() == 1 {
			if id != want || existing != "" {
				if _, err := tx.Exec(ctx, `UPDATE article_keys SET article = $2 WHERE key = $1`, ks, id); err != nil {
					return "", 0, err
				}
			}
			return id, store.Stored, nil
		}
		// The id names another article: release the key and try the next.
		if _, err := tx.Exec(ctx, `DELETE FROM article_keys WHERE key = $1 AND article = $2`, ks, id); err != nil {
			return "", 0, err
		}
	}
	return "", 0, fmt.Errorf("no free id for %q", want)
}

// lookup returns the id of the stored article with key k, or "". An
// article without URL is also found by its content hash among articles
// that have one, as in the SQLite backend.
func lookup(ctx context.Context, q querier, k store.Key) (string, error) {
	var id string
	err := q.QueryRow(ctx, `SELECT article FROM article_keys WHERE key = $1`, keyString(k)).Scan(&id)
	if err == nil {
		var n int
		if err := q.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = $1`, id).Scan(&n); err != nil {
			return "", err
		}
		if n > 0 {
			return id, nil
		}
		id = ""
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return "", err
	}
	if k.URL == "" {
		err = q.QueryRow(ctx, `SELECT id FROM articles WHERE hash = $1 ORDER BY seq LIMIT 1`, k.Hash).Scan(&id)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return "", err
		}
	}
	return id, nil
}

func describe(a *analysis.Analysis) string {
	switch {
	case a.ID != "":
		return a.ID
	case a.URL != "":
		return a.URL
	case a.Headline != "":
		return fmt.Sprintf("%q", a.Headline)
	}
	return "article"
}

// entityTypes returns the distinct types of the article's entities that
// have an id (those its mentions rows record), sorted, space-separated.
func entityTypes(a *analysis.Analysis) string {
	var ts []string
	for _, e := range a.Entities {
		if e.ID != "" && e.Type != "" && !slices.Contains(ts, e.Type) {
			ts = append(ts, e.Type)
		}
	}
	sort.Strings(ts)
	return strings.Join(ts, " ")
}

// dayOf returns the YYYY-MM-DD of an RFC 3339 timestamp or date, or "".
func dayOf(published string) string {
	if len(published) >= 10 && published[4] == '-' && published[7] == '-' {
		return published[:10]
	}
	return ""
}

// Known reports whether each key is stored.
func (d *DB) Known(ctx context.Context, keys []store.Key) ([]bool, error) {
	out := make([]bool, len(keys))
	var ks, hashes []string
	for _, k := range keys {
		ks = append(ks, keyString(k))
		if k.URL == "" {
			hashes = append(hashes, k.Hash)
		}
	}
	found := map[string]bool{}
	rows, err := d.pool.Query(ctx, `SELECT k.key FROM article_keys k JOIN articles a ON a.id = k.article WHERE k.key = ANY($1)
		UNION SELECT 'h:' || hash FROM articles WHERE hash = ANY($2)`, ks, hashes)
	if err != nil {
		return nil, fmt.Errorf("looking up articles in %s: %w", d.name, err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, fmt.Errorf("looking up articles in %s: %w", d.name, err)
		}
		found[k] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("looking up articles in %s: %w", d.name, err)
	}
	for i, k := range ks {
		out[i] = found[k]
	}
	return out, nil
}

// Get returns the stored Analysis of an article.
func (d *DB) Get(ctx context.Context, id string) (*analysis.Analysis, error) {
	var blob []byte
	var text string
	err := d.pool.QueryRow(ctx, `SELECT analysis, text FROM articles WHERE id = $1`, id).Scan(&blob, &text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %q from %s: %w", id, d.name, err)
	}
	a, err := store.DecodeAnalysis(blob, text)
	if err != nil {
		return nil, fmt.Errorf("reading article %q from %s: %w", id, d.name, err)
	}
	a.ID = id
	return a, nil
}

// Each calls fn for every stored article in storage order, reading pages
// so that no query stays open while fn runs.
func (d *DB) Each(ctx context.Context, fn func(*analysis.Analysis) error) error {
	last := int64(0)
	for {
		rows, err := d.pool.Query(ctx, `SELECT seq, id, analysis, text FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("reading %s: %w", d.name, err)
		}
		var page []*analysis.Analysis
		for rows.Next() {
			var id string
			var blob []byte
			var text string
			if err := rows.Scan(&last, &id, &blob, &text); err != nil {
				rows.Close()
				return fmt.Errorf("reading %s: %w", d.name, err)
			}
			a, err := store.DecodeAnalysis(blob, text)
			if err != nil {
				rows.Close()
				return fmt.Errorf("reading article %q from %s: %w", id, d.name, err)
			}
			a.ID = id
			page = append(page, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", d.name, err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
}
