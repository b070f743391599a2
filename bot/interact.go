package bot

import (
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Answering an interaction goes through the functions here rather than
// Session.InteractionRespond and Session.InteractionResponseEdit. Those
// name their rate-limit bucket after the request URL, which carries the
// interaction's id and token, and discordgo's RateLimiter never forgets a
// bucket: every interaction answered would leave one behind for good
// (bwmarrin/discordgo#1333). Discord limits these routes per interaction
// (per webhook token), so each call here gets a bucket of its own, made for
// it and dropped with it: nothing accumulates in s.Ratelimiter, and no
// interaction waits on another's bucket (discordgo holds a bucket's lock
// for the whole request, so a shared one would queue every answer behind
// the one before it).
//
// The request itself is discordgo's: RequestWithLockedBucket sets the
// token and headers, releases the bucket with the response's headers,
// waits out a 429 and retries it (emitting the RateLimit event the metrics
// count), and retries a 502 up to s.MaxRestRetries, relocking the same
// bucket through s.Ratelimiter.LockBucketObject, which also honours a
// global rate limit set on the session. A global limit reported on one of
// these responses is recorded on the private bucket only: Discord does not
// bind interaction endpoints to the global limit.

// Route templates the private buckets are named after, for logs.
const (
	callbackBucket = "POST /interactions/{id}/{token}/callback"
	editBucket     = "PATCH /webhooks/{application}/{token}/messages/@original"
)

// request sends one REST request through a fresh bucket that s.Ratelimiter
// does not keep.
func request(s *discordgo.Session, method, url, contentType string, body []byte, bucketKey string) ([]byte, error) {
	// A throwaway RateLimiter, not a bare &discordgo.Bucket{}: only it can
	// give the bucket the global counter Release writes to when a response
	// says the limit is global (a bare bucket's is nil and would panic).
	bucket := discordgo.NewRatelimiter().GetBucket(bucketKey)
	return s.RequestWithLockedBucket(method, url, contentType, body, s.Ratelimiter.LockBucketObject(bucket), 0)
}

// interactionRespond is s.InteractionRespond(i, resp) through a private
// bucket.
func interactionRespond(s *discordgo.Session, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	url := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			return err
		}
		_, err = request(s, "POST", url, contentType, body, callbackBucket)
		return err
	}
	body, err := discordgo.Marshal(*resp)
	if err != nil {
		return err
	}
	_, err = request(s, "POST", url, "application/json", body, callbackBucket)
	return err
}

// interactionResponseEdit is s.InteractionResponseEdit(i, edit) through a
// private bucket.
func interactionResponseEdit(s *discordgo.Session, i *discordgo.Interaction, edit *discordgo.WebhookEdit) (*discordgo.Message, error) {
	url := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	var (
		contentType = "application/json"
		body        []byte
		err         error
	)
	if len(edit.Files) > 0 {
		contentType, body, err = discordgo.MultipartBodyWithJSON(edit, edit.Files)
	} else {
		body, err = discordgo.Marshal(edit)
	}
	if err != nil {
		return nil, err
	}
	resp, err := request(s, "PATCH", url, contentType, body, editBucket)
	if err != nil {
		return nil, err
	}
	var m *discordgo.Message
	if err := discordgo.Unmarshal(resp, &m); err != nil {
		return nil, fmt.Errorf("%w: %s", discordgo.ErrJSONUnmarshal, err) // as discordgo's own
	}
	return m, nil
}
