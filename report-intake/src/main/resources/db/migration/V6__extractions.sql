-- Narrative reports read by the extraction pipeline (docs/adr/0009): the text as posted, kept for audit (every
-- offset in the result points into it), and what the reader found, as the JSON the API answered.
CREATE TABLE extraction (
    id          uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL,
    text        text        NOT NULL,
    result      jsonb       NOT NULL
);
