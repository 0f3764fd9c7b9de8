package quote_test

import (
	"fmt"

	"akhbar/arabic"
	"akhbar/quote"
)

func ExampleFind() {
	text := "وقال وزير الزراعة ماجد الحربي إن الموسم واعد، مضيفا: «سنصدر الفائض إلى دول الجوار».\nوبحسب وكالة رويترز، ارتفعت الأسعار."
	quotes, credits := quote.Find(text, arabic.Tokenize(text), arabic.Sentences(text), nil)
	for _, q := range quotes {
		fmt.Printf("%s | %s | %s | direct=%v\n", q.SpeakerName, q.Cue, q.Text, q.Direct)
	}
	for _, a := range credits {
		fmt.Printf("%s -> %s\n", a.Text, a.Source)
	}
	// Output:
	// ماجد الحربي | قال | الموسم واعد | direct=false
	// ماجد الحربي | مضيفا | سنصدر الفائض إلى دول الجوار | direct=true
	// وبحسب وكالة رويترز -> reuters
}
