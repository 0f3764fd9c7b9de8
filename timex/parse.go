package timex

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/calendar"
	"akhbar/number"
)

// parser holds one document's tokens while Find reads them.
type parser struct {
	text string
	toks []arabic.Token
	r    *number.Reader
	ref  time.Time

	// Memos by token index: the same positions are read by several
	// matchers.
	dates  memo[dres]
	nums   memo[number.Match]
	months memo[mref]
	mnames memo[monthName]
	wdays  memo[time.Weekday]
	times  memo[tres]
	// starters caches, by folded word, whether the word alone can start
	// an expression.
	starters map[string]int8
}

// memo holds results computed once per token index. idx[i] is 0 until
// index i is computed, -1 when nothing was found there, else one more than
// the result's place in vals: a document pays four bytes a token per table,
// and a whole result only where one was found.
type memo[T any] struct {
	idx  []int32
	vals []T
}

// memoize returns f(i), computed once per index of n tokens.
func memoize[T any](m *memo[T], n, i int, f func(int) (T, bool)) (T, bool) {
	if i < 0 || i >= n {
		return f(i)
	}
	if m.idx == nil {
		m.idx = make([]int32, n)
	}
	switch k := m.idx[i]; {
	case k > 0:
		return m.vals[k-1], true
	case k < 0:
		var zero T
		return zero, false
	}
	v, ok := f(i)
	if !ok {
		m.idx[i] = -1
		return v, false
	}
	m.vals = append(m.vals, v)
	m.idx[i] = int32(len(m.vals))
	return v, true
}

// monthName is a month name read by calendar.MatchMonth.
type monthName struct {
	m   int
	sys calendar.System
	n   int
}

// monthNameAt returns the month name starting at token i.
func (p *parser) monthNameAt(i int) (monthName, bool) {
	return memoize(&p.mnames, len(p.toks), i, func(i int) (monthName, bool) {
		if i >= len(p.toks) || p.toks[i].Kind != arabic.Word {
			return monthName{}, false
		}
		m, sys, n, ok := calendar.MatchMonth(p.foldedWords(i, 5))
		return monthName{m, sys, n}, ok
	})
}

// weekdayOf returns the weekday token i names.
func (p *parser) weekdayOf(i int) (time.Weekday, bool) {
	return memoize(&p.wdays, len(p.toks), i, func(i int) (time.Weekday, bool) {
		if i < 0 || i >= len(p.toks) || p.toks[i].Kind != arabic.Word {
			return 0, false
		}
		w := p.w(i)
		wd, ok := calendar.Weekday(w)
		if !ok && strings.HasSuffix(w, "ا") {
			wd, ok = calendar.Weekday(w + "ء") // الأربعا، ثلاثا: the hamza dropped
		}
		return wd, ok
	})
}

// expr is one recognized expression over toks[first:last].
type expr struct {
	typ, value, mod, from, to string
	first, last               int
	trim                      int    // proclitic letters of the first token left out of the span
	lead                      int    // tokens at the start read as context, left out of the span
	skip                      string // why the expression is not reported
}

// matchers in order of preference when two cover the same tokens.
func (p *parser) best(i int) (expr, bool) {
	if !p.mayStart(i) {
		return expr{}, false
	}
	var best expr
	found := false
	for _, m := range []func(int) (expr, bool){
		p.interval, p.period, p.dateTime, p.duration, p.set, p.relUnit, p.now, p.holiday, p.decade, p.untilTime,
	} {
		e, ok := m(i)
		if ok && e.last > i && (!found || better(e.last, e.skip, best.last, best.skip)) {
			best, found = e, true
		}
	}
	return best, found
}

// w returns token i as a folded word: arabic.Fold for Arabic words, lower
// case for Latin, the text itself for punctuation and digits.
func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	t := p.toks[i]
	switch t.Kind {
	case arabic.Word:
		return p.r.Fold(i)
	case arabic.Latin:
		return strings.ToLower(t.Text)
	}
	return t.Text
}

// in reports whether token i is one of the words of set.
func (p *parser) in(i int, s map[string]bool) bool { return s[p.w(i)] }

// foldedWords returns up to n tokens from i as words (see w).
func (p *parser) foldedWords(i, n int) []string {
	var buf [5]string
	out := buf[:0]
	for k := i; k < len(p.toks) && k < i+n; k++ {
		out = append(out, p.w(k))
	}
	return out
}

// match finds the longest phrase of ph at token i. The first word may carry
// one proclitic (و، ف، ب، ل), reported in trim.
func match[V any](p *parser, i int, ph phrases[V]) (v V, n, trim int, ok bool) {
	first := p.w(i)
	if v, n, ok := matchFrom(p, i, ph, first); ok {
		return v, n, 0, true
	}
	if len(first) > 2 && hasProclitic(first) {
		if v, n, ok := matchFrom(p, i, ph, first[2:]); ok {
			return v, n, 1, true
		}
	}
	return v, 0, 0, false
}

// matchFrom matches the phrases starting with first (token i's word, maybe
// without its proclitic).
func matchFrom[V any](p *parser, i int, ph phrases[V], first string) (v V, n int, ok bool) {
next:
	for _, idx := range ph.byFirst[first] {
		c := ph.list[idx]
		for k := 1; k < len(c.words); k++ {
			if p.w(i+k) != c.words[k] {
				continue next
			}
		}
		return c.val, len(c.words), true
	}
	return v, 0, false
}

// What a word alone says about starting an expression.
const (
	startNever  int8 = iota + 1
	startAlways      // a trigger, a weekday, a decade
	startNumber      // a number word: only before a temporal word
)

// starter classifies the word w of token i.
func (p *parser) starter(i int, w string) int8 {
	if triggers[w] || len(w) > 2 && hasProclitic(w) && triggers[w[2:]] {
		return startAlways
	}
	if _, ok := p.weekdayOf(i); ok {
		return startAlways
	}
	if _, ok := decadeOf(w); ok {
		return startAlways
	}
	if number.IsWord(w) {
		return startNumber
	}
	return startNever
}

// secondOfMonth are second words of two-word month names (كانون الثاني،
// ربيع الأول، ذو الحجة), to try calendar.MatchMonth only where it may match.
var secondOfMonth = set("الثاني", "الأول", "اول", "ثاني", "الآخر", "الآخرة", "الأولى", "الثانية", "القعدة", "الحجة", "آخر", "أولى", "ثانية", "آخرة")

// eraWords mark a year: 1428 هجرية، 1948 م.
var eraWords = set("هجري", "هجرية", "للهجرة", "ميلادي", "ميلادية", "للميلاد", "م", "هـ", "ه")

// numberContext reports whether the number at token i can start an
// expression: a temporal word, a month name or a date separator follows
// within four tokens (خمسة أيام، الحادي عشر من آب، 12/1/2022، 13:02، 15
// كانون الثاني), or it is a year (2022م).
func (p *parser) numberContext(i int) bool {
	if m, ok := p.numAt(i); ok && m.Calendar != "" || p.bareYear(i) {
		return true
	}
	for k := i + 1; k <= i+4 && k < len(p.toks); k++ {
		t := p.toks[k]
		switch t.Kind {
		case arabic.Punct:
			switch t.Text {
			case "/", ":", "-", "–", "(", ")":
				return true
			case ".", "،", ",", "؛", "!", "?", "؟", "\n":
				return false
			}
		case arabic.Word:
			w := p.w(k)
			if triggers[w] || len(w) > 2 && hasProclitic(w) && triggers[w[2:]] {
				return true
			}
			if _, ok := qualifiers[w]; ok || eraWords[w] {
				return true
			}
			if _, ok := p.weekdayOf(k); ok {
				return true
			}
			if _, ok := p.monthNameAt(k); ok {
				return true
			}
		}
	}
	return false
}

// mayStart reports whether an expression can start at token i: digits, a
// trigger word (with or without one proclitic), a number word, a month or
// a weekday name.
func (p *parser) mayStart(i int) bool {
	t := p.toks[i]
	switch t.Kind {
	case arabic.Number:
		return p.numberContext(i)
	case arabic.Word:
	default:
		return false
	}
	w := p.w(i)
	if linkWords[w] {
		// في 2012: a year after a cue; else what follows must start one.
		return phraseSecond[w][p.w(i+1)] || i+1 < len(p.toks) && (p.toks[i+1].Kind == arabic.Number || p.mayStart(i+1))
	}
	start, seen := p.starters[w]
	if !seen {
		start = p.starter(i, w)
		if p.starters == nil {
			p.starters = make(map[string]int8)
		}
		p.starters[w] = start
	}
	switch start {
	case startAlways:
		return true
	case startNumber:
		return p.numberContext(i)
	}
	// A month name starts an expression only before digits, a qualifier
	// or the other name of the month (يوليو 13، آب الماضي، آب/أغسطس), or
	// when it is two words (كانون الثاني); after شهر، في or a day it is
	// reached from the word before.
	if i+1 < len(p.toks) && p.toks[i+1].Kind == arabic.Word && secondOfMonth[p.w(i+1)] {
		if mn, ok := p.monthNameAt(i); ok && mn.n >= 2 {
			return true
		}
	}
	for k := i + 1; k <= i+2 && k < len(p.toks); k++ {
		nt := p.toks[k]
		_, isQ := qualifiers[p.w(k)]
		if isQ || nt.Kind == arabic.Number || nt.Kind == arabic.Punct && (nt.Text == "/" || nt.Text == "(") || p.in(k, yearWords) {
			_, ok := p.monthNameAt(i)
			return ok
		}
	}
	return false
}

// num reads a number at token i: its value, whether ordinal, and the token
// after it. Years (2022م) and rejected digits are not numbers here.
func (p *parser) num(i int) (v float64, ordinal bool, end int, ok bool) {
	m, ok := p.numAt(i)
	if !ok || m.Reject != "" || m.Calendar != "" || m.Fraction {
		return 0, false, 0, false
	}
	return m.Value, m.Ordinal, m.Last, true
}

// numAt is number.Reader.At, computed once per token.
func (p *parser) numAt(i int) (number.Match, bool) {
	return memoize(&p.nums, len(p.toks), i, p.r.At)
}

// intAt reads a whole number in [lo, hi] at token i.
func (p *parser) intAt(i, lo, hi int) (n int, ordinal bool, end int, ok bool) {
	v, ord, end, ok := p.num(i)
	if !ok || v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		return 0, false, 0, false
	}
	return int(v), ord, end, true
}

// dayAt reads a day of month 1-31 at token i: 6, ٦, السادس, الحادي عشر.
// Digits must be one or two and stand alone.
func (p *parser) dayAt(i int) (d, end int, ok bool) {
	if i >= len(p.toks) {
		return 0, 0, false
	}
	t := p.toks[i]
	if t.Kind == arabic.Number && (utf8.RuneCountInString(t.Text) > 2 || p.adjacentPunct(i)) {
		return 0, 0, false
	}
	d, _, end, ok = p.intAt(i, 1, 31)
	return d, end, ok
}

// adjacentPunct reports whether digits at i touch a / : . - on either side.
func (p *parser) adjacentPunct(i int) bool {
	touch := func(k int) bool {
		return k >= 0 && k < len(p.toks) && p.toks[k].Kind == arabic.Punct && strings.Contains("/:.-", p.toks[k].Text)
	}
	return (touch(i+1) && p.toks[i].End == p.toks[i+1].Start) || (touch(i-1) && p.toks[i-1].End == p.toks[i].Start)
}

// refOK reports whether relative expressions can be resolved.
func (p *parser) refOK() bool { return !p.ref.IsZero() }

// refDay is midnight of the reference day.
func (p *parser) refDay() time.Time { return truncate(p.ref, gDay) }

// futureCue reports whether the words before token i (in the same
// sentence, up to six) put the event in the future: سوف، سيزور، من المقرر.
func (p *parser) futureCue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := p.toks[k]
		if t.Kind == arabic.Punct && strings.Contains(".!?؟؛\n", t.Text) {
			return false
		}
		w := p.w(k)
		if len(w) > 8 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
			w = w[2:]
		}
		switch w {
		case "سوف", "المقرر", "المتوقع", "المزمع", "يعتزم", "تعتزم", "ستعقد", "سيعقد", "سيبدا", "ستبدا":
			return true
		}
		rs := []rune(w)
		if len(rs) >= 5 && rs[0] == 'س' && strings.ContainsRune("يتنا", rs[1]) && !futureFalse[w] {
			return true
		}
	}
	return false
}

// futureFalse are words that start like a future verb and are not one.
var futureFalse = set("سياسي", "سياسية", "سياسة", "سيارة", "سيارات", "سيطرة", "ستين", "سنوات", "سنويا", "سيناء",
	"سيادة", "سياسيا", "سياسات", "سياحة", "سياحي", "سياق", "ستار", "سياج", "سيول", "سيدة", "سينما", "سنين", "سنتين", "سنغافورة")

// pastCue reports whether a qualifier word names the past.
func qualifierAt(p *parser, i int) (q int, ok bool) {
	q, ok = qualifiers[p.w(i)]
	return q, ok
}

// mref is a month reference: شباط، شهر 3، الشهر الجاري، آب الماضي.
type mref struct {
	y, m      int
	sys       calendar.System
	yearGiven bool
	named     bool // a month name (not شهر N or الشهر الجاري)
	cued      bool // preceded by شهر or followed by a year or a qualifier
	end       int
	skip      string
}

// monthRef reads a month reference at i and resolves its year.
func (p *parser) monthRef(i int) (mref, bool) {
	return memoize(&p.months, len(p.toks), i, p.monthRefAt)
}

func (p *parser) monthRefAt(i int) (mref, bool) {
	j := i
	var r mref
	shahr := false
	switch p.w(j) {
	case "شهر", "بشهر", "لشهر", "وشهر", "فشهر":
		shahr = true
		j++
	}
	if mn, ok := p.monthNameAt(j); ok {
		r.m, r.sys, r.named, r.cued = mn.m, mn.sys, true, shahr
		j += mn.n
	} else if shahr {
		m, ord, end, ok := p.intAt(j, 1, 12)
		if !ok || ord {
			return mref{}, false
		}
		r.m, r.sys, r.cued = m, calendar.Gregorian, true
		j = end
	} else {
		w := p.w(j)
		dem := false
		if demonstratives[w] {
			dem = true
			j++
			w = p.w(j)
		}
		if w != "الشهر" && w != "بالشهر" && w != "للشهر" && w != "والشهر" {
			return mref{}, false
		}
		j++
		if dem {
			if !p.refOK() {
				return mref{end: j, skip: "no reference date for a relative month"}, true
			}
			r.y, r.m, r.sys, r.yearGiven, r.cued = p.ref.Year(), int(p.ref.Month()), calendar.Gregorian, true, true
			r.end = j
			return r, true
		}
		if q, ok := qualifierAt(p, j); ok {
			if !p.refOK() {
				return mref{end: j + 1, skip: "no reference date for a relative month"}, true
			}
			t := p.ref.AddDate(0, q, 0)
			if q != 0 {
				t = time.Date(p.ref.Year(), p.ref.Month()+time.Month(q), 1, 0, 0, 0, 0, p.ref.Location())
			}
			r.y, r.m, r.sys, r.yearGiven, r.cued, r.end = t.Year(), int(t.Month()), calendar.Gregorian, true, true, j+1
			return r, true
		}
		m, ord, end, ok := p.intAt(j, 1, 12)
		if !ok || !ord {
			return mref{}, false
		}
		r.m, r.sys, r.cued = m, calendar.Gregorian, true
		j = end
	}
	// A qualifier after a named month: آب الماضي.
	q, hasQ := qualifierAt(p, j)
	if hasQ {
		j++
		r.cued = true
	}
	if q, ok := qualifierAt(p, j+1); ok && unitWords[p.w(j)] == gYear && p.refOK() {
		// شهر مارس السنة القادمة
		r.y, r.yearGiven, r.cued = p.ref.Year()+q, true, true
		if r.sys == calendar.Hijri {
			hy, _, _ := calendar.GregorianToHijri(p.ref)
			r.y = hy + q
		}
		j += 2
	} else if y, sys, end, skip, ok := p.yearAt(j, true); ok {
		if skip != "" {
			return mref{end: end, skip: skip}, true
		}
		if sys == calendar.Hijri && r.sys == calendar.Gregorian {
			return mref{}, false
		}
		r.y, r.yearGiven, r.cued = y, true, true
		if sys == calendar.Gregorian && r.sys == calendar.Hijri {
			// رمضان 2019: the Hijri year whose month starts in 2019.
			hy, ok := hijriYearIn(y, r.m)
			if !ok {
				return mref{end: end, skip: "no such Hijri month in that year"}, true
			}
			r.y = hy
		}
		j = end
	}
	r.end = j
	if !r.yearGiven {
		if !p.refOK() {
			r.skip = "no reference date for a month without a year"
			return r, true
		}
		ry, rm := p.ref.Year(), int(p.ref.Month())
		if r.sys == calendar.Hijri {
			ry, rm, _ = calendar.GregorianToHijri(p.ref)
		}
		r.y = ry
		switch {
		case hasQ && q < 0 && r.m >= rm:
			r.y--
		case hasQ && q > 0 && r.m <= rm:
			r.y++
		}
	}
	return r, true
}

// hijriYearIn returns the Hijri year whose month m begins in Gregorian year y.
func hijriYearIn(y, m int) (int, bool) {
	hy, _, _ := calendar.GregorianToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range []int{hy, hy + 1, hy - 1} {
		t, err := calendar.HijriToGregorian(c, m, 1)
		if err == nil && t.Year() == y {
			return c, true
		}
	}
	return 0, false
}

// yearAt reads a year at i: عام 2022، سنة ٢٠١٤، من عام 2014، 2022م، 1444هـ,
// and a bare four-digit year when bare is true.
func (p *parser) yearAt(i int, bare bool) (y int, sys calendar.System, end int, skip string, ok bool) {
	j := i
	kw := false
	if p.w(j) == "من" || p.w(j) == "في" {
		if p.in(j+1, yearWords) {
			j++
		}
	}
	if p.in(j, yearWords) {
		kw = true
		j++
	}
	paren := false
	if p.w(j) == "(" && (kw || bare) {
		paren = true // عام ( 1948 )
		j++
	}
	m, found := p.numAt(j)
	if !found || m.Reject != "" || m.Ordinal || m.Fraction || m.Value != math.Trunc(m.Value) {
		return 0, 0, 0, "", false
	}
	if !m.Digits && !kw {
		return 0, 0, 0, "", false
	}
	v := int(m.Value)
	last := m.Last
	if paren {
		if p.w(last) != ")" {
			return 0, 0, 0, "", false
		}
		last++
	}
	sys = calendar.Gregorian
	switch w := p.w(last); {
	case m.Calendar == "هـ":
		sys = calendar.Hijri
	case m.Calendar == "" && (w == "ه" || w == "هجري" || w == "هجريه" || w == "للهجره"):
		sys = calendar.Hijri
		last++
	case m.Calendar == "" && (w == "ميلادي" || w == "ميلاديه" || w == "للميلاد"):
		last++
	case m.Calendar == "" && w == "م" && p.w(last+1) != "مربع" && p.w(last+1) != "مكعب":
		last++ // 1948 م, unless metres: 1000 م مربع
	}
	if !kw && m.Calendar == "" && last == m.Last {
		digits := utf8.RuneCountInString(p.toks[j].Text)
		if !bare || digits != 4 || m.Last != j+1 || p.adjacentPunct(j) {
			return 0, 0, 0, "", false
		}
	}
	if m.Calendar == "م" && (p.w(m.Last) == "/" || p.w(m.Last) == "-") {
		return 0, 0, 0, "", false
	}
	switch {
	case sys == calendar.Gregorian && (v < 1 || v > 9999):
		return 0, 0, last, "year out of range", true
	case sys == calendar.Hijri && (v < 1 || v > 9666):
		return 0, 0, last, "Hijri year out of range", true
	}
	return v, sys, last, "", true
}

// hasProclitic reports whether the folded word w starts with و، ف، ب or ل.
func hasProclitic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل'
}
