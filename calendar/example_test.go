package calendar_test

import (
	"fmt"
	"strings"

	"akhbar/calendar"
)

func ExampleMatchMonth() {
	month, sys, n, ok := calendar.MatchMonth(strings.Fields("كانون الثاني 2022"))
	fmt.Println(month, sys, n, ok)
	// Output: 1 gregorian 2 true
}

func ExampleHijriToGregorian() {
	t, err := calendar.HijriToGregorian(1443, 9, 1) // 1 Ramadan 1443
	fmt.Println(t.Format("2006-01-02"), err)
	// Output: 2022-04-02 <nil>
}

func ExampleCheckDate() {
	fmt.Println(calendar.CheckDate(calendar.Gregorian, 2022, 2, 31))
	// Output: 31 February 2022 does not exist: February 2022 has 28 days
}
