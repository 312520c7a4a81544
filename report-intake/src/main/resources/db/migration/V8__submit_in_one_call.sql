-- Issue 14 (docs/adr/0021): a submission is stored by one call of submit(), one round trip, instead of a lock, look-ups
-- and Hibernate's flush in sequence. SubmissionService decides everything (version, status, warnings, notices, the
-- event) from what it read just before; this function checks, under the series lock, that the series is still as read,
-- and stores it all or nothing.
--
-- Answers one row: ('stored', version, NULL); ('stale', latest version, NULL) when another version came in since the
-- caller read the series (it reads again and retries); ('accepted', accepted version, when) when the province accepted
-- the version that counts; ('reported-before-latest', latest version, its report date) when a report date given for
-- history comes before the newest version's. Only 'stored' writes anything. A key stored meanwhile by another call
-- fails the insert on submission_key_unique, and with it the whole call.
CREATE FUNCTION submit(
    p_id                   uuid,
    p_key                  varchar,
    p_region               varchar,
    p_dataset              varchar,
    p_period               varchar,
    p_version              integer,
    p_status               varchar,
    p_review_status        varchar,
    p_content_hash         varchar,
    p_received_at          timestamptz,
    p_submitted_at         timestamptz,
    -- the report date was given (history): it may not come before the newest version's
    p_check_reported_at    boolean,
    -- the statuses of earlier versions the new one supersedes
    p_supersedes           varchar[],
    p_value_indicators     varchar[],
    p_value_numbers        numeric[],
    p_value_statuses       varchar[],
    p_value_kinds          varchar[],
    p_value_explanations   varchar[],
    p_warning_fields       varchar[],
    p_warning_indicators   varchar[],
    p_warning_rules        varchar[],
    p_warning_messages     text[],
    p_missing_required     varchar[],
    p_notice_indicators    varchar[],
    p_notice_fields        varchar[],
    p_notice_datasets      varchar[],
    p_notice_values        numeric[],
    p_notice_messages      text[],
    p_notice_messages_zh   text[],
    p_transition_actions   varchar[],
    p_transition_from      varchar[],
    p_transition_to        varchar[],
    p_transition_actors    varchar[],
    p_transition_roles     varchar[],
    p_transition_comments  varchar[],
    p_transition_at        timestamptz[],
    p_topic                varchar,
    p_message_key          varchar,
    p_payload              text)
RETURNS TABLE (outcome text, version integer, at timestamptz)
LANGUAGE plpgsql AS $$
-- the answer's columns are named like table columns: a name in a statement is the column
#variable_conflict use_column
DECLARE
    v_latest integer;
    v_version integer;
    v_at timestamptz;
BEGIN
    -- the series row lock serialises the versions of a series (and its reviews); the first submission creates the row
    INSERT INTO submission_series AS s (region, dataset, period, latest_version)
    VALUES (p_region, p_dataset, p_period, 0)
    ON CONFLICT (region, dataset, period) DO UPDATE SET latest_version = s.latest_version
    RETURNING s.latest_version INTO v_latest;
    IF v_latest <> p_version - 1 THEN
        RETURN QUERY SELECT 'stale', v_latest, NULL::timestamptz;
        RETURN;
    END IF;

    SELECT e.version, t.at INTO v_version, v_at
    FROM submission e
    JOIN LATERAL (SELECT r.at FROM review_transition r WHERE r.submission_id = e.id ORDER BY r.position DESC LIMIT 1) t ON true
    WHERE e.region = p_region AND e.dataset = p_dataset AND e.period = p_period
      AND e.status = 'SUBMITTED' AND e.review_status = 'ACCEPTED';
    IF FOUND THEN
        RETURN QUERY SELECT 'accepted', v_version, v_at;
        RETURN;
    END IF;

    IF p_check_reported_at THEN
        SELECT l.version, l.submitted_at INTO v_version, v_at
        FROM submission l
        WHERE l.region = p_region AND l.dataset = p_dataset AND l.period = p_period
        ORDER BY l.version DESC LIMIT 1;
        IF FOUND AND p_submitted_at < v_at THEN
            RETURN QUERY SELECT 'reported-before-latest', v_version, v_at;
            RETURN;
        END IF;
    END IF;

    UPDATE submission_series SET latest_version = p_version
    WHERE region = p_region AND dataset = p_dataset AND period = p_period;
    -- before the insert: at most one version of a series counts (submission_effective)
    UPDATE submission SET status = 'SUPERSEDED'
    WHERE region = p_region AND dataset = p_dataset AND period = p_period AND status = ANY (p_supersedes);

    INSERT INTO submission (id, submission_key, region, dataset, period, version, status, review_status, content_hash,
                            received_at, submitted_at)
    VALUES (p_id, p_key, p_region, p_dataset, p_period, p_version, p_status, p_review_status, p_content_hash,
            p_received_at, p_submitted_at);
    INSERT INTO submission_value (submission_id, position, indicator, value, status, kind, explanation)
    SELECT p_id, u.position - 1, u.indicator, u.value, u.status, u.kind, u.explanation
    FROM unnest(p_value_indicators, p_value_numbers, p_value_statuses, p_value_kinds, p_value_explanations)
             WITH ORDINALITY AS u(indicator, value, status, kind, explanation, position);
    INSERT INTO submission_warning (submission_id, position, field, indicator, rule, message)
    SELECT p_id, u.position - 1, u.field, u.indicator, u.rule, u.message
    FROM unnest(p_warning_fields, p_warning_indicators, p_warning_rules, p_warning_messages)
             WITH ORDINALITY AS u(field, indicator, rule, message, position);
    INSERT INTO submission_missing_required (submission_id, position, indicator)
    SELECT p_id, u.position - 1, u.indicator
    FROM unnest(p_missing_required) WITH ORDINALITY AS u(indicator, position);
    INSERT INTO submission_notice (submission_id, position, indicator, field, other_dataset, other_value, message, message_zh)
    SELECT p_id, u.position - 1, u.indicator, u.field, u.other_dataset, u.other_value, u.message, u.message_zh
    FROM unnest(p_notice_indicators, p_notice_fields, p_notice_datasets, p_notice_values, p_notice_messages,
                p_notice_messages_zh)
             WITH ORDINALITY AS u(indicator, field, other_dataset, other_value, message, message_zh, position);
    INSERT INTO review_transition (submission_id, position, action, from_state, to_state, actor, role, comment, at)
    SELECT p_id, u.position - 1, u.action, u.from_state, u.to_state, u.actor, u.role, u.comment, u.at
    FROM unnest(p_transition_actions, p_transition_from, p_transition_to, p_transition_actors, p_transition_roles,
                p_transition_comments, p_transition_at)
             WITH ORDINALITY AS u(action, from_state, to_state, actor, role, comment, at, position);
    INSERT INTO outbox_event (topic, message_key, payload, submission_id, created_at)
    VALUES (p_topic, p_message_key, p_payload, p_id, p_received_at);

    RETURN QUERY SELECT 'stored', p_version, NULL::timestamptz;
END
$$;
