package demo_test

import (
	"fmt"

	"akhbar/demo"
)

func ExampleParse() {
	a, err := demo.Parse([]byte("id: demo-x\nsite: صحيفة المثال\nheadline: افتتاح مكتبة عامة في إربد\n\nإربد – افتتحت البلدية مكتبة عامة جديدة."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.ID, a.Site)
	fmt.Println(a.Headline)
	// Output:
	// demo-x صحيفة المثال
	// افتتاح مكتبة عامة في إربد
}
