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
var proclitics = []string{"وبال", "وكال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ك", "ل"}

// enclitic pronouns in folded form, longest first.
var enclitics = []string{"هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"}

// SegmentWord splits word into proclitics, base and enclitic when what
// remains is a plausible word: the base keeps at least three letters (two
// after the article), a single-letter proclitic before a three-letter rest is
// split only when the rest is a common word (وقال، فقد), and words in the
// lexicon of whole words are never split (وزير، بلال، فلسطين).
func SegmentWord(word string) Segmentation {
	folded := Fold(word)
	pre, suf := cliticBounds(folded)
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
// a folded word.
func cliticBounds(folded string) (pre, suf int) {
	if wholeWords[folded] {
		return 0, 0
	}
	n := utf8.RuneCountInString(folded)
	if n < 3 {
		return 0, 0
	}
	for _, p := range proclitics {
		if !strings.HasPrefix(folded, p) {
			continue
		}
		rest := folded[len(p):]
		restN := n - utf8.RuneCountInString(p)
		article := strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل")
		if article {
			if restN < 2 {
				continue
			}
		} else {
			if restN < 3 {
				continue
			}
			if restN == 3 && !commonBases[rest] {
				continue
			}
			if wholeWords[rest] && len(p) > 2 {
				// و+ب+rest where rest is itself a whole word: fine.
			}
		}
		pre = len(p)
		break
	}
	base := folded[pre:]
	if wholeWords[base] || stopWords[base] {
		return pre, 0
	}
	baseN := utf8.RuneCountInString(base)
	for _, e := range enclitics {
		if !strings.HasSuffix(base, e) {
			continue
		}
		restN := baseN - utf8.RuneCountInString(e)
		if restN < 3 || (e == "نا" || e == "ه") && restN < 4 && pre == 0 {
			continue
		}
		rest := base[:len(base)-len(e)]
		if e == "ه" && (strings.HasSuffix(rest, "ا") || strings.HasSuffix(rest, "ي")) && restN < 5 {
			continue
		}
		suf = len(e)
		break
	}
	return pre, suf
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
