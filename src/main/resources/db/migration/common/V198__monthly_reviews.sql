-- The monthly review of an agent (月度考核, review module, docs/pay.md): the month's figures as
-- they stood when the lead drafted or refreshed it (from insight, quality and survey), the lead's
-- marks of 1 to 5 (attitude, ability and quality of service, seed 004; satisfaction and teamwork
-- for the bonus), the result out of 100, the lead's comment and the agent's acknowledgement.
-- A draft is the lead's; a shared review is the agent's to acknowledge and counts for pay.
create table review_month (
    id              uuid          primary key,
    agent_id        uuid          not null,
    review_month    date          not null,
    state           varchar(20)   not null,
    handled         bigint        not null,
    resolved        bigint        not null,
    fcr             double precision,
    sla             double precision,
    first_response  bigint,
    qa_score        double precision,
    qa_reviews      integer       not null,
    csat            double precision,
    csat_answers    integer       not null,
    attitude        integer,
    ability         integer,
    quality         integer,
    satisfaction    integer,
    teamwork        integer,
    result          integer,
    lead_comment    varchar(2000),
    agent_comment   varchar(2000),
    reviewed_by     uuid,
    shared_at       timestamp with time zone,
    acknowledged_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint review_month_once unique (agent_id, review_month)
);
create index review_month_by_month on review_month (review_month, agent_id);
