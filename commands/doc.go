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
// Discord's limits, and the one rule for everything the bot sends (no
// mentions, within the limits), are in limits.go; the bot's single way out
// (bot.Out) applies them to every response, edit and message. Features
// outside this package (reminders) register their handlers with the
// Router and use the helpers in feature.go.
package commands
