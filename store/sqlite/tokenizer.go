package sqlite

import (
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"akhbar/arabic"
	"akhbar/store"
)

// tokenizer is the FTS5 tokenizer: akhbar's Arabic analyzer for documents
// and queries alike. A prefix query's word is folded and stripped of the
// article but not stemmed (store.PrefixTerm).
type tokenizer struct{}

var analyzer = arabic.Analyzer{}

func (tokenizer) Tokenize(flags fts5.TokenizeFlag, text, _ string, emit fts5.TokenCallback) error {
	if flags&fts5.TOKENIZE_PREFIX != 0 {
		if t := store.PrefixTerm(text); t != "" {
			return emit(0, t, 0, len(text))
		}
		return nil
	}
	var err error
	analyzer.Each(text, func(t arabic.Term) bool {
		err = emit(0, string(t.Term), t.ByteStart, t.ByteEnd)
		return err == nil
	})
	return err
}
