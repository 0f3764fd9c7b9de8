package timex

import (
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/number"
)

// tres is a time of day read at some token.
type tres struct {
	pt       point
	end      int
	trim     int
	skip     string
	mod      string
	from, to string
	hasPOD   bool // a part of day (صباحا، مساء) was written
}

// zones maps folded zone names after بتوقيت to their UTC offset in hours.
var zones = map[string]int{"gmt": 0, "utc": 0, "غرينتش": 0, "جرينتش": 0, "غرينيتش": 0}

// clock reads an hour with its minutes at i: 13:02، 3، ثلاثة، الثالثة،
// الثالثة وربع، 12 إلا ربعا، الرابعة وثلاث وعشرون دقيقة. word reports an
// hour written in words, colon minutes written after a colon.
func (p *parser) clock(i int) (h, m, s, g int, end int, word, colon bool, ok bool) {
	if i >= len(p.toks) {
		return 0, 0, 0, 0, 0, false, false, false
	}
	t := p.toks[i]
	g = int(gHour)
	if t.Kind == arabic.Number {
		hh, ok := atoi(t.Text)
		if !ok || hh > 24 || utf8.RuneCountInString(t.Text) > 2 {
			return 0, 0, 0, 0, 0, false, false, false
		}
		h, end = hh, i+1
		if p.w(end) == ":" && p.adjacent(end-1) && p.adjacent(end) && end+1 < len(p.toks) && p.toks[end+1].Kind == arabic.Number {
			mm, ok := atoi(p.toks[end+1].Text)
			if !ok || mm > 59 || utf8.RuneCountInString(p.toks[end+1].Text) != 2 {
				return 0, 0, 0, 0, 0, false, false, false
			}
			m, end, g = mm, end+2, int(gMinute)
			if p.w(end) == ":" && p.adjacent(end-1) && p.adjacent(end) && end+1 < len(p.toks) && p.toks[end+1].Kind == arabic.Number {
				ss, ok := atoi(p.toks[end+1].Text)
				if ok && ss <= 59 && utf8.RuneCountInString(p.toks[end+1].Text) == 2 {
					s, end, g = ss, end+2, int(gSecond)
				}
			}
			return h, m, s, g, end, false, true, true
		}
	} else {
		if t.Kind != arabic.Word {
			return 0, 0, 0, 0, 0, false, false, false
		}
		hh, _, e, ok := p.intAt(i, 1, 12)
		if !ok {
			// الرابعة وأربعون دقيقة: the hour is the first word alone.
			m, found := number.NewReader(p.toks[i : i+1]).At(0)
			if !found || m.Reject != "" || m.Value < 1 || m.Value > 12 || m.Value != float64(int(m.Value)) {
				return 0, 0, 0, 0, 0, false, false, false
			}
			hh, e, ok = int(m.Value), i+1, true
		}
		h, end, word = hh, e, true
	}
	// Minutes in words: وربع، ونصف، وثلث، إلا ربعا، و18 دقيقة، وخمس وأربعون دقيقة.
	k := end
	sign := 0
	w := p.w(k)
	switch {
	case w == "الا" || w == "إلا":
		sign, k = -1, k+1
	case w == "و":
		sign, k = 1, k+1
	case strings.HasPrefix(w, "و") && len(w) > 2:
		sign = 1
	}
	if sign != 0 {
		base := p.w(k)
		if sign > 0 && strings.HasPrefix(base, "و") && k == end {
			base = base[2:]
		}
		switch base {
		case "ربع", "ربعا":
			return h, sign * 15, 0, int(gMinute), k + 1, word, false, true
		case "ثلث", "ثلثا":
			return h, sign * 20, 0, int(gMinute), k + 1, word, false, true
		case "نصف", "النصف", "نص":
			if sign > 0 {
				return h, 30, 0, int(gMinute), k + 1, word, false, true
			}
		}
		if mm, ord, e, ok := p.intAt(k, 1, 59); ok && !ord {
			if u := p.w(e); u == "دقيقه" || u == "دقايق" || u == "دقيقتين" {
				return h, sign * mm, 0, int(gMinute), e + 1, word, false, true
			}
			if p.toks[k].Kind == arabic.Number && sign > 0 {
				return h, mm, 0, int(gMinute), e, word, false, true
			}
		}
	}
	return h, 0, 0, g, end, word, false, true
}

func (p *parser) adjacent(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].End == p.toks[i+1].Start
}

// timeAt reads a time of day at i on the given day (the reference day when
// zero): الساعة 13:02، الساعة الثالثة عصرا، 3:18 صباحا، عند الثالثة فجرا.
func (p *parser) timeAt(i int, on time.Time) (tres, bool) {
	if on.IsZero() {
		return memoize(&p.times, len(p.toks), i, func(i int) (tres, bool) { return p.timeOn(i, on) })
	}
	return p.timeOn(i, on)
}

// timeOn is timeAt without the memo.
func (p *parser) timeOn(i int, on time.Time) (tres, bool) {
	j := i
	r := tres{}
	if _, n, _, ok := match(p, j, durationMods); ok {
		if m, _, _, _ := match(p, j, durationMods); m == Approx {
			r.mod = Approx
			j += n
		}
	}
	cue := false
	switch p.w(j) {
	case "عند", "في", "بعد", "قبل":
		if p.w(j+1) == "الساعه" || p.w(j) == "عند" {
			cue = p.w(j) == "عند"
			j++
		}
	}
	saa := false
	if w := p.w(j); w == "الساعه" || w == "والساعه" || w == "بالساعه" {
		saa = true
		j++
	}
	h, m, s, g, end, word, colon, ok := p.clock(j)
	if !ok {
		return tres{}, false
	}
	// Without الساعة, digits need a colon, and words a part of day or عند.
	k := end
	pod, n, _, hasPOD := match(p, k, partsOfDay)
	if hasPOD {
		k += n
	}
	if !saa {
		switch {
		case !word && colon:
		case word && (hasPOD || cue) && p.toks[j].Kind == arabic.Word && strings.HasPrefix(p.w(j), "ال"):
		default:
			return tres{}, false
		}
	}
	// بتوقيت غرينتش
	zone, hasZone := 0, false
	if p.w(k) == "بتوقيت" {
		if z, ok := zones[p.w(k+1)]; ok {
			zone, hasZone = z, true
			k += 2
		}
	}
	switch {
	case hasPOD && pod.pm > 0 && h < 12:
		h += 12
	case hasPOD && pod.pm == 0 && pod.code == "MI" && h <= 6:
		h += 12
	case hasPOD && pod.pm < 0 && h == 12 && m >= 0:
		h = 0
	case !hasPOD && h >= 1 && h <= 6 && grain(g) >= gMinute && !strings.HasPrefix(p.toks[j].Text, "0"):
		// An hour alone, in daytime news: 3 is 15:00.
		h += 12
	}
	if h == 24 {
		h = 0
	}
	r.end = k
	if !p.refOK() && on.IsZero() {
		r.skip = "no reference date for a time of day"
		return r, true
	}
	if on.IsZero() {
		on = p.refDay()
	}
	t := time.Date(on.Year(), on.Month(), on.Day(), h, 0, s, 0, on.Location()).Add(time.Duration(m) * time.Minute)
	if hasZone {
		_, off := on.Zone()
		t = t.Add(time.Duration(off)*time.Second - time.Duration(zone)*time.Hour)
		if grain(g) > gMinute {
			g = int(gMinute)
		}
	}
	r.pt = point{t: t, g: grain(g)}
	r.hasPOD = hasPOD
	return r, true
}

// podDate reads a part of day with its day: مساء اليوم، صباح الخميس،
// ليلة أمس; and الليلة / هذه الليلة alone (this evening), or الليلة الماضية
// (last night).
func (p *parser) podDate(i int) (expr, bool) {
	pod, n, trim, ok := match(p, i, partsOfDay)
	if !ok {
		return expr{}, false
	}
	j := i + n
	if pod.code == "NI" && p.w(i+n-1) == "الليله" {
		// الليلة، هذه الليلة: tonight.
		if !p.refOK() {
			return expr{first: i, last: j, skip: "no reference date for tonight"}, true
		}
		d := p.refDay()
		// الليلة الماضية: last night, the night of the day before.
		if q, ok := qualifierAt(p, j); ok && q < 0 {
			d = d.AddDate(0, 0, -1)
			j++
		}
		return expr{typ: Time, value: point{t: d, g: gPartOfDay, pod: "NI"}.value(), first: i, last: j, trim: trim,
			from: d.Add(18 * time.Hour).Format("2006-01-02T15"), to: d.AddDate(0, 0, 1).Format("2006-01-02T15")}, true
	}
	if strings.HasPrefix(p.w(i), "ال") || p.w(i) == "صباحا" || p.w(i) == "مساءا" || p.w(i) == "مساء" && !p.isDayWord(j) {
		return expr{}, false
	}
	d, ok := p.dateAt(j)
	if !ok || d.pt.g != gDay {
		return expr{}, false
	}
	if d.skip != "" {
		return expr{first: i, last: d.end, skip: d.skip}, true
	}
	return expr{typ: Time, value: point{t: d.pt.t, g: gPartOfDay, pod: pod.code}.value(), first: i, last: d.end, trim: trim}, true
}

// isDayWord reports whether a day expression starts at i.
func (p *parser) isDayWord(i int) bool {
	d, ok := p.dateAt(i)
	return ok && d.pt.g == gDay
}

// untilTime reads حتى الساعة 2:00: from the reference moment to that time.
func (p *parser) untilTime(i int) (expr, bool) {
	if w := p.w(i); w != "حتي" && w != "لغايه" {
		return expr{}, false
	}
	tm, ok := p.timeAt(i+1, time.Time{})
	if !ok || tm.skip != "" || !p.refOK() {
		return expr{}, false
	}
	to := tm.pt.t
	if to.Before(p.ref) {
		to = to.AddDate(0, 0, 1)
	}
	return expr{typ: Time, value: tm.pt.value(), first: i, last: tm.end,
		from: p.ref.Format("2006-01-02T15:04:05"), to: to.Format("2006-01-02T15:04:05")}, true
}
