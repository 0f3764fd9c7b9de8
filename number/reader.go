package number

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// Match is a number read from consecutive tokens by a Reader.
type Match struct {
	Value    float64
	Ordinal  bool   // الثالث، الحادي عشر، العشرين
	Digits   bool   // written in digits (possibly with a scale word: 20 ألف)
	Fraction bool   // written a/b
	Calendar string // "م" or "هـ" when the digits carry a calendar suffix: a year, not a count
	// Reject, when not empty, says why number-like tokens were not read as a
	// number (too many digits, bad digit grouping, a date); Value is then 0.
	Reject string
	// First and Last delimit the tokens read: toks[First:Last].
	First, Last int
	// Start and End are the code-point span, a leading proclitic (و، ب، ل)
	// excluded; ByteStart and ByteEnd the same span in bytes.
	Start, End         int
	ByteStart, ByteEnd int
}

// maxDigits is the longest integer part read as a number: beyond it a
// float64 no longer holds every digit, and no news figure needs more.
const maxDigits = 15

// Reader reads numbers from a document's tokens. It caches each token's
// folded form, so reading at every position of a document folds each word
// once. A Reader is not safe for concurrent use.
type Reader struct {
	toks   []arabic.Token
	folded []string
	done   []bool
}

// NewReader returns a Reader over toks.
func NewReader(toks []arabic.Token) *Reader {
	return &Reader{toks: toks, folded: make([]string, len(toks)), done: make([]bool, len(toks))}
}

// Fold returns arabic.Fold of token i's text ("" for a token that is not an
// Arabic word), computed once.
func (r *Reader) Fold(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	if !r.done[i] {
		r.done[i] = true
		if t := r.toks[i]; t.Kind == arabic.Word {
			switch {
			case t.Norm == "":
				r.folded[i] = arabic.Fold(t.Text)
			case strings.Contains(t.Norm, "ة"):
				// Norm is Normalize(Text); Fold only adds ة -> ه.
				r.folded[i] = strings.ReplaceAll(t.Norm, "ة", "ه")
			default:
				r.folded[i] = t.Norm
			}
		}
	}
	return r.folded[i]
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (r *Reader) adjacent(i int) bool {
	return i >= 0 && i+1 < len(r.toks) && r.toks[i].End == r.toks[i+1].Start
}

func (r *Reader) isPunct(i int, set string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].Kind == arabic.Punct && strings.Contains(set, r.toks[i].Text)
}

// word is a token looked up in the number lexicon.
type word struct {
	entry
	def  bool // carried the article ال
	conj bool // carried the conjunction و
	pre  int  // letters of proclitics before the number word, ال included
	trim int  // letters of proclitics outside the span (و، ب، ل), ال kept
}

// lookup finds token i in the lexicon, peeling a conjunction, a preposition
// and the article.
func (r *Reader) lookup(i int) (word, bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != arabic.Word {
		return word{}, false
	}
	return lookupWord(r.Fold(i))
}

// IsWord reports whether the folded word w (arabic.Fold) is a number word,
// possibly with a conjunction, a preposition or the article: ثلاثة،
// وعشرين، الحادي، بالألفين.
func IsWord(w string) bool {
	_, ok := lookupWord(w)
	return ok
}

// lookalikes are words that read as a proclitic and a number word but are
// not numbers: لست (I am not), وست (West, as in وست هام), كمية (quantity).
var lookalikes = map[string]bool{
	"لست": true, "ولست": true, "فلست": true, "وست": true, "كميه": true, "وكميه": true, "بكميه": true, "لكميه": true,
}

// lookupWord finds a folded word in the lexicon, peeling a conjunction, a
// preposition and the article.
func lookupWord(w string) (word, bool) {
	if lookalikes[w] {
		return word{}, false
	}
	if e, ok := words[w]; ok {
		return word{entry: e}, true
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok {
		if e, ok := words[rest]; ok {
			return word{entry: e, def: true, pre: 2}, true
		}
	}
	p, size := utf8.DecodeRuneInString(w)
	if !strings.ContainsRune("وبلفك", p) {
		return word{}, false
	}
	rest := w[size:]
	conj := p == 'و'
	if e, ok := words[rest]; ok {
		return word{entry: e, conj: conj, pre: 1, trim: 1}, true
	}
	if r2, ok := strings.CutPrefix(rest, "ال"); ok {
		if e, ok := words[r2]; ok {
			return word{entry: e, def: true, conj: conj, pre: 3, trim: 1}, true
		}
	}
	if p == 'ل' {
		if r2, ok := strings.CutPrefix(rest, "ل"); ok { // للعشرين = ل + العشرين
			if e, ok := words[r2]; ok {
				return word{entry: e, def: true, pre: 2, trim: 1}, true
			}
		}
	}
	return word{}, false
}

// At reads the number that starts at token i. ok is false when none starts
// there; when ok is true and m.Reject is set, the tokens look like a number
// but cannot be read as one.
func (r *Reader) At(i int) (m Match, ok bool) {
	if i < 0 || i >= len(r.toks) {
		return Match{}, false
	}
	t := r.toks[i]
	switch t.Kind {
	case arabic.Number:
		return r.digitsAt(i, i, 1, "")
	case arabic.Punct:
		next := i + 1
		if !r.adjacent(i) || r.toks[next].Kind != arabic.Number || (i > 0 && r.adjacent(i-1) && r.toks[i-1].Kind != arabic.Punct) {
			return Match{}, false
		}
		switch t.Text {
		case "-", "−":
			return r.digitsAt(i, next, -1, "")
		case ".", "٫":
			return r.digitsAt(i, next, 1, "0.")
		}
		return Match{}, false
	case arabic.Word:
		return r.wordsAt(i)
	}
	return Match{}, false
}

// digitsAt reads digits at token k (the number starting at token first,
// which may be a sign or a leading decimal point).
func (r *Reader) digitsAt(first, k, sign int, lead string) (Match, bool) {
	t := r.toks[k]
	m := Match{Digits: true, First: first, Last: k + 1, Start: r.toks[first].Start, End: t.End, ByteStart: r.toks[first].ByteStart, ByteEnd: t.ByteEnd}
	v, cal, reject := parseDigits(t.Text, lead != "")
	if reject != "" {
		m.Reject = reject
		return m, true
	}
	m.Calendar = cal
	if cal != "" {
		m.Value = v
		return m, true
	}
	if lead != "" {
		v, _ = strconv.ParseFloat(lead+digitsASCII(t.Text), 64)
	}
	last := k
	// a/b: a fraction, unless a third part makes it a date.
	if r.isPunct(last+1, "/") && r.adjacent(last) && r.adjacent(last+1) && r.toks[last+2].Kind == arabic.Number && lead == "" {
		den, _, rej := parseDigits(r.toks[last+2].Text, false)
		if r.isPunct(last+3, "/-") && r.adjacent(last+2) {
			m.Reject = "a date, not a number"
			end := last + 2
			if r.adjacent(last+3) && r.toks[last+4].Kind == arabic.Number {
				end = last + 4
			}
			m.Last = end + 1
			m.End, m.ByteEnd = r.toks[end].End, r.toks[end].ByteEnd
			return m, true
		}
		if rej == "" && den != 0 && isPlainInt(t.Text) && isPlainInt(r.toks[last+2].Text) {
			v /= den
			m.Fraction = true
			last += 2
		}
	}
	if !m.Fraction {
		if f, n, ok := r.decimalWord(last + 1); ok && v == math.Trunc(v) {
			v += f
			last = n - 1
		}
	}
	v *= float64(sign)
	// 20 ألف، 2.5 مليون، 3 ملايين
	if w, ok := r.lookup(last + 1); ok && !w.conj && w.pre == 0 && (w.kind == kScale || w.kind == kScalePl) {
		v *= w.val
		last++
	}
	m.Value = v
	m.Last = last + 1
	m.End, m.ByteEnd = r.toks[last].End, r.toks[last].ByteEnd
	return m, true
}

// decimalWord reads "فاصلة N" at token i: the fractional part it adds.
func (r *Reader) decimalWord(i int) (frac float64, next int, ok bool) {
	if r.Fold(i) != "فاصله" {
		return 0, 0, false
	}
	j := i + 1
	if j >= len(r.toks) {
		return 0, 0, false
	}
	var digits string
	switch r.toks[j].Kind {
	case arabic.Number:
		if !isPlainInt(r.toks[j].Text) {
			return 0, 0, false
		}
		digits = digitsASCII(r.toks[j].Text)
	case arabic.Word:
		w, ok := r.lookup(j)
		if !ok || w.pre != 0 || w.kind != kUnit || w.compoundOnly {
			return 0, 0, false
		}
		digits = strconv.Itoa(int(w.val))
	default:
		return 0, 0, false
	}
	f, err := strconv.ParseFloat("0."+digits, 64)
	if err != nil {
		return 0, 0, false
	}
	return f, j + 1, true
}

// wordsAt reads a number written in words at token i.
func (r *Reader) wordsAt(i int) (Match, bool) {
	first, ok := r.lookup(i)
	if !ok {
		return Match{}, false
	}
	var (
		total     float64
		group     float64 // the part below the last scale word
		low       float64 // the part of group below 100
		lastKind  kind
		lastScale = math.Inf(1)
		atoms     int
		ordinal   = first.kind == kOrd
		k         = i
		end       = i // one past the last token read
		compound  = first.compoundOnly
	)
	for k < len(r.toks) {
		w, ok := r.lookup(k)
		skip := 0
		if !ok && atoms > 0 && r.Fold(k) == "و" {
			if w2, ok2 := r.lookup(k + 1); ok2 && !w2.conj && w2.trim == 0 {
				w, ok, skip = w2, true, 1
				w.conj = true
			}
		}
		if !ok {
			break
		}
		if atoms > 0 && w.def && !w.conj && w.kind != kTen {
			break // a new definite word starts a new phrase
		}
		accepted := true
		switch {
		case atoms == 0:
			switch w.kind {
			case kScalePl:
				accepted = false // آلاف alone: "thousands", not a figure
			case kScale, kScaleDu:
				total, lastScale = w.val, scaleOf(w)
			case kHundred:
				group = w.val
			default:
				group, low = w.val, w.val
			}
		case w.kind == kTen && !w.conj && (lastKind == kUnit || lastKind == kOrd) && low >= 1 && low <= 9:
			group += 10
			low += 10
			w.kind = kTeen
			compound = false
		case w.kind == kTens && w.conj && (lastKind == kUnit || lastKind == kOrd) && low >= 1 && low <= 9:
			group += w.val
			low += w.val
			compound = false
		case (w.kind == kScale || w.kind == kScalePl) && !w.conj && group > 0 && scaleOf(w) < lastScale:
			if w.kind == kScalePl && (group < 3 || group > 10) {
				accepted = false
				break
			}
			total += group * w.val
			group, low, lastScale = 0, 0, w.val
		case w.kind == kHundred && w.val == 100 && !w.conj && lastKind == kUnit && group >= 3 && group <= 9:
			group *= 100
			low = 0
		case lastKind == kHundred && low == 0 && (w.kind == kUnit || w.kind == kTen || w.kind == kTeen || w.kind == kTens) && !w.compoundOnly:
			group += w.val
			low = w.val
		case group == 0 && total > 0 && w.conj && (w.kind == kUnit || w.kind == kTen || w.kind == kTeen || w.kind == kTens || w.kind == kHundred) && !w.compoundOnly:
			group = w.val
			if w.kind != kHundred {
				low = w.val
			}
		case group == 0 && total > 0 && w.conj && (w.kind == kScale || w.kind == kScaleDu) && scaleOf(w) < lastScale:
			total += w.val
			lastScale = scaleOf(w)
		default:
			accepted = false
		}
		if !accepted {
			break
		}
		if w.kind != kTeen {
			lastKind = w.kind
		} else {
			lastKind = kTeen
		}
		if lastKind == kScale || lastKind == kScaleDu || lastKind == kScalePl {
			lastKind = kScale
		}
		atoms++
		k += 1 + skip
		end = k
	}
	if atoms == 0 || compound {
		return Match{}, false
	}
	if atoms == 1 && first.def && first.kind == kUnit && first.val == 2 {
		return Match{}, false // الاثنين: Monday as often as "the two"
	}
	if first.def && (atoms > 1 || first.kind == kTens) {
		ordinal = true
	}
	m := Match{Value: total + group, Ordinal: ordinal, First: i, Last: end}
	if f, n, ok := r.decimalWord(end); ok && !ordinal {
		m.Value += f
		m.Last = n
	}
	t0, tl := r.toks[i], r.toks[m.Last-1]
	m.Start, m.ByteStart = skipLetters(t0, first.trim)
	m.End, m.ByteEnd = tl.End, tl.ByteEnd
	return m, true
}

func scaleOf(w word) float64 {
	if w.kind == kScaleDu {
		return w.val / 2
	}
	return w.val
}

// skipLetters returns the code-point and byte offsets in token t after its
// first n letters (diacritics and tatweel that follow them included).
func skipLetters(t arabic.Token, n int) (cp, b int) {
	cp = t.Start
	s := t.Text
	i := 0
	for n > 0 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		cp++
		if arabic.IsArabicLetter(r) {
			n--
		}
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !arabic.IsTashkeel(r) && r != 'ـ' {
			break
		}
		i += size
		cp++
	}
	if i >= len(s) { // nothing left: keep the whole token
		return t.Start, t.ByteStart
	}
	return cp, t.ByteStart + i
}
