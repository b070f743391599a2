// Package facts holds the Nine Bridges fact base: the source documents, the
// curated facts drawn from them, the timeline of dated events, and the checks
// that keep every answer traceable to a verbatim quote.
//
// The package knows nothing of Discord. It loads from any fs.FS, so the
// embedded base, a directory on disk and test fixtures all go through the same
// validation: a base with a single problem is never served.
package facts
