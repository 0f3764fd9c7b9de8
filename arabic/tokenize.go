package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // Arabic word
	Latin                  // word in Latin (or another non-Arabic) script, possibly with digits
	Number                 // digits in any script, with separators, optionally with a م or هـ suffix
	Punct                  // punctuation or symbol, one code point
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Latin:
		return "latin"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "unknown"
}

// Token is one word, number or punctuation mark of a text, with its place in
// the original text in code points.
type Token struct {
	Text  string `json:"text"`  // the text exactly as written
	Norm  string `json:"norm"`  // Normalize(Text): folded for matching, ta marbuta kept
	Start int    `json:"start"` // first code point
	End   int    `json:"end"`   // one past the last code point
	Kind  Kind   `json:"kind"`
	// ByteStart and ByteEnd locate the token in bytes, for callers that
	// index strings directly.
	ByteStart int `json:"-"`
	ByteEnd   int `json:"-"`
}

// Tokenize splits text into tokens. Offsets are code points into text, end
// exclusive. Whitespace, bidi controls and other format characters separate
// tokens and are not returned, as are the marks of a hashtag: its # and the
// underscores joining its words (#وزارة_الصحة gives وزارة and الصحة).
// Invalid UTF-8 bytes count as one code point each (as Go's []rune
// conversion does) and are returned as Punct tokens.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	Scan(text, func(t Token) bool {
		t.Norm = Normalize(t.Text)
		toks = append(toks, t)
		return true
	})
	return toks
}

// Scan calls fn for each token of text in order, without computing Norm,
// until fn returns false. It allocates nothing.
func Scan(text string, fn func(Token) bool) {
	cp := 0 // code point index of position i
	i := 0
	for i < len(text) {
		r, size := decodeRune(text, i)
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r':
			i++
			cp++
			continue
		case r >= 0x0621 && r <= 0x064A && r != tatweel:
			// The common case, an Arabic letter: handled below.
		case isSpace(r) && !(r == utf8.RuneError && size == 1):
			i += size
			cp++
			continue
		}
		switch {
		case isArabicLetter(r):
			start, startCP := i, cp
			for i < len(text) {
				r2, s2 := decodeRune(text, i)
				if !isArabicLetter(r2) && !IsTashkeel(r2) && r2 != tatweel && !(r2 == zwnj && followedByArabic(text[i+s2:])) {
					break
				}
				i += s2
				cp++
			}
			if !fn(Token{Text: text[start:i], Start: startCP, End: cp, Kind: Word, ByteStart: start, ByteEnd: i}) {
				return
			}
		case isDigit(r):
			start, startCP := i, cp
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if isDigit(r2) {
					i += s2
					cp++
					continue
				}
				if isNumberSeparator(r2) && i+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[i+s2:])
					if isDigit(r3) {
						i += s2
						cp++
						continue
					}
				}
				break
			}
			// Calendar suffixes written on the number: 2022م, 1444هـ, 1444ه.
			if n, k := calendarSuffix(text[i:]); n > 0 {
				i += n
				cp += k
			}
			if !fn(Token{Text: text[start:i], Start: startCP, End: cp, Kind: Number, ByteStart: start, ByteEnd: i}) {
				return
			}
		case unicode.IsLetter(r) || unicode.IsMark(r):
			start, startCP := i, cp
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if isArabicLetter(r2) || !(unicode.IsLetter(r2) || unicode.IsMark(r2) || unicode.IsDigit(r2) ||
					(r2 == '-' || r2 == '\'' || r2 == '.') && i+s2 < len(text) && isLatinAlnumAt(text[i+s2:])) {
					break
				}
				i += s2
				cp++
			}
			if !fn(Token{Text: text[start:i], Start: startCP, End: cp, Kind: Latin, ByteStart: start, ByteEnd: i}) {
				return
			}
		case hashtagMark(text, i, r, size):
			i += size
			cp++
		default:
			if !fn(Token{Text: text[i : i+size], Start: cp, End: cp + 1, Kind: Punct, ByteStart: i, ByteEnd: i + size}) {
				return
			}
			i += size
			cp++
		}
	}
}

// hashtagMark reports whether r, at text[i:i+size], marks a hashtag rather
// than punctuating: a # right before a letter (#موديز) or an underscore
// joining two words of one (#وزارة_الصحة). News copied from social media
// carries them; the words are what count.
func hashtagMark(text string, i int, r rune, size int) bool {
	if r != '#' && r != '_' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if !unicode.IsLetter(next) {
		return false
	}
	if r == '#' {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(prev) || IsTashkeel(prev)
}

// decodeRune decodes the rune at text[i:], with a fast path for the two-byte
// sequences of the Arabic block.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

const zwnj = '\u200C'

func followedByArabic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isArabicLetter(r)
}

func isLatinAlnumAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !isArabicLetter(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// calendarSuffix reports the bytes and code points of a م / هـ / ه suffix
// at the start of s when it stands alone (not the start of a word).
func calendarSuffix(s string) (bytes, cps int) {
	r, n := utf8.DecodeRuneInString(s)
	if r != 'م' && r != 'ه' {
		return 0, 0
	}
	k := 1
	if r == 'ه' {
		if r2, n2 := utf8.DecodeRuneInString(s[n:]); r2 == tatweel {
			n += n2
			k++
		}
	}
	next, _ := utf8.DecodeRuneInString(s[n:])
	if n < len(s) && (isArabicLetter(next) || IsTashkeel(next)) {
		return 0, 0
	}
	return n, k
}

// IsArabicLetter reports whether r is a letter of the Arabic script
// (including presentation forms and Persian and Urdu letters).
func IsArabicLetter(r rune) bool { return isArabicLetter(r) }

func isArabicLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A,
		r >= 0x0671 && r <= 0x06D3, r == 0x06D5, r >= 0x06EE && r <= 0x06EF,
		r >= 0x06FA && r <= 0x06FC, r == 0x06FF, r >= 0x0750 && r <= 0x077F,
		r >= 0x08A0 && r <= 0x08C9, r >= 0xFB50 && r <= 0xFDFB, r >= 0xFE70 && r <= 0xFEFC:
		return true
	}
	return false
}

func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
}

func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬'
}

func isSpace(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case 0, '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\uFEFF',
		'\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
		'\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return unicode.Is(unicode.Cf, r) && r != utf8.RuneError
}
