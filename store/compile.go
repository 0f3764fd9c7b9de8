package store

import (
	"context"
	"fmt"
	"strings"
)

// Dialect is how a backend writes a parsed query in its own full-text
// syntax (FTS5, tsquery). Every function quotes what it is given, so no
// input is read as syntax.
type Dialect struct {
	// Words is a word or a phrase; "" when the analyzer keeps no term.
	Words func(text string) string
	// Prefix is a prefix term (كازاخ*).
	Prefix func(text string) (string, error)
	// Entity matches the articles that mention the entity id.
	Entity func(id string) string
	// Or and And join alternatives and conjuncts: " OR ", " | ".
	Or, And string
	// AndNot is pos without neg.
	AndNot func(pos, neg string) string
}

// Compile writes e in the dialect d. Words and phrases that name entities
// (entityIDs says which) also match those entities, so a query finds every
// spelling of a name; so do the words of a conjunction taken together
// (ألكسندر لوكاشينكو). It returns the query and the entity ids it added.
func Compile(ctx context.Context, e Expr, d Dialect, entityIDs func(ctx context.Context, text string) ([]string, error)) (string, []string, error) {
	seen := map[string]bool{}
	var expanded []string
	withEntities := func(base, text string) (string, error) {
		ids, err := entityIDs(ctx, text)
		if err != nil {
			return "", err
		}
		if len(ids) == 0 {
			return base, nil
		}
		var parts []string
		if base != "" {
			parts = append(parts, base)
		}
		for _, id := range ids {
			parts = append(parts, d.Entity(id))
			if !seen[id] {
				seen[id] = true
				expanded = append(expanded, id)
			}
		}
		return "(" + strings.Join(parts, d.Or) + ")", nil
	}
	var walk func(Expr) (string, error)
	walk = func(e Expr) (string, error) {
		switch x := e.(type) {
		case Term:
			if x.Prefix {
				return d.Prefix(x.Text)
			}
			return withEntities(d.Words(x.Text), x.Text)
		case Phrase:
			return withEntities(d.Words(x.Text), x.Text)
		case Or:
			parts := make([]string, len(x))
			for i, p := range x {
				s, err := walk(p)
				if err != nil {
					return "", err
				}
				parts[i] = s
			}
			return "(" + strings.Join(parts, d.Or) + ")", nil
		case And:
			var pos, neg, words []string
			allTerms := true
			for _, p := range x {
				if n, ok := p.(Not); ok {
					s, err := walk(n.X)
					if err != nil {
						return "", err
					}
					neg = append(neg, s)
					allTerms = false
					continue
				}
				if t, ok := p.(Term); ok && !t.Prefix {
					words = append(words, t.Text)
				} else {
					allTerms = false
				}
				s, err := walk(p)
				if err != nil {
					return "", err
				}
				pos = append(pos, s)
			}
			s := "(" + strings.Join(pos, d.And) + ")"
			if allTerms && len(words) > 1 {
				var err error
				if s, err = withEntities(s, strings.Join(words, " ")); err != nil {
					return "", err
				}
			}
			for _, n := range neg {
				s = d.AndNot(s, n)
			}
			return s, nil
		case Not:
			return "", fmt.Errorf("%w: NOT without a positive term", ErrBadQuery)
		}
		return "", fmt.Errorf("%w: unknown expression %T", ErrBadQuery, e)
	}
	s, err := walk(e)
	return s, expanded, err
}
