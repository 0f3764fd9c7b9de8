package ner

import (
	"slices"
	"testing"

	"akhbar/arabic"
)

func TestMakeView(t *testing.T) {
	tests := []struct {
		word          string
		w, base, bare string
		pre           string
		cue           uint8
	}{
		{"لكازاخستان", "لكازاخستان", "كازاخستان", "كازاخستان", "ل", cueNone},
		{"والأمم", "والامم", "امم", "الامم", "وال", cueNone},
		{"الرئيس", "الرييس", "رييس", "الرييس", "ال", cuePER},
		{"منظمة", "منظمه", "منظمه", "منظمه", "", cueORG},
		{"وقال", "وقال", "قال", "قال", "و", cueSay},
	}
	var c *Classes
	for _, tt := range tests {
		v := c.makeView(arabic.Token{Text: tt.word, Kind: arabic.Word})
		if v.w != tt.w || v.base != tt.base || v.bare != tt.bare || v.pre != tt.pre || v.cue != tt.cue {
			t.Errorf("%s: got w=%s base=%s bare=%s pre=%s cue=%d; want %s %s %s %s %d",
				tt.word, v.w, v.base, v.bare, v.pre, v.cue, tt.w, tt.base, tt.bare, tt.pre, tt.cue)
		}
	}
}

func TestFeaturesSeeNeighbours(t *testing.T) {
	toks := arabic.Tokenize("قال الرئيس فلاديمير بوتين")
	views := resources{}.views(nil, toks)
	a := features(nil, views, 2)
	// Change the previous word: the features of position 2 must change, its
	// own-word features must not.
	toks2 := arabic.Tokenize("قال الوزير فلاديمير بوتين")
	b := features(nil, resources{}.views(nil, toks2), 2)
	if slices.Equal(a, b) {
		t.Fatal("features ignore the previous word")
	}
	shared := 0
	for _, k := range a {
		if slices.Contains(b, k) {
			shared++
		}
	}
	if shared < len(a)/2 {
		t.Errorf("only %d of %d features shared when only the previous word changed", shared, len(a))
	}
	// The same input gives the same features.
	if c := features(nil, views, 2); !slices.Equal(a, c) {
		t.Error("features are not deterministic")
	}
}

func TestLexiconAnnotate(t *testing.T) {
	lex := NewLexicon()
	lex.add("منظمة معاهدة الأمن الجماعي", lexORG)
	lex.add("كازاخستان", lexLOC)
	lex.add("الأمن", lexLOC) // shorter match inside the longer name must lose
	toks := arabic.Tokenize("وصلت قوات لمنظمة معاهدة الأمن الجماعي إلى كازاخستان")
	views := resources{lex: lex}.views(nil, toks)
	want := []struct{ b, i uint8 }{{0, 0}, {0, 0}, {lexORG, 0}, {0, lexORG}, {0, lexORG}, {0, lexORG}, {0, 0}, {lexLOC, 0}}
	if len(views) != len(want) {
		t.Fatalf("%d views, want %d", len(views), len(want))
	}
	for i, w := range want {
		if views[i].gazB != w.b || views[i].gazI != w.i {
			t.Errorf("%s: gazB=%d gazI=%d, want %d %d", toks[i].Text, views[i].gazB, views[i].gazI, w.b, w.i)
		}
	}
}

func TestChunks(t *testing.T) {
	got := chunks([]string{"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"})
	want := []chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "ORG"}, {5, 7, "ORG"}, {7, 8, "PER"}}
	if !slices.Equal(got, want) {
		t.Errorf("chunks = %v, want %v", got, want)
	}
}

func TestLexiconAddsDefiniteNisba(t *testing.T) {
	lex := NewLexicon()
	lex.add("كازاخي", lexNAT)
	lex.add("نور سلطان", lexLOC)
	for name, want := range map[string]uint8{"كازاخي": lexNAT, "الكازاخي": lexNAT, "نور سلطان": lexLOC, "النور سلطان": 0} {
		if got := lex.names[name]; got != want {
			t.Errorf("%s: bits %d, want %d", name, got, want)
		}
	}
}

// ruleCase is a rule's input tags on a text and the tags it should leave.

// checkRule runs a rule after the second stage on each case's text (with no

// lexicon) and compares the tags it leaves.
