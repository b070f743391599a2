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
	"github.com/ninebridges/ninebridges/reminders"
	"github.com/ninebridges/ninebridges/store"
	"github.com/ninebridges/ninebridges/store/open"
)

// defaultDataDir is where the SQLite database lives unless --data-dir
// says otherwise (the container sets /data).
const defaultDataDir = "./data"

// openStore opens the reminder store the settings name: --db
// postgres://… for PostgreSQL (several shard processes sharing one
// database), or, empty, the SQLite file in --data-dir. A database migrated
// by a newer binary is refused with a clear error.
func openStore(ctx context.Context, cfg Config) (store.Store, error) {
	st, err := open.Open(ctx, cfg.DB, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("opening the reminder store: %w", err)
	}
	return st, nil
}

// scheduled is the scheduled-posts wiring of "ninebridges run": the store,
// and the scheduler that /reminders tells about changes and the bot starts
// once it knows its shard.
//
// A store that cannot be opened (a corrupt file, a database that is down)
// does not take the rest of the bot with it: down holds why, /reminders
// says settings cannot be saved, and /healthz fails until a restart with a
// repaired store.
type scheduled struct {
	base  *facts.Base
	store store.Store
	sched *reminders.Scheduler
	down  error
	log   *slog.Logger
}

func openScheduled(ctx context.Context, b *facts.Base, cfg Config, log *slog.Logger, metrics *bot.Metrics) (*scheduled, error) {
	st, err := openStore(ctx, cfg)
	if err != nil {
		// A data directory the bot cannot write is a deployment mistake
		// to fix before anything runs, not a store fault to run without.
		if ctx.Err() != nil || errors.Is(err, open.ErrNotWritable) {
			return nil, err
		}
		log.Error("scheduled posts are off until the store is repaired and the bot restarted; answering questions goes on (see the README, \"When the store fails\")", "err", err)
		return &scheduled{base: b, down: err, log: log}, nil
	}
	sched, err := reminders.NewScheduler(reminders.ScheduleConfig{Store: st, Base: b, Logger: log, Metrics: metrics})
	if err != nil {
		st.Close()
		return nil, err
	}
	return &scheduled{base: b, store: st, sched: sched, log: log}, nil
}

// router completes a router configuration with the guild time zone for
// /onthisday.
func (r *scheduled) router(cfg commands.Config) commands.Config {
	if cfg.Location == nil && r.store != nil {
		cfg.Location = reminders.GuildLocation(r.store, cfg.Logger)
	}
	return cfg
}

// register adds /reminders to the router.
func (r *scheduled) register(router *commands.Router) {
	cfg := reminders.Config{Base: r.base, Down: r.down, Logger: r.log}
	if r.down == nil {
		cfg.Store, cfg.Scheduler, cfg.BotPermissions = r.store, r.sched, r.sched.BotPermissions
	}
	reminders.Register(router, cfg)
}

// start and stop are the bot's OnReady and OnClose.
func (r *scheduled) start(ctx context.Context, out *bot.Out, shardID, shardCount int) error {
	if r.sched == nil {
		return nil
	}
	return r.sched.Start(ctx, out, shardID, shardCount)
}

func (r *scheduled) stop() {
	if r.sched != nil {
		r.sched.Stop()
	}
}

// check is /healthz's question to the store. Anyone who can reach
// /healthz sees a fixed reason; the error, which may name the database's
// host, user or file, goes to the log.
func (r *scheduled) check() bot.Check {
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
func (r *scheduled) Close() error {
	if r.store == nil {
		return nil
	}
	return r.store.Close()
}
