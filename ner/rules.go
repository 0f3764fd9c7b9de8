package ner

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// Rules that run after the second stage, on one sentence's tags (propagate:
// on a whole document's). They mend what the tagger gets wrong in a way the
// gold of the training data shows to be regular.

// dropNonNames untags one-word mentions that are not names though they often
// stand where a name would: a PER or ORG mention that the lexicon knows only
// as a nationality adjective (الرئيس البيلاروسي; ANERcorp leaves it O), and a
// lone head noun of organizations (للمنظمة, الشركة), which refers back to a
// name without being one.
func dropNonNames(views []view, tags []int) {
	for i, t := range tags {
		if t == 0 || t%2 == 0 || (i+1 < len(tags) && tags[i+1] == t+1) {
			continue
		}
		v := &views[i]
		nisba := (t-1)/2 <= 1 && v.gazB == lexNAT
		if nisba || cueWords[v.bare] == cueORG || cueWords[v.base] == cueORG && v.base == v.bare {
			tags[i] = 0
		}
	}
}

// splitAtConjunction starts a new PER or LOC mention at a word that takes the
// conjunction و inside one (بري والسنيورة: two people; the names of people and
// places seldom hold a و, organizations and works often do).
func splitAtConjunction(views []view, tags []int) {
	for i, t := range tags {
		if isInside(t) && (t-1)/2 != 1 && (t-1)/2 != 3 && strings.HasPrefix(views[i].pre, "و") {
			tags[i] = t - 1
		}
	}
}

// quotedPlaces retypes as ORG a LOC mention that fills a pair of guillemets
// on its own: « الشرق الأوسط » is the newspaper, not the region. (In
// ANERcorp, 4 of the 105 names that fill guillemets are places.)
func quotedPlaces(views []view, tags []int) {
	for i := 1; i+1 < len(tags); i++ {
		if tags[i] != bLOC || views[i-1].w != "«" {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == bLOC+1 {
			j++
		}
		if j < len(tags) && views[j].w == "»" {
			tags[i] = bORG
			for k := i + 1; k < j; k++ {
				tags[k] = bORG + 1
			}
		}
	}
}

// quoteHeads are the words, folded and without the article, after which a
// short quoted phrase is a name, with the type of that name: the title of a
// work or the name of a venue (برنامج « حوار من القلب », بعنوان « هرم
// الأحلام », استاد " سلتيك بارك "), or the name of a newspaper, channel or
// agency (صحيفة " السفير ", قناة « المحور »). In ANERcorp, all 27 quoted
// names after a newspaper or channel are ORG.
var quoteHeads = map[string]int{
	"برنامج": bMISC, "برنامجها": bMISC, "برنامجه": bMISC, "بعنوان": bMISC, "عنوان": bMISC, "عنوانها": bMISC,
	"فيلم": bMISC, "مسلسل": bMISC, "كتاب": bMISC, "روايه": bMISC, "اغنيه": bMISC, "البوم": bMISC, "مسرحيه": bMISC,
	"ملعب": bMISC, "استاد": bMISC,
	"صحيفه": bORG, "جريده": bORG, "مجله": bORG, "قناه": bORG, "وكاله": bORG, "اذاعه": bORG, "شبكه": bORG,
	"تلفزيون": bORG, "محطه": bORG,
}

// quotedNames tags as one mention a quoted phrase of one to four words right
// after a quote head, with the head's type.
func quotedNames(views []view, tags []int) {
	for i := 1; i+2 < len(tags); i++ {
		open := views[i].w
		typ := quoteHeads[strings.TrimPrefix(views[i-1].bare, "ال")]
		if typ == 0 || !isQuote(open) {
			continue
		}
		first := i + 1
		for first < len(tags) && views[first].w == open && open != "«" {
			first++ // ' ' written as two marks
		}
		j := first
		for j < len(tags) && j-first < 5 && views[j].kind == arabic.Word {
			j++
		}
		if j == first || j-first > 4 || j >= len(tags) || views[j].w != closingQuote(open) {
			continue
		}
		tags[first] = typ
		for k := first + 1; k < j; k++ {
			tags[k] = typ + 1
		}
		i = j
	}
}

// isQuote reports whether w opens a quotation.
func isQuote(w string) bool {
	return w == "«" || w == "\"" || w == "'" || w == "''"
}

// closingQuote returns the mark that closes a quotation opened by open.
func closingQuote(open string) string {
	if open == "«" {
		return "»"
	}
	return open
}

// clubsByAgreement retypes as ORG a LOC mention followed by a masculine
// nationality adjective: places take the feminine (ليون الفرنسية, the city),
// clubs the masculine (ليون الفرنسي, the club). المالي (Malian, but also
// financial) is left out. In ANERcorp, 57 ORG and 13 LOC mentions stand before
// such an adjective, several of those LOC being clubs too.
func clubsByAgreement(views []view, tags []int) {
	for i := 0; i < len(tags); i++ {
		if tags[i] != bLOC {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == bLOC+1 {
			j++
		}
		if j < len(tags) && tags[j] == 0 && masculineNisba(&views[j]) {
			tags[i] = bORG
			for k := i + 1; k < j; k++ {
				tags[k] = bORG + 1
			}
		}
		i = j - 1
	}
}

// masculineNisba reports whether v is a definite masculine nationality
// adjective (الفرنسي, not الفرنسية).
func masculineNisba(v *view) bool {
	return v.gazB == lexNAT && v.w != "المالي" && strings.HasPrefix(v.w, "ال") && strings.HasSuffix(v.w, "ي")
}

// kunyaWords are the words (folded, without the conjunction) that begin a
// name when a name follows them: أبو مازن, ابن رشد, بن علي.
var kunyaWords = map[string]bool{"ابو": true, "ابي": true, "ابا": true, "ابن": true, "بن": true}

// kunyas moves the start of a mention back over a kunya or a word of descent
// left outside it (أبو [عبد الله] -> [أبو عبد الله]): in ANERcorp, such a word
// right before a name is part of it 86 times and outside it once.
func kunyas(views []view, tags []int) {
	for i := 1; i < len(tags); i++ {
		if tags[i] == 0 || isInside(tags[i]) || tags[i-1] != 0 {
			continue
		}
		if kunyaWords[strings.TrimPrefix(strings.TrimPrefix(views[i-1].w, "و"), "ف")] {
			tags[i-1], tags[i] = tags[i], tags[i]+1
		}
	}
}

// nasabWords link a person's name to a parent's: محمد بن سلمان, سالم ولد
// أحمد.
var nasabWords = map[string]bool{"بن": true, "ولد": true, "بنت": true}

// notNames are words that follow ولد when it means "was born" (ولد في).
var notNames = map[string]bool{"في": true, "عام": true, "سنه": true, "يوم": true, "مع": true, "من": true}

// nasab carries a person's mention over a word of descent and the name after
// it ([سالم ولد] أحمد -> [سالم ولد أحمد]): in ANERcorp's train file, بن,
// بنت or ولد right after a word of a person's name is part of the name 118
// times in 119.
func nasab(views []view, tags []int) {
	for i := 1; i+1 < len(tags); i++ {
		if !nasabWords[views[i].w] || tagType(tags[i-1]) != PER || views[i+1].kind != arabic.Word || notNames[views[i+1].w] {
			continue
		}
		tags[i], tags[i+1] = bPER+1, bPER+1
		for j := i + 2; j < len(tags) && isInside(tags[j]); j++ {
			tags[j] = bPER + 1 // the rest of a mention the name began
		}
	}
}

// minRepeats is how many times the tagger must have found a name, with one
// type, in a document for propagate to tag the name's other occurrences.
const minRepeats = 2

// nameProclitics are the proclitics propagate looks through before a name.
var nameProclitics = []string{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}

// propagate tags, as the type the tagger gave it, each untagged occurrence in
// a document of a name the tagger found there at least minRepeats times, as
// written or after proclitics (طلوزة ... وطلوزة, الجزيرة ... للجزيرة). A name
// found once may be a slip; one found twice is the document's way of naming
// something, and the tagger's misses of it are mostly where its context is
// thin. One-word names of one or two letters are left alone, and so is an
// occurrence right after a mention.
func propagate(doc [][]view, tags [][]int) {
	byFirst := repeatedNames(doc, tags)
	if len(byFirst) == 0 {
		return
	}
	for s, views := range doc {
		t := tags[s]
		for i := range views {
			if t[i] != 0 || i > 0 && t[i-1] != 0 {
				continue
			}
		match:
			for _, first := range firstWords(views[i].w) {
				for _, n := range byFirst[first] {
					if spreads(views[i+1:], t[i+1:], n.rest) {
						t[i] = n.b
						for k := range n.rest {
							t[i+1+k] = n.b + 1
						}
						break match
					}
				}
			}
		}
	}
}

// repeatedName is a name propagate spreads: the words after its first, and
// the B- tag of its type.
type repeatedName struct {
	rest []string
	b    int
}

// repeatedNames returns the names found at least minRepeats times with one
// type in the document, by their first word, the longest first.
func repeatedNames(doc [][]view, tags [][]int) map[string][]repeatedName {
	counts := map[string]*[len(types)]int{}
	for s, views := range doc {
		for _, c := range mentionSpans(tags[s]) {
			k := nameKey(views[c[0]:c[1]])
			if counts[k] == nil {
				counts[k] = new([len(types)]int)
			}
			counts[k][(tags[s][c[0]]-1)/2]++
		}
	}
	byFirst := map[string][]repeatedName{}
	for k, c := range counts {
		best := 0
		for ty := range c {
			if c[ty] > c[best] {
				best = ty
			}
		}
		words := strings.Split(k, " ")
		if c[best] < minRepeats || len(words) == 1 && utf8.RuneCountInString(words[0]) < 3 {
			continue
		}
		byFirst[words[0]] = append(byFirst[words[0]], repeatedName{words[1:], 1 + 2*best})
	}
	for _, ns := range byFirst {
		slices.SortFunc(ns, func(a, b repeatedName) int {
			return cmp.Or(len(b.rest)-len(a.rest), a.b-b.b, slices.Compare(a.rest, b.rest))
		})
	}
	return byFirst
}

// firstWords returns the words w may be with proclitics or without: w itself,
// then w without each of nameProclitics it starts with (ال restored after a
// ل: للجزيره -> الجزيره).
func firstWords(w string) []string {
	out := []string{w}
	for _, p := range nameProclitics {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || rest == "" {
			continue
		}
		out = append(out, rest)
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") {
			out = append(out, "ا"+rest)
		}
	}
	return out
}

// spreads reports whether the untagged words at the start of views are rest.
func spreads(views []view, tags []int, rest []string) bool {
	if len(views) < len(rest) {
		return false
	}
	for k, w := range rest {
		if views[k].w != w || tags[k] != 0 {
			return false
		}
	}
	return true
}

// nameKey returns the folded words of a mention, joined by spaces.
func nameKey(views []view) string {
	var b strings.Builder
	for k, v := range views {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(v.w)
	}
	return b.String()
}

// mentionSpans returns the [start, end) token spans of the mentions in tags:
// a tag other than O and the inside tags of its type after it.
func mentionSpans(tags []int) [][2]int {
	var out [][2]int
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && isInside(tags[j]) && tagType(tags[j]) == tagType(tags[i]) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}
