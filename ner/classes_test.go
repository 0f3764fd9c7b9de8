package ner

import (
	"strings"
	"testing"
)

func TestReadClasses(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]classEntry
		err      string
	}{
		{
			name: "two words",
			in:   "# word classes\nحلب\t120\t7\t2\nسامر\t40\t9\t3\n",
			want: map[string]classEntry{
				"حلب":  {count: 120, fine: 7, coarse: 2},
				"سامر": {count: 40, fine: 9, coarse: 3},
			},
		},
		{name: "missing coarse class", in: "حلب\t120\t7\n", err: "want 4 tab-separated fields"},
		{name: "class not a number", in: "حلب\t120\tx\t2\n", err: "small non-negative integers"},
		{name: "class too large", in: "حلب\t120\t70000\t2\n", err: "small non-negative integers"},
		{name: "negative count", in: "حلب\t-4\t7\t2\n", err: "small non-negative integers"},
		{name: "only comments", in: "# nothing\n", err: "no word classes"},
	}
	for _, tt := range tests {
		c, err := ReadClasses(strings.NewReader(tt.in), "classes.tsv")
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "classes.tsv") {
				t.Errorf("%s: error %v, want one naming the file and saying %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(c.words) != len(tt.want) {
			t.Errorf("%s: %d words, want %d", tt.name, len(c.words), len(tt.want))
		}
		for w, e := range tt.want {
			if c.words[w] != e {
				t.Errorf("%s: %s = %+v, want %+v", tt.name, w, c.words[w], e)
			}
		}
	}
}
