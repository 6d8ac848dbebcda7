-- Rasid PostgreSQL schema, step 2: the document queue of `rasid enqueue` / `rasid worker`.
CREATE TABLE IF NOT EXISTS queue (
    id           BIGSERIAL PRIMARY KEY,
    document_id  TEXT COLLATE "C" NOT NULL UNIQUE,      -- one entry per document id: enqueuing it again adds nothing
    payload      TEXT NOT NULL,                         -- the input document as JSON
    state        TEXT NOT NULL DEFAULT 'ready',         -- ready | done | poison
    claims       INTEGER NOT NULL DEFAULT 0,            -- times a worker took it
    failures     INTEGER NOT NULL DEFAULT 0,            -- times processing it failed with an error
    available_at TIMESTAMPTZ NOT NULL DEFAULT now(),    -- not before (retry backoff)
    leased_by    TEXT,                                  -- worker holding it
    lease_until  TIMESTAMPTZ,                           -- after this another worker may take it over
    last_error   TEXT,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at      TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS queue_ready ON queue(id) WHERE state = 'ready';
