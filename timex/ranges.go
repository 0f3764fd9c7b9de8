package timex

import (
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/calendar"
)

// rangeDay reads a day of month that may be written next to a hyphen
// (13-15): digits alone, or words.
func (p *parser) rangeDay(i int) (int, int, bool) {
	if i < len(p.toks) && p.toks[i].Kind == arabic.Number {
		if utf8.RuneCountInString(p.toks[i].Text) > 2 {
			return 0, 0, false
		}
		d, ok := atoi(p.toks[i].Text)
		return d, i + 1, ok && d >= 1 && d <= 31
	}
	if i < len(p.toks) && p.toks[i].Kind == arabic.Word {
		return p.dayAt(i)
	}
	return 0, 0, false
}

// rangeSep reads the word between the ends of a range at i.
func (p *parser) rangeSep(i int, between bool) (int, bool) {
	switch p.w(i) {
	case "الي", "حتي", "لغايه", "ولغايه", "وحتي", "-", "–":
		return i + 1, true
	case "و":
		return i + 1, between
	}
	return 0, false
}

// interval reads a range: 13 إلى 15 تموز، من 13 تموز إلى 15 تموز، يوليو
// 13-15، من الساعة 3 إلى الساعة 4 بعد العصر.
func (p *parser) interval(i int) (expr, bool) {
	if !p.rangeAhead(i) {
		return expr{}, false
	}
	j := i
	between := false
	switch p.w(j) {
	case "من":
		j++
	case "بين":
		between = true
		j++
	}
	// A date, then a time range on it: الخميس من الساعة 9 حتى 11.
	var on time.Time
	if d, ok := p.dateAt(i); ok && d.skip == "" && d.pt.g == gDay {
		k := d.end
		if p.w(k) == "من" || p.w(k) == "بين" {
			between = p.w(k) == "بين"
			if e, ok := p.timeRange(i, k+1, between, d.pt.t); ok {
				return e, true
			}
		}
		on = d.pt.t
	}
	_ = on
	if e, ok := p.timeRange(i, j, between, time.Time{}); ok && j > i {
		return e, true
	}
	// Day range in one month: 13 إلى 15 تموز، من 1-8 شهر أيلول.
	if d1, k, ok := p.rangeDay(j); ok {
		if k2, ok := p.rangeSep(k, between); ok {
			if d2, k3, ok := p.rangeDay(k2); ok && d2 > d1 {
				m := k3
				if p.w(m) == "من" || p.w(m) == "في" {
					m++
				}
				if mr, ok := p.monthRef(m); ok {
					return p.dayRange(i, d1, d2, mr), true
				}
			}
		}
	}
	// Month first: يوليو 13-15، تموز 13 إلى 15.
	if mr, ok := p.monthRef(j); ok && mr.named && !mr.yearGiven {
		if d1, k, ok := p.rangeDay(mr.end); ok {
			if k2, ok := p.rangeSep(k, between); ok {
				if d2, k3, ok := p.rangeDay(k2); ok && d2 > d1 {
					mr.end = k3
					return p.dayRange(i, d1, d2, mr), true
				}
			}
		}
	}
	// Two dates: من 13 تموز إلى 15 تموز.
	if j > i {
		if a, ok := p.dateAt(j); ok && a.skip == "" {
			if k, ok := p.rangeSep(a.end, between); ok {
				if b, ok := p.dateAt(k); ok && b.skip == "" && b.pt.g == a.pt.g && b.pt.t.After(a.pt.t) {
					return expr{typ: Date, value: a.pt.value(), first: i, last: b.end,
						from: a.pt.value(), to: point{t: add(b.pt.t, b.pt.g, 1), g: b.pt.g}.value()}, true
				}
			}
		}
	}
	return expr{}, false
}

// rangeAhead reports whether a range word (إلى، حتى، -) follows within a
// few tokens: no range can start at i otherwise.
func (p *parser) rangeAhead(i int) bool {
	for k := i + 1; k < len(p.toks) && k <= i+10; k++ {
		switch p.w(k) {
		case "الي", "حتي", "لغايه", "ولغايه", "وحتي", "-", "–", "و":
			return true
		}
	}
	return false
}

// dayRange makes days d1-d2 of month m an interval.
func (p *parser) dayRange(i, d1, d2 int, m mref) expr {
	e := expr{typ: Date, first: i, last: m.end}
	if m.skip != "" {
		e.skip = m.skip
		return e
	}
	a := p.resolveDay(i, d1, m)
	b := p.resolveDay(i, d2, m)
	if a.skip != "" || b.skip != "" {
		e.skip = a.skip + b.skip
		return e
	}
	if m.sys == calendar.Hijri {
		e.skip = ""
	}
	e.value = a.pt.value()
	e.from, e.to = a.pt.value(), point{t: b.pt.t.AddDate(0, 0, 1), g: gDay}.value()
	return e
}

// timeRange reads [الساعة] A (إلى|حتى) [الساعة] B with a part of day after B
// applying to both.
func (p *parser) timeRange(i, j int, between bool, on time.Time) (expr, bool) {
	a, ok := p.timeAt(j, on)
	if !ok || a.skip != "" {
		return expr{}, false
	}
	k, ok := p.rangeSep(a.end, between)
	if !ok {
		return expr{}, false
	}
	b, ok := p.timeAt(k, on)
	if !ok || b.skip != "" {
		// B may be a bare number: من الساعة 3 حتى 5.
		return expr{}, false
	}
	at := a.pt.t
	if b.hasPOD && !a.hasPOD {
		switch {
		case b.pt.t.Hour() >= 12 && at.Hour() < 12:
			at = at.Add(12 * time.Hour)
		case b.pt.t.Hour() < 12 && at.Hour() >= 12:
			at = at.Add(-12 * time.Hour)
		}
	}
	g := a.pt.g
	if b.pt.g < g {
		g = b.pt.g
	}
	from := point{t: at, g: g}
	to := point{t: add(b.pt.t, g, 1), g: g}
	return expr{typ: Time, value: from.value(), first: i, last: b.end, from: from.value(), to: to.value()}, true
}

// period reads a modified month, year or unit: أوائل آذار، منتصف شهر
// مارس، أواخر العام الماضي، بداية شهر 3.
func (p *parser) period(i int) (expr, bool) {
	mod, n, trim, ok := match(p, i, periodMods)
	if !ok {
		return expr{}, false
	}
	j := i + n
	e := expr{typ: Date, mod: mod, first: i, trim: trim}
	if m, ok := p.monthRef(j); ok {
		e.last = m.end
		if m.skip != "" {
			e.skip = m.skip
			return e, true
		}
		if m.sys == calendar.Hijri {
			return expr{}, false
		}
		loc := time.UTC
		if p.refOK() {
			loc = p.ref.Location()
		}
		first := day(m.y, m.m, 1, loc)
		e.value = point{t: first, g: gMonth}.value()
		var a, b time.Time
		switch mod {
		case Start:
			a, b = first, first.AddDate(0, 0, 10)
		case Mid:
			a, b = first.AddDate(0, 0, 10), first.AddDate(0, 0, 20)
		default:
			a, b = first.AddDate(0, 0, 20), first.AddDate(0, 1, 0)
		}
		e.from, e.to = a.Format("2006-01-02"), b.Format("2006-01-02")
		return e, true
	}
	if u, ok := p.relUnit(j); ok && u.typ == Date {
		u.first, u.mod, u.trim = i, mod, trim
		return u, true
	}
	if d, ok := p.yearOnly(j); ok {
		e.last, e.skip, e.value = d.end, d.skip, d.pt.value()
		return e, true
	}
	switch p.w(j) {
	case "العام", "السنه":
		if p.refOK() {
			e.last, e.value = j+1, point{t: p.ref, g: gYear}.value()
			return e, true
		}
	}
	return expr{}, false
}
