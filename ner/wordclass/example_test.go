package wordclass_test

import (
	"context"
	"fmt"

	"akhbar/ner/wordclass"
)

func ExampleLearn() {
	c := wordclass.NewCorpus()
	for i := range 400 {
		city := []string{"حلب", "حمص", "بيروت", "عمان"}[i%4]
		for _, w := range []string{"وصل", "الوفد", "الي", city, "امس"} {
			c.Add(w)
		}
		c.EndDoc()
	}
	cl, err := wordclass.Learn(context.Background(), c, wordclass.Options{Dim: 8, Epochs: 2, Fine: 3, Coarse: 2, Sample: 1, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(cl.Words), "words in classes")
	// Output:
	// 8 words in classes
}
