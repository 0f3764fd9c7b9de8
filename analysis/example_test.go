package analysis_test

import (
	"context"
	"fmt"
	"time"

	"akhbar/analysis"
	"akhbar/article"
)

func ExampleAnalyzer_Analyze() {
	az, err := analysis.New(analysis.Options{Reference: time.Date(2022, 1, 15, 13, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := az.Analyze(context.Background(), &article.Article{Text: "وصل الوفد إلى القاهرة في السادس من الشهر الجاري."})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Timexes {
		fmt.Println(t.Text, t.Value)
	}
	// Output: السادس من الشهر الجاري 2022-01-06
}
