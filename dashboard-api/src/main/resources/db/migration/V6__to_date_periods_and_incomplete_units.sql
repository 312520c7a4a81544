-- Year-to-date periods are written in 9 characters (2024YTD09): every period column widens.
ALTER TABLE aggregate ALTER COLUMN period TYPE varchar(16);
ALTER TABLE aggregate_change ALTER COLUMN period TYPE varchar(16);
ALTER TABLE source_submission ALTER COLUMN period TYPE varchar(16);
ALTER TABLE submission_receipt ALTER COLUMN period TYPE varchar(16);

-- Units that stated the indicator for some sub-periods of a longer period but not for every one up to its end: not in
-- the figure (AggregateEvent.incompleteUnits). Rows from before had none.
ALTER TABLE aggregate ADD COLUMN incomplete_units integer NOT NULL DEFAULT 0;
