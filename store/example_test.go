package store_test

import (
	"fmt"

	"akhbar/store"
)

func ExampleParse() {
	e, err := store.Parse(`"الثورة الملونة" OR كازاخ* -روسيا`)
	fmt.Printf("%#v %v\n", e, err)
	// Output: store.Or{store.Phrase{Text:"الثورة الملونة"}, store.And{store.Term{Text:"كازاخ", Prefix:true}, store.Not{X:store.Term{Text:"روسيا", Prefix:false}}}} <nil>
}

func ExampleMakeSnippet() {
	e, _ := store.Parse("كازاخستان")
	s := store.MakeSnippet("خرج محتجون في مدن كازاخستان ضد ارتفاع أسعار الوقود.", e, nil)
	fmt.Println(s.Marked("[", "]"))
	// Output: خرج محتجون في مدن [كازاخستان] ضد ارتفاع أسعار الوقود.
}
