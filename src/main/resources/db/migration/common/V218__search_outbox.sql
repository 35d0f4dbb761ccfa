-- Search on OpenSearch (playerdesk.search.backend=opensearch, docs/search-cluster.md): Hibernate
-- Search's outbox. Each change to an indexed entity adds an event here in the transaction that
-- makes it; each node's agent (a row of hsearch_agent, kept alive by its pulse) takes the events
-- of its share of the entity-id hashes, indexes them on the shared cluster and deletes them.
-- Unused (empty) with the embedded Lucene index, the default. The events' and agents' payload
-- (bytes, stored as each database stores them) is added by V219.
create table hsearch_outbox_event (
    id             uuid          not null primary key,
    entity_name    varchar(256)  not null,
    entity_id      varchar(256)  not null,
    entity_id_hash integer       not null,
    retries        integer       not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255)  not null,
    tenant_id      varchar(255)
);
create index hsearch_outbox_event_entity_id_hash on hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid          not null primary key,
    type                 varchar(255)  not null,
    name                 varchar(255)  not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)  not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    tenant_id            varchar(255)
);
