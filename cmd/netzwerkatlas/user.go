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
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// roleFlags collects --role REGION=ROLE flags.
type roleFlags struct {
	roles map[string]graph.Role
	v     *voice
}

func (r roleFlags) String() string { return fmt.Sprint(r.roles) }

func (r roleFlags) Set(s string) error {
	region, role, ok := strings.Cut(s, "=")
	if !ok {
		return r.v.errorf("cli.user.role", msg.Args{"value": s})
	}
	r.roles[strings.TrimSpace(region)] = graph.Role(strings.TrimSpace(role))
	return nil
}

func runUser(ctx context.Context, v *voice, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "password") {
		fmt.Fprintln(stderr, "Usage: netzwerkatlas user add --username NAME [--role REGION=ROLE]… [--admin] [--organisation ID] [--password-stdin]\n       netzwerkatlas user password --username NAME [--password-stdin]\n       netzwerkatlas user list")
		return errUsage
	}
	var cfg Config
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	cfg.storeFlags(fs)
	var name, org string
	var admin, fromStdin bool
	roles := roleFlags{roles: map[string]graph.Role{}, v: v}
	if args[0] == "add" || args[0] == "password" {
		fs.StringVar(&name, "username", "", "sign-in name (a-z, 0-9, . _ - @)")
		fs.BoolVar(&fromStdin, "password-stdin", false, "read the password from standard input (default: a random one, printed once)")
	}
	if args[0] == "add" {
		fs.Var(roles, "role", "role in a region, REGION=ROLE with ROLE viewer, member, coordinator or admin (repeatable)")
		fs.BoolVar(&admin, "admin", false, "administrator of every region")
		fs.StringVar(&org, "organisation", "", "the organisation a member may edit")
	}
	v.flag(fs, "language of what the command prints for people: de or en")
	if err := parse(v, fs, args[1:], stderr); err != nil {
		return err
	}
	cfg.Lang = v.Lang
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
	name = strings.ToLower(strings.TrimSpace(name))
	pw, generated := "", false
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return err
		}
		pw = strings.TrimRight(line, "\r\n")
		if err := httpapi.CheckNewPassword("password", pw, name); err != nil {
			return err
		}
	} else {
		pw, generated = httpapi.RandomPassword(), true
	}
	hash, err := httpapi.HashPassword(pw)
	if err != nil {
		return err
	}
	cctx := graph.WithUser(ctx, "cli")
	if args[0] == "password" {
		// A reset: the store ends every session and API token of the user with the change.
		u, err := store.GetUser(cctx, name)
		if err != nil {
			return err
		}
		u.PasswordHash = hash
		if _, err := store.UpdateUser(cctx, u, u.Version); err != nil {
			return err
		}
		fmt.Fprintln(stdout, v.T("cli.user.password_changed", msg.Args{"name": u.Username}))
	} else {
		u, err := store.CreateUser(cctx, &graph.User{Username: name, PasswordHash: hash, Admin: admin, Roles: roles.roles, Organisation: org})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, v.T("cli.user.created", msg.Args{"name": u.Username}))
	}
	if generated {
		fmt.Fprintln(stdout, v.T("cli.user.password", msg.Args{"password": pw}))
	}
	return nil
}
