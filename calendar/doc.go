// Package calendar knows the month and weekday names of every tradition
// Arabic newsrooms write dates in (Syriac/Levantine, Egyptian/Gulf,
// Algerian/Tunisian, Moroccan, Hijri), converts between the Hijri and
// Gregorian calendars, and checks that a date exists.
//
// Hijri dates follow the Umm al-Qura calendar of Saudi Arabia where its
// published table covers them (1356-1500 AH, 1937-2077 CE) and the
// arithmetic (tabular) Islamic calendar elsewhere.
package calendar
