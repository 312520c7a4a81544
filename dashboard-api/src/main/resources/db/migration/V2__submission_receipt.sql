-- Which form each reporting unit submitted for which period, from the submissions topic: what completeness and
-- timeliness are computed from. One row per series, whatever the number of versions and redeliveries.
CREATE TABLE submission_receipt (
    region               varchar(6)   NOT NULL,
    dataset              varchar(64)  NOT NULL,
    period               varchar(8)   NOT NULL,
    -- The first submission decides timeliness: a revision after the due date does not make a unit late.
    first_submitted_at   timestamptz  NOT NULL,
    latest_version       integer      NOT NULL,
    latest_submission_id uuid         NOT NULL,
    latest_submitted_at  timestamptz  NOT NULL,
    PRIMARY KEY (region, dataset, period)
);
