-- Versions held for an explanation (待说明) are now published too (issue 13): completeness tells a held unit from one
-- that sent nothing; no figure, target or lineage ever uses a held version. Versions stored before were never held.
ALTER TABLE source_submission ADD COLUMN held boolean NOT NULL DEFAULT false;
ALTER TABLE source_submission ALTER COLUMN held DROP DEFAULT;
-- Completeness now reads every version of a series from source_submission (which counts, which is held, what it
-- states, where its review stands): the receipt, a summary of those same versions, would be a second copy of them.
DROP TABLE submission_receipt;
