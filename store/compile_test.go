package store

import (
	"context"
	"errors"
	"testing"
)

func TestCompile(t *testing.T) {
	d := Dialect{
		Words:  func(s string) string { return "[" + s + "]" },
		Prefix: func(s string) (string, error) { return "[" + s + "]*", nil },
		Entity: func(id string) string { return "{" + id + "}" },
		Or:     " | ",
		And:    " & ",
		AndNot: func(p, n string) string { return "(" + p + " - " + n + ")" },
	}
	// Two spellings name one person; the full name names them too.
	ids := func(_ context.Context, text string) ([]string, error) {
		switch text {
		case "لوكاشينكو", "ألكسندر لوكاشينكو":
			return []string{"per:lukashenko"}, nil
		}
		return nil, nil
	}
	tests := []struct {
		query, want string
		expanded    int
	}{
		{"لوكاشينكو", "([لوكاشينكو] | {per:lukashenko})", 1},
		{"كازاخ*", "[كازاخ]*", 0},
		{"ألكسندر لوكاشينكو", "(([ألكسندر] & ([لوكاشينكو] | {per:lukashenko})) | {per:lukashenko})", 1},
		{"النفط NOT أسعار", "(([النفط]) - [أسعار])", 0},
		{"إيران OR العراق", "([إيران] | [العراق])", 0},
	}
	for _, tt := range tests {
		e, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		got, expanded, err := Compile(context.Background(), e, d, ids)
		if err != nil || got != tt.want || len(expanded) != tt.expanded {
			t.Errorf("Compile(%q) = %q, %v, %v; want %q with %d expanded ids", tt.query, got, expanded, err, tt.want, tt.expanded)
		}
	}
	if _, _, err := Compile(context.Background(), Not{X: Term{Text: "x"}}, d, ids); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a lone NOT must be a bad query, got %v", err)
	}
}
