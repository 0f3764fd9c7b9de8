package article_test

import (
	"context"
	"fmt"
	"strings"

	"akhbar/article"
)

func ExampleParseDateline() {
	ts, err := article.ParseDateline("الجمعة ٧ أكتوبر ٢٠٢٢ - ١١ ربيع الأول ١٤٤٤ هـ")
	fmt.Println(ts, err)
	_, err = article.ParseDateline("31 شباط 2022")
	fmt.Println(err)
	// Output:
	// 2022-10-07 <nil>
	// date "31 شباط 2022": 31 February 2022 does not exist: February 2022 has 28 days
}

func ExampleReadText() {
	text := "محليات\n\nافتتاح مكتبة عامة في وسط المدينة\n\n2 نيسان 2023 11:30\n\nافتتح المحافظ صباح اليوم مكتبة عامة جديدة.\n\nالمصدر: رويترز"
	a, err := article.ReadText("story.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Section)
	fmt.Println(a.Headline)
	fmt.Println(a.Published)
	fmt.Println(a.Source.Name, a.Source.ID)
	// Output:
	// محليات
	// افتتاح مكتبة عامة في وسط المدينة
	// 2023-04-02T11:30
	// رويترز reuters
}

func ExampleLookupSource() {
	s, ok := article.LookupSource("وكالة الأنباء السعودية (واس)")
	fmt.Println(s.ID, ok)
	// Output: spa true
}

func ExampleReadJSONLines() {
	lines := `{"id": "n1", "source": "example", "title": "عنوان أول", "date": "2018-03-05", "text": "نص الخبر الأول."}
{"id": "n2", "title": "عنوان ثان"}
`
	_ = article.ReadJSONLines(context.Background(), strings.NewReader(lines), "news.jsonl", func(a *article.Article, err error) error {
		if err != nil {
			fmt.Println("error:", err)
			return nil
		}
		fmt.Println(a.ID, a.Headline, a.Published)
		return nil
	})
	// Output:
	// n1 عنوان أول 2018-03-05
	// error: news.jsonl:2 (id n2): no "text" field
}
