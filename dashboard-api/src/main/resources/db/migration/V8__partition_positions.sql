-- docs/adr/0019. Each partition's position in the aggregates topic (the offset of the next record to apply), written
-- in the same transaction as the figures its records brought: the read model applies every record exactly once,
-- whatever Kafka's committed offsets say, and the listener seeks to this position when it is given the partition.
CREATE TABLE consumer_position (
    topic       varchar(249) NOT NULL,
    partition   integer      NOT NULL,
    next_offset bigint       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Where each figure's last change stands in the topic: a resumed live stream sends the latest state of every figure
-- changed after the client's position, read from the figures themselves instead of a second copy of each change.
-- Rows from before have no position; the ids given out before were single numbers, which are answered with a reset.
ALTER TABLE aggregate ADD COLUMN change_partition integer;
ALTER TABLE aggregate ADD COLUMN change_offset bigint;
CREATE INDEX aggregate_changes ON aggregate (change_partition, change_offset);

-- The latest deletion of each figure no longer in the read model, so that a resumed stream tells of it too. A key
-- that gets a figure again keeps its marker; the replay skips a marker whose key has a figure.
CREATE TABLE aggregate_deletion (
    indicator        varchar(64) NOT NULL,
    region           varchar(6)  NOT NULL,
    period           varchar(16) NOT NULL,
    kind             varchar(8)  NOT NULL,
    basis            varchar(8)  NOT NULL,
    change_partition integer     NOT NULL,
    change_offset    bigint      NOT NULL,
    PRIMARY KEY (indicator, region, period, kind, basis)
);
CREATE INDEX aggregate_deletion_changes ON aggregate_deletion (change_partition, change_offset);

-- Replaced by the positions above (docs/adr/0019 supersedes 0012's change log).
DROP TABLE aggregate_change;
