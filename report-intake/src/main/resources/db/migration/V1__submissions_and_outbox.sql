-- One row per (region, dataset, period): the lock that serialises revisions of a series,
-- and the version its newest submission got.
CREATE TABLE submission_series (
    region         varchar(6)  NOT NULL,
    dataset        varchar(64) NOT NULL,
    period         varchar(16) NOT NULL,
    latest_version integer     NOT NULL DEFAULT 0,
    CONSTRAINT submission_series_pk PRIMARY KEY (region, dataset, period)
);

-- Every submission ever accepted; a revision supersedes its predecessor, which stays for the record.
CREATE TABLE submission (
    id             uuid         NOT NULL,
    submission_key varchar(128) NOT NULL,
    region         varchar(6)   NOT NULL,
    dataset        varchar(64)  NOT NULL,
    period         varchar(16)  NOT NULL,
    version        integer      NOT NULL CHECK (version > 0),
    status         varchar(16)  NOT NULL CHECK (status IN ('SUBMITTED', 'SUPERSEDED')),
    -- SHA-256 of the canonical content: tells a replay of a key from a conflicting reuse of it.
    content_hash   varchar(64)  NOT NULL,
    received_at    timestamptz  NOT NULL,
    -- set when the outbox relay got Kafka's acknowledgement for its event
    published_at   timestamptz,
    CONSTRAINT submission_pk PRIMARY KEY (id),
    CONSTRAINT submission_key_unique UNIQUE (submission_key),
    -- also the index of the history query (newest version first)
    CONSTRAINT submission_version_unique UNIQUE (region, dataset, period, version),
    CONSTRAINT submission_series_fk FOREIGN KEY (region, dataset, period) REFERENCES submission_series
);

CREATE TABLE submission_value (
    submission_id uuid        NOT NULL REFERENCES submission (id),
    position      integer     NOT NULL,
    indicator     varchar(64) NOT NULL,
    -- 20 integer digits and 6 decimals, the bounds the validator enforces
    value         numeric(26, 6),
    status        varchar(16) NOT NULL CHECK (status IN ('REPORTED', 'REDACTED', 'MISSING')),
    CONSTRAINT submission_value_pk PRIMARY KEY (submission_id, position),
    CONSTRAINT submission_value_indicator_unique UNIQUE (submission_id, indicator),
    -- a withheld figure is missing, never zero
    CONSTRAINT submission_value_reported_has_value CHECK ((status = 'REPORTED') = (value IS NOT NULL))
);

-- Events written in the transaction that stores a submission, published by the relay afterwards.
CREATE TABLE outbox_event (
    id            bigserial    NOT NULL,
    topic         varchar(249) NOT NULL,
    message_key   varchar(64)  NOT NULL,
    payload       text         NOT NULL,
    submission_id uuid         NOT NULL REFERENCES submission (id),
    created_at    timestamptz  NOT NULL,
    published_at  timestamptz,
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    text,
    CONSTRAINT outbox_event_pk PRIMARY KEY (id)
);

-- The relay's queue: small however long the published history grows.
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_submission ON outbox_event (submission_id);
