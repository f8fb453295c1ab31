package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/httpapi"
)

// roleFlags collects --role REGION=ROLE flags.
type roleFlags map[string]graph.Role

func (r roleFlags) String() string { return fmt.Sprint(map[string]graph.Role(r)) }

func (r roleFlags) Set(v string) error {
	region, role, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("%q: use REGION=ROLE, e.g. 05562=coordinator", v)
	}
	r[strings.TrimSpace(region)] = graph.Role(strings.TrimSpace(role))
	return nil
}

func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		fmt.Fprintln(stderr, "Usage: netzwerkatlas user add --username NAME [--role REGION=ROLE]… [--admin] [--organisation ID] [--password-stdin]\n       netzwerkatlas user list")
		return errUsage
	}
	var cfg Config
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	cfg.storeFlags(fs)
	var name, org string
	var admin, fromStdin bool
	roles := roleFlags{}
	if args[0] == "add" {
		fs.StringVar(&name, "username", "", "sign-in name (a-z, 0-9, . _ - @)")
		fs.Var(roles, "role", "role in a region, REGION=ROLE with ROLE viewer, member, coordinator or admin (repeatable)")
		fs.BoolVar(&admin, "admin", false, "administrator of every region")
		fs.StringVar(&org, "organisation", "", "the organisation a member may edit")
		fs.BoolVar(&fromStdin, "password-stdin", false, "read the password from standard input (default: a random one, printed once)")
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	if args[0] == "list" {
		users, err := store.ListUsers(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			var rs []string
			for region, role := range u.Roles {
				rs = append(rs, region+"="+string(role))
			}
			sort.Strings(rs)
			admin := ""
			if u.Admin {
				admin = " admin"
			}
			fmt.Fprintf(stdout, "%s%s %s\n", u.Username, admin, strings.Join(rs, " "))
		}
		return nil
	}
	pw, generated := "", false
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return err
		}
		pw = strings.TrimRight(line, "\r\n")
		if len(pw) < 10 {
			return fmt.Errorf("the password must have at least 10 characters")
		}
	} else {
		pw, generated = httpapi.RandomPassword(), true
	}
	hash, err := httpapi.HashPassword(pw)
	if err != nil {
		return err
	}
	u, err := store.CreateUser(graph.WithUser(ctx, "cli"), &graph.User{Username: name, PasswordHash: hash, Admin: admin, Roles: roles, Organisation: org})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "created user %s\n", u.Username)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n(shown only once)\n", pw)
	}
	return nil
}

// describe spells out a domain error's field problems for the terminal.
func describe(err error) error {
	fields := graph.FieldErrors(err)
	if len(fields) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString(graph.ErrorMessage(err))
	for _, f := range fields {
		fmt.Fprintf(&b, "\n  %s: %s", f.Field, f.Message)
	}
	return fmt.Errorf("%s", b.String())
}
