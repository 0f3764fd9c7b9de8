package ner

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"akhbar/arabic"
)

func FuzzTag(f *testing.F) {
	tg := loadT(f)
	for _, s := range []string{"قال الرئيس فلاديمير بوتين في موسكو.", "MBC مصر", "...", "لكازاخستان", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := arabic.Tokenize(text)
		n := utf8.RuneCountInString(text)
		last := 0
		for _, m := range tg.Tag(toks) {
			if m.Start < last || m.Start >= m.End || m.End > n || m.TokStart < 0 || m.TokEnd > len(toks) || m.TokStart >= m.TokEnd {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
			if m.Type != PER && m.Type != ORG && m.Type != LOC && m.Type != MISC {
				t.Fatalf("bad type %q", m.Type)
			}
			last = m.End
		}
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("محمد B-PERS\nفي O\n\nتونس B-LOC\n")
	f.Add("a\n")
	f.Add("x I-ORG\ny I-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Tags) || len(s.Tokens) == 0 {
				t.Fatalf("sentence %+v", s)
			}
			for i, tag := range s.Tags {
				tt, ok := parseTag(tag)
				if !ok || isInside(tt) && (i == 0 || s.Tags[i-1] == "O" || s.Tags[i-1][2:] != tag[2:]) {
					t.Fatalf("tags %v are not IOB2", s.Tags)
				}
			}
		}
	})
}

func FuzzDecodeModel(f *testing.F) {
	f.Add(embedded[:min(len(embedded), 200)])
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := decodeModel(bytes.NewReader(data), "fuzz")
		if err == nil && tg == nil {
			t.Fatal("no tagger and no error")
		}
	})
}
