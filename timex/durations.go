package timex

import (
	"math"
	"strconv"
	"strings"
	"time"

	"akhbar/arabic"
	"akhbar/calendar"
)

// durAt reads an amount of time at i: يومين، 10 أيام، خمسة ساعات، ساعة
// ونصف، نصف ساعة.
func (p *parser) durAt(i int) (n float64, unit string, end int, ok bool) {
	if w := p.w(i); w == "نصف" || w == "ربع" {
		if u, found := durationUnits[p.w(i+1)]; found && u.count == 1 && !u.plural {
			f := 0.5
			if w == "ربع" {
				f = 0.25
			}
			return f, u.unit, i + 2, true
		}
	}
	if u, found := durationUnits[p.w(i)]; found && u.bare {
		if u.count == 1 && (p.w(i) == "ثانيه" || p.w(i) == "دقيقه") && i > 0 && (strings.HasSuffix(p.w(i-1), "ه") || p.w(i-1) == "غير") {
			// مرة ثانية، بطريقة دقيقة: adjectives ("second", "accurate")
			// after a feminine noun, not units of time.
			return 0, "", 0, false
		}
		n, end = u.count, i+1
		unit = u.unit
	} else {
		v, ord, e, ok := p.num(i)
		if !ok || ord || v <= 0 {
			return 0, "", 0, false
		}
		u, found := durationUnits[p.w(e)]
		if !found || u.count != 1 {
			return 0, "", 0, false
		}
		n, unit, end = v, u.unit, e+1
	}
	if w := p.w(end); w == "ونصف" || w == "ونص" {
		n += 0.5
		end++
	} else if w == "وربع" {
		n += 0.25
		end++
	}
	return n, unit, end, true
}

// normalizeDuration turns fractional hours and minutes into smaller units:
// 1.5 H -> 90 MIN.
func normalizeDuration(n float64, unit string) (float64, string) {
	if n == math.Trunc(n) {
		return n, unit
	}
	switch unit {
	case "H":
		return n * 60, "MIN"
	case "MIN":
		return n * 60, "S"
	case "D":
		return n * 24, "H"
	case "Y":
		return n * 12, "M"
	}
	return n, unit
}

// anchoredElsewhere reports whether the duration ending at i is counted from
// an event the text names after it (بعد 70 عاما على ولادتها، بعد ست سنوات
// أمضاها) rather than from now (قبل عامين من الآن).
func (p *parser) anchoredElsewhere(i int) bool {
	switch p.w(i) {
	case "من", "علي":
		switch p.w(i + 1) {
		case "الان", "اليوم", "الحين", "تاريخه":
			return false
		}
		return true
	case "امضاها", "قضاها", "امضي", "قضي":
		return true
	}
	return false
}

// duration reads a duration with its modifier, or a date it makes with
// قبل / منذ / بعد (قبل أسبوع: a week ago).
func (p *parser) duration(i int) (expr, bool) {
	j := i
	e := expr{first: i, typ: Duration}
	mod, n, trim, ok := match(p, j, durationMods)
	if ok {
		e.mod, e.trim = mod, trim
		j += n
	}
	within := false
	if _, n, t, ok := match(p, j, withinWords); ok {
		within = true
		if j == i {
			e.trim = t
		}
		j += n
	}
	dir := 0
	if !within && e.mod == "" {
		if d, n, t, ok := match(p, j, agoWords); ok {
			dir, e.trim = d, t
			j += n
			if p.w(i) == "من" {
				if _, found := durationUnits[p.w(j)]; !found || !durationUnits[p.w(j)].bare {
					return expr{}, false
				}
			}
		}
	}
	if p.in(j, durationLead) {
		j++
	}
	amount, unit, end, ok := p.durAt(j)
	if !ok {
		return expr{}, false
	}
	amount, unit = normalizeDuration(amount, unit)
	e.last = end
	e.value = durationValue(amount, unit)
	if dir != 0 && p.anchoredElsewhere(end) {
		// بعد أربع سنوات من الغياب، قبل ساعتين من الموعد: counted from
		// another event, not from the dateline; the duration is what is
		// said.
		e.first, e.trim = j, 0
		return e, true
	}
	if dir != 0 {
		if !p.refOK() {
			e.skip = "no reference date for a relative date"
			return e, true
		}
		g := unitGrain(unit)
		if amount != math.Trunc(amount) {
			return expr{}, false
		}
		t := add(p.ref, g, dir*int(amount))
		if g == gWeek {
			g = gDay
		}
		e.typ, e.value = Date, point{t: t, g: g}.value()
		return e, true
	}
	if within && p.refOK() && amount == math.Trunc(amount) {
		g := unitGrain(unit)
		to := add(p.ref, g, int(amount))
		e.from = p.ref.Format("2006-01-02T15:04:05")
		if g >= gDay {
			to = truncate(to, gDay)
		}
		e.to = to.Format("2006-01-02T15:04:05")
	}
	return e, true
}

// set reads كل يوم، أسبوعيا، كل خميس.
func (p *parser) set(i int) (expr, bool) {
	if v, n, trim, ok := match(p, i, setWords); ok {
		e := expr{typ: Set, value: v, first: i, last: i + n, trim: trim}
		if strings.HasPrefix(p.w(i), "كل") {
			if wd, end, _, _, ok := p.weekdayAt(i + 1); ok {
				e.value, e.last = "XXXX-WXX-"+strconv.Itoa((int(wd)+6)%7+1), end
			}
		}
		return e, true
	}
	if p.w(i) == "كل" {
		if wd, end, _, _, ok := p.weekdayAt(i + 1); ok {
			return expr{typ: Set, value: "XXXX-WXX-" + strconv.Itoa((int(wd)+6)%7+1), first: i, last: end}, true
		}
	}
	return expr{}, false
}

// pluralUnits are definite plural units for الأيام الثلاثة الماضية.
var pluralUnits = map[string]grain{
	"الايام": gDay, "الاسابيع": gWeek, "الاشهر": gMonth, "الشهور": gMonth, "السنوات": gYear, "الاعوام": gYear, "الساعات": gHour,
}

// relUnit reads الأسبوع المقبل، الشهر الماضي، هذا العام، السنة الحالية،
// الأسابيع الثلاثة القادمة.
func (p *parser) relUnit(i int) (expr, bool) {
	j := i
	dem := p.in(j, demonstratives)
	if dem {
		j++
	}
	w := p.w(j)
	trim := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") {
		if _, ok := unitWords[w[2:]]; ok && !dem {
			w, trim = w[2:], 1
		}
		if w == "للعام" || w == "للشهر" || w == "للاسبوع" {
			w, trim = "ال"+w[4:], 1
		}
	}
	if g, ok := pluralUnits[w]; ok && !dem {
		v, ord, end, ok := p.intAt(j+1, 2, 100)
		if !ok || ord && false {
			return expr{}, false
		}
		q, ok := qualifierAt(p, end)
		if !ok || q == 0 {
			return expr{}, false
		}
		e := expr{typ: Duration, first: i, last: end + 1, trim: trim}
		unit := map[grain]string{gDay: "D", gWeek: "W", gMonth: "M", gYear: "Y", gHour: "H"}[g]
		e.value = durationValue(float64(v), unit)
		if p.refOK() {
			cur := truncate(p.ref, g)
			var from, to time.Time
			if q > 0 {
				from, to = add(cur, g, 1), add(cur, g, 1+v)
			} else {
				from, to = add(cur, g, -v), cur
			}
			e.from, e.to = point{t: from, g: g}.value(), point{t: to, g: g}.value()
		}
		return e, true
	}
	g, ok := unitWords[w]
	if !ok {
		return expr{}, false
	}
	q, end := 0, j+1
	if qq, ok := qualifierAt(p, j+1); ok {
		q, end = qq, j+2
	} else if !dem {
		return expr{}, false
	}
	e := expr{typ: Date, first: i, last: end, trim: trim}
	if !p.refOK() {
		e.skip = "no reference date for a relative unit"
		return e, true
	}
	t := add(truncate(p.ref, g), g, q)
	e.value = point{t: t, g: g}.value()
	return e, true
}

// now reads الآن، حالا، في هذه اللحظة.
func (p *parser) now(i int) (expr, bool) {
	_, n, trim, ok := match(p, i, nowWords)
	if !ok {
		return expr{}, false
	}
	if w := strings.TrimLeft(p.toks[i].Text, "وف"); n == 1 && (strings.HasPrefix(w, "أ") || strings.HasPrefix(w, "آ")) {
		return expr{}, false // ألان and آلان fold like الآن, but they are the name Alan
	}
	e := expr{typ: Time, first: i, last: i + n, trim: trim}
	if !p.refOK() {
		e.skip = "no reference time for now"
		return e, true
	}
	e.value = point{t: p.ref, g: gSecond}.value()
	return e, true
}

// holidayRule dates a holiday in a Gregorian year.
type holidayRule struct {
	month, day int
	hijri      bool
	easter     bool
}

var holidays = newPhrases(map[string]holidayRule{
	"عيد الميلاد": {month: 12, day: 25}, "عيد الميلاد المجيد": {month: 12, day: 25}, "الكريسماس": {month: 12, day: 25}, "كريسماس": {month: 12, day: 25},
	"رأس السنة الميلادية": {month: 1, day: 1}, "عيد العمال": {month: 5, day: 1}, "عيد الحب": {month: 2, day: 14},
	"عيد الفصح": {easter: true},
	"عيد الفطر": {month: 10, day: 1, hijri: true}, "عيد الفطر المبارك": {month: 10, day: 1, hijri: true},
	"عيد الأضحى": {month: 12, day: 10, hijri: true}, "عيد الأضحى المبارك": {month: 12, day: 10, hijri: true},
	"رأس السنة الهجرية": {month: 1, day: 1, hijri: true}, "المولد النبوي": {month: 3, day: 12, hijri: true},
	"يوم عرفة": {month: 12, day: 9, hijri: true},
})

// holiday reads a named holiday, with an optional year.
func (p *parser) holiday(i int) (expr, bool) {
	h, n, trim, ok := match(p, i, holidays)
	if !ok {
		return expr{}, false
	}
	e := expr{typ: Date, first: i, last: i + n, trim: trim}
	y := 0
	if yy, sys, end, skip, ok := p.yearAt(i+n, true); ok && skip == "" && sys == calendar.Gregorian {
		y, e.last = yy, end
	} else if p.refOK() {
		y = p.ref.Year()
	} else {
		e.skip = "no reference year for a holiday"
		return e, true
	}
	var t time.Time
	switch {
	case h.easter:
		t = easter(y)
	case h.hijri:
		hy, _, _ := calendar.GregorianToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		found := false
		for _, c := range []int{hy, hy + 1} {
			if g, err := calendar.HijriToGregorian(c, h.month, h.day); err == nil && g.Year() == y {
				t, found = g, true
				break
			}
		}
		if !found {
			e.skip = "holiday not in that year"
			return e, true
		}
	default:
		t = time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
	}
	e.value = t.Format("2006-01-02")
	return e, true
}

// easter returns Western Easter Sunday of year y (anonymous Gregorian
// algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// decades maps the folded stem of a decade word to its tens.
var decades = map[string]int{"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9}

// decadeOf returns the tens of a folded decade word: التسعينيات -> 9.
func decadeOf(w string) (int, bool) {
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ف") {
		w = w[2:]
	}
	w = strings.TrimPrefix(w, "ال")
	for _, suf := range []string{"يات", "ات"} {
		if s, ok := strings.CutSuffix(w, suf); ok {
			tens, ok := decades[s]
			return tens, ok
		}
	}
	return 0, false
}

// decade reads التسعينيات، ستينات القرن الماضي.
func (p *parser) decade(i int) (expr, bool) {
	if i >= len(p.toks) || p.toks[i].Kind != arabic.Word {
		return expr{}, false
	}
	tens, ok := decadeOf(p.w(i))
	if !ok {
		return expr{}, false
	}
	trim := 0
	if w := p.w(i); strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ف") {
		trim = 1
	}
	e := expr{typ: Date, first: i, last: i + 1, trim: trim}
	century := -1
	if p.w(i+1) == "القرن" {
		if q, ok := qualifierAt(p, i+2); ok && q < 0 && p.refOK() {
			century, e.last = p.ref.Year()/100-1, i+3
		} else if v, ord, end, ok := p.intAt(i+2, 1, 30); ok && ord {
			century, e.last = v-1, end
		}
	}
	if century < 0 {
		if !p.refOK() {
			e.skip = "no reference year for a decade"
			return e, true
		}
		century = p.ref.Year() / 100
		if century*100+tens*10 > p.ref.Year() {
			century--
		}
	}
	e.value = strconv.Itoa(century*10 + tens)
	return e, true
}
