package timex

import (
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
)

// ref is a Saturday afternoon in Amman.
var ref = time.Date(2022, 1, 15, 13, 2, 0, 0, time.FixedZone("+02", 2*3600))

func find(text string) ([]Timex, []Skip) {
	return Find(text, arabic.Tokenize(text), ref)
}

func TestFind(t *testing.T) {
	tests := []struct {
		text, span, typ, value, mod string
	}{
		// Absolute dates.
		{"وقع الزلزال في 15 كانون الثاني 2022 فجرا", "15 كانون الثاني 2022", Date, "2022-01-15", ""},
		{"افتتح المعرض في ٧ أكتوبر ٢٠٢٢ بحضور الوزير", "٧ أكتوبر ٢٠٢٢", Date, "2022-10-07", ""},
		{"صدر المرسوم بتاريخ 12/1/2022", "12/1/2022", Date, "2022-01-12", ""},
		{"تأسست الشركة عام 2010", "عام 2010", Date, "2010", ""},
		{"وانتهت الحرب 1988م", "1988م", Date, "1988", ""},
		{"أعلن المجلس نتائج جانفي 2020 أمس", "جانفي 2020", Date, "2020-01", ""},
		{"سافر الوفد في 3 رمضان 1443هـ", "3 رمضان 1443هـ", Date, "2022-04-04", ""},
		{"ازدهرت الصناعة في التسعينيات", "التسعينيات", Date, "199", ""},
		{"تغيرت المنطقة بعد حرب 1967 بين الجيشين", "1967", Date, "1967", ""},
		{"يعيش في المخيم منذ 2013، ولم يغادره", "2013", Date, "2013", ""},
		// Relative to the dateline.
		{"وصل الوزير اليوم إلى بغداد", "اليوم", Date, "2022-01-15", ""},
		{"قال الناطق أمس إن الحدود مغلقة", "أمس", Date, "2022-01-14", ""},
		{"جرى الاتفاق أول أمس", "أول أمس", Date, "2022-01-13", ""},
		{"تبدأ الجولة غدا", "غدا", Date, "2022-01-16", ""},
		{"وتنتهي بعد غد", "بعد غد", Date, "2022-01-17", ""},
		{"أعلن الرئيس اليوم السبت خطته", "اليوم السبت", Date, "2022-01-15", ""},
		{"اجتمع المجلس يوم الخميس الماضي", "يوم الخميس الماضي", Date, "2022-01-13", ""},
		{"قال الوزير الاثنين إن الميناء مغلق", "الاثنين", Date, "2022-01-10", ""},
		{"أغلقت المدارس بين الاثنين والثلاثاء", "الاثنين", Date, "2022-01-10", ""},
		{"يجتمع المجلس يوم الخميس المقبل", "يوم الخميس المقبل", Date, "2022-01-20", ""},
		{"وقال الوزير الثلاثاء إن المحادثات فشلت", "الثلاثاء", Date, "2022-01-11", ""},
		{"وسيزور الوزير عمان الثلاثاء", "الثلاثاء", Date, "2022-01-18", ""},
		{"تعقد القمة الأسبوع المقبل", "الأسبوع المقبل", Date, "2022-W03", ""},
		{"ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", Date, "2021-12", ""},
		{"تجرى الانتخابات العام المقبل", "العام المقبل", Date, "2023", ""},
		{"وكان قد قرر في السادس من الشهر الجاري إرسال قوات", "السادس من الشهر الجاري", Date, "2022-01-06", ""},
		{"وأعلن في 11 من الشهر الحالي انسحاب القوات", "11 من الشهر الحالي", Date, "2022-01-11", ""},
		{"تتواصل الاحتجاجات منذ الثاني من الشهر الجاري", "الثاني من الشهر الجاري", Date, "2022-01-02", ""},
		{"اعتقل في الحادي عشر من آب/أغسطس الماضي", "الحادي عشر من آب/أغسطس الماضي", Date, "2021-08-11", ""},
		{"غادر قبل ثلاثة أيام", "قبل ثلاثة أيام", Date, "2022-01-12", ""},
		// Times.
		{"هبطت الطائرة الساعة 13:02 بتوقيت المدينة", "الساعة 13:02", Time, "2022-01-15T13:02", ""},
		{"الطرق مفتوحة الآن أمام السيارات", "الآن", Time, "2022-01-15T13:02:00", ""},
		{"اندلع الحريق الليلة الماضية في السوق", "الليلة الماضية", Time, "2022-01-14TNI", ""},
		{"عاد الفنان إلى المسرح بعد أربع سنوات من الغياب", "أربع سنوات", Duration, "P4Y", ""},
		{"عثرت الشرطة على اللوحة بعد 30 عاما على سرقتها", "30 عاما", Duration, "P30Y", ""},
		{"وصل الوفد قبل ساعتين من موعد الجلسة", "ساعتين", Duration, "PT2H", ""},
		{"أنشئ السد قبل عامين من الآن", "قبل عامين", Date, "2020", ""},
		{"يصل الوفد الليلة إلى العاصمة", "الليلة", Time, "2022-01-15TNI", ""},
		{"يعقد المؤتمر مساء اليوم", "مساء اليوم", Time, "2022-01-15TEV", ""},
		{"يصل الوفد صباح الخميس", "صباح الخميس", Time, "2022-01-13TMO", ""},
		{"انفجرت العبوة الساعة الثالثة عصرا", "الساعة الثالثة عصرا", Time, "2022-01-15T15", ""},
		{"بدأ القصف عند الثالثة وربع فجرا", "عند الثالثة وربع فجرا", Time, "2022-01-15T03:15", ""},
		// Durations.
		{"استمر الحصار يومين", "يومين", Duration, "P2D", ""},
		{"أضرب العمال 10 أيام", "10 أيام", Duration, "P10D", ""},
		{"دام الاجتماع نحو ساعة", "نحو ساعة", Duration, "PT1H", Approx},
		{"سجن أكثر من أربعة أشهر", "أكثر من أربعة أشهر", Duration, "P4M", MoreThan},
		{"ستنسحب القوات في غضون يومين", "في غضون يومين", Duration, "P2D", ""},
		{"يجب الرد خلال 48 ساعة", "خلال 48 ساعة", Duration, "PT48H", ""},
		{"تأخرت الرحلة ساعة ونصف", "ساعة ونصف", Duration, "PT90M", ""},
		// Sets.
		{"تصدر النشرة كل يوم", "كل يوم", Set, "P1D", ""},
		{"يجتمع المجلس أسبوعيا", "أسبوعيا", Set, "P1W", ""},
		{"تراجع المبيعات سنويا", "سنويا", Set, "P1Y", ""},
		{"يقام السوق كل خميس", "كل خميس", Set, "XXXX-WXX-4", ""},
		// Modifiers.
		{"تبدأ الأعمال أوائل آذار", "أوائل آذار", Date, "2022-03", Start},
		{"تنتهي منتصف شباط", "منتصف شباط", Date, "2022-02", Mid},
		{"تسلم المهام أواخر العام الماضي", "أواخر العام الماضي", Date, "2021", End},
		{"وصل مطلع الشهر الجاري", "مطلع الشهر الجاري", Date, "2022-01", Start},
	}
	for _, tt := range tests {
		got, skips := find(tt.text)
		var m *Timex
		for i := range got {
			if got[i].Text == tt.span {
				m = &got[i]
			}
		}
		if m == nil {
			t.Errorf("%q: no timex %q; got %+v, skipped %+v", tt.text, tt.span, got, skips)
			continue
		}
		if m.Type != tt.typ || m.Value != tt.value || m.Mod != tt.mod {
			t.Errorf("%q: %q = %s %s %s, want %s %s %s", tt.text, tt.span, m.Type, m.Value, m.Mod, tt.typ, tt.value, tt.mod)
		}
		if r := []rune(tt.text); string(r[m.Start:m.End]) != m.Text {
			t.Errorf("%q: span [%d,%d) is %q, not %q", tt.text, m.Start, m.End, string(r[m.Start:m.End]), m.Text)
		}
	}
}

func TestFindIntervals(t *testing.T) {
	tests := []struct {
		text, from, to string
	}{
		{"يقام المهرجان من 13 إلى 15 تموز", "2022-07-13", "2022-07-16"},
		{"يقام المعرض من 3 آذار إلى 9 آذار", "2022-03-03", "2022-03-10"},
		{"تغلق الطرق من الساعة 3 إلى الساعة 5 فجرا", "2022-01-15T03", "2022-01-15T06"},
		{"تبدأ الأعمال أوائل آذار", "2022-03-01", "2022-03-11"},
		{"صام المسلمون رمضان 2021", "2021-04-13", "2021-05-13"},
		{"اندلع الحريق الليلة الماضية", "2022-01-14T18", "2022-01-15T00"},
	}
	for _, tt := range tests {
		got, _ := find(tt.text)
		ok := false
		for _, g := range got {
			if g.From == tt.from && g.To == tt.to {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: want interval [%s, %s), got %+v", tt.text, tt.from, tt.to, got)
		}
	}
}

func TestFindBadInput(t *testing.T) {
	tests := []struct {
		text, reason string
	}{
		{"وصل الوفد في 30 شباط 2022", "does not exist"},
		{"وصل الوفد في 30 شباط", "does not exist"},
		{"صدر القرار بتاريخ 11/13/2022", "not day first"},
		{"يعود المرسوم إلى عام 99999", "out of range"},
		{"صدر القرار بتاريخ 31/4/2022", "does not exist"},
		{"أعلن أمس الخميس", "not a Thursday"},
	}
	for _, tt := range tests {
		got, skips := find(tt.text)
		for _, g := range got {
			if g.Type == Date && strings.ContainsAny(g.Value, "0123456789") && !strings.HasPrefix(g.Value, "P") {
				t.Errorf("%q: reported a date %+v for a bad one", tt.text, g)
			}
		}
		found := false
		for _, s := range skips {
			if strings.Contains(s.Reason, tt.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want a skip saying %q, got %+v", tt.text, tt.reason, skips)
		}
	}
}

func TestFindNoReference(t *testing.T) {
	text := "وصل الوزير أمس، وفي 15 كانون الثاني 2022 غادر"
	got, skips := Find(text, arabic.Tokenize(text), time.Time{})
	if len(got) != 1 || got[0].Value != "2022-01-15" {
		t.Errorf("without a reference: got %+v, want only the absolute date", got)
	}
	if len(skips) != 1 || !strings.Contains(skips[0].Reason, "no reference") {
		t.Errorf("without a reference: want أمس skipped for want of a reference, got %+v", skips)
	}
}

func TestFindNothing(t *testing.T) {
	for _, text := range []string{
		"قال أحد المسؤولين إن القرار نهائي",
		"عقد مؤتمر عام للحزب",
		"فاز الفريق بثلاثة أهداف",
		"للمرة الثانية على التوالي",
		"وصل 2000 جندي إلى الحدود",
		"ارتفع العدد إلى حوالي 1950، بحسب الوزارة",
		"2000",
		"تضاف البامية إلى اللحم أو الدجاج أو الاثنين معا",
		"فرّق القاضي بين الاثنين في الحكم",
		"التقى مع الاثنين قبل سفره",
		"سافر الأخوان ومع الاثنين والدهما",
		"وقال ألان مارتن إن الفريق مستعد",
		"وصل آلان دوبوا إلى المطار",
	} {
		if got, _ := find(text); len(got) != 0 {
			t.Errorf("%q: want nothing, got %+v", text, got)
		}
	}
}

func TestClaimed(t *testing.T) {
	text := "وصل الوفد في 30 شباط 2022 وغادر 5 أعضاء أمس"
	found, skipped := find(text)
	spans := Claimed(found, skipped)
	if len(spans) != 2 {
		t.Fatalf("want the bad date and أمس claimed, got %+v", spans)
	}
	for _, s := range spans {
		got := string([]rune(text)[s.Start:s.End])
		if got != "30 شباط 2022" && got != "أمس" {
			t.Errorf("claimed %q", got)
		}
	}
}
