package event_test

import (
	"fmt"
	"time"

	"akhbar/arabic"
	"akhbar/event"
)

func ExampleBuild() {
	text := "وكانت الاحتجاجات قد بدأت في الثاني من الشهر الجاري في عدة مدن.\nوعقد المجلس اجتماعا طارئا في الخامس من الشهر الجاري."
	timexes := []event.Timex{
		{Start: 28, End: 50, Type: "DATE", Value: "2024-03-02"},
		{Start: 92, End: 114, Type: "DATE", Value: "2024-03-05"},
	}
	events := event.Build(text, arabic.Tokenize(text), arabic.Sentences(text), timexes, nil, nil, time.Time{})
	for _, e := range event.Timeline(events) {
		fmt.Println(e.Date)
	}
	// Output:
	// 2024-03-02
	// 2024-03-05
}
