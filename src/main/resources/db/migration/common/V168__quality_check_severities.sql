-- A game's own severity for a reply check (quality.ReplyCheck code: off, warn or block), where it
-- differs from the default (warn). The words the checks look for are the seeds' (CheckRules.defaults).
create table quality_check_severity (
    game_id    uuid        not null,
    check_code varchar(40) not null,
    severity   varchar(10) not null,
    updated_at timestamp with time zone not null,
    primary key (game_id, check_code)
);
