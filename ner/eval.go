package ner

import "strings"

// Score is precision, recall and F1 over entity chunks of one type (or of
// all types).
type Score struct {
	Gold      int     `json:"gold"`      // chunks in the gold standard
	Predicted int     `json:"predicted"` // chunks the tagger found
	Correct   int     `json:"correct"`   // found chunks with exactly the gold span and type
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Scores are entity-level scores by the rules of CoNLL's conlleval: a chunk
// counts as correct only when its span and its type both match.
type Scores struct {
	All     Score            `json:"all"`
	ByType  map[string]Score `json:"by_type"`
	Tokens  int              `json:"tokens"`
	Correct int              `json:"correct_tokens"` // tokens whose tag is right
	// Mistakes are the chunks missed or found wrongly, in corpus order.
	Mistakes []Mistake `json:"mistakes,omitempty"`
}

// Mistake is one chunk the tagger got wrong: a gold chunk it missed (Found
// is "") or a chunk it found that is not gold (Gold is "" when no gold chunk
// has that span, else the gold type of the same span).
type Mistake struct {
	Sentence int    `json:"sentence"` // index of the sentence in the input
	Text     string `json:"text"`     // the chunk's tokens, joined by spaces
	Gold     string `json:"gold"`     // gold type of the span, or ""
	Found    string `json:"found"`    // type the tagger gave the span, or ""
	Context  string `json:"context"`  // up to three tokens each side
}

type chunk struct {
	start, end int
	typ        string
}

// chunks returns the chunks of an IOB tag sequence (conlleval: a chunk
// starts at B-X, or at I-X after anything but B-X/I-X).
func chunks(tags []string) []chunk {
	var out []chunk
	for i := 0; i < len(tags); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out = append(out, chunk{i, j, typ})
		i = j
	}
	return out
}

// Evaluate tags each sentence's tokens and scores the result against the
// sentence's tags.
func Evaluate(t *Tagger, sents []Sentence) Scores {
	sc := Scores{ByType: map[string]Score{}}
	buf := new(buffers)
	pred := []string{}
	var tagged [][]int
	for d := 0; d < len(sents); d += docSize {
		group := sents[d:min(d+docSize, len(sents))]
		doc := make([][]view, len(group))
		for i, s := range group {
			doc[i] = t.res.views(nil, tokensOf(s.Tokens))
		}
		tagged = append(tagged, t.tagDoc(doc, buf)...)
	}
	for si, s := range sents {
		toks := s.Tokens
		tags := tagged[si]
		pred = pred[:0]
		for i, tg := range tags {
			name := tagName(tg)
			pred = append(pred, name)
			if name == s.Tags[i] {
				sc.Correct++
			}
		}
		sc.Tokens += len(toks)
		gold := map[chunk]bool{}
		for _, c := range chunks(s.Tags) {
			gold[c] = true
			sc.All.Gold++
			ts := sc.ByType[c.typ]
			ts.Gold++
			sc.ByType[c.typ] = ts
		}
		found := map[chunk]bool{}
		foundType := map[[2]int]string{}
		for _, c := range chunks(pred) {
			found[c] = true
			foundType[[2]int{c.start, c.end}] = c.typ
			sc.All.Predicted++
			ts := sc.ByType[c.typ]
			ts.Predicted++
			if gold[c] {
				sc.All.Correct++
				ts.Correct++
			}
			sc.ByType[c.typ] = ts
		}
		goldType := map[[2]int]string{}
		for c := range gold {
			goldType[[2]int{c.start, c.end}] = c.typ
		}
		for _, c := range chunks(s.Tags) {
			if !found[c] {
				sc.Mistakes = append(sc.Mistakes, mistake(si, toks, c, c.typ, foundType[[2]int{c.start, c.end}]))
			}
		}
		for _, c := range chunks(pred) {
			if gt, ok := goldType[[2]int{c.start, c.end}]; !gold[c] && !ok {
				sc.Mistakes = append(sc.Mistakes, mistake(si, toks, c, gt, c.typ))
			}
		}
	}
	sc.All.finish()
	for k, v := range sc.ByType {
		v.finish()
		sc.ByType[k] = v
	}
	return sc
}

func mistake(si int, toks []string, c chunk, gold, found string) Mistake {
	lo, hi := max(c.start-3, 0), min(c.end+3, len(toks))
	ctx := strings.Join(toks[lo:c.start], " ") + " [" + strings.Join(toks[c.start:c.end], " ") + "] " + strings.Join(toks[c.end:hi], " ")
	return Mistake{Sentence: si, Text: strings.Join(toks[c.start:c.end], " "), Gold: gold, Found: found, Context: strings.TrimSpace(ctx)}
}

func (s *Score) finish() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}
