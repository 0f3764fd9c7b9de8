package kb

import (
	"strings"

	"akhbar/arabic"
)

// Words is a text's tokens prepared for matching: each token's folded form
// and its readings with and without proclitics, computed once per text.
type Words struct {
	toks  []arabic.Token
	form  []string  // nameForm of each token; "" for punctuation
	reads [][]split // readings of each word
}

// Prepare folds toks once for MatchAt and RoleAt.
func Prepare(toks []arabic.Token) *Words {
	w := &Words{toks: toks, form: make([]string, len(toks)), reads: make([][]split, len(toks))}
	for i, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		if t.Norm != "" && t.Kind == arabic.Word {
			// Norm is Normalize(Text); Fold only adds ة -> ه.
			w.form[i] = strings.ReplaceAll(t.Norm, "ة", "ه")
		} else {
			w.form[i] = nameForm(t.Text)
		}
		w.reads[i] = proclitics(t.Text, w.form[i])
	}
	return w
}

// Len returns the number of tokens.
func (w *Words) Len() int { return len(w.toks) }

// Match is a run of tokens that names knowledge-base entries.
type Match struct {
	TokStart, TokEnd int      // token range [TokStart, TokEnd)
	Start, End       int      // code points, without the first token's proclitics
	Entries          []*Entry // the entries so named, most likely first
}

// MatchAt returns the longest name of an entry that starts at token i,
// allowing proclitics on its first word (لكازاخستان، والأردن، للأمم المتحدة).
func (k *KB) MatchAt(w *Words, i int) (Match, bool) {
	if i < 0 || i >= len(w.toks) || w.toks[i].Kind == arabic.Punct {
		return Match{}, false
	}
	var firsts []split
	for _, r := range w.reads[i] {
		if k.firstWords[r.rest] {
			firsts = append(firsts, r)
		}
	}
	if len(firsts) == 0 {
		return Match{}, false
	}
	limit := i
	for limit < len(w.toks) && limit-i < k.maxWords && w.toks[limit].Kind != arabic.Punct {
		limit++
	}
	var b strings.Builder
	for n := limit - i; n >= 1; n-- {
		for _, first := range firsts {
			b.Reset()
			b.WriteString(first.rest)
			for j := i + 1; j < i+n; j++ {
				b.WriteByte(' ')
				b.WriteString(w.form[j])
			}
			if es := k.byName[b.String()]; len(es) > 0 {
				return Match{TokStart: i, TokEnd: i + n, Start: w.toks[i].Start + first.prefix, End: w.toks[i+n-1].End, Entries: es}, true
			}
		}
	}
	return Match{}, false
}

// split is one reading of a word: prefix code points of proclitics, and the
// rest in name form.
type split struct {
	prefix int
	rest   string
}

// proclitics returns the readings of word (whose name form is f) with and
// without its proclitics: و ف, then ب ل ك, and لل read as ل + ال or as ل
// before a word that starts with ل. The word as written comes first.
func proclitics(word, f string) []split {
	out := []split{{0, f}}
	if len(f) < 4*len("ا") {
		return out
	}
	orig := []rune(word)
	add := func(letters int, rest string) {
		out = append(out, split{originalPrefix(orig, letters), rest})
	}
	conj := []split{{0, f}}
	if strings.HasPrefix(f, "و") || strings.HasPrefix(f, "ف") {
		g := f[len("و"):]
		add(1, g)
		conj = append(conj, split{1, g})
	}
	for _, c := range conj {
		h := c.rest
		switch {
		case strings.HasPrefix(h, "لل"):
			add(c.prefix+2, "ال"+h[len("لل"):])
			add(c.prefix+2, h[len("لل"):])
			add(c.prefix+1, h[len("ل"):]) // ل before a name that starts with ل: للندن، لليفربول
		case strings.HasPrefix(h, "ب") || strings.HasPrefix(h, "ل") || strings.HasPrefix(h, "ك"):
			add(c.prefix+1, h[len("ب"):])
		}
	}
	return out
}

// originalPrefix returns how many code points of orig hold its first n
// letters (tashkeel and tatweel ride along).
func originalPrefix(orig []rune, n int) int {
	i, seen := 0, 0
	for i < len(orig) && seen < n {
		if !arabic.IsTashkeel(orig[i]) && orig[i] != 'ـ' {
			seen++
		}
		i++
	}
	for i < len(orig) && (arabic.IsTashkeel(orig[i]) || orig[i] == 'ـ') {
		i++
	}
	return i
}
