package ner

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// view is what the features see of one token: its forms computed once.
type view struct {
	w      string // folded word (arabic.Fold)
	base   string // folded word without proclitics and enclitic
	stem   string // arabic.Stem
	pre    string // folded proclitics
	bare   string // folded word without proclitics, article kept: لكازاخستان -> كازاخستان, والامم -> الامم
	kind   arabic.Kind
	cue    uint8
	fine   int32 // word class, -1 when the word has none
	coarse int32
	long   uint8 // long vowels (ا و ي) inside the word
	n      int   // letters
	// Lexicon matches: the kinds of name starting here (gazB) or going on
	// here (gazI), and whether the word is a known person-name token.
	gazB, gazI uint8
	gazPart    bool
	given      bool  // a common Arabic given name
	freq       uint8 // log2 of the word's corpus count, 0 when unknown
	alRatio    uint8 // how often the word takes the article in the corpus, bucketed; 0 when unknown
}

// resources are what the features consult beyond the tokens.
type resources struct {
	classes *Classes
	lex     *Lexicon
	corp    corpusStats // how the first stage tagged words in unlabelled news; second stage only
}

// views appends the views of toks to dst, with their lexicon matches.
func (r resources) views(dst []view, toks []arabic.Token) []view {
	start := len(dst)
	for _, t := range toks {
		dst = append(dst, r.classes.makeView(t))
	}
	r.lex.annotate(dst[start:])
	return dst
}

// sentinel views stand before the first and after the last token.
var (
	startView = view{w: "<s>", base: "<s>", stem: "<s>", fine: -2, coarse: -2}
	endView   = view{w: "</s>", base: "</s>", stem: "</s>", fine: -3, coarse: -3}
)

// makeView computes the forms of a token.
func (c *Classes) makeView(tok arabic.Token) view {
	w := arabic.Fold(tok.Text)
	v := view{w: w, base: w, bare: w, stem: w, kind: tok.Kind, fine: -1, coarse: -1}
	if tok.Kind == arabic.Word {
		seg := arabic.SegmentWord(tok.Text)
		v.base = arabic.Fold(seg.Base)
		v.pre = arabic.Fold(seg.Prefix)
		if v.pre != "" {
			keep := 0
			if strings.HasSuffix(v.pre, "ال") {
				keep = len("ال")
			}
			v.bare = w[len(v.pre)-keep:]
		}
		v.stem = arabic.Stem(tok.Text)
		v.cue = cueWords[w]
		if v.cue == cueNone {
			v.cue = cueWords[v.base]
		}
		for i, r := range v.base {
			if i > 0 && i+utf8.RuneLen(r) < len(v.base) && (r == 'ا' || r == 'و' || r == 'ي') {
				v.long++
			}
		}
	}
	v.n = utf8.RuneCountInString(w)
	v.given = givenNames[v.bare]
	if c != nil {
		n := c.count(v.bare)
		v.freq = uint8(bits.Len32(n))
		if !strings.HasPrefix(v.bare, "ال") && n > 0 {
			al := c.alCount(v.bare)
			switch r := float64(al) / float64(n); {
			case r == 0:
				v.alRatio = 1
			case r < 0.05:
				v.alRatio = 2
			case r < 0.2:
				v.alRatio = 3
			case r < 0.5:
				v.alRatio = 4
			default:
				v.alRatio = 5
			}
		}
		if e, ok := c.words[w]; ok {
			v.fine, v.coarse = int32(e.fine), int32(e.coarse)
		} else if e, ok := c.words[v.base]; ok {
			v.fine, v.coarse = int32(e.fine), int32(e.coarse)
		}
	}
	return v
}

// Feature kinds: the first byte hashed into every feature key.
const (
	fBias byte = iota + 1
	fWord
	fBase
	fStem
	fPre
	fPrefix1
	fPrefix2
	fPrefix3
	fSuffix1
	fSuffix2
	fSuffix3
	fSuffix4
	fShape
	fForeign
	fCue0
	fCuePrev
	fCuePrev2
	fCueNext
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fBasePrev
	fBaseNext
	fBigramPrev
	fBigramNext
	fFine
	fCoarse
	fFinePrev
	fFineNext
	fCoarsePrev
	fCoarseNext
	fTrigram
	fLong
	fFineBase
	fGaz
	fGazPrev
	fGazNext
	fGazPart
	fGiven
	fFreq
	fAlRatio
	fCueWord
	fS1Tag
	fS1Prev
	fS1Next
	fDoc
	fDocPrev
	fDocNext
	fDocWord
	fCorp
	fCorpSize
	fCorpPrev
	fCorpNext
	fCorpType
	fCorpCue
	fSuffixPrev
	fSuffixNext
	fPrefixPrev
	fWordPrevClass
	fWordNextClass
	fCorpAfterCue
	fCorpS1
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashKind(k byte) uint64 {
	return (fnvOffset ^ uint64(k)) * fnvPrime
}

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashInt(h uint64, n int64) uint64 {
	for i := 0; i < 4; i++ {
		h ^= uint64(n & 0xff)
		h *= fnvPrime
		n >>= 8
	}
	return h
}

func sep(h uint64) uint64 { return (h ^ 0xff) * fnvPrime }

// runePrefix returns the first n runes of s (all of s if shorter), and
// whether s had at least n runes.
func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s, false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], true
}

// runeSuffix returns the last n runes of s and whether s had at least n.
func runeSuffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return s, false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], true
}

// features appends the feature keys of position i of views to dst. views
// are the tokens of one sequence; positions outside it see sentinels.
func features(dst []uint64, views []view, i int) []uint64 {
	at := func(j int) *view {
		switch {
		case j < 0:
			return &startView
		case j >= len(views):
			return &endView
		}
		return &views[j]
	}
	v := &views[i]
	p, n := at(i-1), at(i+1)
	p2, n2 := at(i-2), at(i+2)
	dst = append(dst,
		hashKind(fBias),
		hashStr(hashKind(fWord), v.w),
		hashStr(hashKind(fBase), v.base),
		hashStr(hashKind(fStem), v.stem),
		hashStr(hashKind(fPre), v.pre),
		hashInt(hashKind(fShape), int64(v.kind)<<8|int64(min(v.n, 12))),
		hashInt(hashKind(fCue0), int64(v.cue)),
		hashInt(hashKind(fCuePrev), int64(p.cue)),
		hashInt(hashKind(fCuePrev2), int64(p2.cue)),
		hashInt(hashKind(fCueNext), int64(n.cue)),
		hashStr(hashKind(fWordPrev), p.w),
		hashStr(hashKind(fWordNext), n.w),
		hashStr(hashKind(fWordPrev2), p2.w),
		hashStr(hashKind(fWordNext2), n2.w),
		hashStr(hashKind(fBasePrev), p.base),
		hashStr(hashKind(fBaseNext), n.base),
		hashStr(sep(hashStr(hashKind(fBigramPrev), p.w)), v.w),
		hashStr(sep(hashStr(hashKind(fBigramNext), v.w)), n.w),
		hashInt(hashKind(fFine), int64(v.fine)),
		hashInt(hashKind(fCoarse), int64(v.coarse)),
		hashInt(hashKind(fFinePrev), int64(p.fine)),
		hashInt(hashKind(fFineNext), int64(n.fine)),
		hashInt(hashKind(fCoarsePrev), int64(p.coarse)),
		hashInt(hashKind(fCoarseNext), int64(n.coarse)),
		hashInt(hashStr(hashKind(fFineBase), v.pre), int64(v.fine)),
		hashInt(hashKind(fLong), int64(min(v.long, 4))<<8|int64(v.kind)),
		hashInt(hashKind(fGaz), int64(v.gazB)<<8|int64(v.gazI)),
		hashInt(hashKind(fGazPrev), int64(p.gazB)<<8|int64(p.gazI)),
		hashInt(hashKind(fGazNext), int64(n.gazB)<<8|int64(n.gazI)),
		hashInt(hashKind(fGiven), int64(b2i(v.given))|int64(b2i(p.given))<<1|int64(b2i(n.given))<<2),
		hashInt(hashKind(fFreq), int64(min(v.freq, 20))<<4|int64(v.kind)),
		hashInt(hashKind(fAlRatio), int64(v.alRatio)<<4|int64(p.alRatio)),
		hashStr(hashInt(hashKind(fCueWord), int64(p.cue)), v.base),
		hashInt(hashKind(fGazPart), int64(b2i(v.gazPart))|int64(b2i(p.gazPart))<<1|int64(b2i(n.gazPart))<<2),
	)
	// The neighbours' endings and beginnings (a nisba or plural after a
	// name, an article before it), and each neighbour word with this word's
	// coarse class (شركة + a class of brand-like words).
	sufPrev, _ := runeSuffix(p.base, 2)
	sufNext, _ := runeSuffix(n.base, 2)
	prePrev, _ := runePrefix(p.base, 2)
	dst = append(dst,
		hashStr(hashKind(fSuffixPrev), sufPrev),
		hashStr(hashKind(fSuffixNext), sufNext),
		hashStr(hashKind(fPrefixPrev), prePrev),
		hashInt(hashStr(hashKind(fWordPrevClass), p.w), int64(v.coarse)),
		hashInt(hashStr(hashKind(fWordNextClass), n.w), int64(v.coarse)),
	)
	if v.kind != arabic.Word && v.kind != arabic.Latin {
		return dst
	}
	b := v.base
	for k, kind := range [...]byte{fPrefix1, fPrefix2, fPrefix3} {
		if s, ok := runePrefix(b, k+1); ok {
			dst = append(dst, hashStr(hashKind(kind), s))
		}
	}
	for k, kind := range [...]byte{fSuffix1, fSuffix2, fSuffix3, fSuffix4} {
		if s, ok := runeSuffix(b, k+1); ok {
			dst = append(dst, hashStr(hashKind(kind), s))
		}
	}
	if v.kind == arabic.Word {
		for k, e := range foreignEndings {
			if len(b) > len(e)+4 && strings.HasSuffix(b, e) {
				dst = append(dst, hashInt(hashKind(fForeign), int64(k)))
			}
		}
		if strings.Contains(b, "تش") {
			dst = append(dst, hashInt(hashKind(fForeign), 100))
		}
		// Character trigrams of the base, bounded in number.
		runes := 0
		for i := 0; i < len(b) && runes < 12; runes++ {
			if s, ok := runePrefix(b[i:], 3); ok {
				dst = append(dst, hashStr(hashKind(fTrigram), s))
			} else {
				break
			}
			_, size := utf8.DecodeRuneInString(b[i:])
			i += size
		}
	}
	return dst
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
