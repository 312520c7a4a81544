-- Lineage by construction (docs/adr/0020): a county figure names the submission versions it is made of, as
-- indicator-service selected them; a figure's sources are these joined to source_submission. Rows written before
-- lineage travelled with the figures name none until their next event.
ALTER TABLE aggregate ADD COLUMN sources uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE aggregate ALTER COLUMN sources DROP DEFAULT;

-- What completeness needs of a version, the indicators it states as actual figures (reported or redacted), kept
-- when the version is stored so that a request reads no values.
ALTER TABLE source_submission ADD COLUMN stated_actuals varchar(64)[];
UPDATE source_submission SET stated_actuals = ARRAY(
        SELECT stated ->> 'indicator' FROM jsonb_array_elements(reported) stated
        WHERE COALESCE(stated ->> 'kind', 'actual') = 'actual' AND stated ->> 'status' IN ('reported', 'redacted'));
ALTER TABLE source_submission ALTER COLUMN stated_actuals SET NOT NULL;
CREATE INDEX source_submission_by_form ON source_submission (dataset, period, region);
