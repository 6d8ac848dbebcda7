-- Rasid PostgreSQL schema, step 1: the same tables and columns as SQLite's step 1 (the SQL of SqlEventStore is shared).
-- Keys, ids and ISO dates use the "C" collation so that ORDER BY and comparisons are ordinal, as in SQLite.
CREATE TABLE IF NOT EXISTS documents (
    id                TEXT COLLATE "C" PRIMARY KEY,
    publisher         TEXT,
    url               TEXT,
    title             TEXT,
    published         TEXT COLLATE "C",
    content_hash      TEXT COLLATE "C" NOT NULL UNIQUE,
    text              TEXT NOT NULL,
    relevant          INTEGER NOT NULL,
    relevance_score   DOUBLE PRECISION NOT NULL,
    extractor_version TEXT NOT NULL,
    mention_count     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    id                 BIGSERIAL PRIMARY KEY,
    mention_key        TEXT COLLATE "C" NOT NULL UNIQUE,
    document_id        TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal            INTEGER NOT NULL,
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    date               TEXT COLLATE "C",
    date_precision     INTEGER,
    actor1             TEXT,
    actor2             TEXT,
    iso2               TEXT,
    admin1_code        TEXT COLLATE "C",
    admin2             TEXT,
    location_ar        TEXT,
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    geo_precision      INTEGER,
    fatalities         INTEGER,
    injured            INTEGER,
    captured           INTEGER,
    released           INTEGER,
    civilian_targeting INTEGER NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    record_json        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);

CREATE TABLE IF NOT EXISTS events (
    id                 BIGSERIAL PRIMARY KEY,
    event_key          TEXT COLLATE "C" NOT NULL UNIQUE,
    event_id_cnty      TEXT COLLATE "C" NOT NULL,
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    event_date         TEXT COLLATE "C",
    date_lo            TEXT COLLATE "C",
    date_hi            TEXT COLLATE "C",
    iso2               TEXT COLLATE "C",
    admin1_code        TEXT COLLATE "C",
    admin2             TEXT,
    location           TEXT,
    actors             TEXT NOT NULL,
    fatalities         INTEGER,
    injured            INTEGER,
    captured           INTEGER,
    released           INTEGER,
    fatalities_source  TEXT,
    injured_source     TEXT,
    captured_source    TEXT,
    released_source    TEXT,
    source_count       INTEGER NOT NULL,
    record_json        TEXT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_merge ON events(admin1_code, date_lo);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_id_cnty ON events(event_id_cnty);

CREATE TABLE IF NOT EXISTS event_sources (
    event_id    BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    mention_id  BIGINT NOT NULL UNIQUE REFERENCES mentions(id) ON DELETE CASCADE,
    document_id TEXT COLLATE "C" NOT NULL,
    publisher   TEXT,
    url         TEXT,
    fatalities  INTEGER,
    injured     INTEGER,
    captured    INTEGER,
    released    INTEGER,
    PRIMARY KEY (event_id, mention_id)
);
