package arabic

import (
	"strings"
	"unicode/utf8"
)

// Segmentation is a word split into proclitics, a base and an enclitic
// pronoun. Lengths are in code points of the original word, so a caller can
// turn them into offsets: the base of a token t runs from
// t.Start+PrefixLen to t.End-SuffixLen.
type Segmentation struct {
	Prefix    string // proclitics as written: و، ف، ب، ك، ل، ال، لل، وال، بال...
	Base      string // the word without its clitics
	Suffix    string // enclitic pronoun as written: ه، ها، هم، كم، نا...
	PrefixLen int    // code points in Prefix
	SuffixLen int    // code points in Suffix
}

// proclitic sequences in folded form, longest first.
var proclitics = []string{"وبال", "وكال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فل", "و", "ف", "ب", "ل"}

// enclitic pronouns in folded form, longest first.
var enclitics = []string{"هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"}

// SegmentWord splits word into proclitics, base and enclitic when what
// remains is a plausible word: the base keeps at least three letters (two
// after the article), a single-letter proclitic before a three-letter rest is
// split only when the rest is a common word (وقال، فقد), and words in the
// lexicon of whole words are never split (وزير، بلال، فلسطين).
func SegmentWord(word string) Segmentation {
	// Keep ة distinct from the pronoun ه while segmenting.
	folded := Normalize(word)
	pre, suf, _ := cliticBounds(folded)
	seg := Segmentation{Base: word}
	if pre == 0 && suf == 0 {
		return seg
	}
	// Map folded letters back onto the original word: diacritics and tatweel
	// fold to nothing, presentation forms may fold to two letters.
	orig := []rune(word)
	if utf8.RuneCountInString(folded) != countLetters(orig) {
		return seg
	}
	ps := originalIndex(orig, utf8.RuneCountInString(folded[:pre]))
	se := originalIndexFromEnd(orig, utf8.RuneCountInString(folded[len(folded)-suf:]))
	if ps > se {
		return seg
	}
	seg.Prefix = string(orig[:ps])
	seg.Base = string(orig[ps:se])
	seg.Suffix = string(orig[se:])
	seg.PrefixLen, seg.SuffixLen = ps, len(orig)-se
	return seg
}

// cliticBounds returns the byte lengths of the proclitics and the enclitic of
// a normalized word (ة may or may not be folded to ه), and whether the base
// between them is a whole word of the lexicon (so no suffix is stripped).
// Clitics are Arabic letters, two bytes each in UTF-8.
func cliticBounds(w string) (pre, suf int, whole bool) {
	n := utf8.RuneCountInString(w)
	if n < 3 {
		return 0, 0, false
	}
	if known(wholeWords, w) {
		return 0, 0, true
	}
	// A word that is whole once its enclitic is removed keeps its first
	// letters (بلاده = بلاد + ه, not ب + لاده).
	if e := enclitic(w, n, false); e > 0 && known(wholeWords, w[:len(w)-e]) {
		return 0, e, false
	}
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ا", "ك":
		for _, p := range proclitics {
			if !strings.HasPrefix(w, p) {
				continue
			}
			restN := n - len(p)/2
			if strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل") {
				if restN < 2 {
					continue
				}
			} else {
				if restN < 3 || restN == 3 && !known(commonBases, w[len(p):]) {
					continue
				}
				// و+ب+rest: the ب must not be the first letter of a whole word.
				if len(p) == 4 && known(wholeWords, w[2:]) {
					p = p[:2]
				}
			}
			pre = len(p)
			break
		}
	}
	base := w[pre:]
	if known(wholeWords, base) {
		return pre, 0, true
	}
	if known(stopWords, base) {
		return pre, 0, false
	}
	return pre, enclitic(base, n-pre/2, pre > 0), false
}

// enclitic returns the byte length of the enclitic pronoun ending the word w
// of n letters, or 0.
func enclitic(w string, n int, hasPrefix bool) int {
	if len(w) < 2 {
		return 0
	}
	switch w[len(w)-2:] {
	case "ا", "م", "ن", "ه":
	default:
		return 0
	}
	for _, e := range enclitics {
		if !strings.HasSuffix(w, e) {
			continue
		}
		restN := n - len(e)/2
		if restN < 3 || (e == "نا" || e == "ه") && restN < 4 && !hasPrefix {
			continue
		}
		rest := w[:len(w)-len(e)]
		if e == "ه" && (strings.HasSuffix(rest, "ا") || strings.HasSuffix(rest, "ي")) && restN < 5 {
			continue
		}
		return len(e)
	}
	return 0
}

// known reports whether the normalized word w is in set, whose entries are
// folded (ة written ه).
func known(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	if strings.Contains(w, "\u0629") {
		return set[strings.ReplaceAll(w, "ة", "ه")]
	}
	return false
}

func countLetters(orig []rune) int {
	n := 0
	for _, r := range orig {
		if !IsTashkeel(r) && r != tatweel {
			n++
		}
	}
	return n
}

// originalIndex returns the index in orig just after its first n letters
// (skipping diacritics and tatweel, which fold to nothing).
func originalIndex(orig []rune, n int) int {
	i, seen := 0, 0
	for i < len(orig) && seen < n {
		if !IsTashkeel(orig[i]) && orig[i] != tatweel {
			seen++
		}
		i++
	}
	for i < len(orig) && (IsTashkeel(orig[i]) || orig[i] == tatweel) {
		i++
	}
	return i
}

// originalIndexFromEnd returns the index in orig where its last n letters
// (with their diacritics) begin.
func originalIndexFromEnd(orig []rune, n int) int {
	i, seen := len(orig), 0
	for i > 0 && seen < n {
		i--
		if !IsTashkeel(orig[i]) && orig[i] != tatweel {
			seen++
		}
	}
	return i
}
