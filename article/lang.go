package article

import (
	"unicode"
	"unicode/utf8"

	"akhbar/arabic"
)

// langSampleBytes is how much of a text guessLang looks at.
const langSampleBytes = 4096

// guessLang returns "ar" when most letters at the start of text are Arabic,
// "" otherwise: readers use it when the input does not say its language.
func guessLang(text string) string {
	if len(text) > langSampleBytes {
		text = text[:langSampleBytes]
	}
	var ar, other int
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
		case arabic.IsArabicLetter(r):
			ar++
		case unicode.IsLetter(r):
			other++
		}
	}
	if ar > 0 && ar >= other {
		return "ar"
	}
	return ""
}
