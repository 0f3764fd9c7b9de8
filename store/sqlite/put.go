package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"akhbar/analysis"
	"akhbar/store"
)

// Put stores docs in one transaction.
func (d *DB) Put(ctx context.Context, docs []*analysis.Analysis, opts store.PutOptions) (store.PutResult, error) {
	res := store.PutResult{Outcomes: make([]store.Outcome, len(docs)), IDs: make([]string, len(docs))}
	if len(docs) == 0 {
		return res, nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("storing in %s: %w", d.path, err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("storing in %s: %w", d.path, err)
	}
	defer w.close()
	for i, a := range docs {
		if a == nil {
			return store.PutResult{}, fmt.Errorf("storing in %s: document %d is nil", d.path, i)
		}
		id, out, err := w.put(ctx, a, opts)
		if err != nil {
			return store.PutResult{}, fmt.Errorf("storing %s in %s: %w", describe(a), d.path, err)
		}
		res.Outcomes[i], res.IDs[i] = out, id
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, fmt.Errorf("storing in %s: %w", d.path, err)
	}
	return res, nil
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

// writer holds the statements of one Put transaction, and one compressor
// reused for every article (a new one costs more than compressing).
type writer struct {
	codec store.Codec

	byURL, byHash, idTaken, insert, update, facts, ftsAdd, ftsDel, oldRow,
	delMentions, delQuotes, entity, name, mention, quote *sql.Stmt
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{}
	for _, p := range []struct {
		s **sql.Stmt
		q string
	}{
		{&w.byURL, `SELECT rowid, id FROM articles WHERE url = ?`},
		{&w.byHash, `SELECT rowid, id FROM articles WHERE hash = ? LIMIT 1`},
		{&w.idTaken, `SELECT count(*) FROM articles WHERE id = ?`},
		{&w.insert, `INSERT INTO articles(id, url, hash, headline, published, day, source, source_name, site, lang, text, ents, types, analysis)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.update, `UPDATE articles SET url=?, hash=?, headline=?, published=?, day=?, source=?, source_name=?, site=?, lang=?,
			text=?, ents=?, types=?, analysis=? WHERE rowid = ?`},
		{&w.facts, `INSERT OR REPLACE INTO facts(rowid, day, site, source, source_name, lang, types) VALUES(?,?,?,?,?,?,?)`},
		{&w.ftsAdd, `INSERT INTO fts(rowid, headline, text, ents) VALUES(?,?,?,?)`},
		{&w.ftsDel, `INSERT INTO fts(fts, rowid, headline, text, ents) VALUES('delete',?,?,?,?)`},
		{&w.oldRow, `SELECT headline, text, ents FROM articles WHERE rowid = ?`},
		{&w.delMentions, `DELETE FROM mentions WHERE article = ?`},
		{&w.delQuotes, `DELETE FROM quotes WHERE article = ?`},
		{&w.entity, `INSERT INTO entities(id, type, name, name_en) VALUES(?,?,?,?) ON CONFLICT(id) DO NOTHING`},
		{&w.name, `INSERT OR IGNORE INTO entity_names(norm, entity) VALUES(?,?)`},
		{&w.mention, `INSERT INTO mentions(entity, article, type, n) VALUES(?,?,?,?)
			ON CONFLICT(entity, article) DO UPDATE SET n = n + excluded.n`},
		{&w.quote, `INSERT INTO quotes(article, speaker, speaker_text, cue, direct, text, start, "end") VALUES(?,?,?,?,?,?,?,?)`},
	} {
		s, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.s = s
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.byURL, w.byHash, w.idTaken, w.insert, w.update, w.facts, w.ftsAdd, w.ftsDel, w.oldRow,
		w.delMentions, w.delQuotes, w.entity, w.name, w.mention, w.quote} {
		if s != nil {
			s.Close()
		}
	}
}

func (w *writer) put(ctx context.Context, a *analysis.Analysis, opts store.PutOptions) (string, store.Outcome, error) {
	key := store.KeyOf(a.URL, a.Site, a.Text)
	var rowid int64
	var id string
	var err error
	if key.URL != "" {
		err = w.byURL.QueryRowContext(ctx, key.URL).Scan(&rowid, &id)
	} else {
		err = w.byHash.QueryRowContext(ctx, key.Hash).Scan(&rowid, &id)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return "", 0, err
	case !opts.Reanalyze:
		return id, store.Duplicate, nil
	}
	blob, err := w.codec.Encode(a)
	if err != nil {
		return "", 0, err
	}
	ents, types := entityTokens(a), entityTypes(a)
	var urlArg any
	if key.URL != "" {
		urlArg = key.URL
	}
	srcID, srcName := "", ""
	if a.Source != nil {
		srcID, srcName = a.Source.ID, a.Source.Name
	}
	day := dayOf(a.Published)
	out := store.Stored
	if rowid != 0 {
		out = store.Updated
		var oh, ot, oe string
		if err := w.oldRow.QueryRowContext(ctx, rowid).Scan(&oh, &ot, &oe); err != nil {
			return "", 0, err
		}
		if _, err := w.ftsDel.ExecContext(ctx, rowid, oh, ot, oe); err != nil {
			return "", 0, fmt.Errorf("removing old index entry: %w", err)
		}
		for _, s := range []*sql.Stmt{w.delMentions, w.delQuotes} {
			if _, err := s.ExecContext(ctx, rowid); err != nil {
				return "", 0, err
			}
		}
		if _, err := w.update.ExecContext(ctx, urlArg, key.Hash, a.Headline, a.Published, day, srcID, srcName, a.Site, a.Lang,
			a.Text, ents, types, blob, rowid); err != nil {
			return "", 0, err
		}
	} else {
		id, err = w.freeID(ctx, a.ID, key.Hash)
		if err != nil {
			return "", 0, err
		}
		r, err := w.insert.ExecContext(ctx, id, urlArg, key.Hash, a.Headline, a.Published, day, srcID, srcName, a.Site, a.Lang,
			a.Text, ents, types, blob)
		if err != nil {
			return "", 0, err
		}
		if rowid, err = r.LastInsertId(); err != nil {
			return "", 0, err
		}
	}
	if _, err := w.facts.ExecContext(ctx, rowid, day, a.Site, srcID, srcName, a.Lang, types); err != nil {
		return "", 0, err
	}
	if _, err := w.ftsAdd.ExecContext(ctx, rowid, a.Headline, a.Text, ents); err != nil {
		return "", 0, fmt.Errorf("indexing: %w", err)
	}
	for _, e := range a.Entities {
		if e.ID == "" {
			continue
		}
		if _, err := w.entity.ExecContext(ctx, e.ID, e.Type, e.Name, e.NameEn); err != nil {
			return "", 0, err
		}
		names := map[string]bool{store.NameKey(e.Name): true}
		for _, m := range e.Mentions {
			if !m.Role {
				names[store.NameKey(m.Text)] = true
			}
		}
		for n := range names {
			if n == "" {
				continue
			}
			if _, err := w.name.ExecContext(ctx, n, e.ID); err != nil {
				return "", 0, err
			}
		}
		if _, err := w.mention.ExecContext(ctx, e.ID, rowid, e.Type, max(1, len(e.Mentions))); err != nil {
			return "", 0, err
		}
	}
	for _, q := range a.Quotes {
		if _, err := w.quote.ExecContext(ctx, rowid, q.Speaker, q.SpeakerText, q.Cue, q.Direct, q.Text, q.Start, q.End); err != nil {
			return "", 0, err
		}
	}
	return id, out, nil
}

// freeID returns want, or an id derived from the content hash when want is
// empty or already names another article.
func (w *writer) freeID(ctx context.Context, want, hash string) (string, error) {
	cands := []string{want, want + "~" + hash[:8], "h" + hash}
	if want == "" {
		cands = cands[2:]
	}
	// The same text may come again under other URLs: number its copies.
	for i := 2; i <= 99; i++ {
		cands = append(cands, fmt.Sprintf("h%s-%d", hash, i))
	}
	for _, id := range cands {
		var n int
		if err := w.idTaken.QueryRowContext(ctx, id).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return id, nil
		}
	}
	return "", fmt.Errorf("no free id for %q", want)
}

// dayOf returns the YYYY-MM-DD of an RFC 3339 timestamp or date, or "".
func dayOf(published string) string {
	if len(published) >= 10 && published[4] == '-' && published[7] == '-' {
		return published[:10]
	}
	return ""
}

func entityTokens(a *analysis.Analysis) string {
	var b strings.Builder
	for _, e := range a.Entities {
		if e.ID == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(store.EntityToken(e.ID))
	}
	return b.String()
}

// entityTypes returns the distinct types of the article's entities between
// spaces (" LOC PER "), so a filter or facet on a type is a LIKE on the row
// the search already reads.
func entityTypes(a *analysis.Analysis) string {
	seen := map[string]bool{}
	var ts []string
	for _, e := range a.Entities {
		if e.Type != "" && !seen[e.Type] && !strings.ContainsAny(e.Type, " %_") {
			seen[e.Type] = true
			ts = append(ts, e.Type)
		}
	}
	sort.Strings(ts)
	return " " + strings.Join(ts, " ") + " "
}

// Known reports whether each key is stored.
func (d *DB) Known(ctx context.Context, keys []store.Key) ([]bool, error) {
	out := make([]bool, len(keys))
	for i, k := range keys {
		var n int
		var err error
		if k.URL != "" {
			err = d.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE url = ?`, k.URL).Scan(&n)
		} else {
			err = d.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE hash = ?`, k.Hash).Scan(&n)
		}
		if err != nil {
			return nil, fmt.Errorf("looking up articles in %s: %w", d.path, err)
		}
		out[i] = n > 0
	}
	return out, nil
}

// Get returns the stored Analysis of an article.
func (d *DB) Get(ctx context.Context, id string) (*analysis.Analysis, error) {
	var blob []byte
	var text string
	err := d.db.QueryRowContext(ctx, `SELECT analysis, text FROM articles WHERE id = ?`, id).Scan(&blob, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %q from %s: %w", id, d.path, err)
	}
	a, err := store.DecodeAnalysis(blob, text)
	if err != nil {
		return nil, fmt.Errorf("reading article %q from %s: %w", id, d.path, err)
	}
	a.ID = id
	return a, nil
}

// Each calls fn for every stored article in storage order.
func (d *DB) Each(ctx context.Context, fn func(*analysis.Analysis) error) error {
	last := int64(0)
	for {
		// Pages keep no read transaction open while fn runs.
		rows, err := d.db.QueryContext(ctx, `SELECT rowid, id, analysis, text FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("reading %s: %w", d.path, err)
		}
		var page []*analysis.Analysis
		for rows.Next() {
			var id string
			var blob []byte
			var text string
			if err := rows.Scan(&last, &id, &blob, &text); err != nil {
				rows.Close()
				return fmt.Errorf("reading %s: %w", d.path, err)
			}
			a, err := store.DecodeAnalysis(blob, text)
			if err != nil {
				rows.Close()
				return fmt.Errorf("reading article %q from %s: %w", id, d.path, err)
			}
			a.ID = id
			page = append(page, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("reading %s: %w", d.path, err)
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
