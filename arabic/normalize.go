package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Options choose the optional folds of a Normalizer.
type Options struct {
	// TaaMarbuta folds ة to ه. Use it for matching and search terms, never
	// for text shown to a user.
	TaaMarbuta bool
	// KeepHamzaCarriers keeps ؤ and ئ instead of folding them to و and ي.
	KeepHamzaCarriers bool
}

// Normalizer folds Arabic orthographic variation for matching: presentation
// forms and ligatures (NFKC), tashkeel and tatweel removed, hamza forms of
// alef to bare alef, alef maqsura to yeh, Persian and Urdu letters to their
// Arabic forms, Arabic-Indic and Persian digits to ASCII, and the Arabic
// decimal and thousands separators to '.' and ','.
//
// A Normalizer is a transform.Transformer: it streams and keeps no state
// between calls, so Reset is a no-op.
type Normalizer struct {
	opts Options
}

// NewNormalizer returns a Normalizer with the given options.
func NewNormalizer(opts Options) *Normalizer { return &Normalizer{opts: opts} }

// Reset implements transform.Resetter.
func (n *Normalizer) Reset() {}

// Transform implements transform.Transformer.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		if !utf8.FullRune(src[nSrc:]) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			// Invalid byte: U+FFFD, so that removing a diacritic between two
			// stray bytes can never join them into a letter.
			if nDst+3 > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], utf8.RuneError)
			nSrc++
			continue
		}
		if isPresentationForm(r) {
			var buf [utf8.UTFMax]byte
			k := utf8.EncodeRune(buf[:], r)
			decomposed := norm.NFKC.Bytes(buf[:k])
			need := 0
			for _, dr := range string(decomposed) {
				if m, ok := n.fold(dr); ok {
					need += utf8.RuneLen(m)
				}
			}
			if nDst+need > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			for _, dr := range string(decomposed) {
				if m, ok := n.fold(dr); ok {
					nDst += utf8.EncodeRune(dst[nDst:], m)
				}
			}
			nSrc += size
			continue
		}
		m, keep := n.fold(r)
		if keep {
			if nDst+utf8.RuneLen(m) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], m)
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

// fold maps one rune; keep is false when the rune is dropped.
func (n *Normalizer) fold(r rune) (m rune, keep bool) {
	switch {
	case IsTashkeel(r) || r == tatweel:
		return 0, false
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا', true
	case 'ى', 'ی', 'ې', 'ۍ', 'ێ', 'ے':
		return 'ي', true
	case 'ک', 'ڪ', 'گ':
		return 'ك', true
	case 'ہ', 'ھ', 'ۀ', 'ە':
		return 'ه', true
	case 'ۃ':
		if n.opts.TaaMarbuta {
			return 'ه', true
		}
		return 'ة', true
	case 'ة':
		if n.opts.TaaMarbuta {
			return 'ه', true
		}
		return r, true
	case 'ؤ':
		if n.opts.KeepHamzaCarriers {
			return r, true
		}
		return 'و', true
	case 'ئ':
		if n.opts.KeepHamzaCarriers {
			return r, true
		}
		return 'ي', true
	case '٫':
		return '.', true
	case '٬':
		return ',', true
	case 'ڤ':
		return 'ف', true
	case 'پ':
		return 'ب', true
	}
	return r, true
}

const tatweel = 'ـ'

// IsTashkeel reports whether r is an Arabic diacritic: harakat, tanween,
// shadda, sukun, superscript alef and the Quranic annotation marks.
func IsTashkeel(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 ||
		(r >= 0x0610 && r <= 0x061A) || (r >= 0x06D6 && r <= 0x06DC) ||
		(r >= 0x06DF && r <= 0x06E8) || (r >= 0x06EA && r <= 0x06ED)
}

func isPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF && r != 0xFEFF)
}

// NormalizeWith returns s normalized with the given options.
func NormalizeWith(s string, opts Options) string {
	if isNormal(s, opts) {
		return s
	}
	out, _, err := transform.String(NewNormalizer(opts), s)
	if err != nil {
		return s
	}
	return out
}

// Normalize returns s folded for matching with the default options: ta
// marbuta is kept, so the result may be shown to a user.
func Normalize(s string) string { return NormalizeWith(s, Options{}) }

// Fold returns s normalized for search terms and name matching: Normalize
// plus ة -> ه.
func Fold(s string) string { return NormalizeWith(s, Options{TaaMarbuta: true}) }

// isNormal reports whether normalizing s would leave it unchanged, so the
// common case allocates nothing.
func isNormal(s string, opts Options) bool {
	n := Normalizer{opts: opts}
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if r == utf8.RuneError || isPresentationForm(r) {
			return false
		}
		if m, keep := n.fold(r); !keep || m != r {
			return false
		}
	}
	return true
}

// AppendFold appends the folded form (as Fold) of s to dst and returns it.
// It allocates only when dst must grow.
func AppendFold(dst []byte, s string) []byte {
	n := Normalizer{opts: Options{TaaMarbuta: true}}
	for i := 0; i < len(s); {
		// Fast path: a letter of the basic Arabic block (two bytes) that
		// folding leaves alone is copied as it is.
		if c := s[i]; (c == 0xD8 || c == 0xD9) && i+1 < len(s) {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if r >= 0x0621 && r <= 0x064A && s[i+1]&0xC0 == 0x80 && !needsFold(r) {
				dst = append(dst, c, s[i+1])
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isPresentationForm(r) {
			for _, dr := range norm.NFKC.String(string(r)) {
				if m, keep := n.fold(dr); keep {
					dst = utf8.AppendRune(dst, m)
				}
			}
			continue
		}
		if m, keep := n.fold(r); keep {
			dst = utf8.AppendRune(dst, m)
		}
	}
	return dst
}

// needsFold reports whether a letter of U+0621..U+064A changes under Fold.
func needsFold(r rune) bool {
	switch r {
	case 'أ', 'إ', 'آ', 'ى', 'ؤ', 'ئ', 'ة', tatweel:
		return true
	}
	return false
}
