// Package bot adapts Discord to the command handlers: it owns the discordgo
// session, turns gateway events into calls of a commands.Router and its
// responses into REST calls, and wires registration, rate limiting,
// deferral and shutdown around them.
package bot
