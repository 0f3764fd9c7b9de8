package entity

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/ner"
)

// TestLongText feeds one 10,000-token sentence with thousands of mentions,
// linked and not: Resolve must finish quickly and keep one entity per name.
func TestLongText(t *testing.T) {
	k := loadKB(t)
	// Hundreds of distinct made-up names, each said several times.
	letters := []rune("بتجحخدرسشفكلمن") // no two share a NameKey class
	var b strings.Builder
	for i := 0; b.Len() < 120000; i++ {
		j := i % 196
		fmt.Fprintf(&b, "قال بوتين إن المحلل كوزني%c%c ورفاقه زاروا موسكو و", letters[j%14], letters[j/14])
	}
	text := b.String()
	toks := arabic.Tokenize(text)
	var ms []ner.Mention
	for i, tok := range toks {
		if strings.HasPrefix(tok.Text, "كوزني") {
			ms = append(ms, ner.Mention{Start: tok.Start, End: tok.End, TokStart: i, TokEnd: i + 1, Type: ner.PER})
		}
	}
	start := time.Now()
	es := Resolve(text, toks, ms, time.Time{}, k)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Resolve of %d tokens and %d mentions took %v", len(toks), len(ms), d)
	}
	byID := map[string]int{}
	for _, e := range es {
		byID[e.ID] += len(e.Mentions)
	}
	if byID["per:putin"] == 0 || byID["gn:524901"] == 0 {
		t.Errorf("Putin or Moscow missing: %v", byID)
	}
	// The made-up names differ in two letters; a few pairs read alike
	// (دج = جج, تش = شش) and are rightly one name.
	if n := len(es); n < 190 || n > 198 {
		t.Errorf("%d entities, want about 196 made-up names plus Putin and Moscow", n)
	}
	if len(toks) < 10000 {
		t.Fatalf("only %d tokens", len(toks))
	}
}
