package calendar

import (
	"fmt"
	"time"

	"github.com/hablullah/go-hijri"
)

// The Umm al-Qura table (through github.com/hablullah/go-hijri) covers the
// months from Muharram 1356 to Dhu al-Hijja 1500.
const (
	uqFirstYear = 1356
	uqLastYear  = 1500
)

// unixEpochJDN is the Julian day number of 1970-01-01.
const unixEpochJDN = 2440588

// civilEpochJDN is the Julian day number of 1 Muharram 1 AH in the
// arithmetic calendar (16 July 622 Julian).
const civilEpochJDN = 1948440

func jdnOf(t time.Time) int64 {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return floorDiv(d.Unix(), 86400) + unixEpochJDN
}

func timeOfJDN(jdn int64) time.Time {
	return time.Unix((jdn-unixEpochJDN)*86400, 0).UTC()
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// arithmeticJDN returns the Julian day number of a date in the arithmetic
// Islamic calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of
// each 30-year cycle).
func arithmeticJDN(y, m, d int) int64 {
	y64, m64 := int64(y), int64(m)
	return int64(d) + (59*(m64-1)+1)/2 + (y64-1)*354 + floorDiv(3+11*y64, 30) + civilEpochJDN - 1
}

func arithmeticLeap(y int) bool { return ((14+11*int64(y))%30+30)%30 < 11 }

func arithmeticMonthDays(y, m int) int {
	if m%2 == 1 || m == 12 && arithmeticLeap(y) {
		return 30
	}
	return 29
}

// inUmmAlQura reports whether the Umm al-Qura table covers the month.
func inUmmAlQura(y, m int) bool { return y >= uqFirstYear && y <= uqLastYear && m >= 1 && m <= 12 }

// uqMonthStart returns the Julian day number of the first day of an Umm
// al-Qura month; the month must be covered.
func uqMonthStart(y, m int) int64 {
	return jdnOf(hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: 1}.ToGregorian())
}

// monthStart returns the Julian day number of 1 m y AH and whether it came
// from the Umm al-Qura table.
func monthStart(y, m int) int64 {
	if inUmmAlQura(y, m) {
		return uqMonthStart(y, m)
	}
	return arithmeticJDN(y, m, 1)
}

// HijriMonthDays returns the number of days (29 or 30) of Hijri month m of
// year y: Umm al-Qura where its table covers the month, arithmetic elsewhere.
// It returns 0 when m is not 1-12.
func HijriMonthDays(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	if inUmmAlQura(y, m) { // the table also holds the start of Muharram 1501
		ny, nm := y, m+1
		if nm > 12 {
			ny, nm = y+1, 1
		}
		return int(uqMonthStart(ny, nm) - uqMonthStart(y, m))
	}
	return arithmeticMonthDays(y, m)
}

// GregorianMonthDays returns the number of days of month m of year y, or 0
// when m is not 1-12.
func GregorianMonthDays(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// CheckDate reports whether day d of month m of year y exists in the given
// system, and if not, why: "31 February 2022: February 2022 has 28 days".
// Years outside 1-9999 (Gregorian) or 1-9666 (Hijri) are rejected.
func CheckDate(sys System, y, m, d int) error {
	var name string
	var days int
	switch sys {
	case Gregorian:
		if y < 1 || y > 9999 {
			return fmt.Errorf("year %d is out of range 1-9999", y)
		}
		if m < 1 || m > 12 {
			return fmt.Errorf("month %d does not exist (1-12)", m)
		}
		name, days = gregorianNames[m], GregorianMonthDays(y, m)
	case Hijri:
		if y < 1 || y > 9666 {
			return fmt.Errorf("year %d AH is out of range 1-9666", y)
		}
		if m < 1 || m > 12 {
			return fmt.Errorf("month %d AH does not exist (1-12)", m)
		}
		name, days = hijriNames[m], HijriMonthDays(y, m)
	default:
		return fmt.Errorf("unknown calendar system %d", int(sys))
	}
	if d < 1 || d > days {
		return fmt.Errorf("%d %s %d does not exist: %s %d has %d days", d, name, y, name, y, days)
	}
	return nil
}

// HijriToGregorian returns the Gregorian day (midnight UTC) of day d of
// Hijri month m of year y: Umm al-Qura where its table covers the month,
// the arithmetic calendar elsewhere. A date that does not exist is an error
// saying why.
func HijriToGregorian(y, m, d int) (time.Time, error) {
	if err := CheckDate(Hijri, y, m, d); err != nil {
		return time.Time{}, err
	}
	return timeOfJDN(monthStart(y, m) + int64(d-1)), nil
}

// GregorianToHijri returns the Hijri date of the day of t (in t's own
// location): Umm al-Qura where its table covers it, arithmetic elsewhere.
// Days before 1 Muharram 1 AH give year 0 or less.
func GregorianToHijri(t time.Time) (y, m, d int) {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	jdn := jdnOf(day)
	// The arithmetic calendar gives a year within one of the right one.
	y = int(floorDiv(30*(jdn-civilEpochJDN)+10646, 10631))
	for monthStart(y+1, 1) <= jdn {
		y++
	}
	for monthStart(y, 1) > jdn {
		y--
	}
	m = 12
	for m > 1 && monthStart(y, m) > jdn {
		m--
	}
	return y, m, int(jdn-monthStart(y, m)) + 1
}
