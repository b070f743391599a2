package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// compose.yaml is what operators run: it must parse, give each profile
// its services, publish health and metrics on loopback only, hard-code no
// password, and set only settings that exist.
func TestComposeFile(t *testing.T) {
	data, err := os.ReadFile("../../compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Profiles    []string          `yaml:"profiles"`
			Command     []string          `yaml:"command"`
			Environment map[string]string `yaml:"environment"`
			Ports       []string          `yaml:"ports"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	byProfile := map[string][]string{}
	for name, svc := range c.Services {
		for _, p := range svc.Profiles {
			byProfile[p] = append(byProfile[p], name)
		}
		if len(svc.Command) > 0 && name != "caddy" {
			known := slices.Contains(commandNames(), svc.Command[0])
			if !known {
				t.Errorf("%s runs %q, not a ninebridges command", name, svc.Command[0])
			}
		}
		for k, v := range svc.Environment {
			if strings.HasPrefix(k, "NINEBRIDGES_") && !slices.ContainsFunc(settings, func(s setting) bool { return s.env == k }) {
				t.Errorf("%s sets %s, which is no setting", name, k)
			}
			if strings.Contains(strings.ToLower(k), "password") && !strings.Contains(v, "${") {
				t.Errorf("%s hard-codes %s", name, k)
			}
			if strings.Contains(v, "postgres://") && !strings.Contains(v, "${POSTGRES_PASSWORD") {
				t.Errorf("%s hard-codes the database password in %s", name, k)
			}
		}
		for _, p := range svc.Ports {
			if strings.HasSuffix(p, ":8080") && !strings.HasPrefix(p, "127.0.0.1:") {
				t.Errorf("%s publishes /metrics to the world: %q", name, p)
			}
		}
	}
	for _, p := range []string{"gateway", "http"} {
		if len(byProfile[p]) == 0 {
			t.Errorf("no services in profile %s", p)
		}
	}
	if !regexp.MustCompile(`serve-http`).Match(data) {
		t.Error("the http profile runs no serve-http replica")
	}
}
