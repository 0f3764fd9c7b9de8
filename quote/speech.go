package quote

import (
	"sort"
	"strings"

	"akhbar/arabic"
)

const (
	// maxSubjectWords bounds the speaker phrase after a verb.
	maxSubjectWords = 10
	// verbWindow is how many tokens after a verb its complementizer,
	// colon or quotation mark may come.
	verbWindow = 22
	// contWindow is the same for a dependent form (مشيرا إلى أن).
	contWindow = 10
	// marksOnlyWindow is the same for verbs that need a colon or a mark.
	marksOnlyWindow = 10
	// maxClauseTokens bounds reported speech without a sentence end.
	maxClauseTokens = 160
	// minQuoteWords is the fewest words a quotation needs unless a colon
	// introduces it; fewer are scare quotes or names.
	minQuoteWords = 3
)

// scan walks the tokens once, attributing quotation marks and reported
// speech to speakers in text order.
func (f *finder) scan() {
	n := len(f.toks)
	for k := 0; k < n; {
		if m := f.openAt[k]; m >= 0 {
			if !f.marks[m].claimed {
				f.unclaimedMark(m)
			}
			k = f.marks[m].close + 1
			continue
		}
		if v, cue, ok := f.verbAt(k); ok && !(k > 0 && nounBefore[f.fold[k-1]]) {
			if next := f.reporting(k, v, cue, nil); next > k {
				k = next
				continue
			}
		}
		if f.isSpeechAct(k) {
			if sp, _ := f.subject(k, verbInfo{}); sp.known() {
				f.last = sp
			}
		}
		if sayingNouns[f.fold[k]] {
			// نقلت الصحيفة عن مصدر أمني قوله إن ...
			for a := k - 1; a >= 0 && a >= k-maxSubjectWords-1; a-- {
				if f.fold[a] == "عن" {
					if a+1 < k {
						sp := f.resolve(a+1, k)
						k = f.reporting(k, verbInfo{}, f.toks[k].Text, &sp)
					}
					break
				}
			}
		}
		k++
	}
}

// reporting handles the reporting verb at token k and returns the token to
// continue from, or k when the verb introduces nothing.
func (f *finder) reporting(k int, v verbInfo, cue string, given *speaker) int {
	var sp speaker
	var j int
	if given != nil {
		sp, j = *given, k+1
	} else {
		sp, j = f.subject(k, v)
	}
	window := verbWindow
	switch {
	case v.cont:
		window = contWindow
	case v.marksOnly:
		window = marksOnlyWindow
	}
	if given == nil && sp.known() && (j-k <= 9 || f.continuesAt(j)) {
		// The subject of a reporting verb is who a dependent form after it
		// continues, even when the verb itself introduced nothing.
		f.last = sp
	}
	limit := min(max(k+1+window, j+window), len(f.toks))
	objectSeen := false // a word after the subject that is no time or place phrase: أكد دعم الجزائر
	relative := false   // inside a clause about the speaker, whose prepositions are its own
	for ; j < limit; j++ {
		if m := f.openAt[j]; m >= 0 {
			if f.marks[m].claimed {
				return k + 1
			}
			if f.tooShort(m, j) || f.namesWork(j) {
				j = f.marks[m].close
				continue
			}
			f.claim(m, sp, cue)
			return f.marks[m].close + 1
		}
		if j >= f.sentEnd[k] && f.sentEnd[k] > k {
			return k + 1
		}
		w := f.fold[j]
		if attentionNouns[w] {
			return k + 1
		}
		switch {
		case relativePronouns[w] && f.isPunct(j-1, "،", ","):
			relative = true
		case relative && f.isPunct(j, "،", ","):
			relative = false
		}
		if f.isPunct(j, ":") {
			if j+1 < len(f.toks) && f.openAt[j+1] >= 0 {
				continue
			}
			from := j + 1
			if from < len(f.toks) && complementizers[f.fold[from]] {
				from++ // وقالت الوزارة: إنها ...
			}
			e := f.clauseEnd(from)
			if s, end := f.span(from, e); s < end {
				// A mark that never closes still shows the words are quoted.
				f.emit(s, end, sp, cue, f.isPunct(from, openingMarks...))
				return e
			}
			return k + 1
		}
		if v.marksOnly {
			continue
		}
		isComp := complementizers[w]
		isPrep := v.prep != "" && w == v.prep && !objectSeen && !relative
		if isPrep && !(j+1 < len(f.toks) && complementizers[f.fold[j+1]]) {
			// شددت الهيئة على موقعها على أن: a later أن is the one.
			if c := f.complementizerWithin(j+1, 5); c > 0 {
				j = c - 1
				continue
			}
		}
		if isComp || isPrep {
			s := j + 1
			if isPrep && s < len(f.toks) && complementizers[f.fold[s]] {
				s++
			}
			if f.isPunct(s, ":") {
				s++
			}
			if s < len(f.toks) && f.openAt[s] >= 0 && f.quoteIsWhole(f.openAt[s]) {
				j = s - 1
				continue
			}
			e := f.clauseEnd(s)
			if start, end := f.span(s, e); start < end && f.wordsIn(s-1, e) >= 2 {
				f.emit(start, end, sp, cue, false)
				return e
			}
			return k + 1
		}
		if _, _, ok := f.verbAt(j); ok || sayingNouns[w] {
			return k + 1
		}
		if f.isWord(j) && !stopAfterVerb[w] && !objectSeen && !isComp && w != v.prep {
			objectSeen = !f.afterStop(j)
		}
		if f.isPunct(j, ".", "؟", "?", "!", "؛") {
			return k + 1
		}
	}
	return k + 1
}

// continuesAt reports whether a comma at j is followed by a dependent form
// of a reporting verb (، مؤكدا أن), which continues the subject before it.
func (f *finder) continuesAt(j int) bool {
	v, _, ok := f.verbAt(j + 1)
	return ok && v.cont && f.isPunct(j, "،", ",")
}

// openingMarks are the quotation marks that can open a quotation.
var openingMarks = []string{"«", "“", "”", "\"", "'", "‘", "„"}

// complementizerWithin returns the index of a complementizer among the n
// tokens from i, before any punctuation but a comma, or -1.
func (f *finder) complementizerWithin(i, n int) int {
	for j := i; j < len(f.toks) && j < i+n; j++ {
		if complementizers[f.fold[j]] {
			return j
		}
		if f.toks[j].Kind == arabic.Punct && !f.isPunct(j, "،", ",") {
			return -1
		}
	}
	return -1
}

// quoteIsWhole reports whether mark m after a complementizer holds the whole
// statement (أكد أن "...") rather than a few quoted words inside it (أكد أن
// "الربيع" انتهى): the sentence or clause ends right after it.
func (f *finder) quoteIsWhole(m int) bool {
	c := f.marks[m].close
	next := c + 1
	if next >= len(f.toks) || next >= f.sentEnd[c] || f.para[next] != f.para[c] {
		return true
	}
	if f.toks[next].Kind == arabic.Punct { // punctuation after the mark
		return true
	}
	_, _, ok := f.verbAt(next)
	return ok
}

// tooShort reports whether mark m, reached from token j, holds too few words
// to be a quotation: a scare-quoted word or a name. A colon or a
// complementizer right before it lifts the limit.
func (f *finder) tooShort(m, j int) bool {
	mk := f.marks[m]
	if f.wordsIn(mk.open, mk.close) == 0 {
		return true
	}
	if f.wordsIn(mk.open, mk.close) >= minQuoteWords {
		return false
	}
	if f.isPunct(j-1, ":") {
		return false
	}
	return !(j > 0 && complementizers[f.fold[j-1]] && f.wordsIn(mk.open, mk.close) >= 2)
}

// creditWords before ما make what follows a credit: بحسب ما أعلنه.
var creditWords = foldSet("بحسب", "وبحسب", "حسب", "وحسب", "وفق", "ووفق", "وفقا", "ووفقا", "طبقا", "وطبقا")

// isSpeechAct reports whether token k is a verb in speechActs, with or
// without و or ف, or a reporting verb with the pronoun of ما (ما أعلنه).
func (f *finder) isSpeechAct(k int) bool {
	if f.toks[k].Kind != arabic.Word {
		return false
	}
	w := f.fold[k]
	if speechActs[w] {
		return true
	}
	if k > 0 && (f.fold[k-1] == "ما" && k > 1 && creditWords[f.fold[k-2]] || f.fold[k-1] == "حسبما" || f.fold[k-1] == "وحسبما") {
		// بحسب ما أعلنه وكيله، وفق ما ذكرته الوزارة: the verb takes the
		// pronoun of what was said; its subject is who a dependent form
		// after it continues (، مشيرا إلى أن). Not ما وصفه بـ...: what he
		// called so; its subject is still the one before.
		for _, suffix := range []string{"ها", "ه"} {
			base := strings.TrimSuffix(w, suffix)
			if v, ok := verbs[base]; ok && strings.HasSuffix(w, suffix) && !v.cont && !strings.HasPrefix(base, "وصف") &&
				!strings.HasPrefix(f.fold[min(k+1, len(f.fold)-1)], "ب") {
				return true
			}
		}
	}
	return (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && speechActs[w[len("و"):]]
}

// namesWork reports whether the quotation mark at token j follows a word
// that makes its contents a name: لصحيفة "..."، كتاب "..."، لـ"...".
func (f *finder) namesWork(j int) bool {
	if j == 0 || f.toks[j-1].Kind != arabic.Word {
		return false
	}
	w := f.fold[j-1]
	if titleNouns[w] || mediaNouns[w] || w == "ل" {
		return true
	}
	return strings.HasPrefix(w, "ل") && mediaNouns[strings.TrimPrefix(w, "ل")]
}

// claim records mark m as a direct quotation by sp.
func (f *finder) claim(m int, sp speaker, cue string) {
	f.marks[m].claimed = true
	s, e := f.inner(f.marks[m])
	f.emit(s, e, sp, cue, true)
}

// span returns the code points of tokens [i, j) without trailing
// punctuation.
func (f *finder) span(i, j int) (int, int) {
	for j > i && f.toks[j-1].Kind == arabic.Punct && f.openAt[j-1] < 0 && !f.closesMark(j-1) {
		j--
	}
	for i < j && f.toks[i].Kind == arabic.Punct && f.openAt[i] < 0 {
		i++
	}
	if i >= j {
		return 0, 0
	}
	return f.toks[i].Start, f.toks[j-1].End
}

func (f *finder) closesMark(i int) bool { return f.closeAt[i] }

// clauseEnd returns the token that ends reported speech starting at token
// s: the end of the sentence, a dependent form or a new reporting verb
// after a comma, or a new quotation; quoted words inside the clause are
// part of it.
func (f *finder) clauseEnd(s int) int {
	if s >= len(f.toks) {
		return s
	}
	end := min(f.sentEnd[s], s+maxClauseTokens, len(f.toks))
	for j := s; j < end; j++ {
		if m := f.openAt[j]; m >= 0 {
			if j > s && f.isPunct(j-1, ":") {
				return j
			}
			j = f.marks[m].close
			continue
		}
		if f.para[j] != f.para[s] {
			return j
		}
		if j > s && f.isPunct(j, "،", ",", "؛", ";") {
			if v, _, ok := f.verbAt(j + 1); ok && (v.cont || strings.HasPrefix(f.fold[j+1], "و") || strings.HasPrefix(f.fold[j+1], "ف")) {
				return j
			}
		}
		if j > s {
			if v, _, ok := f.verbAt(j); ok && (v.cont || strings.HasPrefix(f.fold[j], "و") && !v.present) {
				return j
			}
		}
	}
	return end
}

// subject finds the speaker of the verb at token k and the token after the
// speaker's words. A dependent form, or a verb with no subject after it,
// continues the last speaker; X، كان قد أعلن takes X from before the verb.
func (f *finder) subject(k int, v verbInfo) (speaker, int) {
	j := k + 1
	if !v.cont {
		words := 0
		for j < len(f.toks) && words < maxSubjectWords && j < f.sentEnd[k] {
			if m, ok := f.mentionAt(f.toks[j].Start); ok && !m.Role && words == 0 {
				// a name mention is the subject whole
				e := j
				for e < len(f.toks) && f.toks[e].Start < m.End {
					e++
				}
				j = e
				words++
				continue
			}
			t := f.toks[j]
			if t.Kind != arabic.Word && t.Kind != arabic.Latin {
				break
			}
			w := f.fold[j]
			if stopAfterVerb[w] && !(w == "علي" && t.Text == "علي") || complementizers[w] || w == v.prep {
				break
			}
			if _, _, ok := f.verbAt(j); ok {
				break
			}
			words++
			j++
		}
		if j == k+1 && f.shortMarkAt(j) {
			j = f.marks[f.openAt[j]].close + 1 // وذكرت "كيكر" أن
		}
		if plural(f.fold[k]) {
			// A plural verb comes after its subject in Arabic: what
			// follows it is not its subject.
			j = k + 1
		}
		if j > k+1 {
			if f.shortMarkAt(j) {
				j = f.marks[f.openAt[j]].close + 1 // a name in marks: صحيفة "ديلي تلغراف"
			}
			j = f.appositive(j, v)
			j = f.personAfter(j)
			if isTransmit(f.fold[k]) && j < len(f.toks) && f.fold[j] == "عن" {
				// نقلت الوكالة عن مصدر أمني أن: the source speaks.
				e := j + 1
				for e < len(f.toks) && f.isWord(e) && e-j <= maxSubjectWords && !complementizers[f.fold[e]] && !sayingNouns[f.fold[e]] {
					e++
				}
				if e > j+1 {
					return f.resolve(j+1, e), e
				}
			}
			return f.resolve(k+1, j), j
		}
		if sp, ok := f.subjectBefore(k); ok {
			return sp, j
		}
	}
	return f.last, j
}

// appositive extends a subject ending at token j over a name set off by
// commas (مدرب الفريق، جوزيه مورينيو، إن): a comma, one to six words, and a
// comma or complementizer.
func (f *finder) appositive(j int, v verbInfo) int {
	if !f.isPunct(j, "،", ",") {
		return j
	}
	e := j + 1
	for e < len(f.toks) && e-j-1 < 6 && f.isWord(e) {
		w := f.fold[e]
		if stopAfterVerb[w] || complementizers[w] || w == v.prep {
			break
		}
		if _, _, ok := f.verbAt(e); ok {
			return j // the next statement: ويرى المدرب كذا، وقال إن
		}
		e++
	}
	if e == j+1 || e >= len(f.toks) {
		return j
	}
	if f.isPunct(e, "،", ",") || complementizers[f.fold[e]] || v.prep != "" && f.fold[e] == v.prep || stopAfterVerb[f.fold[e]] {
		return e
	}
	return j
}

// subjectBefore finds the subject of X، كان قد أعلن, وكان X قد أعلن, X قد
// أعلن and أما X فقال.
func (f *finder) subjectBefore(k int) (speaker, bool) {
	i := k - 1
	if strings.HasPrefix(f.fold[k], "ف") {
		for a := k - 1; a >= 0 && a >= k-maxSubjectWords-1 && f.para[a] == f.para[k]; a-- {
			if f.fold[a] == "اما" || f.fold[a] == "واما" {
				if a+1 < k {
					return f.resolve(a+1, k), true
				}
				break
			}
		}
	}
	if i >= 0 && f.fold[i] != "قد" {
		return f.subjectBeforeBare(k)
	}
	if i < 0 {
		return speaker{}, false
	}
	i--
	if i >= 0 {
		switch f.fold[i] {
		case "كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا":
			i--
		}
	}
	if f.isPunct(i, "،", ",") {
		i--
	}
	e := i + 1
	words := 0
	for i >= 0 && words < maxSubjectWords && f.isWord(i) && f.para[i] == f.para[k] {
		w := f.fold[i]
		if complementizers[w] || stopAfterVerb[w] || w == "الي" || kana[w] {
			break
		}
		words++
		i--
	}
	if e <= i+1 {
		return speaker{}, false
	}
	return f.resolve(i+1, e), true
}

// unclaimedMark decides whether a quotation no verb before it introduced is
// a quotation: a colon before it (X: "...") or a reporting verb right after
// it ("..."، قال الوزير). Titles and scare quotes are not.
func (f *finder) unclaimedMark(m int) {
	mk := f.marks[m]
	o := mk.open
	if f.namesWork(o) {
		return
	}
	words := f.wordsIn(mk.open, mk.close)
	if words == 0 {
		return
	}
	if f.isPunct(o-1, ":") {
		// The words before the colon name the speaker.
		e := o - 1
		i := e - 1
		for i >= 0 && f.isWord(i) && f.para[i] == f.para[o] && e-i <= maxSubjectWords {
			i--
		}
		var sp speaker
		if i+1 < e && (i < 0 || !f.isWord(i)) {
			sp = f.resolve(i+1, e)
		}
		f.marks[m].claimed = true
		s, end := f.inner(mk)
		f.emit(s, end, sp, ":", true)
		return
	}
	if words < minQuoteWords || o > 0 && complementizers[f.fold[o-1]] {
		// أن "إف.سي.إيه" قالت: the marks name the subject of the verb.
		return
	}
	j := mk.close + 1
	for j < len(f.toks) && f.isPunct(j, "،", ",", "-", "–") {
		j++
	}
	if v, cue, ok := f.verbAt(j); ok && !v.cont && f.para[j] == f.para[mk.close] {
		sp, _ := f.subject(j, v)
		f.marks[m].claimed = true
		s, end := f.inner(mk)
		f.emit(s, end, sp, cue, true)
	}
}

// headline reads a line of the form "X: statement" among the first lines
// of the text (the headline, before the first full sentence) as a
// statement by X.
func (f *finder) headline() {
	start := 0
	for p := 0; p < headlineLines && start < len(f.toks); p++ {
		n := start
		for n < len(f.toks) && f.para[n] == f.para[start] {
			n++
		}
		if n-start > 40 || f.isPunct(n-1, ".") {
			return
		}
		if f.headlineLine(start, n) {
			return
		}
		start = n
	}
}

// headlineLines is how many first lines may hold the headline.
const headlineLines = 3

// headlineLine reads tokens [start, n) as "X: statement".
func (f *finder) headlineLine(start, n int) bool {
	for c := start + 1; c < n && c <= start+5; c++ {
		if !f.isPunct(c, ":") {
			if !f.isWord(c) {
				return false
			}
			continue
		}
		for i := start; i < c; i++ {
			if !f.isWord(i) || headlineLabels[f.fold[i]] {
				return false
			}
		}
		if c+1 < n && f.openAt[c+1] >= 0 {
			return false // a quotation after the colon: unclaimedMark takes it
		}
		if f.wordsIn(c, n) < 2 {
			return false
		}
		s, e := f.span(c+1, n)
		sp := f.resolve(start, c)
		last := f.last
		f.emit(s, e, sp, ":", false)
		f.last = last
		return true
	}
	return false
}

// mentionAt returns the mention starting at code point start.
func (f *finder) mentionAt(start int) (Mention, bool) {
	i := sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].Start >= start })
	if i < len(f.mentions) && f.mentions[i].Start == start {
		return f.mentions[i], true
	}
	return Mention{}, false
}

// plural reports whether a folded verb form is plural (قالوا، أكدوا).
func plural(w string) bool { return strings.HasSuffix(w, "وا") }

// isTransmit reports whether a folded verb is نقل "relayed", whose عن
// names who spoke.
func isTransmit(w string) bool {
	w = strings.TrimPrefix(w, "و")
	return w == "نقل" || w == "نقلت" || w == "نقلوا"
}

// subjectBeforeBare finds the subject of a verb without و or ف that has
// none after it, in the order subject then verb (ولكن فاتزكة قال لقناة ...،
// أن "إف.سي.إيه" قالت): the words, or the quoted name, right before it.
func (f *finder) subjectBeforeBare(k int) (speaker, bool) {
	w := f.fold[k]
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		if _, ok := verbs[w]; !ok {
			return speaker{}, false
		}
	}
	i := k - 1
	if i >= 0 && f.closeOf[i] >= 0 {
		if m := f.marks[f.closeOf[i]]; f.wordsIn(m.open, i) <= 4 {
			return f.resolve(m.open, i+1), true
		}
		return speaker{}, false
	}
	e := i + 1
	words := 0
	for i >= 0 && words < maxSubjectWords && f.isWord(i) && f.para[i] == f.para[k] {
		w := f.fold[i]
		if complementizers[w] || stopAfterVerb[w] || w == "الي" || kana[w] || clauseOpeners[w] {
			break
		}
		if _, _, ok := f.verbAt(i); ok {
			return speaker{}, false
		}
		words++
		i--
	}
	if e == i+2 && pronounSubjects[f.fold[i+1]] {
		// لكنه أشار، وهي قالت: a pronoun continues the last speaker.
		sp := f.last
		sp.text, sp.start, sp.end = f.textOf(i+1, e)
		return sp, true
	}
	if e <= i+1 || i >= 0 && f.isWord(i) && !clauseOpeners[f.fold[i]] && !complementizers[f.fold[i]] {
		// Only a whole clause-initial phrase is a subject.
		return speaker{}, false
	}
	return f.resolve(i+1, e), true
}

// pronounSubjects are folded words that carry a pronoun subject before a
// verb (لكنه أشار): the speaker is the one the text was already quoting.
var pronounSubjects = map[string]bool{
	"لكنه": true, "لكنها": true, "ولكنه": true, "ولكنها": true, "انه": true, "انها": true,
	"وانه": true, "وانها": true, "هو": true, "هي": true, "وهو": true, "وهي": true, "فهو": true, "فهي": true,
}

// shortMarkAt reports whether token j opens quotation marks around one to
// four words: a name (صحيفة "ديلي تلغراف") rather than a quotation.
func (f *finder) shortMarkAt(j int) bool {
	if j < 0 || j >= len(f.toks) || f.openAt[j] < 0 {
		return false
	}
	m := f.marks[f.openAt[j]]
	n := f.wordsIn(m.open, m.close)
	return n >= 1 && n <= 4
}

// personAfter extends a subject ending at token j over a place phrase to a
// person's name the entity layer found (رئيس بعثة الأمم المتحدة في ليبيا
// برناردينو ليون): a name mention starting within three words, before any
// punctuation or complementizer.
func (f *finder) personAfter(j int) int {
	if j >= len(f.toks) || f.fold[j] != "في" && f.fold[j] != "لدى" {
		return j
	}
	for x := j + 1; x < len(f.toks) && x <= j+3 && f.isWord(x); x++ {
		if complementizers[f.fold[x]] {
			return j
		}
		m, ok := f.mentionAt(f.toks[x].Start)
		if !ok || x == j+1 {
			continue
		}
		if m.Type == "PER" && !m.Role {
			e := x
			for e < len(f.toks) && f.toks[e].Start < m.End {
				e++
			}
			return e
		}
	}
	return j
}

// afterStop reports whether token j continues a phrase opened by a
// preposition or time word (خلال مشاركته اليوم في افتتاح المؤتمر): such
// words are not the object of a reporting verb.
func (f *finder) afterStop(j int) bool {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		if f.toks[i].Kind == arabic.Punct {
			return false
		}
		if stopAfterVerb[f.fold[i]] {
			return true
		}
		if _, _, ok := f.verbAt(i); ok {
			return false
		}
	}
	return false
}
