// Command netzwerkatlas is the Netzwerkatlas service and its administration tool.
//
//	netzwerkatlas serve     start the HTTP service (embedded store and demo data by default)
//	netzwerkatlas seed      write the demo or a synthetic scale data set into a store
//	netzwerkatlas analyse   print an analysis of a region (coverage, gaps, …) as a table or JSON
//	netzwerkatlas import    import CSV, XLSX, a JSON export or GeoJSON boundaries (all or nothing)
//	netzwerkatlas export    export as JSON, CSV, XLSX, HSDS, GraphML or GeoJSON; import templates
//	netzwerkatlas migrate   copy everything into an empty store, e.g. embedded → neo4j
//	netzwerkatlas user      add and list users
//	netzwerkatlas backup    write a consistent copy of the embedded store (also while it serves)
//	netzwerkatlas restore   check a backup and put it in place as a data folder's store
//	netzwerkatlas version   print the version
//
// main only parses the command line and wires the packages: graph stores, httpapi, analysis, demo.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `Netzwerkatlas — who offers what where, for the integration work of German counties.

Usage:
  netzwerkatlas serve   [flags]   start the service (http://localhost:8080 by default)
  netzwerkatlas seed    [flags]   write the demo data or a synthetic scale data set
  netzwerkatlas analyse <analysis> --region KEY
                                  print coverage, gaps, … of a region (table or JSON)
  netzwerkatlas import  [flags] FILE...
                                  import CSV, XLSX, a JSON export or GeoJSON (--dry-run: report only)
  netzwerkatlas export  --format json|csv|xlsx|hsds|graphml|geojson [--region KEY] [-o FILE]
                                  export the directory, analyses, network; --template: import template
  netzwerkatlas report  --region KEY [--from ID|DATE] [--to ID|DATE] [--format pdf|docx|xlsx|html] [-o FILE]
                                  write the Sachstandsbericht of the integration concept
  netzwerkatlas migrate [flags]   copy everything into an empty store (embedded → neo4j)
  netzwerkatlas user add|list     manage the users who sign in
  netzwerkatlas backup  [--data DIR | --url URL] FILE
                                  write a consistent copy of the embedded store (- = stdout)
  netzwerkatlas restore --data DIR [--force] [--dry-run] FILE
                                  check a backup and restore it into a data folder
  netzwerkatlas version           print the version

Run "netzwerkatlas <command> -h" for the flags of a command.
`

// run executes one command and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	// What the commands print for people is German, or English by the environment or --lang.
	v := newVoice(os.Getenv)
	var err error
	switch args[0] {
	case "serve":
		err = runServe(ctx, v, args[1:], stdout, stderr)
	case "seed":
		err = runSeed(ctx, v, args[1:], stdout, stderr)
	case "analyse", "analyze":
		err = runAnalyse(ctx, v, args[1:], stdout, stderr)
	case "import":
		err = runImport(ctx, v, args[1:], stdout, stderr)
	case "export":
		err = runExport(ctx, v, args[1:], stdout, stderr)
	case "report":
		err = runReport(ctx, v, args[1:], stdout, stderr)
	case "migrate":
		err = runMigrate(ctx, v, args[1:], stdout, stderr)
	case "user":
		err = runUser(ctx, v, args[1:], stdin, stdout, stderr)
	case "backup":
		err = runBackup(ctx, v, args[1:], stdout, stderr)
	case "restore":
		err = runRestore(ctx, v, args[1:], stdin, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "netzwerkatlas %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "%s\n\n%s", v.T("cli.unknown_command", msg.Args{"command": args[0]}), usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "netzwerkatlas %s: %s\n", args[0], v.describe(err))
	return 1
}

var errUsage = errors.New("usage")
