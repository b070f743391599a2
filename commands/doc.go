// Package commands turns Discord interactions into responses for Nine
// Bridges: the slash commands, their autocomplete, buttons, the "Ask Nine
// Bridges" message command and free-text questions.
//
// It sits between the bot, which talks to Discord, and the fact base: a
// [Router] takes a *discordgo.Interaction and returns the
// *discordgo.InteractionResponse to send, doing no I/O of its own. That
// makes every command testable from JSON fixtures, and lets the local
// console drive exactly the handlers Discord does.
//
// Every response leaves the router through one place that forbids all
// mentions and keeps embeds within Discord's limits, whatever the handler
// returned, including after an error or a panic.
package commands
