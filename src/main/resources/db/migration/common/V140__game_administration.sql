-- Games registered and kept in the console: the time zone the studio works in, the business
-- calendar its service levels start from, the channels players reach support by, and archiving
-- (an archived game's API keys stop working; its tickets stay readable).
alter table game add column time_zone varchar(64) default 'Asia/Shanghai' not null;
alter table game add column business_hours varchar(16) default 'always' not null;
alter table game add column channels varchar(200) default 'in_game,web,chat,email' not null;
alter table game add column archived_at timestamp with time zone;
