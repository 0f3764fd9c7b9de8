package timex

import (
	"fmt"
	"strconv"
	"time"
)

// grain is the precision of a resolved time.
type grain int

const (
	gSecond grain = iota + 1
	gMinute
	gHour
	gPartOfDay
	gDay
	gWeek
	gMonth
	gYear
	gDecade
	gCentury
)

// point is a resolved time at a grain.
type point struct {
	t   time.Time
	g   grain
	pod string // part of day code when g is gPartOfDay
}

// value formats p as a TIMEX3 value.
func (p point) value() string {
	t := p.t
	switch p.g {
	case gSecond:
		return t.Format("2006-01-02T15:04:05")
	case gMinute:
		return t.Format("2006-01-02T15:04")
	case gHour:
		return t.Format("2006-01-02T15")
	case gPartOfDay:
		return t.Format("2006-01-02T") + p.pod
	case gDay:
		return t.Format("2006-01-02")
	case gWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case gMonth:
		return t.Format("2006-01")
	case gYear:
		return fmt.Sprintf("%04d", t.Year())
	case gDecade:
		return strconv.Itoa(t.Year() / 10)
	case gCentury:
		return strconv.Itoa(t.Year() / 100)
	}
	return ""
}

// day returns midnight of y-m-d in loc.
func day(y, m, d int, loc *time.Location) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
}

// truncate returns the start of the grain period containing t.
func truncate(t time.Time, g grain) time.Time {
	y, m, d := t.Date()
	loc := t.Location()
	switch g {
	case gSecond:
		return t.Truncate(time.Second)
	case gMinute:
		return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, loc)
	case gHour:
		return time.Date(y, m, d, t.Hour(), 0, 0, 0, loc)
	case gDay, gPartOfDay:
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	case gWeek:
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return time.Date(y, m, d-wd, 0, 0, 0, 0, loc)
	case gMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, loc)
	case gYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	case gDecade:
		return time.Date(y-y%10, 1, 1, 0, 0, 0, 0, loc)
	case gCentury:
		return time.Date(y-y%100, 1, 1, 0, 0, 0, 0, loc)
	}
	return t
}

// add moves t by n units of grain g.
func add(t time.Time, g grain, n int) time.Time {
	switch g {
	case gSecond:
		return t.Add(time.Duration(n) * time.Second)
	case gMinute:
		return t.Add(time.Duration(n) * time.Minute)
	case gHour:
		return t.Add(time.Duration(n) * time.Hour)
	case gDay, gPartOfDay:
		return t.AddDate(0, 0, n)
	case gWeek:
		return t.AddDate(0, 0, 7*n)
	case gMonth:
		return t.AddDate(0, n, 0)
	case gYear:
		return t.AddDate(n, 0, 0)
	case gDecade:
		return t.AddDate(10*n, 0, 0)
	case gCentury:
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

// durationValue formats n units as a TIMEX3 duration: P2D, PT30M, P1.5Y.
func durationValue(n float64, unit string) string {
	num := strconv.FormatFloat(n, 'f', -1, 64)
	switch unit {
	case "H", "S":
		return "PT" + num + unit
	case "MIN":
		return "PT" + num + "M"
	case "DE":
		return "P" + strconv.FormatFloat(10*n, 'f', -1, 64) + "Y"
	case "CE":
		return "P" + strconv.FormatFloat(100*n, 'f', -1, 64) + "Y"
	}
	return "P" + num + unit
}

// unitGrain returns the grain of a duration unit.
func unitGrain(unit string) grain {
	switch unit {
	case "S":
		return gSecond
	case "MIN":
		return gMinute
	case "H":
		return gHour
	case "D":
		return gDay
	case "W":
		return gWeek
	case "M":
		return gMonth
	case "Y":
		return gYear
	case "DE":
		return gDecade
	}
	return gCentury
}
