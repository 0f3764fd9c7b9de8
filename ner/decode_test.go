package ner

import (
	"testing"
)

func TestAllowed(t *testing.T) {
	bPER, iPER, bORG, iORG := 1, 2, 3, 4
	tests := []struct {
		prev, cur int
		want      bool
	}{
		{tagStart, iPER, false},
		{0, iPER, false},
		{bPER, iPER, true},
		{iPER, iPER, true},
		{bORG, iPER, false},
		{iORG, iORG, true},
		{0, bORG, true},
		{tagStart, 0, true},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.cur); got != tt.want {
			t.Errorf("allowed(%s, %s) = %v, want %v", tagName(min(tt.prev, nTags-1)), tagName(tt.cur), got, tt.want)
		}
	}
}

func TestViterbiPrefersValidSequences(t *testing.T) {
	// Emissions alone would tag "O I-PER": the decoder must not produce
	// an I- after O, and should pick the best valid sequence instead.
	w := &weights{}
	scores := make([]float32, 2*nTags)
	scores[0*nTags+0] = 5 // O
	scores[1*nTags+2] = 4 // I-PER
	scores[1*nTags+1] = 3 // B-PER
	out := make([]int, 2)
	w.viterbi(scores, out, make([]uint8, 2*nTags))
	if out[0] != 0 || out[1] != 1 {
		t.Errorf("got %s %s, want O B-PER", tagName(out[0]), tagName(out[1]))
	}
	// A strong transition score makes B-PER I-PER win over O B-PER.
	w.trans[1*nTags+2] = 10
	w.viterbi(scores, out, make([]uint8, 2*nTags))
	if out[0] != 1 || out[1] != 2 {
		t.Errorf("with transition: got %s %s, want B-PER I-PER", tagName(out[0]), tagName(out[1]))
	}
}

func TestParseTag(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"O", "O", true},
		{"B-PERS", "B-PER", true},
		{"I-PER", "I-PER", true},
		{"B-LOC", "B-LOC", true},
		{"I-ORG", "I-ORG", true},
		{"B-MISC", "B-MISC", true},
		{"B-MIS2", "B-MISC", true},
		{"X-PER", "", false},
		{"B-DATE", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := parseTag(tt.in)
		if ok != tt.ok || ok && tagName(got) != tt.want {
			t.Errorf("parseTag(%q) = %s, %v; want %s, %v", tt.in, tagName(got), ok, tt.want, tt.ok)
		}
	}
}
