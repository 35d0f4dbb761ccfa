-- The Spring Modulith event publication registry (the transactional outbox), schema v2.
create table event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
create index event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
create index event_publication_by_completion_date_idx ON event_publication (completion_date);
