package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"akhbar/store"
	"akhbar/store/storetest"
)

// FuzzSearch checks that no query text makes Search fail with anything but
// the query errors a user is meant to see: whatever is typed, it is never
// run as FTS5 syntax and never panics.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"لوكاشينكو", `"الثورة الملونة"`, "كازاخ*", "a OR b", "NOT x", "-موسكو", `"`, `(((`, `)))`,
		"*", "**", "^x", "col:x", "NEAR(a b)", `a" OR "b`, "OR OR", "AND", "- -", "«الثورة»", "ال*", "2022/01", "U.S.-made"} {
		f.Add(s)
	}
	d, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Put(context.Background(), storetest.Fixtures(), store.PutOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := d.Search(context.Background(), store.Query{Text: q, Facets: true})
		if err != nil {
			// Empty, too long, only NOT, not UTF-8: errors meant for the user.
			if errors.Is(err, store.ErrEmptyQuery) || errors.Is(err, store.ErrQueryTooLong) || errors.Is(err, store.ErrBadQuery) {
				return
			}
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range res.Hits {
			n := utf8.RuneCountInString(h.Snippet.Text)
			for _, m := range h.Snippet.Marks {
				if m[0] < 0 || m[1] > n || m[0] >= m[1] {
					t.Fatalf("Search(%q): mark %v outside snippet of %d runes", q, m, n)
				}
			}
		}
	})
}
