package quote

import (
	"sort"
	"strings"

	"akhbar/arabic"
)

// Mention is one place where the entity layer found an entity: the input
// Find uses to resolve speakers and sources to entity ids.
type Mention struct {
	Start  int    // first code point
	End    int    // one past the last code point
	Entity string // entity id
	Name   string // the entity's canonical name, when known
	Type   string // PER, ORG, LOC or MISC
	Role   bool   // a role mention (الرئيس البيلاروسي), not a name
}

// Quote is a direct or reported statement with its speaker.
type Quote struct {
	Start int    // first code point of the quoted or reported words
	End   int    // one past the last
	Text  string // the words, without quotation marks
	// Speaker is the entity id of the speaker; empty when no entity mention
	// covers the speaker's words.
	Speaker string
	// SpeakerText is the words that name the speaker (for a dropped subject,
	// the words of the speaker it continues); empty when unknown.
	SpeakerText string
	// SpeakerName is the fullest name the text gives the speaker: the
	// entity's name, or the name a role phrase or a surname stands for.
	SpeakerName string
	// SpeakerStart and SpeakerEnd locate SpeakerText; both 0 when unknown.
	SpeakerStart, SpeakerEnd int
	// Cue is the reporting verb as written without its conjunction (قال،
	// أكد، مشيرا), or ":" for a headline or colon attribution.
	Cue string
	// Direct is true for words inside quotation marks.
	Direct bool
}

// Attribution is a place where the article credits a source.
type Attribution struct {
	Start int    // first code point of the credit (وبحسب موقع سبوتنيك)
	End   int    // one past the last
	Text  string // the credit as written
	// Source is the entity id of the credited source, or the stable id of a
	// known agency (reuters, afp, sputnik) when no entity covers it.
	Source string
	// SourceText is the words naming the source (موقع سبوتنيك).
	SourceText string
}

// Find returns the quotations and attributions of text, in text order.
// toks and sentences must come from arabic.Tokenize and arabic.Sentences of
// the same text; mentions may be nil, in which case speakers carry their
// words and names but no entity ids.
func Find(text string, toks []arabic.Token, sentences []arabic.Span, mentions []Mention) ([]Quote, []Attribution) {
	f := newFinder(text, toks, sentences, mentions)
	f.headline()
	f.scan()
	f.resolveNames()
	f.attributions()
	sort.SliceStable(f.quotes, func(i, j int) bool { return f.quotes[i].Start < f.quotes[j].Start })
	sort.SliceStable(f.attrs, func(i, j int) bool { return f.attrs[i].Start < f.attrs[j].Start })
	return f.quotes, f.attrs
}

// finder holds the state of one Find call.
type finder struct {
	runes    []rune
	toks     []arabic.Token
	fold     []string // folded text of each token
	sentEnd  []int    // for each token, the index of the first token after its sentence
	para     []int    // for each token, its paragraph number
	marks    []mark
	openAt   []int  // for each token, the mark it opens, or -1
	closeAt  []bool // for each token, whether it closes a mark
	closeOf  []int  // for each token, the mark it closes, or -1
	mentions []Mention
	longest  int // code points in the longest mention
	quotes   []Quote
	attrs    []Attribution
	last     speaker // the last speaker, continued by dropped subjects
	aliases  map[string]speaker
	names    []speaker // speakers with a personal name, for surname matching
	named    map[string]bool
}

// mark is a pair of quotation marks, as token indexes.
type mark struct {
	open, close int
	claimed     bool
}

// speaker is who a statement is attributed to.
type speaker struct {
	text       string
	start, end int
	entity     string
	name       string
}

func (s speaker) known() bool { return s.text != "" || s.entity != "" }

func newFinder(text string, toks []arabic.Token, sentences []arabic.Span, mentions []Mention) *finder {
	f := &finder{
		runes:   []rune(text),
		toks:    toks,
		fold:    make([]string, len(toks)),
		sentEnd: make([]int, len(toks)),
		para:    make([]int, len(toks)),
		openAt:  make([]int, len(toks)),
		closeAt: make([]bool, len(toks)),
		closeOf: make([]int, len(toks)),
		aliases: make(map[string]speaker),
		named:   make(map[string]bool),
	}
	for i, t := range toks {
		f.fold[i] = arabic.Fold(t.Text)
		f.openAt[i] = -1
		f.closeOf[i] = -1
	}
	// Paragraph numbers: a line break between two tokens starts a new one.
	p, prevEnd := 0, 0
	for i, t := range toks {
		for c := max(prevEnd, 0); c < t.Start && c < len(f.runes); c++ {
			if f.runes[c] == '\n' {
				p++
				break
			}
		}
		f.para[i] = p
		prevEnd = t.End
	}
	// Sentence ends, by walking tokens and sentences together.
	si := 0
	for i := len(toks) - 1; i >= 0; i-- {
		f.sentEnd[i] = len(toks)
	}
	ti := 0
	for si = 0; si < len(sentences); si++ {
		s := sentences[si]
		for ti < len(toks) && toks[ti].Start < s.Start {
			f.sentEnd[ti] = ti + 1
			ti++
		}
		first := ti
		for ti < len(toks) && toks[ti].Start < s.End {
			ti++
		}
		for k := first; k < ti; k++ {
			f.sentEnd[k] = ti
		}
	}
	for ; ti < len(toks); ti++ {
		f.sentEnd[ti] = len(toks)
	}
	f.mentions = append([]Mention(nil), mentions...)
	sort.SliceStable(f.mentions, func(i, j int) bool { return f.mentions[i].Start < f.mentions[j].Start })
	for _, m := range f.mentions {
		f.longest = max(f.longest, m.End-m.Start)
	}
	f.pairMarks()
	return f
}

// textOf returns the text of tokens [i, j).
func (f *finder) textOf(i, j int) (string, int, int) {
	if i >= j || i < 0 || j > len(f.toks) {
		return "", 0, 0
	}
	s, e := f.toks[i].Start, f.toks[j-1].End
	if s < 0 || e > len(f.runes) || s > e {
		return "", 0, 0
	}
	return string(f.runes[s:e]), s, e
}

// isPunct reports whether token i is punctuation with the given text.
func (f *finder) isPunct(i int, texts ...string) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != arabic.Punct {
		return false
	}
	for _, t := range texts {
		if f.toks[i].Text == t {
			return true
		}
	}
	return false
}

func (f *finder) isWord(i int) bool {
	return i >= 0 && i < len(f.toks) && (f.toks[i].Kind == arabic.Word || f.toks[i].Kind == arabic.Latin)
}

// verbAt reports whether token i is a reporting verb, with its cue as
// written without a leading و or ف.
func (f *finder) verbAt(i int) (verbInfo, string, bool) {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != arabic.Word {
		return verbInfo{}, "", false
	}
	w := f.fold[i]
	if v, ok := verbs[w]; ok {
		return v, f.toks[i].Text, true
	}
	// رأى (saw, held) folds like the noun رأي (opinion); only the written
	// alef maqsura tells them apart.
	if (w == "راي" || w == "وراي") && strings.HasSuffix(f.toks[i].Text, "ى") {
		return verbInfo{}, strings.TrimPrefix(f.toks[i].Text, "و"), true
	}
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		if v, ok := verbs[w[len("و"):]]; ok {
			r := []rune(f.toks[i].Text)
			return v, string(r[1:]), true
		}
	}
	return verbInfo{}, "", false
}

// emit records a quote over tokens [i, j) or code points of a mark's inside.
func (f *finder) emit(start, end int, sp speaker, cue string, direct bool) {
	if start >= end || start < 0 || end > len(f.runes) {
		return
	}
	q := Quote{
		Start: start, End: end, Text: string(f.runes[start:end]),
		Speaker: sp.entity, SpeakerText: sp.text, SpeakerName: sp.name,
		SpeakerStart: sp.start, SpeakerEnd: sp.end,
		Cue: cue, Direct: direct,
	}
	f.quotes = append(f.quotes, q)
	if sp.known() {
		f.last = sp
	}
}

// overlapping returns the mentions that may overlap [s, e): those starting
// before e and at most the longest mention's length before s.
func (f *finder) overlapping(s, e int) []Mention {
	lo := sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].Start >= s-f.longest })
	hi := sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].Start >= e })
	if lo > hi {
		return nil
	}
	return f.mentions[lo:hi]
}
