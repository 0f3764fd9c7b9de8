package number

import (
	"strings"
	"testing"

	"akhbar/arabic"
)

func find(text string) ([]Number, []Skip) {
	return Find(text, arabic.Tokenize(text), nil)
}

func TestFindValues(t *testing.T) {
	tests := []struct {
		text    string
		span    string
		value   float64
		approx  bool
		ordinal bool
		percent bool
		bound   string
		unit    string
	}{
		{"وصل ثلاثة وفود إلى المدينة", "ثلاثة", 3, false, false, false, "", ""},
		{"استمرت المفاوضات ست ساعات", "ست", 6, false, false, false, "", ""},
		{"قتل تسعة وعشرون شخصا", "تسعة وعشرون", 29, false, false, false, "", ""},
		{"شارك فيها نحو 20 ألف متظاهر", "نحو 20 ألف", 20000, true, false, false, "", ""},
		{"بلغت الخسائر ٧٤ مليار دولار", "٧٤ مليار دولار", 74e9, false, false, false, "", "dollar"},
		{"يسكن المدينة 2.5 مليون نسمة", "2.5 مليون", 2.5e6, false, false, false, "", ""},
		{"ارتفع التضخم إلى ١٢٫٥٪ هذا العام", "١٢٫٥٪", 12.5, false, false, true, "", ""},
		{"تراجعت البطالة 3 في المائة", "3 في المائة", 3, false, false, true, "", ""},
		{"زادت الصادرات بعشرين بالمئة", "عشرين بالمئة", 20, false, false, true, "", ""},
		{"أصيب أكثر من 150 شخصا", "أكثر من 150", 150, false, false, false, MoreThan, ""},
		{"حضر ما يزيد على ألفين من الضيوف", "ما يزيد على ألفين", 2000, false, false, false, MoreThan, ""},
		{"نقل أقل من عشرة جرحى", "أقل من عشرة", 10, false, false, false, LessThan, ""},
		{"انتظر الركاب قرابة ثلاث ساعات", "قرابة ثلاث", 3, true, false, false, "", ""},
		{"جمعت الحملة ما يقارب مليوني ريال", "ما يقارب مليوني ريال", 2e6, true, false, false, "", "riyal"},
		{"فاز المنتخب في المباراة الثالثة", "الثالثة", 3, false, true, false, "", ""},
		{"احتفلت بالذكرى الحادية عشرة لتأسيسها", "الحادية عشرة", 11, false, true, false, "", ""},
		{"هذه هي الدورة الخامسة والعشرون للمهرجان", "الخامسة والعشرون", 25, false, true, false, "", ""},
		{"دفع لـ20 موظفا رواتبهم", "20", 20, false, false, false, "", ""},
		{"وثلاثمائة وخمسون طالبا نجحوا", "ثلاثمائة وخمسون", 350, false, false, false, "", ""},
		{"بلغ الدين ١٬٢٥٠٬٠٠٠ دينار", "١٬٢٥٠٬٠٠٠ دينار", 1250000, false, false, false, "", "dinar"},
		{"كانت الحرارة -5 درجات", "-5", -5, false, false, false, "", ""},
		{"ثلاثة آلاف جندي", "ثلاثة آلاف", 3000, false, false, false, "", ""},
		{"سعر السهم 1,5 دولار", "1,5 دولار", 1.5, false, false, false, "", "dollar"},
		{"ارتفع بنحو 1,250 نقطة", "نحو 1,250", 1250, true, false, false, "", ""},
		{"وصلت ثمانية عشر طائرة", "ثمانية عشر", 18, false, false, false, "", ""},
	}
	for _, tt := range tests {
		nums, _ := find(tt.text)
		var got *Number
		for i := range nums {
			if nums[i].Text == tt.span {
				got = &nums[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no number %q; got %+v", tt.text, tt.span, nums)
			continue
		}
		if got.Value != tt.value || got.Approx != tt.approx || got.Ordinal != tt.ordinal || got.Percent != tt.percent || got.Bound != tt.bound || got.Unit != tt.unit {
			t.Errorf("%q: got %+v, want value %v approx %v ordinal %v percent %v bound %q unit %q",
				tt.text, *got, tt.value, tt.approx, tt.ordinal, tt.percent, tt.bound, tt.unit)
		}
		if r := []rune(tt.text); string(r[got.Start:got.End]) != got.Text {
			t.Errorf("%q: span [%d,%d) is %q, text says %q", tt.text, got.Start, got.End, string(r[got.Start:got.End]), got.Text)
		}
	}
}

func TestFindNothing(t *testing.T) {
	for _, text := range []string{
		"قال أحد المسؤولين إن إحدى الدول انسحبت",
		"اجتمع الوزراء يوم الأحد",
		"وصلت آلاف الرسائل",
		"بدأ الاجتماع دون تأخير",
		"قال الشاعر لست أخشى الطريق",
		"فاز وست هام على ضيفه",
		"ارتفعت كمية الأمطار هذا الشتاء",
	} {
		if nums, _ := find(text); len(nums) != 0 {
			t.Errorf("%q: want no number, got %+v", text, nums)
		}
	}
}

func TestFindSkips(t *testing.T) {
	tests := []struct {
		text, reason string
	}{
		{"صدر القرار عام 2022م", "a year"},
		{"للاستفسار اتصلوا على 0791234567", "a phone number"},
		{"الرقم " + strings.Repeat("9", 200) + " كبير", "digits"},
		{"تاريخ 12/1/2022", "a date"},
		{"الرقم 1,23,4 غريب", "three"},
	}
	for _, tt := range tests {
		nums, skips := find(tt.text)
		if len(nums) != 0 {
			t.Errorf("%q: want no number, got %+v", tt.text, nums)
		}
		if len(skips) != 1 || !strings.Contains(skips[0].Reason, tt.reason) {
			t.Errorf("%q: want one skip mentioning %q, got %+v", tt.text, tt.reason, skips)
		}
	}
}

func TestFindExclude(t *testing.T) {
	text := "في 11 من الشهر الحالي قتل 5 أشخاص"
	toks := arabic.Tokenize(text)
	nums, _ := Find(text, toks, []arabic.Span{{Start: 0, End: 21}})
	if len(nums) != 1 || nums[0].Value != 5 {
		t.Fatalf("got %+v, want only 5", nums)
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		cal  string
		err  bool
	}{
		{"1.000.000", 1e6, "", false},
		{"1,234.5", 1234.5, "", false},
		{"1.234,5", 1234.5, "", false},
		{"٣٫١٤", 3.14, "", false},
		{"۱۲۳", 123, "", false},
		{"1444هـ", 1444, "هـ", false},
		{"2022م", 2022, "م", false},
		{"1.2.3", 0, "", true},
		{strings.Repeat("1", 16), 0, "", true},
	}
	for _, tt := range tests {
		v, cal, err := ParseDigits(tt.in)
		if (err != nil) != tt.err || v != tt.want || cal != tt.cal {
			t.Errorf("ParseDigits(%q) = %v, %q, %v; want %v, %q, error %v", tt.in, v, cal, err, tt.want, tt.cal, tt.err)
		}
	}
}
