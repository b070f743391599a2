// Package discordtest is a protocol-faithful fake of the Discord API for
// end-to-end tests of code built on github.com/bwmarrin/discordgo.
//
// A test starts a [Server], points a real *discordgo.Session at it and then
// drives the bot exactly like Discord would: it dispatches gateway events
// (READY, GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE, ...) over a real
// websocket, and records every REST request the bot makes so the test can
// assert on it.
//
//	srv := discordtest.NewServer(t)
//	sess := srv.NewSession(t)            // discordgo.New("Bot test-token") wired to srv
//	sess.AddHandler(myBot.onInteraction)
//	if err := sess.Open(); err != nil { t.Fatal(err) }
//	srv.SendInteraction(srv.SlashCommand("ping"))
//	call, err := srv.WaitCall(ctx, discordtest.MatchRoute("POST", "/interactions/"))
//
// # Wiring
//
// discordgo sends every REST request to https://discord.com/api/v9/...; the
// http.RoundTripper returned by [RewriteTransport] sends them to the fake
// instead (same paths). The gateway URL is discovered the normal way: Open
// calls GET /api/v9/gateway, which answers with the fake's ws:// origin;
// discordgo appends "/?v=9&encoding=json" and dials it with Session.Dialer.
// Any websocket upgrade request on the server, whatever its path, is treated
// as a gateway connection.
//
// # Gateway
//
// The server speaks the gateway protocol: HELLO (op 10) on connect,
// IDENTIFY (op 2) answered by READY and one GUILD_CREATE per guild of the
// shard (guild_id >> 22 % num_shards == shard_id), HEARTBEAT (op 1) answered
// by HEARTBEAT_ACK (op 11), RESUME (op 6) answered by the missed dispatches
// followed by RESUMED, INVALID_SESSION (op 9, d=false) for sessions that
// cannot be resumed, RECONNECT (op 7) on request, and Discord's close codes
// (4001 unknown opcode, 4002 decode error, 4003 not authenticated,
// 4004 authentication failed, 4005 already authenticated, 4010 invalid shard,
// 4012 invalid API version, 4014 disallowed intents). Several sessions
// (shards) may be connected at once. Every dispatch carries the next sequence
// number of its session and is kept so a RESUME can replay it.
//
// Gateway intents are honoured for MESSAGE_CREATE/UPDATE/DELETE like Discord
// does: guild messages need GUILD_MESSAGES, DMs need DIRECT_MESSAGES, and
// without the privileged MESSAGE_CONTENT intent the content, embeds,
// attachments, components and poll of a message are blanked unless the
// message is a DM, mentions the bot or was written by the bot.
//
// # REST
//
// Implemented routes (all under /api/v9 or /api/v10): gateway, gateway/bot,
// users/@me, users/{id}, users/@me/channels, applications/@me, guilds/{id},
// guilds/{id}/channels, guilds/{id}/members/{id}, channels/{id},
// channels/{id}/messages (GET, POST with nonce/enforce_nonce, replies and
// file uploads), channels/{id}/messages/{id} (GET, PATCH, DELETE),
// channels/{id}/messages/{id}/reactions/{emoji}/@me (PUT, DELETE),
// channels/{id}/typing, global and guild application commands (GET, PUT bulk
// overwrite, POST, GET/PATCH/DELETE one), interactions/{id}/{token}/callback,
// and the interaction webhooks webhooks/{app}/{token} (follow-ups) and
// webhooks/{app}/{token}/messages/{id|@original} (GET, PATCH, DELETE).
// Anything else answers 404 {"message":"404: Not Found","code":0}.
// Errors use Discord's JSON error format and codes (10003 Unknown Channel,
// 10008 Unknown Message, 10015 Unknown Webhook, 10062 Unknown interaction,
// 40060 Interaction has already been acknowledged, 50001 Missing Access,
// 50006 Cannot send an empty message, 50013 Missing Permissions,
// 50035 Invalid Form Body, ...).
//
// Every REST request is checked for "Authorization: Bot <token>" (401
// otherwise; only GET /gateway and the token-authenticated interaction and
// webhook routes accept requests without the header) and recorded as a
// [Call]. Tokens never appear in recorded headers; use [Call.Token] or
// [Server.LastToken].
//
// Faults are injected with [Server.FailNext] and [Server.InjectFault].
package discordtest
