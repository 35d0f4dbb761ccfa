-- Bug and suggestion digests for a game's developers (docs/insight.md#developer-digests).
-- A group of alike reports keeps its identity across runs by its fingerprint (kind, area, client
-- version, device family and its two leading words), so that "reported to developers" sticks.
CREATE TABLE digest_group (
    id             UUID          NOT NULL PRIMARY KEY,
    game_id        UUID          NOT NULL,
    fingerprint    VARCHAR(64)   NOT NULL,
    ticket_type    VARCHAR(40)   NOT NULL,
    area           VARCHAR(40)   NOT NULL,
    client_version VARCHAR(80)   NOT NULL,
    device         VARCHAR(80)   NOT NULL,
    words          VARCHAR(400)  NOT NULL,
    reported_ref   VARCHAR(300),
    reported_by    VARCHAR(200),
    reported_at    TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT digest_group_fingerprint UNIQUE (game_id, fingerprint)
);

-- Which group each report belongs to (the latest digest that grouped it decides).
CREATE TABLE digest_group_ticket (
    ticket_id UUID NOT NULL PRIMARY KEY,
    group_id  UUID NOT NULL REFERENCES digest_group (id) ON DELETE CASCADE,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX digest_group_ticket_by_group ON digest_group_ticket (group_id);

-- Each game's digest settings, and the sending state: the next digest due, the node holding it
-- until claimed_until, which channels already took the digest due, and the last failure.
CREATE TABLE digest_setting (
    game_id          UUID          NOT NULL PRIMARY KEY,
    schedule         VARCHAR(20)   NOT NULL,
    recipients       VARCHAR(2000) NOT NULL,
    language         VARCHAR(10),
    webhook_url      VARCHAR(500),
    webhook_secret   VARCHAR(200),
    next_due_at      TIMESTAMP WITH TIME ZONE,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    mailed_for       TIMESTAMP WITH TIME ZONE,
    posted_for       TIMESTAMP WITH TIME ZONE,
    last_sent_at     TIMESTAMP WITH TIME ZONE,
    last_failure     VARCHAR(1000),
    last_failure_at  TIMESTAMP WITH TIME ZONE,
    failures         INTEGER       NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX digest_setting_due ON digest_setting (next_due_at);
