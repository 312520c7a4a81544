-- Validation rules as data (contracts: reference/rules.json). A soft rule that flags a value without an explanation
-- holds the submission as NEEDS_EXPLANATION: stored and versioned, never published, superseding nothing but older
-- held versions.
ALTER TABLE submission ALTER COLUMN status TYPE varchar(24);
ALTER TABLE submission DROP CONSTRAINT submission_status_check;
ALTER TABLE submission ADD CONSTRAINT submission_status_check
    CHECK (status IN ('SUBMITTED', 'NEEDS_EXPLANATION', 'SUPERSEDED'));

-- The version that counts: at most one per series, and what the previous-year check compares with.
CREATE UNIQUE INDEX submission_effective ON submission (region, dataset, period) WHERE status = 'SUBMITTED';

-- The county's explanation of a value, shown to reviewers; what lets a flagged value through.
ALTER TABLE submission_value ADD COLUMN explanation varchar(500);

-- What soft rules flagged in a submission, explained or not.
CREATE TABLE submission_warning (
    submission_id uuid        NOT NULL REFERENCES submission (id),
    position      integer     NOT NULL,
    -- where the value is in the request: values[3].value
    field         varchar(32) NOT NULL,
    indicator     varchar(64) NOT NULL,
    -- the id of the rule in reference/rules.json
    rule          varchar(64) NOT NULL,
    message       text        NOT NULL,
    CONSTRAINT submission_warning_pk PRIMARY KEY (submission_id, position)
);
