package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"

	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/reminders"
)

// invitePermissions are the permissions the bot's features check for, and
// so what the invite asks for: nothing more.
const invitePermissions = commands.Permissions | reminders.Permissions

// inviteURL is the link that adds the application to a server.
func inviteURL(appID string) string {
	return "https://discord.com/oauth2/authorize?client_id=" + appID +
		"&scope=bot+applications.commands&permissions=" + strconv.FormatInt(invitePermissions, 10)
}

// cmdInvite prints the invite link for an application.
func cmdInvite(_ context.Context, _ Config, args []string, s stdio) int {
	fset := flag.NewFlagSet("invite", flag.ContinueOnError)
	appID := fset.String("app-id", "", "the application `ID` (developer portal → General Information)")
	help := flagsHelp("invite --app-id ID", fset)
	if code, ok := parseFlags(fset, args, s, help); !ok {
		return code
	}
	if _, err := strconv.ParseUint(*appID, 10, 64); err != nil {
		fmt.Fprintln(s.errOut, "ninebridges invite: --app-id must be the application's numeric id")
		help(s.errOut)
		return 2
	}
	fmt.Fprintln(s.out, inviteURL(*appID))
	return 0
}
