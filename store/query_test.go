package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      error
	}{
		{"النفط", `store.Term{Text:"النفط", Prefix:false}`, nil},
		{"أسعار النفط", `store.And{store.Term{Text:"أسعار", Prefix:false}, store.Term{Text:"النفط", Prefix:false}}`, nil},
		{"في النفط", `store.Term{Text:"النفط", Prefix:false}`, nil}, // stop word dropped
		{`«الثورة الملونة»`, `store.Phrase{Text:"الثورة الملونة"}`, nil},
		{"x OR y z", `store.Or{store.Term{Text:"x", Prefix:false}, store.And{store.Term{Text:"y", Prefix:false}, store.Term{Text:"z", Prefix:false}}}`, nil},
		{"x -y", `store.And{store.Term{Text:"x", Prefix:false}, store.Not{X:store.Term{Text:"y", Prefix:false}}}`, nil},
		{"2022/01", `store.Phrase{Text:"2022/01"}`, nil}, // one typed word, two terms
		{"((النفط", `store.Term{Text:"النفط", Prefix:false}`, nil},
		{"...؟!", "<nil>", nil},
		{"NOT النفط", "", ErrBadQuery},
		{strings.Repeat("ك ", 600), "", ErrQueryTooLong},
		{strings.Repeat("كلمة ", 70), "", ErrQueryTooLong},
	} {
		e, err := Parse(c.in)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("Parse(%.30q) error %v, want %v", c.in, err, c.err)
			}
			continue
		}
		if got := fmt.Sprintf("%#v", e); err != nil || got != c.want {
			t.Errorf("Parse(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
}

func TestPrefixTerm(t *testing.T) {
	for in, want := range map[string]string{"كازاخ": "كازاخ", "الكازاخ": "كازاخ", "وال": "وال", "Belar": "belar", "...": "", " \u0670*": "", "\u064e": ""} {
		if got := PrefixTerm(in); got != want {
			t.Errorf("PrefixTerm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContentHashIgnoresSpacingAndDiacritics(t *testing.T) {
	a := ContentHash("s", "أعلنت الوزارةُ اليوم،  قرارا جديدا.")
	b := ContentHash("s", "أعلنت الوزارة اليوم ، قرارا جديدا")
	if a != b {
		t.Error("re-spaced copy without diacritics hashes differently")
	}
	if a == ContentHash("other", "أعلنت الوزارة اليوم ، قرارا جديدا") {
		t.Error("the same text on another site hashes alike")
	}
}
