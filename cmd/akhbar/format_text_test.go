package main

import (
	"bytes"
	"strings"
	"testing"

	"akhbar/analysis"
)

func TestWriteText(t *testing.T) {
	a := &analysis.Analysis{
		Text:      "موقع\n\nالوزير: الخطة جاهزة\n\nنص الخبر",
		Published: "2023-03-03T10:15",
		Source:    &analysis.Source{Name: "وكالة الأنباء", ID: "wire"},
		Entities:  []analysis.Entity{{ID: "per:haddad", Type: "PER", Name: "سالم حداد"}},
		Quotes: []analysis.Quote{
			{Text: "الخطة جاهزة للتنفيذ", Speaker: "per:haddad", SpeakerText: "الوزير", Cue: "قال", Direct: true},
			{Text: "العمل يبدأ غدا", SpeakerText: "مصدر", Cue: "أكد"},
			{Text: "لا تعليق"},
		},
		Attributions: []analysis.Attribution{{Text: "(رويترز)", Source: "reuters"}},
		Events: []analysis.Event{
			{Date: "2023-03-03", Text: "أعلن الوزير\nالخطة", Entities: []string{"per:haddad"}},
			{Date: "2023-02-10", Text: "أقر البرلمان الميزانية"},
		},
	}
	var b bytes.Buffer
	if err := writeText(&b, a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"الوزير: الخطة جاهزة\n",
		"تاريخ النشر: 2023-03-03T10:15\n",
		"2023-02-10  أقر البرلمان الميزانية\n2023-03-03  أعلن الوزير الخطة  [سالم حداد]\n",
		"سالم حداد (قال): «الخطة جاهزة للتنفيذ»\n",
		"مصدر (أكد): العمل يبدأ غدا\n",
		"متحدث غير معروف: لا تعليق\n",
		"(رويترز) -> reuters\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "|+") {
		t.Errorf("output has table drawing characters:\n%s", out)
	}
}
