package ner

import (
	"strings"

	"akhbar/arabic"
)

// Rules that run after the second stage, each on one sentence's tags: they
// mend what the tagger gets wrong in a way the gold of the training data
// shows to be regular.

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
