package httpapi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
)

// Rules for every new password: set by an admin (create, reset), by its owner, or on the
// command line. Length alone says little ("1234567890" has ten characters), so a password must
// also not be one of the common passwords (commonpasswords.txt) and must reach minStrength in
// the zxcvbn estimate (Wheeler, "zxcvbn: Low-Budget Password Strength Estimation", USENIX
// Security 2016), which knows dictionaries, names, keyboard rows, repeats, sequences, dates and
// l33t spellings, and here also the common passwords and the user's own name and e-mail.
//
// The maximum is a limit on work and storage, not a truncation: argon2id (password.go) hashes
// every byte of the password, unlike bcrypt, which ignores everything after 72 bytes.
const (
	// minPassword is the fewest characters a password may have.
	minPassword = 10
	// maxPassword is the most characters a password may have.
	maxPassword = 128
	// minStrength is the lowest zxcvbn score accepted (0–4; 3 means fewer than 10^10 guesses
	// are not enough, "safely unguessable" against an online attack and a slow hash).
	minStrength = 3
)

// commonPasswordsText is the list of common passwords, most common first (see its header for
// where it comes from).
//
//go:embed commonpasswords.txt
var commonPasswordsText string

// commonPasswords returns the list in its order and as a set, read once.
var commonPasswords = sync.OnceValues(func() ([]string, map[string]bool) {
	var list []string
	set := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" || strings.HasPrefix(line, "#") || set[line] {
			continue
		}
		list = append(list, line)
		set[line] = true
	}
	return list, set
})

// CheckNewPassword checks a password someone wants to set; field names it in the refusal
// ("password", "new_password"). personal are the user's own words — user name, e-mail — which
// count as guessable and must not appear whole in the password. The error is EINVALID naming field, in the catalogue's words.
func CheckNewPassword(field, pw string, personal ...string) error {
	if !utf8.ValidString(pw) {
		return invalid(field, "is not valid UTF-8")
	}
	for _, r := range pw {
		if unicode.IsControl(r) {
			return invalid(field, "contains the invisible control character U+%04X; remove it", r)
		}
	}
	switch n := utf8.RuneCountInString(pw); {
	case n < minPassword:
		return invalid(field, "must have at least %d characters", minPassword)
	case n > maxPassword:
		return invalid(field, "must have at most %d characters", maxPassword)
	}
	lower := strings.ToLower(pw)
	for _, p := range personal {
		// The user name, and of an e-mail address the part before the @, whole.
		p = strings.ToLower(strings.TrimSpace(p))
		local, _, _ := strings.Cut(p, "@")
		for _, word := range []string{p, local} {
			if utf8.RuneCountInString(word) >= 3 && strings.Contains(lower, word) {
				return invalid(field, "must not contain the user name")
			}
		}
	}
	list, set := commonPasswords()
	if set[lower] {
		return invalid(field, "is one of the most common passwords; choose another")
	}
	if passwordScore(pw, list, personal) < minStrength {
		return invalid(field, "is too easy to guess (a word with digits, a name, a keyboard row or a date); choose a longer phrase of several unrelated words")
	}
	return nil
}

// passwordScore is the zxcvbn score of pw with the user's own words first (the most likely
// guesses) and the common passwords after them as dictionaries.
func passwordScore(pw string, common []string, personal []string) int {
	var inputs []string
	seen := map[string]bool{}
	addInput := func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		if len(s) >= 3 && !seen[s] {
			seen[s] = true
			inputs = append(inputs, s)
		}
	}
	for _, p := range personal {
		addInput(p)
		// The parts of a name or an address: "erika.muster@kreis-re.de" → erika, muster, kreis, re, de.
		for _, part := range strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune("@._-+ ", r) }) {
			addInput(part)
		}
	}
	for _, c := range common {
		if !seen[c] {
			inputs = append(inputs, c)
		}
	}
	return zxcvbn.PasswordStrength(pw, inputs).Score
}
