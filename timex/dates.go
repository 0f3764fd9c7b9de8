package timex

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/calendar"
	"akhbar/number"
)

// dres is a date read at some token: a point at day, month or year grain,
// or the reason it cannot be one.
type dres struct {
	pt       point
	end      int
	trim     int
	skip     string
	from, to string // for a Hijri month or year: its Gregorian days
	weekday  bool   // a weekday name decided the day
	lead     int    // tokens of context before the span (في before a month)
	// yearGiven reports a year written in the text (not taken from the
	// reference).
	yearGiven bool
}

// dateAt reads the longest date at token i.
func (p *parser) dateAt(i int) (dres, bool) {
	return memoize(&p.dates, len(p.toks), i, p.dateAtUncached)
}

func (p *parser) dateAtUncached(i int) (dres, bool) {
	var best dres
	found := false
	for _, f := range []func(int) (dres, bool){p.relDay, p.weekdayDate, p.absDate, p.numericDate, p.nthWeekday, p.monthPart, p.monthOnly, p.yearOnly} {
		d, ok := f(i)
		if ok && d.end > i && (!found || better(d.end, d.skip, best.end, best.skip)) {
			best, found = d, true
		}
	}
	return best, found
}

// better reports whether a reading ending at end (skipped when skip is
// set) beats one ending at bestEnd: a real reading beats a skipped one,
// then the longer wins.
func better(end int, skip string, bestEnd int, bestSkip string) bool {
	if (skip == "") != (bestSkip == "") {
		return skip == ""
	}
	return end > bestEnd
}

// dateTime reads a date, optionally followed by a time of day, or a part
// of day followed by a date (صباح الخميس، مساء اليوم).
func (p *parser) dateTime(i int) (expr, bool) {
	if e, ok := p.podDate(i); ok {
		return e, true
	}
	d, ok := p.dateAt(i)
	if ok {
		e := expr{typ: Date, first: i, last: d.end, trim: d.trim, lead: d.lead, skip: d.skip, value: d.pt.value(), from: d.from, to: d.to}
		if d.from != "" && d.pt.g != gDay && len(d.to) == len("2006-01-02") {
			// A Hijri month or year: its Gregorian days, last day included.
			if to, err := time.Parse("2006-01-02", d.to); err == nil {
				e.value = d.from + "/" + to.AddDate(0, 0, -1).Format("2006-01-02")
			}
		}
		if d.skip == "" && d.pt.g == gDay {
			j := d.end
			if p.w(j) == "،" || p.w(j) == "," {
				j++
			}
			if p.w(j) == "في" || p.w(j) == "عند" {
				j++
			}
			if tm, ok := p.timeAt(j, d.pt.t); ok && tm.skip == "" {
				e.typ, e.value, e.last = Time, tm.pt.value(), tm.end
				if tm.from != "" {
					e.from, e.to = tm.from, tm.to
				}
			}
		}
		return e, true
	}
	if tm, ok := p.timeAt(i, time.Time{}); ok {
		e := expr{typ: Time, first: i, last: tm.end, trim: tm.trim, skip: tm.skip, value: tm.pt.value(), mod: tm.mod, from: tm.from, to: tm.to}
		// A date after the time: الساعة الثامنة من مساء الخميس.
		return e, true
	}
	return expr{}, false
}

// relDay reads اليوم، أمس، غدا... optionally followed by the weekday it
// names (اليوم السبت), which must agree.
func (p *parser) relDay(i int) (dres, bool) {
	off, n, trim, ok := match(p, i, relDays)
	if !ok {
		return dres{}, false
	}
	end := i + n
	if !p.refOK() {
		return dres{end: end, trim: trim, skip: "no reference date for a relative day"}, true
	}
	t := p.refDay().AddDate(0, 0, off)
	// اليوم الثالث من أكتوبر is a day of a month, not today.
	if off == 0 && n == 1 {
		if _, _, _, ok := p.intAt(end, 1, 31); ok {
			if d, ok := p.absDate(end); ok && d.skip == "" {
				return dres{}, false
			}
		}
	}
	r := dres{pt: point{t: t, g: gDay}, end: end, trim: trim}
	if wd, ok := calendar.Weekday(p.w(end)); ok && p.toks[end].Kind == arabic.Word && strings.HasPrefix(p.w(end), "ال") {
		r.end++
		r.weekday = true
		if wd != t.Weekday() {
			r.skip = fmt.Sprintf("%s is a %s, not a %s", t.Format("2006-01-02"), t.Weekday(), wd)
		}
	}
	return r, true
}

// weekdayAt reads [يوم] weekday at i; bare reports a weekday without ال
// (أحد، اثنين), which needs more context to be a day.
func (p *parser) weekdayAt(i int) (wd time.Weekday, end, trim int, bare bool, ok bool) {
	j := i
	yawm := false
	if w := p.w(j); w == "يوم" || w == "ويوم" {
		yawm = true
		if w == "ويوم" {
			trim = 1
		}
		j++
	}
	if j >= len(p.toks) || p.toks[j].Kind != arabic.Word {
		return 0, 0, 0, false, false
	}
	w := p.w(j)
	wd, ok = p.weekdayOf(j)
	if !ok || p.w(j+1) == "عشر" || p.w(j+1) == "عشره" {
		return 0, 0, 0, false, false // الأحد عشر، الاثنا عشر: numbers
	}
	bare = !strings.Contains(w, "ال") && !yawm
	if !yawm && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ب")) {
		trim = 1
	}
	return wd, j + 1, trim, bare, true
}

// weekdayDate reads a weekday with what pins it down: a qualifier (الخميس
// المقبل), a week (اثنين الأسبوع الحالي), a date (الاثنين 18 شباط، الخميس
// الموافق 14 شباط) or a day of this month (السبت السادس عشر).
func (p *parser) weekdayDate(i int) (dres, bool) {
	dem := false
	j0 := i
	if p.in(i, demonstratives) {
		dem = true
		j0++
	}
	wd, j, trim, bare, ok := p.weekdayAt(j0)
	if !ok {
		return dres{}, false
	}
	if dem {
		trim = 0
	}
	if !p.refOK() {
		if bare {
			return dres{}, false
		}
		return dres{end: j, trim: trim, skip: "no reference date for a weekday"}, true
	}
	ref := p.refDay()
	r := dres{end: j, trim: trim, weekday: true}
	// The week it falls in: الاثنين من هذا الأسبوع، احد الأسبوع الماضي.
	k := j
	if p.w(k) == "من" {
		k++
	}
	weekDem := false
	if p.in(k, demonstratives) {
		weekDem = true
		k++
	}
	if unitWords[p.w(k)] == gWeek {
		q, hasQ := qualifierAt(p, k+1)
		switch {
		case weekDem:
			q, hasQ = 0, true
			k++
		case hasQ:
			k += 2
		}
		if hasQ {
			monday := truncate(ref, gWeek).AddDate(0, 0, 7*q)
			off := (int(wd) + 6) % 7
			r.pt = point{t: monday.AddDate(0, 0, off), g: gDay}
			r.end = k
			return r, true
		}
	}
	if dem {
		monday := truncate(ref, gWeek)
		r.pt = point{t: monday.AddDate(0, 0, (int(wd)+6)%7), g: gDay}
		return r, true
	}
	// A qualifier: الخميس المقبل، يوم الثلاثاء السابق.
	if q, ok := qualifierAt(p, j); ok {
		r.end = j + 1
		r.pt = point{t: nearestWeekday(ref, wd, q), g: gDay}
		return r, true
	}
	// A date after it.
	k = j
	if p.w(k) == "،" || p.w(k) == "," {
		k++
	}
	if p.w(k) == "الموافق" || p.w(k) == "في" {
		k++
	}
	if d, ok := p.absDate(k); ok {
		r.end = d.end
		if d.skip != "" {
			r.skip = d.skip
			return r, true
		}
		r.pt = d.pt
		if d.pt.t.Weekday() != wd {
			if d.yearGiven {
				r.skip = fmt.Sprintf("%s is a %s, not a %s", d.pt.t.Format("2006-01-02"), d.pt.t.Weekday(), wd)
				return r, true
			}
			// The year is not written: the nearest year where the weekday agrees.
			t, ok := agreeingYear(d.pt.t, wd)
			if !ok {
				r.skip = fmt.Sprintf("%s is a %s, not a %s", d.pt.t.Format("2006-01-02"), d.pt.t.Weekday(), wd)
				return r, true
			}
			r.pt.t = t
		}
		return r, true
	}
	if d, ok := p.numericDate(k); ok && d.skip == "" && d.pt.g == gDay {
		r.end, r.pt = d.end, d.pt
		if !d.yearGiven && d.pt.t.Weekday() != wd {
			if t, ok := agreeingYear(d.pt.t, wd); ok {
				r.pt.t = t
			}
		}
		return r, true
	}
	// A day of the month alone: السبت السادس عشر.
	if d, end, ok := p.dayAt(j); ok && p.toks[j].Kind == arabic.Word && strings.HasPrefix(p.w(j), "ال") {
		for back := 0; back < 3; back++ {
			mt := time.Date(ref.Year(), ref.Month()-time.Month(back), 1, 0, 0, 0, 0, ref.Location())
			if d > calendar.GregorianMonthDays(mt.Year(), int(mt.Month())) {
				continue
			}
			t := mt.AddDate(0, 0, d-1)
			if t.Weekday() == wd {
				r.end, r.pt = end, point{t: t, g: gDay}
				return r, true
			}
		}
	}
	if bare || wd == time.Monday && p.w(j0) != "يوم" && p.theTwo(j0) {
		return dres{}, false
	}
	// A bare weekday: today when it is today, else the nearest past one,
	// or the next one when a future verb governs it.
	switch {
	case wd == ref.Weekday():
		r.pt = point{t: ref, g: gDay}
	case p.futureCue(i):
		r.pt = point{t: nearestWeekday(ref, wd, 1), g: gDay}
	default:
		r.pt = point{t: nearestWeekday(ref, wd, -1), g: gDay}
	}
	return r, true
}

// theTwo reports whether الاثنين at i means "the two", not Monday: بين
// الاثنين، مع الاثنين، الاثنين معا. Between two days (بين الاثنين والثلاثاء)
// it is a day.
func (p *parser) theTwo(i int) bool {
	switch p.w(i + 1) {
	case "معا", "منهما", "كليهما", "كلاهما":
		return true
	}
	switch p.w(i - 1) {
	case "بين", "وبين", "مع", "ومع", "كلا", "لكلا", "احد":
		_, day := p.weekdayOf(i + 1)
		return !day
	}
	return false
}

// nearestWeekday returns the day named wd: q < 0 the last one before ref
// (strictly), q > 0 the next one after ref (strictly); q == -1 from a bare
// weekday means on or before ref.
func nearestWeekday(ref time.Time, wd time.Weekday, q int) time.Time {
	diff := int(wd) - int(ref.Weekday())
	switch {
	case q > 0:
		if diff <= 0 {
			diff += 7
		}
	default:
		if diff >= 0 {
			diff -= 7
		}
	}
	return ref.AddDate(0, 0, diff)
}

// agreeingYear moves t by up to two years either way (nearest first) to a
// year in which its day falls on wd.
func agreeingYear(t time.Time, wd time.Weekday) (time.Time, bool) {
	for _, dy := range []int{1, -1, 2, -2} {
		c := t.AddDate(dy, 0, 0)
		if c.Day() == t.Day() && c.Weekday() == wd {
			return c, true
		}
	}
	return t, false
}

// absDate reads a day of a month: 15 كانون الثاني 2022، السادس من الشهر
// الجاري، الأول من شهر شباط، في أول شباط، يوليو 13، اليوم الثالث من أكتوبر.
func (p *parser) absDate(i int) (dres, bool) {
	j := i
	lead := false
	if p.w(j) == "اليوم" {
		j++
		lead = true
	}
	var d, k int
	var ok bool
	if w := p.w(j); w == "اول" || w == "باول" || w == "واول" {
		d, k, ok = 1, j+1, true
	} else {
		d, k, ok = p.dayAt(j)
	}
	if ok {
		// ثالث يوم من شهر عشرة
		if p.w(k) == "يوم" && !lead {
			k++
		}
		if p.w(k) == "من" || p.w(k) == "في" || p.w(k) == "ب" {
			k++
		}
		if strings.HasPrefix(p.w(k), "و") {
			return dres{}, false // كانون الثاني ومارس: a list of months, not a day
		}
		if m, ok := p.monthRef(k); ok {
			return p.resolveDay(i, d, m), true
		}
		return dres{}, false
	}
	if lead {
		return dres{}, false
	}
	// Month first: يوليو 13، تموز 13.
	m, ok := p.monthRef(i)
	if !ok || !m.named || m.yearGiven || m.skip != "" {
		return dres{}, false
	}
	if j := m.end; j < len(p.toks) && p.toks[j].Kind == arabic.Number {
		if d, end, ok := p.dayAt(j); ok {
			m.end = end
			if y, _, yend, skip, ok := p.yearAt(end, true); ok && skip == "" {
				m.y, m.yearGiven, m.end = y, true, yend
			}
			return p.resolveDay(i, d, m), true
		}
	}
	return dres{}, false
}

// resolveDay makes day d of month reference m a date, or a skip.
func (p *parser) resolveDay(i, d int, m mref) dres {
	r := dres{end: m.end, yearGiven: m.yearGiven}
	if m.skip != "" {
		r.skip = m.skip
		return r
	}
	if err := calendar.CheckDate(m.sys, m.y, m.m, d); err != nil {
		r.skip = err.Error()
		return r
	}
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	if m.sys == calendar.Hijri {
		t, err := calendar.HijriToGregorian(m.y, m.m, d)
		if err != nil {
			r.skip = err.Error()
			return r
		}
		r.pt = point{t: day(t.Year(), int(t.Month()), t.Day(), loc), g: gDay}
		return r
	}
	r.pt = point{t: day(m.y, m.m, d, loc), g: gDay}
	return r
}

// monthOnly reads a month with its year or a cue: جانفي 2020، شهر رمضان،
// الشهر الماضي is relUnit's.
func (p *parser) monthOnly(i int) (dres, bool) {
	j := i
	cue := false
	if w := p.w(j); w == "في" || w == "منذ" || w == "خلال" || w == "حتي" {
		cue = true
		j++
	}
	m, ok := p.monthRef(j)
	if !ok || !m.named {
		return dres{}, false
	}
	if m.skip != "" {
		return dres{end: m.end, skip: m.skip}, true
	}
	// كانون الثاني، تشرين الأول: a two-word name is a month on its own.
	twoWords := false
	if mn, ok := p.monthNameAt(j); ok && mn.n >= 2 && p.toks[j+1].Kind == arabic.Word {
		twoWords = true
	}
	if !m.cued && !twoWords && !(cue && !ambiguousMonth[p.w(j)]) {
		return dres{}, false
	}
	lead := j - i // the cue word is context, not part of the span
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	// The span starts at the month, not at the cue word.
	if m.sys == calendar.Hijri {
		start, err := calendar.HijriToGregorian(m.y, m.m, 1)
		if err != nil {
			return dres{end: m.end, skip: err.Error()}, true
		}
		n := calendar.HijriMonthDays(m.y, m.m)
		end := start.AddDate(0, 0, n)
		s := day(start.Year(), int(start.Month()), start.Day(), loc)
		return dres{pt: point{t: s, g: gMonth}, end: m.end, lead: lead, from: s.Format("2006-01-02"), to: end.Format("2006-01-02")}, true
	}
	return dres{pt: point{t: day(m.y, m.m, 1, loc), g: gMonth}, end: m.end, lead: lead}, true
}

// bareYear reports whether four digits alone at i read as a year: 1900
// to a few years after the reference, not after a word that counts
// (حوالي، أكثر من، عدد), and not before a noun they would count: a year
// ends its phrase (حرب 1967، انتخابات 2020، في نكبة 1948.), a count comes
// before its noun (2000 جندي).
func (p *parser) bareYear(i int) bool {
	if i >= len(p.toks) || p.toks[i].Kind != arabic.Number || utf8.RuneCountInString(p.toks[i].Text) != 4 || p.adjacentPunct(i) {
		return false
	}
	y, ok := atoi(p.toks[i].Text)
	top := 2035
	if p.refOK() {
		top = p.ref.Year() + 5
	}
	if !ok || y < 1900 || y > top {
		return false
	}
	if i == 0 || p.toks[i-1].Kind != arabic.Word && p.w(i-1) != "(" || countWords[p.w(i-1)] || p.w(i-1) == "من" && countWords[p.w(i-2)] {
		return false // a year follows the noun it dates
	}
	if i+1 >= len(p.toks) {
		return true
	}
	switch next := p.toks[i+1]; next.Kind {
	case arabic.Punct, arabic.Number:
		return next.Text != "%" && next.Text != "٪"
	case arabic.Word:
		w := p.w(i + 1)
		return afterYear[w] || strings.HasPrefix(w, "و") && !number.IsWord(w)
	}
	return false
}

// countWords before a number make it a count: حوالي 2000، عدد 1950.
var countWords = set("حوالي", "نحو", "قرابة", "زهاء", "يقارب", "يناهز", "أكثر", "أقل", "عدد", "بلغ", "بلغت", "مجموع", "إجمالي", "رقم")

// afterYear are words that follow a year rather than a counted noun.
var afterYear = set("في", "من", "على", "إلى", "حتى", "عندما", "حين", "حيث", "بعد", "قبل", "مع", "ثم", "أو", "التي", "الذي",
	"ضد", "بين", "لكن", "إذ", "عن", "كما", "وفق", "خلال", "م", "هـ")

// yearCues are words after which four digits are a year: في 1948.
var yearCues = set("في", "منذ", "حتى", "قبل", "بعد", "خلال", "لغاية", "وفي", "ومنذ", "وحتى", "بتاريخ", "تاريخ", "عامي")

// ambiguousMonth are month names that are common words too.
var ambiguousMonth = set("مارس", "ماي", "آب", "اب", "صفر", "محرم", "رجب")

// yearOnly reads عام 2022، سنة 1444هـ، 2022م.
func (p *parser) yearOnly(i int) (dres, bool) {
	lead := 0
	y, sys, end, skip, ok := p.yearAt(i, false)
	if !ok && yearCues[p.w(i)] {
		// في 1948، منذ 2011: a bare four-digit year after a cue, 1000-2199.
		if i+1 < len(p.toks) && (p.toks[i+1].Kind == arabic.Number || p.w(i+1) == "(") {
			y, sys, end, skip, ok = p.yearAt(i+1, true)
			ok = ok && y >= 1000 && y < 2200
			lead = 1
		}
	}
	if !ok && p.bareYear(i) {
		y, sys, end, skip, ok = p.yearAt(i, true)
	}
	if !ok {
		return dres{}, false
	}
	if skip != "" {
		return dres{end: end, skip: skip}, true
	}
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	if sys == calendar.Hijri {
		s, err := calendar.HijriToGregorian(y, 1, 1)
		if err != nil {
			return dres{end: end, skip: err.Error()}, true
		}
		e, err := calendar.HijriToGregorian(y+1, 1, 1)
		if err != nil {
			return dres{end: end, skip: err.Error()}, true
		}
		return dres{pt: point{t: s, g: gYear}, end: end, lead: lead, from: s.Format("2006-01-02"), to: e.Format("2006-01-02")}, true
	}
	return dres{pt: point{t: day(y, 1, 1, loc), g: gYear}, end: end, lead: lead}, true
}

// numericDate reads 12/1/2022 (day first), 2022-01-15, 12.1.2022, 2/2013
// (month/year) and d/m when a weekday or في stands before it.
func (p *parser) numericDate(i int) (dres, bool) {
	if i >= len(p.toks) || p.toks[i].Kind != arabic.Number {
		return dres{}, false
	}
	var parts []string
	end := i
	if strings.ContainsAny(p.toks[i].Text, ".") && strings.Count(p.toks[i].Text, ".") == 2 {
		parts = strings.Split(p.toks[i].Text, ".")
		end = i + 1
	} else {
		parts = []string{p.toks[i].Text}
		k := i
		sep := ""
		spaced := false
		for len(parts) < 3 && k+2 < len(p.toks) &&
			p.toks[k+1].Kind == arabic.Punct && (p.toks[k+1].Text == "/" || p.toks[k+1].Text == "-") && p.toks[k+2].Kind == arabic.Number {
			if p.toks[k].End != p.toks[k+1].Start || p.toks[k+1].End != p.toks[k+2].Start {
				spaced = true
			}
			if sep != "" && p.toks[k+1].Text != sep {
				break
			}
			sep = p.toks[k+1].Text
			parts = append(parts, p.toks[k+2].Text)
			k += 2
		}
		end = k + 1
		// 15 / 1 / 1959: spaced separators only in a full date with a
		// four-digit year.
		if spaced && (len(parts) != 3 || utf8.RuneCountInString(parts[2]) != 4 && utf8.RuneCountInString(parts[0]) != 4) {
			return dres{}, false
		}
	}
	if len(parts) < 2 {
		return dres{}, false
	}
	nums := make([]int, len(parts))
	width := make([]int, len(parts)) // digits in each part
	for k, s := range parts {
		width[k] = utf8.RuneCountInString(s)
		n, ok := atoi(s)
		if !ok {
			return dres{}, false
		}
		nums[k] = n
	}
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	r := dres{end: end}
	bad := func(why string) (dres, bool) {
		r.skip = why
		return r, true
	}
	var y, m, d int
	switch {
	case len(nums) == 3 && width[0] == 4:
		y, m, d = nums[0], nums[1], nums[2]
	case len(nums) == 3:
		d, m, y = nums[0], nums[1], nums[2]
		if width[2] == 2 {
			y += 2000
			if y > p.ref.Year()+10 {
				y -= 100
			}
		} else if width[2] != 4 {
			return dres{}, false
		}
		if m > 12 && d <= 12 {
			return bad(fmt.Sprintf("%s is not day first: month %d does not exist", strings.Join(parts, "/"), m))
		}
	case len(nums) == 2 && width[0] == 4 && width[1] == 4 && nums[1] > nums[0] && sepOf(p, i) == "-":
		// 2005-2006: a span of years.
		r.pt = point{t: day(nums[0], 1, 1, loc), g: gYear}
		r.from, r.to = r.pt.value(), fmt.Sprintf("%04d", nums[1]+1)
		return r, true
	case len(nums) == 2 && width[0] <= 2 && width[1] == 4 && nums[1] >= 1000:
		m, y = nums[0], nums[1]
		if m < 1 || m > 12 {
			return bad(fmt.Sprintf("month %d does not exist", m))
		}
		r.pt = point{t: day(y, m, 1, loc), g: gMonth}
		return r, true
	case len(nums) == 2:
		// d/m needs a cue that it is a date.
		prev := p.w(i - 1)
		_, isWD := calendar.Weekday(prev)
		if !isWD && prev != "في" && prev != "يوم" && prev != "بتاريخ" && prev != "تاريخ" {
			return dres{}, false
		}
		if !p.refOK() {
			return bad("no reference year for a day and month")
		}
		d, m, y = nums[0], nums[1], p.ref.Year()
	default:
		return dres{}, false
	}
	if err := calendar.CheckDate(calendar.Gregorian, y, m, d); err != nil {
		return bad(err.Error())
	}
	r.pt = point{t: day(y, m, d, loc), g: gDay}
	return r, true
}

// sepOf returns the separator after the number token at i.
func sepOf(p *parser, i int) string { return p.w(i + 1) }

// atoi reads plain digits of any script.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 24 {
		return 0, false
	}
	n := 0
	count := 0
	for _, r := range s {
		var v int
		switch {
		case r >= '0' && r <= '9':
			v = int(r - '0')
		case r >= '٠' && r <= '٩':
			v = int(r - '٠')
		case r >= '۰' && r <= '۹':
			v = int(r - '۰')
		default:
			return 0, false
		}
		count++
		if count > 6 {
			return 0, false
		}
		n = n*10 + v
	}
	return n, true
}

// nthWeekday reads the n-th or last weekday of a month: أول ثلاثاء من شهر
// عشرة، الاثنين الأخير من شهر آذار، ثالث ثلاثاء في أيلول 2014.
func (p *parser) nthWeekday(i int) (dres, bool) {
	j := i
	n := 0
	if w := p.w(j); w == "اخر" || w == "آخر" {
		n = -1
		j++
	} else if v, _, end, ok := p.intAt(j, 1, 5); ok && p.toks[j].Kind == arabic.Word && !strings.HasPrefix(p.w(j), "ال") {
		n = v
		j = end
	}
	if p.w(j) == "يوم" && n != 0 {
		j++
	}
	wd, k, _, _, ok := p.weekdayAt(j)
	if !ok {
		return dres{}, false
	}
	if n > 0 && p.w(k) == "بعد" {
		return p.weekdayAfter(k+1, wd, n)
	}
	if n == 0 {
		switch w := p.w(k); w {
		case "الاخير", "الاخيره":
			n = -1
			k++
		default:
			v, ord, end, ok := p.intAt(k, 1, 5)
			if !ok || !ord {
				return dres{}, false
			}
			n, k = v, end
		}
	}
	if w := p.w(k); w == "من" || w == "في" || w == "ب" {
		k++
	}
	m, ok := p.monthRef(k)
	if !ok {
		return dres{}, false
	}
	if m.skip != "" || m.sys != calendar.Gregorian {
		return dres{end: m.end, skip: m.skip}, m.skip != ""
	}
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	var t time.Time
	if n > 0 {
		first := day(m.y, m.m, 1, loc)
		off := (int(wd) - int(first.Weekday()) + 7) % 7
		t = first.AddDate(0, 0, off+7*(n-1))
	} else {
		last := day(m.y, m.m+1, 0, loc)
		off := (int(last.Weekday()) - int(wd) + 7) % 7
		t = last.AddDate(0, 0, -off)
	}
	if int(t.Month()) != m.m {
		return dres{end: m.end, skip: fmt.Sprintf("month %d of %d has no weekday number %d", m.m, m.y, n)}, true
	}
	return dres{pt: point{t: t, g: gDay}, end: m.end}, true
}

// weekdayAfter resolves the n-th weekday wd after the date at i: ثالث
// ثلاثاء بعد عيد الميلاد 2014.
func (p *parser) weekdayAfter(i int, wd time.Weekday, n int) (dres, bool) {
	var base time.Time
	end := 0
	if h, ok := p.holiday(i); ok && h.skip == "" {
		t, err := time.Parse("2006-01-02", h.value)
		if err != nil {
			return dres{}, false
		}
		base, end = t, h.last
	} else if d, ok := p.dateAt(i); ok && d.skip == "" && d.pt.g == gDay {
		base, end = d.pt.t, d.end
	} else {
		return dres{}, false
	}
	diff := (int(wd) - int(base.Weekday()) + 7) % 7
	if diff == 0 {
		diff = 7
	}
	return dres{pt: point{t: base.AddDate(0, 0, diff+7*(n-1)), g: gDay}, end: end}, true
}

// monthPart reads a week or a first or last day of a month: أول أسبوع من
// أكتوبر، الأسبوع الأخير في أيلول، آخر يوم من شهر عشرة، اليوم الأخير من
// شهر عشرة. Weeks run Monday to Sunday and count when wholly in the month.
func (p *parser) monthPart(i int) (dres, bool) {
	j := i
	n := 0
	unit := ""
	switch w := p.w(j); w {
	case "اول", "اخر":
		n = 1
		if w == "اخر" {
			n = -1
		}
		switch p.w(j + 1) {
		case "اسبوع":
			unit = "week"
		case "يوم":
			unit = "day"
		default:
			return dres{}, false
		}
		j += 2
	case "الاسبوع", "اليوم":
		unit = "week"
		if w == "اليوم" {
			unit = "day"
		}
		switch p.w(j + 1) {
		case "الاخير":
			n = -1
			j += 2
		default:
			v, ord, end, ok := p.intAt(j+1, 1, 5)
			if !ok || !ord || unit == "day" {
				return dres{}, false
			}
			n, j = v, end
		}
	default:
		if v, ord, end, ok := p.intAt(j, 1, 5); ok && ord && p.w(end) == "اسبوع" {
			n, j, unit = v, end+1, "week"
		} else {
			return dres{}, false
		}
	}
	if w := p.w(j); w == "من" || w == "في" || w == "ب" {
		j++
	}
	m, ok := p.monthRef(j)
	if !ok || m.sys != calendar.Gregorian {
		return dres{}, false
	}
	if m.skip != "" {
		return dres{end: m.end, skip: m.skip}, true
	}
	loc := time.UTC
	if p.refOK() {
		loc = p.ref.Location()
	}
	first, last := day(m.y, m.m, 1, loc), day(m.y, m.m+1, 0, loc)
	if unit == "day" {
		t := first
		if n < 0 {
			t = last
		}
		return dres{pt: point{t: t, g: gDay}, end: m.end}, true
	}
	var t time.Time
	if n > 0 {
		monday := first.AddDate(0, 0, (8-int(first.Weekday()))%7)
		t = monday.AddDate(0, 0, 7*(n-1))
		if t.AddDate(0, 0, 6).After(last) {
			return dres{end: m.end, skip: "the month has no such week"}, true
		}
	} else {
		sunday := last.AddDate(0, 0, -int(last.Weekday()))
		t = sunday.AddDate(0, 0, -6)
	}
	return dres{pt: point{t: t, g: gWeek}, end: m.end}, true
}
