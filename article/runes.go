package article

import "unicode/utf8"

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// runeLen returns the number of code points of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
