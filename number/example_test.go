package number_test

import (
	"fmt"

	"akhbar/arabic"
	"akhbar/number"
)

func ExampleFind() {
	text := "شارك في المسيرة حوالي 20 ألف شخص، وأصيب أكثر من عشرة."
	nums, _ := number.Find(text, arabic.Tokenize(text), nil)
	for _, n := range nums {
		fmt.Printf("%s = %v approx=%v bound=%q\n", n.Text, n.Value, n.Approx, n.Bound)
	}
	// Output:
	// حوالي 20 ألف = 20000 approx=true bound=""
	// أكثر من عشرة = 10 approx=false bound="MORE_THAN"
}

func ExampleReader_At() {
	toks := arabic.Tokenize("في الحادي والعشرين من الشهر")
	m, ok := number.NewReader(toks).At(1)
	fmt.Println(ok, m.Value, m.Ordinal, m.Last)
	// Output: true 21 true 3
}
