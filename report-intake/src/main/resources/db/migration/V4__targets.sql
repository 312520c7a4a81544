-- Targets (docs/adr/0011): a value is an actual figure or the unit's target for the period; an indicator may be
-- stated once of each kind in a submission.
ALTER TABLE submission_value ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'ACTUAL'
    CHECK (kind IN ('ACTUAL', 'TARGET'));
ALTER TABLE submission_value ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE submission_value DROP CONSTRAINT submission_value_indicator_unique;
ALTER TABLE submission_value ADD CONSTRAINT submission_value_indicator_unique UNIQUE (submission_id, indicator, kind);
