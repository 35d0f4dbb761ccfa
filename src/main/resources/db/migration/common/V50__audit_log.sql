-- Who saw or did what to whom: unmasked views of player personal data, actions on game accounts.
-- Written once, never updated.
create table audit_record (
    id           uuid primary key,
    actor_id     uuid,
    actor_name   varchar(64)  not null,
    game_id      uuid,
    action       varchar(40)  not null,
    subject_kind varchar(20)  not null,
    subject_id   varchar(64)  not null,
    detail       varchar(1000),
    recorded_at  timestamp with time zone not null
);
create index audit_record_by_subject on audit_record (subject_kind, subject_id, recorded_at);
create index audit_record_by_game on audit_record (game_id, recorded_at);
create index audit_record_by_time on audit_record (recorded_at);
