package worker_test

import (
	"fmt"

	"akhbar/article"
	"akhbar/worker"
)

func ExampleArticleJob() {
	a := &article.Article{URL: "https://news.example/2022/01/06/summit", Site: "news",
		Headline: "قمة في موسكو", Text: "قمة في موسكو\n\nالتقى الرئيسان في موسكو."}
	j, err := worker.ArticleJob(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Kind, j.Key)
	// Output: article u:https://news.example/2022/01/06/summit
}

func ExampleFeedJob() {
	j := worker.FeedJob("https://news.example/rss.xml")
	fmt.Println(j.Kind, j.Key)
	// Output: feed feed:https://news.example/rss.xml
}
