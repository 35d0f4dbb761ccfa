-- The rate limits' buckets when all nodes share them (playerdesk.rate-limits.store=database, on
-- PostgreSQL): one row per limit and caller, Bucket4j's state, and when the bucket is full again
-- (epoch milliseconds), after which the row is removed.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
