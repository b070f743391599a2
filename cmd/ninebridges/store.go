package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	_ "time/tzdata" // subscribers' time zones must load in a minimal container without zoneinfo

	"github.com/ninebridges/ninebridges/bot"
	"github.com/ninebridges/ninebridges/commands"
	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/open"
)

// defaultDataDir is where the SQLite database lives unless
// NINEBRIDGES_DATA_DIR says otherwise (the container sets /data).
const defaultDataDir = "./data"

// openStore opens the reminder store the environment names:
// NINEBRIDGES_DB=postgres://… for PostgreSQL (several shard processes
// sharing one database), or, empty, the SQLite file in NINEBRIDGES_DATA_DIR.
// A database migrated by a newer binary is refused with a clear error.
func openStore(ctx context.Context, getenv env) (store.Store, error) {
	dir := getenv("NINEBRIDGES_DATA_DIR")
	if dir == "" {
		dir = defaultDataDir
	}
	st, err := open.Open(ctx, getenv("NINEBRIDGES_DB"), dir)
	if err != nil {
		return nil, fmt.Errorf("opening the reminder store: %w", err)
	}
	return st, nil
}

// reminders is the scheduled-posts wiring of "ninebridges run": the store,
// and the scheduler that /reminders tells about changes and the bot starts
// once it knows its shard.
//
// A store that cannot be opened (a corrupt file, a database that is down)
// does not take the rest of the bot with it: down holds why, /reminders
// says settings cannot be saved, and /healthz fails until a restart with a
// repaired store.
type reminders struct {
	store store.Store
	sched *bot.Scheduler
	down  error
	log   *slog.Logger
}

func openReminders(ctx context.Context, b *facts.Base, getenv env, log *slog.Logger, metrics *bot.Metrics) (*reminders, error) {
	st, err := openStore(ctx, getenv)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		log.Error("scheduled posts are off until the store is repaired and the bot restarted; answering questions goes on (see the README, \"When the store fails\")", "err", err)
		return &reminders{down: err, log: log}, nil
	}
	sched, err := bot.NewScheduler(bot.ScheduleConfig{Store: st, Base: b, Logger: log, Metrics: metrics})
	if err != nil {
		st.Close()
		return nil, err
	}
	return &reminders{store: st, sched: sched, log: log}, nil
}

// router completes a router configuration with /reminders and the guild
// time zone for /onthisday.
func (r *reminders) router(cfg commands.Config) commands.Config {
	if r.down != nil {
		cfg.Reminders = &commands.RemindersConfig{Down: r.down}
		return cfg
	}
	cfg.Reminders = &commands.RemindersConfig{Store: r.store, Scheduler: r.sched, BotPermissions: r.sched.BotPermissions}
	if cfg.Location == nil {
		cfg.Location = commands.GuildLocation(r.store, cfg.Logger)
	}
	return cfg
}

// check is /healthz's question to the store. Anyone who can reach
// /healthz sees a fixed reason; the error, which may name the database's
// host, user or file, goes to the log.
func (r *reminders) check() bot.Check {
	return bot.Check{Name: "store", Fn: func(ctx context.Context) error {
		if r.down != nil {
			return errStoreDownSinceStart
		}
		if err := r.store.Ping(ctx); err != nil {
			r.log.WarnContext(ctx, "store health check failed", "err", err)
			return errors.New(store.HealthReason(err))
		}
		return nil
	}}
}

var errStoreDownSinceStart = errors.New("store unavailable since start: scheduled posts are off")

// Close releases the store; the bot stops the scheduler first.
func (r *reminders) Close() error {
	if r.store == nil {
		return nil
	}
	return r.store.Close()
}
