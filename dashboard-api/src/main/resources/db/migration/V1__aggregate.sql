-- The read model: the latest figure per key of the aggregates topic (indicator|region|period).
CREATE TABLE aggregate (
    indicator       varchar(64)  NOT NULL,
    region          varchar(6)   NOT NULL,
    period          varchar(8)   NOT NULL,
    level           varchar(16)  NOT NULL,
    -- Denormalised from the region registry so that the children of a region come from one index scan.
    parent_region   varchar(6),
    value           numeric,
    numerator       numeric,
    denominator     numeric,
    reporting_units integer      NOT NULL,
    withheld_units  integer      NOT NULL,
    expected_units  integer      NOT NULL,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (indicator, region, period)
);

CREATE INDEX aggregate_children ON aggregate (indicator, period, parent_region);
