package open

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotWritable is a data directory the process cannot write: no store can
// be made there, and the bot must say so at once rather than run without
// one.
var ErrNotWritable = errors.New("the data directory is not writable")

// checkWritable makes sure the SQLite file can be created in dir, and
// explains when it cannot: the directory, its owner and mode, who the
// process is, and the chown that fixes it. SQLite's own error says only
// "unable to open database file (14)".
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("store: %w: %v", ErrNotWritable, err)
	}
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err == nil {
		name := f.Name()
		f.Close()
		os.Remove(name)
		return nil
	}
	if !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("store: %w: %v", ErrNotWritable, err)
	}
	abs, _ := filepath.Abs(dir)
	info, serr := os.Stat(dir)
	if serr != nil {
		return fmt.Errorf("store: %w: %s: %v", ErrNotWritable, abs, err)
	}
	return notWritable(abs, info, os.Getuid(), os.Getgid())
}

// notWritable says why dir cannot be written and what fixes it.
func notWritable(abs string, info fs.FileInfo, me, myGroup int) error {
	if uid, gid, ok := ownerOf(info); ok {
		return fmt.Errorf("store: %w: %s is owned by %d:%d with mode %s, and this process runs as uid %d: run chown %d:%d %s (on the host, the directory mounted there)",
			ErrNotWritable, abs, uid, gid, info.Mode(), me, me, myGroup, abs)
	}
	return fmt.Errorf("store: %w: %s has mode %s and this process runs as uid %d", ErrNotWritable, abs, info.Mode(), me)
}
