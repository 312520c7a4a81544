-- Targets beside actuals, and figures of accepted data beside those of all data received (docs/adr/0011): the
-- aggregates topic's key is now indicator|region|period|kind|basis. Rows from before were actuals of data received.
ALTER TABLE aggregate ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'ACTUAL' CHECK (kind IN ('ACTUAL', 'TARGET'));
ALTER TABLE aggregate ADD COLUMN basis varchar(8) NOT NULL DEFAULT 'RECEIVED' CHECK (basis IN ('RECEIVED', 'ACCEPTED'));
ALTER TABLE aggregate ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE aggregate ALTER COLUMN basis DROP DEFAULT;
ALTER TABLE aggregate DROP CONSTRAINT aggregate_pkey;
ALTER TABLE aggregate ADD PRIMARY KEY (indicator, region, period, kind, basis);

-- Every version of every submission, with its values and where its review stands: what a figure's lineage lists.
CREATE TABLE source_submission (
    submission_id uuid         NOT NULL,
    region        varchar(6)   NOT NULL,
    dataset       varchar(64)  NOT NULL,
    period        varchar(8)   NOT NULL,
    version       integer      NOT NULL,
    submitted_at  timestamptz  NOT NULL,
    review_status varchar(16)  NOT NULL,
    -- Once accepted, a version is the official figure of its series until a later version is accepted, even while
    -- the province has reopened it.
    accepted      boolean      NOT NULL,
    -- the values as published: [{"indicator", "value", "status", "kind"}]
    reported      jsonb        NOT NULL,
    CONSTRAINT source_submission_pk PRIMARY KEY (submission_id)
);

CREATE INDEX source_submission_by_period ON source_submission (period, region);
