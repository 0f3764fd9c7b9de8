package postgres_test

import (
	"fmt"

	"akhbar/store"
	"akhbar/store/postgres"
)

func ExampleIsDSN() {
	fmt.Println(postgres.IsDSN("postgres://akhbar@db.example/news"))
	fmt.Println(postgres.IsDSN("akhbar.db"))
	// Output:
	// true
	// false
}

func ExampleRedact() {
	fmt.Println(postgres.Redact("postgres://akhbar:s3cret@db.example:5432/news?sslmode=require"))
	// Output: postgres://akhbar:xxxxx@db.example:5432/news?sslmode=require
}

func ExampleKeyString() {
	fmt.Println(postgres.KeyString(store.KeyOf("https://news.example/1", "news", "نص الخبر")))
	// Output: u:https://news.example/1
}

func ExampleSchemaVersion() {
	for _, m := range postgres.Migrations() {
		fmt.Println(m.Version, m.Name)
	}
	fmt.Println(postgres.SchemaVersion() == len(postgres.Migrations()))
	// Output:
	// 1 articles, entities, mentions, quotes; tsvector search index
	// 2 work queue: articles to analyze and feeds due, claimed with leases
	// 3 rank vector: headline, entity ids and lead paragraph, read instead of the full vector when ranking
	// 4 entity types of each article in the article row, for the entity-type facet and filter
	// true
}
