-- Issue 13. A held version (NEEDS_EXPLANATION) is now published too, flagged held: completeness tells 待说明 from 未报.
-- Nothing in the schema changes for that: it gets an outbox row like every other version.

-- When the unit reported it: the time intake received it, or for history the province loads, the date it was
-- originally reported (reportedAt). What the event's submittedAt carries and timeliness is computed from.
ALTER TABLE submission ADD COLUMN submitted_at timestamptz;
UPDATE submission SET submitted_at = received_at;
ALTER TABLE submission ALTER COLUMN submitted_at SET NOT NULL;
ALTER TABLE submission ADD CONSTRAINT submission_submitted_not_after_received CHECK (submitted_at <= received_at);

-- The required indicators of its form a submission does not state as actuals: none for a full report; a partial
-- one is stored and counts with what it has. Versions stored before forms declared required indicators have none.
CREATE TABLE submission_missing_required (
    submission_id uuid        NOT NULL REFERENCES submission (id),
    position      integer     NOT NULL,
    indicator     varchar(64) NOT NULL,
    CONSTRAINT submission_missing_required_pk PRIMARY KEY (submission_id, position)
);

-- A value of an indicator several forms hold that differs by more than 1% from the owner form's value (or, for the
-- owner's submission, from another form's): shown with the submission, never holding it.
CREATE TABLE submission_notice (
    submission_id uuid           NOT NULL REFERENCES submission (id),
    position      integer        NOT NULL,
    indicator     varchar(64)    NOT NULL,
    -- where the value is in the request: values[3].value
    field         varchar(32)    NOT NULL,
    other_dataset varchar(64)    NOT NULL,
    other_value   numeric(26, 6) NOT NULL,
    message       text           NOT NULL,
    message_zh    text           NOT NULL,
    CONSTRAINT submission_notice_pk PRIMARY KEY (submission_id, position)
);
