package discordtest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

var commandNameRe = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// Commands returns copies of the application commands currently registered
// for a guild, or the global ones when guildID is "". They carry the ids,
// application_id, guild_id and version the server assigned.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	raw := mustJSON(s.commands[guildID])
	s.mu.Unlock()
	var out []*discordgo.ApplicationCommand
	_ = json.Unmarshal(raw, &out)
	return out
}

// SetCommands preloads the commands of a scope (guildID "" = global), as if
// registered by an earlier run of the bot. Ids are assigned when empty.
func (s *Server) SetCommands(guildID string, cmds []*discordgo.ApplicationCommand) {
	var cp []*discordgo.ApplicationCommand
	_ = json.Unmarshal(mustJSON(cmds), &cp)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[guildID] = s.assignCommandsLocked(guildID, cp)
	s.bumpLocked()
}

// commandIDLocked returns the id of a registered command (guild scope first,
// then global), or a fresh snowflake.
func (s *Server) commandIDLocked(guildID, name string, t discordgo.ApplicationCommandType) string {
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			ct := c.Type
			if ct == 0 {
				ct = discordgo.ChatApplicationCommand
			}
			if c.Name == name && ct == t {
				return c.ID
			}
		}
	}
	return s.newSnowflakeLocked()
}

// assignCommandsLocked gives commands their ids (kept for an existing command
// with the same name and type), application id, guild id and version.
func (s *Server) assignCommandsLocked(guildID string, cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	old := s.commands[guildID]
	out := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, c := range cmds {
		if c.Type == 0 {
			c.Type = discordgo.ChatApplicationCommand
		}
		if c.ID == "" {
			for _, o := range old {
				if o.Name == c.Name && o.Type == c.Type {
					c.ID = o.ID
				}
			}
		}
		if c.ID == "" {
			c.ID = s.newSnowflakeLocked()
		}
		c.ApplicationID = s.cfg.appID
		c.GuildID = guildID
		c.Version = s.newSnowflakeLocked()
		if c.Type != discordgo.ChatApplicationCommand {
			c.Description = ""
		}
		out = append(out, c)
	}
	return out
}

func validateCommandList(cmds []*discordgo.ApplicationCommand) *apiResp {
	fail := func(r apiResp) *apiResp { return &r }
	seen := map[string]bool{}
	counts := map[discordgo.ApplicationCommandType]int{}
	for i, c := range cmds {
		if c == nil {
			return fail(formError(strconv.Itoa(i), "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"))
		}
		if r := validateCommand(c, strconv.Itoa(i)+"."); r != nil {
			return r
		}
		t := c.Type
		if t == 0 {
			t = discordgo.ChatApplicationCommand
		}
		counts[t]++
		key := strconv.Itoa(int(t)) + "\x00" + c.Name
		if seen[key] {
			return fail(formError(strconv.Itoa(i)+".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"))
		}
		seen[key] = true
	}
	if counts[discordgo.ChatApplicationCommand] > 100 {
		return fail(formError("", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."))
	}
	if counts[discordgo.UserApplicationCommand] > 15 || counts[discordgo.MessageApplicationCommand] > 15 {
		return fail(formError("", "APPLICATION_COMMANDS_MAX_CONTEXT_MENU", "Maximum number of context menu commands reached (15)"))
	}
	return nil
}

func validateCommand(c *discordgo.ApplicationCommand, prefix string) *apiResp {
	fail := func(r apiResp) *apiResp { return &r }
	t := c.Type
	if t == 0 {
		t = discordgo.ChatApplicationCommand
	}
	switch t {
	case discordgo.ChatApplicationCommand:
		if !commandNameRe.MatchString(c.Name) || strings.ToLower(c.Name) != c.Name {
			return fail(formError(prefix+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"))
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
			return fail(formError(prefix+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
		}
		return validateOptions(c.Options, prefix+"options.", 0)
	case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
		if n := utf8.RuneCountInString(c.Name); n < 1 || n > 32 {
			return fail(formError(prefix+"name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length."))
		}
		if len(c.Options) > 0 {
			return fail(formError(prefix+"options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Context menu commands cannot have options"))
		}
		return nil
	}
	return fail(formError(prefix+"type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4)."))
}

func validateOptions(opts []*discordgo.ApplicationCommandOption, prefix string, depth int) *apiResp {
	fail := func(r apiResp) *apiResp { return &r }
	if len(opts) > 25 {
		return fail(formError(strings.TrimSuffix(prefix, "."), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
	}
	seen := map[string]bool{}
	optionalSeen := false
	for i, o := range opts {
		p := prefix + strconv.Itoa(i) + "."
		if o == nil {
			return fail(formError(p[:len(p)-1], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"))
		}
		if !commandNameRe.MatchString(o.Name) || strings.ToLower(o.Name) != o.Name {
			return fail(formError(p+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"))
		}
		if seen[o.Name] {
			return fail(formError(p+"name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique"))
		}
		seen[o.Name] = true
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
			return fail(formError(p+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
		}
		if o.Type < discordgo.ApplicationCommandOptionSubCommand || o.Type > discordgo.ApplicationCommandOptionAttachment {
			return fail(formError(p+"type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)."))
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommandGroup, discordgo.ApplicationCommandOptionSubCommand:
			if depth >= 2 || (o.Type == discordgo.ApplicationCommandOptionSubCommandGroup && depth >= 1) {
				return fail(formError(p+"type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types"))
			}
			if r := validateOptions(o.Options, p+"options.", depth+1); r != nil {
				return r
			}
			continue
		}
		if o.Required && optionalSeen {
			return fail(formError(p+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options"))
		}
		if !o.Required {
			optionalSeen = true
		}
		if len(o.Choices) > 25 {
			return fail(formError(p+"choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			return fail(formError(p+"autocomplete", "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be set with choices"))
		}
		for j, ch := range o.Choices {
			if n := utf8.RuneCountInString(ch.Name); n < 1 || n > 100 {
				return fail(formError(p+"choices."+strconv.Itoa(j)+".name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
			}
		}
	}
	return nil
}

// commandScopeLocked checks the application and guild of a commands route.
func (s *Server) commandScopeLocked(req *apiReq) (string, *apiResp) {
	if req.params["app"] != s.cfg.appID {
		r := apiError(http.StatusForbidden, codeMissingAccess, "Missing Access")
		return "", &r
	}
	g := req.params["guild"]
	if g != "" && s.guildLocked(g) == nil {
		r := apiError(http.StatusForbidden, codeMissingAccess, "Missing Access")
		return "", &r
	}
	return g, nil
}

func (s *Server) listCommands(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, errResp := s.commandScopeLocked(req)
	if errResp != nil {
		return *errResp
	}
	cmds := s.commands[scope]
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	return jsonResp(http.StatusOK, cmds)
}

func (s *Server) overwriteCommands(req *apiReq) apiResp {
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(req.payload, &cmds); err != nil {
		return formError("", "BASE_TYPE_ARRAY", "Must be an array.")
	}
	if r := validateCommandList(cmds); r != nil {
		return *r
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, errResp := s.commandScopeLocked(req)
	if errResp != nil {
		return *errResp
	}
	for _, c := range cmds {
		c.ID = "" // ids in the body are ignored; existing names keep their ids
	}
	s.commands[scope] = s.assignCommandsLocked(scope, cmds)
	s.bumpLocked()
	return jsonResp(http.StatusOK, s.commands[scope])
}

func (s *Server) createCommand(req *apiReq) apiResp {
	var c discordgo.ApplicationCommand
	if err := json.Unmarshal(req.payload, &c); err != nil {
		return badJSON()
	}
	if r := validateCommand(&c, ""); r != nil {
		return *r
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, errResp := s.commandScopeLocked(req)
	if errResp != nil {
		return *errResp
	}
	if c.Type == 0 {
		c.Type = discordgo.ChatApplicationCommand
	}
	c.ID = ""
	status := http.StatusCreated
	list := s.commands[scope]
	for i, o := range list {
		if o.Name == c.Name && o.Type == c.Type {
			status = http.StatusOK
			list[i] = s.assignCommandsLocked(scope, []*discordgo.ApplicationCommand{&c})[0]
			s.bumpLocked()
			return jsonResp(status, list[i])
		}
	}
	nc := s.assignCommandsLocked(scope, []*discordgo.ApplicationCommand{&c})[0]
	s.commands[scope] = append(list, nc)
	s.bumpLocked()
	return jsonResp(status, nc)
}

func (s *Server) findCommandLocked(req *apiReq) (string, int, *apiResp) {
	scope, errResp := s.commandScopeLocked(req)
	if errResp != nil {
		return "", -1, errResp
	}
	for i, c := range s.commands[scope] {
		if c.ID == req.params["command"] {
			return scope, i, nil
		}
	}
	r := apiError(http.StatusNotFound, codeUnknownCommand, "Unknown application command")
	return scope, -1, &r
}

func (s *Server) getCommand(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, i, errResp := s.findCommandLocked(req)
	if errResp != nil {
		return *errResp
	}
	return jsonResp(http.StatusOK, s.commands[scope][i])
}

func (s *Server) editCommand(req *apiReq) apiResp {
	var patch map[string]any
	if err := json.Unmarshal(req.payload, &patch); err != nil {
		return badJSON()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, i, errResp := s.findCommandLocked(req)
	if errResp != nil {
		return *errResp
	}
	cur := toMap(s.commands[scope][i])
	for k, v := range patch {
		if k != "id" && k != "type" && k != "application_id" && k != "guild_id" {
			cur[k] = v
		}
	}
	var c discordgo.ApplicationCommand
	if err := json.Unmarshal(mustJSON(cur), &c); err != nil {
		return badJSON()
	}
	if r := validateCommand(&c, ""); r != nil {
		return *r
	}
	c.Version = s.newSnowflakeLocked()
	s.commands[scope][i] = &c
	s.bumpLocked()
	return jsonResp(http.StatusOK, &c)
}

func (s *Server) deleteCommand(req *apiReq) apiResp {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, i, errResp := s.findCommandLocked(req)
	if errResp != nil {
		return *errResp
	}
	list := s.commands[scope]
	s.commands[scope] = append(list[:i:i], list[i+1:]...)
	s.bumpLocked()
	return noContent()
}
