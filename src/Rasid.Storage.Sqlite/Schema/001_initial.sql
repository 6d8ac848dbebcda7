-- Rasid SQLite schema, step 1 (SchemaMigrator records the version in meta). Dates are ISO yyyy-MM-dd text (invariant culture), so text order is date order.
-- record_json columns hold the full EventRecord (System.Text.Json, schema field names) and are authoritative;
-- the other columns copy the fields that queries, the merge index and humans with sqlite3 need.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id                TEXT PRIMARY KEY,
    publisher         TEXT,
    url               TEXT,
    title             TEXT,
    published         TEXT,
    content_hash      TEXT NOT NULL UNIQUE,      -- SHA-256 hex of the input text
    text              TEXT NOT NULL,             -- cleaned text: evidence offsets refer to it
    relevant          INTEGER NOT NULL,
    relevance_score   REAL NOT NULL,
    extractor_version TEXT NOT NULL,
    mention_count     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    id                 INTEGER PRIMARY KEY,
    mention_key        TEXT NOT NULL UNIQUE,     -- document id + '#' + ordinal
    document_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal            INTEGER NOT NULL,
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    date               TEXT,
    date_precision     INTEGER,
    actor1             TEXT,
    actor2             TEXT,
    iso2               TEXT,
    admin1_code        TEXT,
    admin2             TEXT,
    location_ar        TEXT,
    latitude           REAL,
    longitude          REAL,
    geo_precision      INTEGER,
    fatalities         INTEGER,
    injured            INTEGER,
    captured           INTEGER,
    released           INTEGER,
    civilian_targeting INTEGER NOT NULL,
    evidence_start     INTEGER NOT NULL,         -- code points into documents.text
    evidence_end       INTEGER NOT NULL,         -- exclusive
    record_json        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);

CREATE TABLE IF NOT EXISTS events (
    id                 INTEGER PRIMARY KEY,
    event_key          TEXT NOT NULL UNIQUE,     -- smallest member mention_key
    event_id_cnty      TEXT NOT NULL,
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    event_date         TEXT,                     -- resolved date, else earliest publication date
    date_lo            TEXT,                     -- merge window: first possible day
    date_hi            TEXT,                     -- merge window: last possible day
    iso2               TEXT,
    admin1_code        TEXT,
    admin2             TEXT,
    location           TEXT,
    actors             TEXT NOT NULL,            -- all actor names (English and Arabic), '|' separated, for --actor
    fatalities         INTEGER,
    injured            INTEGER,
    captured           INTEGER,
    released           INTEGER,
    fatalities_source  TEXT,                     -- mention_key that gave the figure
    injured_source     TEXT,
    captured_source    TEXT,
    released_source    TEXT,
    source_count       INTEGER NOT NULL,
    record_json        TEXT NOT NULL,            -- merged EventRecord
    updated_at         INTEGER NOT NULL          -- unix seconds
);
CREATE INDEX IF NOT EXISTS events_merge ON events(admin1_code, date_lo);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_id_cnty ON events(event_id_cnty);

CREATE TABLE IF NOT EXISTS event_sources (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    mention_id  INTEGER NOT NULL UNIQUE REFERENCES mentions(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    publisher   TEXT,
    url         TEXT,
    fatalities  INTEGER,
    injured     INTEGER,
    captured    INTEGER,
    released    INTEGER,
    PRIMARY KEY (event_id, mention_id)
);
