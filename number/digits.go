package number

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// digitValue returns the value of a digit in any script, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	return -1
}

// digitsASCII returns the digits of s in ASCII, dropping everything else.
func digitsASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d := digitValue(r); d >= 0 {
			b.WriteByte(byte('0' + d))
		}
	}
	return b.String()
}

// isPlainInt reports whether s is digits only.
func isPlainInt(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if digitValue(r) < 0 {
			return false
		}
	}
	return true
}

// ParseDigits reads a number written in digits of any script (ASCII,
// Arabic-Indic, Persian) with separators: ٫ is a decimal point and ٬ a
// thousands separator; "." and "," are thousands separators when every group
// after them has three digits and the separator repeats or the other one
// ends the number (1,000,000 / 1.000.000 / 1,234.5), and a decimal point
// otherwise (2.5 / 2,5). A trailing م or هـ (a year) is reported in cal.
func ParseDigits(s string) (v float64, cal string, err error) {
	v, cal, reject := parseDigits(s, false)
	if reject != "" {
		return 0, "", fmt.Errorf("number %q: %s", s, reject)
	}
	return v, cal, nil
}

func parseDigits(s string, afterPoint bool) (v float64, cal string, reject string) {
	for _, suf := range []string{"هـ", "ه", "م"} {
		if rest, ok := strings.CutSuffix(s, suf); ok && rest != "" {
			s, cal = rest, suf
			if suf == "ه" {
				cal = "هـ"
			}
			break
		}
	}
	// Separate digits into groups and remember each separator.
	var groups []string
	var seps []rune
	var cur strings.Builder
	for _, r := range s {
		if d := digitValue(r); d >= 0 {
			cur.WriteByte(byte('0' + d))
			continue
		}
		switch r {
		case '.', ',', '٫', '٬':
			groups = append(groups, cur.String())
			seps = append(seps, r)
			cur.Reset()
		default:
			return 0, "", fmt.Sprintf("unexpected %q", r)
		}
	}
	groups = append(groups, cur.String())
	if afterPoint {
		if len(seps) > 0 {
			return 0, "", "more separators after a decimal point"
		}
		return floatOf("0." + groups[0])
	}
	intPart, frac := groups[0], ""
	thousands := func(from, to int) bool { // groups[from:to] are all three digits
		for _, g := range groups[from:to] {
			if len(g) != 3 {
				return false
			}
		}
		return len(groups[0]) >= 1 && len(groups[0]) <= 3
	}
	switch n := len(seps); {
	case n == 0:
	default:
		// The decimal separator, if any, is the last one when it is ٫, or
		// differs from the ones before, or is a lone "." / "," not followed by
		// exactly three digits.
		last := seps[n-1]
		decimal := false
		switch {
		case last == '٫':
			decimal = true
		case last == '٬':
		case n > 1 && seps[n-2] != last:
			decimal = true
		case n == 1 && (last == '.' || len(groups[1]) != 3):
			decimal = true
		}
		ng := len(groups)
		if decimal {
			frac = groups[ng-1]
			ng--
		}
		for _, r := range seps[:ng-1] {
			if r == '٫' || (decimal && r == last) {
				return 0, "", "more than one decimal separator"
			}
		}
		if ng > 1 {
			for _, r := range seps[:ng-1] {
				if r != seps[0] {
					return 0, "", "mixed thousands separators"
				}
			}
			if !thousands(1, ng) {
				return 0, "", "digit groups are not of three"
			}
		}
		intPart = strings.Join(groups[:ng], "")
	}
	trimmed := strings.TrimLeft(intPart, "0")
	if utf8.RuneCountInString(trimmed) > maxDigits {
		return 0, "", fmt.Sprintf("%d digits: longer than any figure (%d at most)", len(trimmed), maxDigits)
	}
	if intPart == "" && frac == "" {
		return 0, "", "no digits"
	}
	if intPart == "" {
		intPart = "0"
	}
	if frac != "" {
		intPart += "." + frac
	}
	v, _, reject = floatOf(intPart)
	return v, cal, reject
}

func floatOf(s string) (float64, string, string) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, "", "not a number"
	}
	return v, "", ""
}
