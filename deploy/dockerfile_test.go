package deploy

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// dockerfilePath is the Dockerfile, relative to this package's folder.
const dockerfilePath = "../Dockerfile"

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	Cmd  string // upper case: FROM, RUN, COPY, …
	Args string // the rest of the instruction
	Line int    // 1-based line where it starts
}

// stage is one build stage: a FROM and the instructions up to the next FROM.
type stage struct {
	Base  string // the image or stage it starts from, global ARGs expanded
	Name  string // the AS name, or ""
	Instr []instruction
}

// dockerfile is a parsed Dockerfile.
type dockerfile struct {
	Args   map[string]string // global ARGs (before the first FROM) with their defaults
	Stages []stage
}

// parseDockerfile splits a Dockerfile into instructions and stages. It understands what
// this repository's Dockerfile uses — comments, backslash continuations, global ARGs, FROM …
// AS … — and is no general Dockerfile parser (no heredocs, no escape directive).
func parseDockerfile(t *testing.T, path string) dockerfile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var instrs []instruction
	var cur strings.Builder
	start := 0
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		// Comment lines are dropped, also inside a continued instruction (as Docker does).
		if strings.HasPrefix(trimmed, "#") || (trimmed == "" && cur.Len() == 0) {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		} else {
			cur.WriteByte(' ')
		}
		if strings.HasSuffix(trimmed, `\`) {
			cur.WriteString(strings.TrimSpace(strings.TrimSuffix(trimmed, `\`)))
			continue
		}
		cur.WriteString(trimmed)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		instrs = append(instrs, instruction{Cmd: strings.ToUpper(cmd), Args: strings.TrimSpace(args), Line: start})
		cur.Reset()
	}
	if cur.Len() > 0 {
		t.Fatalf("%s: the instruction at line %d ends with a continuation", path, start)
	}

	df := dockerfile{Args: map[string]string{}}
	for _, in := range instrs {
		switch {
		case in.Cmd == "FROM":
			f := strings.Fields(in.Args)
			f = slices.DeleteFunc(f, func(s string) bool { return strings.HasPrefix(s, "--") }) // --platform=…
			if len(f) != 1 && (len(f) != 3 || !strings.EqualFold(f[1], "AS")) {
				t.Fatalf("%s:%d: cannot read FROM %s", path, in.Line, in.Args)
			}
			st := stage{Base: os.Expand(f[0], func(k string) string { return df.Args[k] })}
			if len(f) == 3 {
				st.Name = f[2]
			}
			df.Stages = append(df.Stages, st)
		case len(df.Stages) == 0:
			if in.Cmd != "ARG" {
				t.Fatalf("%s:%d: %s before the first FROM", path, in.Line, in.Cmd)
			}
			name, def, _ := strings.Cut(in.Args, "=")
			df.Args[name] = strings.Trim(def, `"`)
		default:
			last := &df.Stages[len(df.Stages)-1]
			last.Instr = append(last.Instr, in)
		}
	}
	if len(df.Stages) == 0 {
		t.Fatalf("%s: no FROM", path)
	}
	return df
}

// stage returns the stage called name, or nil.
func (df dockerfile) stage(name string) *stage {
	for i := range df.Stages {
		if df.Stages[i].Name == name {
			return &df.Stages[i]
		}
	}
	return nil
}

// buildStage returns the stage that builds the binary (go build ./cmd/netzwerkatlas).
func (df dockerfile) buildStage(t *testing.T) *stage {
	t.Helper()
	for i, st := range df.Stages {
		if st.runs("go build", "./cmd/netzwerkatlas") {
			if st.Name == "" {
				t.Fatal("the Go build stage has no name (FROM … AS build)")
			}
			return &df.Stages[i]
		}
	}
	t.Fatal("no stage runs go build ./cmd/netzwerkatlas")
	return nil
}

// all returns the instructions of the stage with the command cmd.
func (st stage) all(cmd string) []instruction {
	var out []instruction
	for _, in := range st.Instr {
		if in.Cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// last returns the last instruction of the stage with the command cmd: the one in force for
// USER, CMD, ENTRYPOINT. ok is false when there is none.
func (st stage) last(cmd string) (instruction, bool) {
	all := st.all(cmd)
	if len(all) == 0 {
		return instruction{}, false
	}
	return all[len(all)-1], true
}

// argv returns the command line of a CMD, ENTRYPOINT or RUN: the JSON array of the exec form,
// or the shell form as sh -c would get it.
func argv(t *testing.T, in instruction) []string {
	t.Helper()
	if strings.HasPrefix(in.Args, "[") {
		var v []string
		if err := json.Unmarshal([]byte(in.Args), &v); err != nil {
			t.Fatalf("Dockerfile:%d: %s %s: %v", in.Line, in.Cmd, in.Args, err)
		}
		return v
	}
	return []string{"/bin/sh", "-c", in.Args}
}

// runs reports whether some RUN or CMD of the stage contains every one of words.
func (st stage) runs(words ...string) bool {
	for _, in := range st.Instr {
		if in.Cmd != "RUN" && in.Cmd != "CMD" {
			continue
		}
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(in.Args, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// copiesFrom reports whether the stage has a COPY --from=from whose arguments contain path.
func (st stage) copiesFrom(from, path string) bool {
	for _, in := range st.all("COPY") {
		if strings.Contains(in.Args, "--from="+from+" ") && strings.Contains(in.Args, path) {
			return true
		}
	}
	return false
}

// env returns the value the stage's ENV instructions give name (KEY=value form only).
func (st stage) env(name string) (string, bool) {
	val, found := "", false
	for _, in := range st.all("ENV") {
		for _, kv := range strings.Fields(in.Args) {
			if k, v, ok := strings.Cut(kv, "="); ok && k == name {
				val, found = strings.Trim(v, `"`), true
			}
		}
	}
	return val, found
}

func TestDockerfileStages(t *testing.T) {
	df := parseDockerfile(t, dockerfilePath)
	if len(df.Stages) < 3 {
		t.Fatalf("want a multi-stage build (web app, Go binary, runtime), got %d stages", len(df.Stages))
	}
	names := map[string]bool{}
	for _, st := range df.Stages {
		if st.Name != "" && names[st.Name] {
			t.Errorf("stage name %q used twice", st.Name)
		}
		names[st.Name] = true
	}

	// The web app: npm ci from the lock file, then the Vite build.
	var front *stage
	for i, st := range df.Stages {
		if st.runs("npm ci") && st.runs("npm run build") {
			front = &df.Stages[i]
			break
		}
	}
	if front == nil {
		t.Fatal("no stage runs npm ci and npm run build (the web app)")
	}
	if !strings.HasPrefix(front.Base, "node:") {
		t.Errorf("web app stage %q starts from %q, want an official node image", front.Name, front.Base)
	}
	if copies := front.all("COPY"); len(copies) == 0 || !strings.Contains(copies[0].Args, "package-lock.json") {
		t.Errorf("web app stage %q: the first COPY should copy package.json and package-lock.json alone (layer caching)", front.Name)
	}

	// The binary: static, trimmed, versioned, from ./cmd/netzwerkatlas, with the web app in.
	build := df.buildStage(t)
	if !strings.HasPrefix(build.Base, "golang:") {
		t.Errorf("Go build stage starts from %q, want an official golang image", build.Base)
	}
	for _, w := range []string{"CGO_ENABLED=0", "-trimpath", "-X main.version="} {
		if !build.runs("go build", w) {
			t.Errorf("go build in stage %q lacks %s", build.Name, w)
		}
	}
	if !build.runs("go mod download") {
		t.Errorf("stage %q should download the modules in a layer of their own (go mod download)", build.Name)
	}
	if !build.copiesFrom(front.Name, "frontend/dist") {
		t.Errorf("stage %q does not copy frontend/dist from the web app stage %q", build.Name, front.Name)
	}
	if !slices.ContainsFunc(build.all("ARG"), func(in instruction) bool { return strings.HasPrefix(in.Args, "VERSION") }) {
		t.Errorf("stage %q has no build argument VERSION", build.Name)
	}

	// The conformance suite of the Neo4j store, on top of the build stage.
	test := df.stage("test")
	if test == nil {
		t.Fatal("no stage named test (FROM build AS test), which docker-compose.yml's test profile runs")
	}
	if test.Base != build.Name {
		t.Errorf("test stage starts from %q, want the Go build stage %q", test.Base, build.Name)
	}
	cmd, ok := test.last("CMD")
	if !ok {
		t.Fatal("test stage has no CMD")
	}
	line := strings.Join(argv(t, cmd), " ")
	for _, w := range []string{"go test", "./graph/neo4j", "-run TestConformance", "-count=1"} {
		if !strings.Contains(line, w) {
			t.Errorf("test stage CMD %q lacks %q", line, w)
		}
	}
	if v, _ := test.env("NETZWERKATLAS_TEST_NEO4J"); v != "1" {
		t.Errorf("test stage: NETZWERKATLAS_TEST_NEO4J=%q, want 1 (fail, never skip, without Neo4j)", v)
	}
}

func TestDockerfileRuntime(t *testing.T) {
	df := parseDockerfile(t, dockerfilePath)
	final := df.Stages[len(df.Stages)-1]
	if final.Name == "test" || final.runs("go test") {
		t.Fatal("the final stage (what a plain docker build produces) must be the runtime image, not the tests")
	}
	for _, st := range df.Stages[:len(df.Stages)-1] {
		if final.Base == st.Name {
			t.Errorf("runtime stage starts from stage %q, want a small base image", st.Name)
		}
	}
	if build := df.buildStage(t); !final.copiesFrom(build.Name, "netzwerkatlas") {
		t.Errorf("runtime stage does not copy the binary from the Go build stage %q", build.Name)
	}

	// Non-root: a USER that is not root, or a base image whose default user is nonroot.
	user, hasUser := final.last("USER")
	switch {
	case hasUser:
		name, _, _ := strings.Cut(user.Args, ":")
		if name == "root" || name == "0" || name == "" {
			t.Errorf("runtime stage runs as %q, want a non-root user", user.Args)
		}
	case !strings.Contains(final.Base, "nonroot"):
		t.Errorf("runtime stage starts from %q and sets no USER: it would run as root", final.Base)
	}

	exposed := false
	for _, in := range final.all("EXPOSE") {
		for _, p := range strings.Fields(in.Args) {
			exposed = exposed || p == "8080" || p == "8080/tcp"
		}
	}
	if !exposed {
		t.Error("runtime stage does not EXPOSE 8080")
	}
	for name, want := range map[string]string{"NETZWERKATLAS_DATA": "/data", "NETZWERKATLAS_LOG_FORMAT": "json"} {
		if v, _ := final.env(name); v != want {
			t.Errorf("runtime stage: ENV %s=%q, want %q", name, v, want)
		}
	}
	if !slices.ContainsFunc(final.all("VOLUME"), func(in instruction) bool { return strings.Contains(in.Args, "/data") }) {
		t.Error("runtime stage declares no VOLUME /data")
	}

	// What the container runs by default: netzwerkatlas serve.
	var command []string
	if ep, ok := final.last("ENTRYPOINT"); ok {
		command = append(command, argv(t, ep)...)
	}
	if cmd, ok := final.last("CMD"); ok {
		command = append(command, argv(t, cmd)...)
	}
	if len(command) < 2 || !strings.HasSuffix(command[0], "netzwerkatlas") || command[1] != "serve" {
		t.Errorf("the container runs %q by default, want netzwerkatlas serve", command)
	}
}
