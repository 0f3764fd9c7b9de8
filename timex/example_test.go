package timex_test

import (
	"fmt"
	"time"

	"akhbar/arabic"
	"akhbar/timex"
)

func ExampleFind() {
	// A report dated Saturday 15 January 2022.
	ref := time.Date(2022, 1, 15, 13, 2, 0, 0, time.FixedZone("+02", 2*3600))
	text := "أعلن الوزير اليوم السبت أن القوات وصلت في السادس من الشهر الجاري، وستنسحب في غضون يومين."
	found, _ := timex.Find(text, arabic.Tokenize(text), ref)
	for _, t := range found {
		fmt.Println(t.Text, "=", t.Type, t.Value)
	}
	// Output:
	// اليوم السبت = DATE 2022-01-15
	// السادس من الشهر الجاري = DATE 2022-01-06
	// في غضون يومين = DURATION P2D
}

func ExampleSpans() {
	ref := time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC)
	text := "قتل 5 أشخاص في 11 من الشهر الحالي"
	found, _ := timex.Find(text, arabic.Tokenize(text), ref)
	fmt.Println(timex.Spans(found))
	// Output: [{15 33}]
}
