-- The review workflow (逐级审核, docs/adr/0007): the city approves or returns the version of a series that counts, the
-- province accepts it, which locks the series until the province reopens it. status stays what it was: versioning.
ALTER TABLE submission ADD COLUMN review_status varchar(16)
    CHECK (review_status IN ('SUBMITTED', 'APPROVED', 'RETURNED', 'ACCEPTED', 'REOPENED'));

-- Versions that counted (they got an outbox row) were submitted for review; held versions never enter it.
UPDATE submission SET review_status = 'SUBMITTED' WHERE id IN (SELECT submission_id FROM outbox_event);

-- The version that counts is always under review, a held one never; a superseded one keeps where its review stopped.
ALTER TABLE submission ADD CONSTRAINT submission_review_only_when_counted CHECK (
    CASE status
        WHEN 'SUBMITTED' THEN review_status IS NOT NULL
        WHEN 'NEEDS_EXPLANATION' THEN review_status IS NULL
        ELSE true
    END);

-- Who moved a review, when and why: appended, never changed. The first entry of a version is its submission.
CREATE TABLE review_transition (
    submission_id uuid         NOT NULL REFERENCES submission (id),
    position      integer      NOT NULL,
    action        varchar(16)  NOT NULL CHECK (action IN ('SUBMIT', 'APPROVE', 'RETURN', 'ACCEPT', 'REOPEN')),
    -- null for SUBMIT: where every review starts
    from_state    varchar(16),
    to_state      varchar(16)  NOT NULL,
    -- until authentication names a person: the county's region code for SUBMIT, the name a reviewer sent otherwise
    actor         varchar(128) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('COUNTY', 'REVIEWER', 'PROVINCE')),
    comment       varchar(500),
    at            timestamptz  NOT NULL,
    CONSTRAINT review_transition_pk PRIMARY KEY (submission_id, position)
);

INSERT INTO review_transition (submission_id, position, action, from_state, to_state, actor, role, at)
SELECT id, 0, 'SUBMIT', NULL, 'SUBMITTED', region, 'COUNTY', received_at FROM submission WHERE review_status IS NOT NULL;
