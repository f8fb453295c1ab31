package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// voice is how the command line speaks to the operator: progress labels, summaries and
// errors in the catalogue's words (msg/catalogue/cli.json). German, unless the environment
// asks for English or a command's --lang says otherwise (README, "Command line"). Log lines
// (serve) and flag help stay English: they are read by machines and developers.
type voice struct {
	msg.Printer
}

// newVoice returns the voice the environment asks for: the first of LC_ALL, LC_MESSAGES and
// LANG that is set (the order of POSIX) decides; English when it starts with "en"
// (en_GB.UTF-8), German otherwise (de_DE.UTF-8, C, POSIX, nothing).
func newVoice(getenv func(string) string) *voice {
	return &voice{msg.For(envLang(getenv))}
}

func envLang(getenv func(string) string) msg.Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return msg.EN
			}
			return msg.DE
		}
	}
	return msg.DE
}

// flag registers --lang on fs: it changes the voice as soon as it is parsed, so an error
// about a later flag is already in the chosen language.
func (v *voice) flag(fs *flag.FlagSet, usage string) {
	fs.Func("lang", usage+" (default: from LC_ALL, LC_MESSAGES or LANG; German unless it starts with en)", func(s string) error {
		switch s {
		case "de", "en":
			v.Printer = msg.For(msg.Lang(s))
			return nil
		}
		return errors.New(v.T("cli.lang", msg.Args{"value": s}))
	})
}

// errorf returns an error whose text is the catalogue's message key with args.
func (v *voice) errorf(key string, args msg.Args) error {
	return errors.New(v.T(key, args))
}

// wrap returns err behind the catalogue's message key, whose {error} stands for err's text;
// errors.Is and errors.As still find err.
func (v *voice) wrap(key string, args msg.Args, err error) error {
	const mark = "\x00error\x00"
	all := msg.Args{"error": mark}
	for k, x := range args {
		all[k] = x
	}
	format := strings.Replace(strings.ReplaceAll(v.T(key, all), "%", "%%"), mark, "%w", 1)
	return fmt.Errorf(format, err)
}

// describe is err as the operator reads it: a domain error's message and its fields'
// messages in the voice's language (the catalogue's problems), anything else as it is.
func (v *voice) describe(err error) string {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(ge.Code)
	b.WriteString(": ")
	if ge.Format != "" {
		b.WriteString(v.Format(ge.Format, ge.Args...))
	} else {
		b.WriteString(v.Literal(ge.Message))
	}
	for _, f := range ge.Fields {
		b.WriteString("\n  ")
		b.WriteString(f.Field)
		b.WriteString(": ")
		if f.Format != "" {
			b.WriteString(v.Format(f.Format, f.Args...))
		} else {
			b.WriteString(v.Literal(f.Message))
		}
	}
	if ge.Err != nil {
		b.WriteString(": ")
		b.WriteString(ge.Err.Error())
	}
	// An error wrapped around the domain error keeps its own words around the new text.
	return strings.Replace(err.Error(), ge.Error(), b.String(), 1)
}

// or lists choices for the operator: "a, b or c" ("a, b oder c").
func (v *voice) or(choices ...string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return v.T("cli.or", msg.Args{"list": strings.Join(choices[:len(choices)-1], ", "), "last": choices[len(choices)-1]})
}
