package kb

import (
	"testing"
	"time"

	"akhbar/arabic"
)

func FuzzParse(f *testing.F) {
	f.Add("C\tKZ\tKazakhstan\tكازاخستان\t\t\tQ232\tmledoze\nD\tKZ\tالكازاخي|كازاخي\tcurated\n")
	f.Add("P\tper:x\tX\tس ص\t\tKZ\thead_of_state\tPresident\t2019-03\t\tالرئيس الكازاخي\tcurated\n")
	f.Add("L\tgn:1\tcity\tA\tألف\t\tKZ\tnotanumber\tgeonames\tgeonames\n")
	f.Add("# comment\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		k, err := Parse(text)
		if err != nil {
			return
		}
		w := Prepare(arabic.Tokenize(text))
		for i := range w.Len() {
			k.MatchAt(w, i)
			k.RoleAt(w, i)
		}
		k.Holder("الرئيس", "KZ", time.Time{})
	})
}
