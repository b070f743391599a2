package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ninebridges/ninebridges/facts"
)

// Config is every setting of ninebridges, in one place. Each is both a
// flag and a NINEBRIDGES_* environment variable; a flag given wins over
// the variable, and the variable over the default. The token alone is
// read only from DISCORD_TOKEN or a file, never a flag, so that it cannot
// show in a process listing.
type Config struct {
	TokenFile  string
	DiscordURL string
	Guild      string
	ShardID    int
	ShardCount int
	DB         string
	DataDir    string
	HTTPAddr   string
	PublicURL  string
	// ClientIPHeader names the header a proxy in front of the site sets
	// to the client's address, for the site's rate limit.
	ClientIPHeader string
	LogFormat      string
	Lang           string
	Dir            string

	InteractionsAddr string
	PublicKey        string
	Register         bool

	token     string // DISCORD_TOKEN
	sysLang   string // LANG, the system locale, for the console's default
	stateHome string // XDG_STATE_HOME: the console's history and log
	noColor   bool   // NO_COLOR is set
}

// setting is one Config field as a flag and an environment variable.
type setting struct {
	flag, env, def, usage string
	field                 func(*Config) any // *string or *int
}

// settings are every setting, in the order --help and the README list them.
var settings = []setting{
	{"token-file", "NINEBRIDGES_TOKEN_FILE", "", "read the bot token from `FILE` (else DISCORD_TOKEN; the token is never a flag)", func(c *Config) any { return &c.TokenFile }},
	{"guild", "NINEBRIDGES_GUILD", "", "register the commands in guild `ID` only: instant, for development (default: globally, which Discord takes up to an hour to show)", func(c *Config) any { return &c.Guild }},
	{"shard-id", "NINEBRIDGES_SHARD_ID", "0", "this process's shard, `N`", func(c *Config) any { return &c.ShardID }},
	{"shard-count", "NINEBRIDGES_SHARD_COUNT", "0", "total shards, `M` (0: Discord's recommended count)", func(c *Config) any { return &c.ShardCount }},
	{"db", "NINEBRIDGES_DB", "", "the reminder store: `postgres://…` for several processes on one database (default: SQLite in the data directory)", func(c *Config) any { return &c.DB }},
	{"data-dir", "NINEBRIDGES_DATA_DIR", defaultDataDir, "where the SQLite file lives, `DIR`", func(c *Config) any { return &c.DataDir }},
	{"http-addr", "NINEBRIDGES_HTTP_ADDR", "", "serve the site, /healthz and /metrics on `ADDR`, e.g. :8080 (default: off)", func(c *Config) any { return &c.HTTPAddr }},
	{"public-url", "NINEBRIDGES_PUBLIC_URL", "", "where the site is reachable, `URL` such as https://ninebridges.example: answers on Discord link to their pages (default: no links)", func(c *Config) any { return &c.PublicURL }},
	{"client-ip-header", "NINEBRIDGES_CLIENT_IP_HEADER", "", "behind your own proxy, the `HEADER` it sets to the client's address (e.g. X-Forwarded-For; its last address counts), for the site's rate limit (default: the connection's address)", func(c *Config) any { return &c.ClientIPHeader }},
	{"discord-url", "NINEBRIDGES_DISCORD_URL", "", "send every REST request to `URL` (a REST proxy, a test server) instead of https://discord.com", func(c *Config) any { return &c.DiscordURL }},
	{"log-format", "NINEBRIDGES_LOG_FORMAT", "text", "logs as `FORMAT`: text or json", func(c *Config) any { return &c.LogFormat }},
	{"lang", "NINEBRIDGES_LANG", "", "the console's language, `LANG`: en, ko or ru (default: from the system's LANG, else en)", func(c *Config) any { return &c.Lang }},
	{"dir", "NINEBRIDGES_DIR", "", "serve the fact base in `DIR` (holding corpus/ and data/) instead of the embedded one", func(c *Config) any { return &c.Dir }},
	{"interactions-addr", "NINEBRIDGES_INTERACTIONS_ADDR", ":8081", "serve-http: take Discord's HTTP interactions at POST /interactions on `ADDR`", func(c *Config) any { return &c.InteractionsAddr }},
	{"public-key", "NINEBRIDGES_PUBLIC_KEY", "", "serve-http: the application's public `KEY` (hex, from the developer portal) that signs every interaction", func(c *Config) any { return &c.PublicKey }},
	{"register", "NINEBRIDGES_REGISTER", "false", "serve-http: register the commands at start (one replica only; else run \"ninebridges register\")", func(c *Config) any { return &c.Register }},
}

func settingNamed(name string) setting {
	for _, s := range settings {
		if s.flag == name {
			return s
		}
	}
	panic("no setting " + name)
}

// lookup reports whether name is set, through an env that returns "" for
// unset: NO_COLOR counts when set to anything, even "".
func lookup(getenv env, name string) (string, bool) {
	v := getenv(name)
	return v, v != ""
}

// loadConfig is the defaults overridden by the environment.
func loadConfig(getenv env) (Config, error) {
	var c Config
	for _, s := range settings {
		v := s.def
		if e := strings.TrimSpace(getenv(s.env)); e != "" {
			v = e
		}
		if err := set(&c, s, v); err != nil {
			return c, fmt.Errorf("%s: %w", s.env, err)
		}
	}
	c.token = strings.TrimSpace(getenv("DISCORD_TOKEN"))
	c.sysLang = getenv("LANG")
	c.stateHome = getenv("XDG_STATE_HOME")
	if c.stateHome == "" && getenv("HOME") != "" {
		c.stateHome = filepath.Join(getenv("HOME"), ".local", "state")
	}
	_, c.noColor = lookup(getenv, "NO_COLOR")
	return c, c.check()
}

func set(c *Config, s setting, v string) error {
	switch p := s.field(c).(type) {
	case *string:
		*p = v
	case *int:
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", v)
		}
		*p = n
	case *bool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("%q is not true or false", v)
		}
		*p = b
	}
	return nil
}

// bind adds the named settings to fs as flags, their defaults what c holds.
func (c *Config) bind(fs *flag.FlagSet, names ...string) {
	for _, n := range names {
		s := settingNamed(n)
		usage := s.usage + " [$" + s.env + "]"
		switch p := s.field(c).(type) {
		case *string:
			fs.StringVar(p, s.flag, *p, usage)
		case *int:
			fs.IntVar(p, s.flag, *p, usage)
		case *bool:
			fs.BoolVar(p, s.flag, *p, usage)
		}
	}
}

// check refuses settings that cannot work, with what to type instead.
func (c *Config) check() error {
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("log format %q: use text or json", c.LogFormat)
	}
	if c.Lang != "" {
		if _, err := facts.ParseLang(c.Lang); err != nil {
			return fmt.Errorf("language %q: use en, ko or ru", c.Lang)
		}
	}
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return fmt.Errorf("public URL %q: use an absolute http or https URL such as https://ninebridges.example", c.PublicURL)
		}
	}
	if c.ShardCount < 0 || c.ShardCount > 0 && (c.ShardID < 0 || c.ShardID >= c.ShardCount) {
		return fmt.Errorf("shard %d of %d: --shard-id must be in [0, --shard-count)", c.ShardID, c.ShardCount)
	}
	return nil
}

// nameAndUsage are the flag's argument name and its usage text, as the
// flag package shows them ("" for a boolean).
func (s setting) nameAndUsage() (string, string) {
	name, usage := flag.UnquoteUsage(&flag.Flag{Name: s.flag, Usage: s.usage})
	if _, isBool := s.field(&Config{}).(*bool); isBool {
		name = ""
	}
	return name, usage
}

// allSettings are the names of every setting, for the top level.
func allSettings() []string {
	var names []string
	for _, s := range settings {
		names = append(names, s.flag)
	}
	return names
}

// writeSettings prints the settings table of --help.
func writeSettings(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  FLAG\tENVIRONMENT\tDEFAULT\tMEANING")
	for _, s := range settings {
		name, usage := s.nameAndUsage()
		def := s.def
		if def == "" || def == "false" || def == "0" && s.flag == "shard-id" {
			def = "-"
		}
		fmt.Fprintf(tw, "  --%s %s\t%s\t%s\t%s\n", s.flag, name, s.env, def, usage)
	}
	fmt.Fprintf(tw, "  (token)\tDISCORD_TOKEN\t-\tthe bot token; without one, plain \"ninebridges\" opens the console\n")
	tw.Flush()
}

// settingsMarkdown is the README's settings table, generated from settings
// (TestReadmeSettings keeps the README's copy in step).
func settingsMarkdown() string {
	var b strings.Builder
	b.WriteString("| flag | environment | default | meaning |\n|---|---|---|---|\n")
	for _, s := range settings {
		name, usage := s.nameAndUsage()
		def := "`" + s.def + "`"
		if s.def == "" || s.def == "false" {
			def = ""
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", strings.TrimSpace("--"+s.flag+" "+name), s.env, def, strings.ReplaceAll(usage, "|", `\|`))
	}
	b.WriteString("| | `DISCORD_TOKEN` | | the bot token (or `--token-file`); never a flag, never logged |\n")
	return b.String()
}
