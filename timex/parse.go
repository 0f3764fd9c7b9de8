package timex

import (
	"math"
	"strings"
	"time"

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

// words returns the raw texts of up to n tokens from i.
func (p *parser) words(i, n int) []string {
	var out []string
	for k := i; k < len(p.toks) && k < i+n; k++ {
		out = append(out, p.toks[k].Text)
	}
	return out
}

// match finds the longest phrase of ph at token i. The first word may carry
// one proclitic (و، ف، ب، ل), reported in trim.
func match[V any](p *parser, i int, ph phrases[V]) (v V, n, trim int, ok bool) {
next:
	for _, c := range ph.list {
		t := 0
		for k, w := range c.words {
			got := p.w(i + k)
			if got == w {
				continue
			}
			if k == 0 && len(got) > 2 && strings.ContainsRune("وفبل", []rune(got)[0]) && got[2:] == w {
				t = 1
				continue
			}
			continue next
		}
		return c.val, len(c.words), t, true
	}
	return v, 0, 0, false
}

// num reads a number at token i: its value, whether ordinal, and the token
// after it. Years (2022م) and rejected digits are not numbers here.
func (p *parser) num(i int) (v float64, ordinal bool, end int, ok bool) {
	m, ok := p.r.At(i)
	if !ok || m.Reject != "" || m.Calendar != "" || m.Fraction {
		return 0, false, 0, false
	}
	return m.Value, m.Ordinal, m.Last, true
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
	if t.Kind == arabic.Number && (len([]rune(t.Text)) > 2 || p.adjacentPunct(i)) {
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
	j := i
	var r mref
	shahr := false
	switch p.w(j) {
	case "شهر", "بشهر", "لشهر", "وشهر", "فشهر":
		shahr = true
		j++
	}
	if m, sys, n, ok := calendar.MatchMonth(p.words(j, 5)); ok {
		r.m, r.sys, r.named, r.cued = m, sys, true, shahr
		j += n
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
	m, found := p.r.At(j)
	if !found || m.Reject != "" || m.Ordinal || m.Fraction || m.Value != math.Trunc(m.Value) {
		return 0, 0, 0, "", false
	}
	if !m.Digits && !kw {
		return 0, 0, 0, "", false
	}
	v := int(m.Value)
	sys = calendar.Gregorian
	if m.Calendar == "هـ" || p.w(m.Last) == "هـ" || p.w(m.Last) == "ه" {
		sys = calendar.Hijri
		if m.Calendar == "" {
			m.Last++
		}
	}
	if !kw && m.Calendar == "" {
		digits := len([]rune(p.toks[j].Text))
		if !bare || digits != 4 || m.Last != j+1 || p.adjacentPunct(j) {
			return 0, 0, 0, "", false
		}
	}
	if m.Calendar == "م" && (p.w(m.Last) == "/" || p.w(m.Last) == "-") {
		return 0, 0, 0, "", false
	}
	switch {
	case sys == calendar.Gregorian && (v < 1 || v > 9999):
		return 0, 0, m.Last, "year out of range", true
	case sys == calendar.Hijri && (v < 1 || v > 9666):
		return 0, 0, m.Last, "Hijri year out of range", true
	}
	return v, sys, m.Last, "", true
}
