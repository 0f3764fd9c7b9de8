package arabic

import (
	"strings"
	"unicode/utf8"
)

// stemSuffixes are the inflectional endings the light stemmer removes, in
// folded form, longest first. At most two are removed, and a stem keeps at
// least three letters.
var stemSuffixes = []string{"هما", "كما", "ات", "ون", "ين", "ان", "يه", "ها", "هم", "هن", "كم", "نا", "ه", "ي"}

// Stem returns the light stem of word: folded (Fold), without proclitics,
// enclitic pronouns and inflectional suffixes (dual, plural, feminine,
// nisba). Stems are for matching and search, not for display.
//
// Unlike Lucene's and bleve's stemmers it never leaves fewer than three
// letters (قوات stays قوات), strips ان only from stems of four letters or more
// and never from -ستان (كازاخستان), and strips the prepositions ب ك ل as well
// as و ف, so لكازاخستان and كازاخستان share a stem.
func Stem(word string) string {
	return string(AppendStem(nil, word))
}

// AppendStem appends the stem of word to dst and returns the extended slice.
func AppendStem(dst []byte, word string) []byte {
	start := len(dst)
	dst = AppendFold(dst, word)
	s := stemBounds(string(dst[start:]))
	n := copy(dst[start:], dst[start+s.Start:start+s.End])
	return dst[:start+n]
}

// stemBounds returns the byte range of the stem within a folded word.
func stemBounds(folded string) Span {
	if !hasArabic(folded) {
		return Span{0, len(folded)}
	}
	pre, _, whole := cliticBounds(folded)
	w := folded[pre:]
	if whole {
		return Span{pre, len(folded)}
	}
	n := utf8.RuneCountInString(w)
	for removed := 0; removed < 2 && len(w) >= 2; removed++ {
		switch w[len(w)-2:] {
		case "ت", "ن", "ه", "ا", "م", "ي":
		default:
			return Span{pre, pre + len(w)}
		}
		cut := false
		for _, s := range stemSuffixes {
			if !strings.HasSuffix(w, s) {
				continue
			}
			sn := len(s) / 2 // Arabic letters: two bytes each
			if n-sn < 3 {
				continue
			}
			if s == "ان" && (n-sn < 4 || strings.HasSuffix(w, "ستان")) {
				continue
			}
			w = w[:len(w)-len(s)]
			n -= sn
			cut = true
			break
		}
		if !cut {
			break
		}
	}
	return Span{pre, pre + len(w)}
}

func hasArabic(s string) bool {
	if len(s) >= 2 && s[0] >= 0xD8 && s[0] <= 0xDB {
		return true
	}
	for _, r := range s {
		if isArabicLetter(r) {
			return true
		}
	}
	return false
}
