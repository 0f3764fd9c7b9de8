package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestMatchMonth(t *testing.T) {
	tests := []struct {
		words string // space-separated
		month int
		sys   System
		n     int
		ok    bool
	}{
		{"كانون الثاني 2022", 1, Gregorian, 2, true},
		{"كانون الأول", 12, Gregorian, 2, true},
		{"شباط", 2, Gregorian, 1, true},
		{"آذار", 3, Gregorian, 1, true},
		{"اذار", 3, Gregorian, 1, true},
		{"نيسان", 4, Gregorian, 1, true},
		{"أيار", 5, Gregorian, 1, true},
		{"حزيران", 6, Gregorian, 1, true},
		{"تموز", 7, Gregorian, 1, true},
		{"آب", 8, Gregorian, 1, true},
		{"أيلول", 9, Gregorian, 1, true},
		{"تشرين الأول", 10, Gregorian, 2, true},
		{"تشرين الثاني", 11, Gregorian, 2, true},
		{"تشرين ثاني", 11, Gregorian, 2, true},
		{"يناير", 1, Gregorian, 1, true},
		{"فبراير", 2, Gregorian, 1, true},
		{"مارس", 3, Gregorian, 1, true},
		{"إبريل", 4, Gregorian, 1, true},
		{"أبريل", 4, Gregorian, 1, true},
		{"مايو", 5, Gregorian, 1, true},
		{"يونيه", 6, Gregorian, 1, true},
		{"يوليه", 7, Gregorian, 1, true},
		{"اغسطس", 8, Gregorian, 1, true},
		{"سبتمبر", 9, Gregorian, 1, true},
		{"أكتوبر", 10, Gregorian, 1, true},
		{"نوفمبر", 11, Gregorian, 1, true},
		{"ديسمبر", 12, Gregorian, 1, true},
		{"جانفي", 1, Gregorian, 1, true},
		{"فيفري", 2, Gregorian, 1, true},
		{"أفريل", 4, Gregorian, 1, true},
		{"ماي", 5, Gregorian, 1, true},
		{"جوان", 6, Gregorian, 1, true},
		{"جويلية", 7, Gregorian, 1, true},
		{"أوت", 8, Gregorian, 1, true},
		{"يوليوز", 7, Gregorian, 1, true},
		{"غشت", 8, Gregorian, 1, true},
		{"شتنبر", 9, Gregorian, 1, true},
		{"نونبر", 11, Gregorian, 1, true},
		{"دجنبر", 12, Gregorian, 1, true},
		{"محرم", 1, Hijri, 1, true},
		{"صفر", 2, Hijri, 1, true},
		{"ربيع الأول", 3, Hijri, 2, true},
		{"ربيع الآخر", 4, Hijri, 2, true},
		{"ربيع الثاني", 4, Hijri, 2, true},
		{"جمادى الأولى", 5, Hijri, 2, true},
		{"جمادى الآخرة", 6, Hijri, 2, true},
		{"جمادى الثانية", 6, Hijri, 2, true},
		{"رجب", 7, Hijri, 1, true},
		{"شعبان", 8, Hijri, 1, true},
		{"رمضان", 9, Hijri, 1, true},
		{"شوال", 10, Hijri, 1, true},
		{"ذو القعدة", 11, Hijri, 2, true},
		{"ذي القعدة", 11, Hijri, 2, true},
		{"ذو الحجة", 12, Hijri, 2, true},
		{"ذي الحجة", 12, Hijri, 2, true},
		// Clitics.
		{"وشباط", 2, Gregorian, 1, true},
		{"بنيسان", 4, Gregorian, 1, true},
		// Paired forms.
		{"آب / أغسطس 2022", 8, Gregorian, 3, true},
		{"آب/أغسطس", 8, Gregorian, 1, true},
		{"أغسطس ( آب )", 8, Gregorian, 4, true},
		{"أغسطس (آب) 2022", 8, Gregorian, 2, true},
		{"شباط / فبراير", 2, Gregorian, 3, true},
		// A second month that is not the same is not a pair.
		{"آب / أيلول", 8, Gregorian, 1, true},
		// Not months.
		{"كانون", 0, 0, 0, false},
		{"ربيع", 0, 0, 0, false},
		{"أب", 0, 0, 0, false},
		{"الرئيس", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	}
	for _, tt := range tests {
		m, sys, n, ok := MatchMonth(strings.Fields(tt.words))
		if m != tt.month || sys != tt.sys || n != tt.n || ok != tt.ok {
			t.Errorf("MatchMonth(%q) = %d, %v, %d, %v; want %d, %v, %d, %v", tt.words, m, sys, n, ok, tt.month, tt.sys, tt.n, tt.ok)
		}
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		word string
		want time.Weekday
		ok   bool
	}{
		{"السبت", time.Saturday, true},
		{"الأحد", time.Sunday, true},
		{"الإثنين", time.Monday, true},
		{"الاثنين", time.Monday, true},
		{"الثلاثاء", time.Tuesday, true},
		{"الأربعاء", time.Wednesday, true},
		{"الخميس", time.Thursday, true},
		{"الجمعة", time.Friday, true},
		{"جمعة", time.Friday, true},
		{"والخميس", time.Thursday, true},
		{"الشهر", 0, false},
	}
	for _, tt := range tests {
		got, ok := Weekday(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Weekday(%q) = %v, %v; want %v, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHijriToGregorian(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1443, 9, 1, "2022-04-02"},   // Ramadan 1443
		{1443, 10, 1, "2022-05-02"},  // Eid al-Fitr 1443
		{1444, 1, 1, "2022-07-30"},   // Hijri new year 1444
		{1444, 3, 11, "2022-10-07"},  // a Friday
		{1444, 9, 1, "2023-03-23"},   // Ramadan 1444
		{1445, 9, 1, "2024-03-11"},   // Ramadan 1445
		{1441, 12, 10, "2020-07-31"}, // Eid al-Adha 1441
		{1400, 1, 1, "1979-11-20"},   // the day of the Grand Mosque seizure
		// Outside Umm al-Qura: the arithmetic calendar.
		{1, 1, 1, "0622-07-19"}, // proleptic Gregorian of 16 July 622 Julian
		{1600, 1, 1, "2173-12-06"},
	}
	for _, tt := range tests {
		got, err := HijriToGregorian(tt.y, tt.m, tt.d)
		if err != nil {
			t.Errorf("HijriToGregorian(%d, %d, %d): %v", tt.y, tt.m, tt.d, err)
			continue
		}
		if s := got.Format("2006-01-02"); s != tt.want {
			t.Errorf("HijriToGregorian(%d, %d, %d) = %s; want %s", tt.y, tt.m, tt.d, s, tt.want)
		}
		y, m, d := GregorianToHijri(got)
		if y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("GregorianToHijri(%s) = %d-%d-%d; want %d-%d-%d", tt.want, y, m, d, tt.y, tt.m, tt.d)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	// Every day from 1900 to 2100 converts to a Hijri date and back.
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	prevY, prevM, prevD := GregorianToHijri(start.AddDate(0, 0, -1))
	for day := start; day.Year() < 2100; day = day.AddDate(0, 0, 1) {
		y, m, d := GregorianToHijri(day)
		back, err := HijriToGregorian(y, m, d)
		if err != nil || !back.Equal(day) {
			t.Fatalf("%s -> %d-%d-%d -> %v, %v", day.Format("2006-01-02"), y, m, d, back, err)
		}
		if !(d == prevD+1 && m == prevM && y == prevY || d == 1) {
			t.Fatalf("%s: %d-%d-%d does not follow %d-%d-%d", day.Format("2006-01-02"), y, m, d, prevY, prevM, prevD)
		}
		prevY, prevM, prevD = y, m, d
	}
}

func TestCheckDate(t *testing.T) {
	tests := []struct {
		sys     System
		y, m, d int
		wantErr string
	}{
		{Gregorian, 2022, 2, 28, ""},
		{Gregorian, 2022, 2, 29, "February 2022 has 28 days"},
		{Gregorian, 2020, 2, 29, ""},
		{Gregorian, 2020, 2, 30, "February 2020 has 29 days"},
		{Gregorian, 2022, 4, 31, "April 2022 has 30 days"},
		{Gregorian, 2022, 13, 1, "month 13 does not exist"},
		{Gregorian, 2022, 1, 0, "does not exist"},
		{Gregorian, 0, 1, 1, "out of range"},
		{Hijri, 1443, 9, 30, ""},            // Ramadan 1443 had 30 days
		{Hijri, 1444, 9, 30, "has 29 days"}, // Ramadan 1444 had 29
		{Hijri, 1443, 9, 31, "has 30 days"},
		{Hijri, 1443, 0, 1, "month 0 AH does not exist"},
		{System(9), 1, 1, 1, "unknown calendar"},
	}
	for _, tt := range tests {
		err := CheckDate(tt.sys, tt.y, tt.m, tt.d)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckDate(%v, %d, %d, %d) = %v; want nil", tt.sys, tt.y, tt.m, tt.d, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckDate(%v, %d, %d, %d) = %v; want error containing %q", tt.sys, tt.y, tt.m, tt.d, err, tt.wantErr)
		}
	}
}
