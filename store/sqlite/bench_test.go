package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"akhbar/analysis"
	"akhbar/store"
	"akhbar/store/storetest"
)

// benchDocs are the conformance fixtures repeated with new ids and URLs,
// numbered from first.
func benchDocs(first, n int) []*analysis.Analysis {
	fx := storetest.Fixtures()
	out := make([]*analysis.Analysis, n)
	for k := range out {
		i := first + k
		d := *fx[i%len(fx)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		d.URL = fmt.Sprintf("%s?%d", d.URL, i)
		d.Text = fmt.Sprintf("%s (%d)", d.Text, i)
		out[k] = &d
	}
	return out
}

// BenchmarkFTSTokenizer indexes the same texts into FTS5 tables tokenized
// by akhbar's analyzer (a Go callback through the wasm boundary) and by
// SQLite's built-in unicode61, in one run: the price of an index that
// agrees with the analyzer.
func BenchmarkFTSTokenizer(b *testing.B) {
	docs := benchDocs(0, 200)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	for _, tok := range []string{TokenizerName, "unicode61"} {
		b.Run(tok, func(b *testing.B) {
			ctx := context.Background()
			d, err := Open(ctx, filepath.Join(b.TempDir(), "t.db"), Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer d.Close()
			if _, err := d.db.ExecContext(ctx, `CREATE VIRTUAL TABLE t USING fts5(text, tokenize='`+tok+`')`); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(bytes)
			b.ResetTimer()
			for b.Loop() {
				tx, _ := d.db.BeginTx(ctx, nil)
				for _, doc := range docs {
					if _, err := tx.ExecContext(ctx, `INSERT INTO t(text) VALUES(?)`, doc.Text); err != nil {
						b.Fatal(err)
					}
				}
				tx.Commit()
			}
		})
	}
}

// BenchmarkPut stores batches of 200 articles (index, entities, quotes,
// compressed analysis) in one transaction each.
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(b.TempDir(), "t.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	n := 0
	for b.Loop() {
		b.StopTimer()
		docs := benchDocs(n, 200)
		n += 200
		b.StartTimer()
		if _, err := d.Put(ctx, docs, store.PutOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*200)/b.Elapsed().Seconds(), "articles/s")
}
