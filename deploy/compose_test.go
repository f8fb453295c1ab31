package deploy

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// composePath is docker-compose.yml, relative to this package's folder.
const composePath = "../docker-compose.yml"

// loadCompose loads docker-compose.yml as `docker compose --profile …` would: environment
// and .env interpolated, the Compose Specification's schema checked, services outside the
// active profiles moved to DisabledServices.
func loadCompose(t *testing.T, profiles ...string) *types.Project {
	t.Helper()
	opts, err := cli.NewProjectOptions([]string{composePath},
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithProfiles(profiles),
	)
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(t.Context())
	if err != nil {
		t.Fatalf("loading %s with profiles %q: %v", composePath, profiles, err)
	}
	return p
}

// service returns the enabled service name, failing the test when there is none.
func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, ok := p.Services[name]
	if !ok {
		t.Fatalf("profiles %q: no service %q (services: %q)", p.Profiles, name, p.ServiceNames())
	}
	return s
}

// env returns the value of the environment variable name of service s, "" when unset.
func env(s types.ServiceConfig, name string) string {
	if v := s.Environment[name]; v != nil {
		return *v
	}
	return ""
}

// checkHealthcheck fails when s has no healthcheck that runs something.
func checkHealthcheck(t *testing.T, s types.ServiceConfig) {
	t.Helper()
	hc := s.HealthCheck
	if hc == nil || hc.Disable || len(hc.Test) == 0 || hc.Test[0] == "NONE" {
		t.Errorf("service %s has no healthcheck", s.Name)
	}
}

// neo4jTarget checks that service client connects to Neo4j over Bolt (NEO4J_URI) with the
// password that Neo4j service is set up with, depends on it being healthy, and returns the
// name of that service.
func neo4jTarget(t *testing.T, p *types.Project, client types.ServiceConfig) string {
	t.Helper()
	raw := env(client, "NEO4J_URI")
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		t.Fatalf("service %s: NEO4J_URI=%q is no URL", client.Name, raw)
	}
	if !slices.Contains([]string{"neo4j", "bolt"}, u.Scheme) {
		t.Errorf("service %s: NEO4J_URI=%q: want scheme neo4j:// or bolt:// (no TLS inside the compose network)", client.Name, raw)
	}
	if u.Port() != "7687" {
		t.Errorf("service %s: NEO4J_URI=%q: want Bolt's container port 7687", client.Name, raw)
	}
	name := u.Hostname()
	server := service(t, p, name)
	if !strings.HasPrefix(server.Image, "neo4j:5") {
		t.Errorf("service %s: NEO4J_URI names service %s, whose image %q is no Neo4j 5", client.Name, name, server.Image)
	}
	if dep, ok := client.DependsOn[name]; !ok {
		t.Errorf("service %s does not depend on %s (depends_on, condition %s)", client.Name, name, types.ServiceConditionHealthy)
	} else if dep.Condition != types.ServiceConditionHealthy {
		t.Errorf("service %s: depends_on %s with condition %q, want %s", client.Name, name, dep.Condition, types.ServiceConditionHealthy)
	}
	if user := env(client, "NEO4J_USER"); user != "" && user != "neo4j" {
		t.Errorf("service %s: NEO4J_USER=%q, but NEO4J_AUTH of %s sets up the user neo4j", client.Name, user, name)
	}
	if pw, auth := env(client, "NEO4J_PASSWORD"), env(server, "NEO4J_AUTH"); auth != "neo4j/"+pw || pw == "" {
		t.Errorf("service %s: NEO4J_PASSWORD=%q does not match NEO4J_AUTH=%q of %s", client.Name, pw, auth, name)
	}
	return name
}

// namedVolume returns the named volume service s mounts at target, failing when there is none.
func namedVolume(t *testing.T, p *types.Project, s types.ServiceConfig, target string) string {
	t.Helper()
	for _, v := range s.Volumes {
		if v.Target == target {
			if v.Type != types.VolumeTypeVolume || v.Source == "" {
				t.Fatalf("service %s: %s is a %s mount of %q, want a named volume", s.Name, target, v.Type, v.Source)
			}
			if _, ok := p.Volumes[v.Source]; !ok {
				t.Errorf("service %s: volume %q is not declared under volumes:", s.Name, v.Source)
			}
			return v.Source
		}
	}
	t.Fatalf("service %s mounts no named volume at %s", s.Name, target)
	return ""
}

// checkBuild checks that s is built from the repository's Dockerfile at stage target, and that
// the Dockerfile has that stage.
func checkBuild(t *testing.T, p *types.Project, s types.ServiceConfig, target string) {
	t.Helper()
	b := s.Build
	if b == nil {
		t.Fatalf("service %s is not built (no build:)", s.Name)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Clean(b.Context) != root {
		t.Errorf("service %s: build context %q, want the repository root %q", s.Name, b.Context, root)
	}
	if df := b.Dockerfile; df != "" && df != "Dockerfile" && filepath.Clean(df) != filepath.Join(root, "Dockerfile") {
		t.Errorf("service %s: built from %q, want the repository's Dockerfile", s.Name, df)
	}
	if b.Target != target {
		t.Errorf("service %s: build target %q, want %q", s.Name, b.Target, target)
	}
	if parseDockerfile(t, dockerfilePath).stage(target) == nil {
		t.Errorf("service %s: the Dockerfile has no stage %q", s.Name, target)
	}
}

func TestComposeDefault(t *testing.T) {
	p := loadCompose(t)
	if got, want := p.ServiceNames(), []string{"neo4j", "netzwerkatlas"}; !slices.Equal(sorted(got), want) {
		t.Errorf("services without a profile: %q, want %q", got, want)
	}
	for _, name := range []string{"test", "neo4j-test"} {
		if _, ok := p.Services[name]; ok {
			t.Errorf("service %s runs without the test profile", name)
		}
		if _, ok := p.DisabledServices[name]; !ok {
			t.Errorf("service %s is missing from docker-compose.yml (profile test)", name)
		}
	}

	neo := service(t, p, "neo4j")
	if !strings.HasPrefix(neo.Image, "neo4j:5") {
		t.Errorf("neo4j: image %q, want neo4j:5…", neo.Image)
	}
	checkHealthcheck(t, neo)
	namedVolume(t, p, neo, "/data")
	if neo.Restart == "" || neo.Restart == "no" {
		t.Errorf("neo4j: restart policy %q", neo.Restart)
	}

	app := service(t, p, "netzwerkatlas")
	checkBuild(t, p, app, "runtime")
	if v := env(app, "NETZWERKATLAS_STORE"); v != "neo4j" {
		t.Errorf("netzwerkatlas: NETZWERKATLAS_STORE=%q, want neo4j", v)
	}
	if name := neo4jTarget(t, p, app); name != "neo4j" {
		t.Errorf("netzwerkatlas: NEO4J_URI names service %s, want neo4j", name)
	}
	if _, ok := app.Environment["NETZWERKATLAS_ADMIN_PASSWORD"]; !ok {
		t.Error("netzwerkatlas: NETZWERKATLAS_ADMIN_PASSWORD is not passed through")
	}
	checkHealthcheck(t, app)
	if hc := app.HealthCheck; hc != nil && !strings.Contains(strings.Join(hc.Test, " "), "/readyz") {
		t.Errorf("netzwerkatlas: healthcheck %q does not ask /readyz", hc.Test)
	}
	if app.Restart == "" || app.Restart == "no" {
		t.Errorf("netzwerkatlas: restart policy %q", app.Restart)
	}
	if !slices.ContainsFunc(app.Ports, func(pc types.ServicePortConfig) bool { return pc.Target == 8080 && pc.Published != "" }) {
		t.Errorf("netzwerkatlas: container port 8080 is not published: %+v", app.Ports)
	}
}

func TestComposeTestProfile(t *testing.T) {
	p := loadCompose(t, "test")
	for _, name := range []string{"neo4j", "netzwerkatlas", "neo4j-test", "test"} {
		service(t, p, name)
	}

	test := service(t, p, "test")
	if !slices.Contains(test.Profiles, "test") {
		t.Errorf("test: profiles %q, want test", test.Profiles)
	}
	checkBuild(t, p, test, "test")
	if v := env(test, "NETZWERKATLAS_TEST_NEO4J"); v != "1" {
		t.Errorf("test: NETZWERKATLAS_TEST_NEO4J=%q, want 1", v)
	}

	// The suite wipes its database: never the one the service keeps its data in.
	name := neo4jTarget(t, p, test)
	if name == "neo4j" {
		t.Fatal("test: the conformance suite would wipe the neo4j service's database; give it a Neo4j of its own")
	}
	server := service(t, p, name)
	if !slices.Contains(server.Profiles, "test") {
		t.Errorf("%s: profiles %q, want test (it exists only for the tests)", name, server.Profiles)
	}
	checkHealthcheck(t, server)
	for _, v := range server.Volumes {
		for _, w := range service(t, p, "neo4j").Volumes {
			if v.Source != "" && v.Source == w.Source {
				t.Errorf("%s and neo4j share the volume %q: the tests would wipe neo4j's data", name, v.Source)
			}
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
