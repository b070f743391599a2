//go:build race

package bot

// raceDetector is true under -race, which slows the bot and the fake
// Discord several times over: the tests that race Discord's three-second
// deadline with a thousand interactions give it more room or fewer
// interactions there, and keep their full size in the plain run.
const raceDetector = true
