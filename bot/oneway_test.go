package bot

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/bot/discordtest"
)

// sends are discordgo's methods that put a message, a response or an edit
// on Discord, and the raw requests that could do the same.
var sends = map[string]bool{
	"InteractionRespond": true, "InteractionResponseEdit": true,
	"FollowupMessageCreate": true, "FollowupMessageEdit": true,
	"ChannelMessageSend": true, "ChannelMessageSendComplex": true, "ChannelMessageSendEmbed": true,
	"ChannelMessageSendEmbeds": true, "ChannelMessageSendReply": true, "ChannelMessageSendEmbedReply": true,
	"ChannelMessageSendEmbedsReply": true, "ChannelMessageSendTTS": true,
	"ChannelMessageEdit": true, "ChannelMessageEditComplex": true, "ChannelMessageEditEmbed": true, "ChannelMessageEditEmbeds": true,
	"WebhookExecute": true, "WebhookThreadExecute": true, "WebhookMessageEdit": true,
	"Request": true, "RequestWithBucketID": true, "RequestWithLockedBucket": true, "RequestRaw": true,
	// the way out's own low-level callbacks (interact.go)
	"interactionRespond": true, "interactionResponseEdit": true,
}

// wayOut are the files allowed to call them: Out's methods, and the
// private-bucket requests they use.
var wayOut = map[string]bool{"bot/out.go": true, "bot/interact.go": true}

// TestOneWayOut reads every Go file of the module outside tests and the
// fake Discord, and fails on any call to a sending method outside the way
// out: a new send path must go through Out, where mentions are forbidden
// and Discord's limits kept.
func TestOneWayOut(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch {
			case strings.HasPrefix(d.Name(), "."), d.Name() == "testdata", rel == "bot/discordtest", rel == "bench":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if sends[name] && !wayOut[rel] {
				t.Errorf("%s: %s sends to Discord outside the way out (bot/out.go)", fset.Position(call.Pos()), name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d files: is the module root right?", files)
	}
}

// TestEverySendForbidsMentions drives each send path through the fake
// Discord (a slash command, a deferred answer's edit, a reply to a
// mention, a scheduled post and a DM) and reads what went over the wire:
// every message-making request carries allowed_mentions with an empty
// parse list.
func TestEverySendForbidsMentions(t *testing.T) {
	srv, bt := startBot(t)
	i := srv.SendInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "<@1> @everyone trade in 2016")))
	callback(t, srv, i.ID)
	u := srv.User()
	srv.SendMessage(&discordgo.Message{Content: "<@" + srv.BotUser().ID + "> @everyone trade 2016", Author: &u,
		Mentions: []*discordgo.User{ptr(srv.BotUser())}})
	ctx := ctxT(t)
	if _, err := bt.Out().Post(ctx, discordtest.DefaultChannelID, &discordgo.MessageSend{Content: "<@1> scheduled"}, "nb-test"); err != nil {
		t.Fatal(err)
	}
	if err := bt.Out().DM(ctx, u.ID, &discordgo.MessageSend{Content: "@everyone paused"}); err != nil {
		t.Fatal(err)
	}
	// A deferred answer, answered here rather than by the bot's handler,
	// which would race this test to acknowledge it.
	slow := srv.RecordInteraction(srv.SlashCommand("ask", discordtest.StringOption("question", "trade in 2017")))
	if err := bt.Out().Respond(slow, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	if err := bt.Out().EditOriginal(slow, &discordgo.InteractionResponse{Data: &discordgo.InteractionResponseData{Content: "<@&5> edited"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitCalls(ctx, 3, discordtest.MatchRoute("POST", "/channels/")); err != nil { // the reply, the post and the DM
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, c := range srv.Calls() {
		var kind string
		switch {
		case c.Method == "POST" && strings.HasSuffix(c.Route, "/callback"):
			kind = "callback"
		case c.Method == "PATCH" && strings.Contains(c.Route, "/messages/@original"):
			kind = "edit"
		case c.Method == "POST" && strings.HasPrefix(c.Route, "/channels/") && strings.HasSuffix(c.Route, "/messages"):
			kind = "message"
		default:
			continue
		}
		body := c.Body
		if payload, _, err := c.Multipart(); err == nil && payload != nil {
			body = payload
		}
		var typ struct{ Type int }
		if json.Unmarshal(body, &typ) == nil && kind == "callback" && typ.Type == int(discordgo.InteractionResponseDeferredChannelMessageWithSource) {
			kinds["deferral"]++
			continue // a deferral carries no message
		}
		kinds[kind]++
		pingsNobody(t, body)
	}
	if kinds["callback"] < 1 || kinds["edit"] != 1 || kinds["message"] < 3 {
		t.Errorf("sends seen: %v, want callbacks, one edit and three messages (reply, post, DM)", kinds)
	}
}
