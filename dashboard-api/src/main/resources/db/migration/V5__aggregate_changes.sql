-- The change log of the read model (docs/adr/0012): one row per figure written or deleted, appended in the same
-- transaction as the write, so that its ids are the ids of the live stream's events. A bigserial keeps growing
-- across restarts, which is what lets a reconnecting dashboard resume after Last-Event-ID. Old rows are trimmed.
CREATE TABLE aggregate_change (
    id              bigserial    PRIMARY KEY,
    indicator       varchar(64)  NOT NULL,
    region          varchar(6)   NOT NULL,
    period          varchar(8)   NOT NULL,
    kind            varchar(8)   NOT NULL,
    basis           varchar(8)   NOT NULL,
    -- false for a tombstone: the figure was deleted, and the figure's columns below are null
    present         boolean      NOT NULL,
    value           numeric,
    reporting_units integer,
    withheld_units  integer,
    expected_units  integer,
    updated_at      timestamptz,
    changed_at      timestamptz  NOT NULL DEFAULT now()
);
