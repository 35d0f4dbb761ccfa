-- Email as a channel: each game's support mailboxes (IMAP or an inbound-mail webhook), the lease
-- that lets one node at a time read a mailbox, the mail received (one row per Message-ID and
-- mailbox: a message fetched again is recognised), the mail sent (its Message-ID, the ticket or
-- the reference it answers to), each email ticket's conversation, and the templates per language.

create table mailbox (
    id              uuid primary key,
    game_id         uuid         not null references game (id) on delete cascade,
    address         varchar(254) not null,
    display_name    varchar(100) not null,
    kind            varchar(10)  not null,
    imap_host       varchar(255),
    imap_port       integer,
    imap_ssl        boolean      not null,
    imap_username   varchar(255),
    imap_password   varchar(255),
    imap_folder     varchar(100),
    webhook_secret  varchar(100),
    enabled         boolean      not null,
    created_at      timestamp with time zone not null
);
create unique index mailbox_by_address on mailbox (address);
create index mailbox_by_game on mailbox (game_id);

create table mailbox_lease (
    mailbox_id   uuid primary key references mailbox (id) on delete cascade,
    holder       varchar(100) not null,
    held_until   timestamp with time zone not null
);

create table mail_received (
    id              uuid primary key,
    mailbox_id      uuid         not null references mailbox (id) on delete cascade,
    game_id         uuid         not null,
    message_id      varchar(500) not null,
    kind            varchar(10)  not null,
    sender          varchar(254),
    subject         varchar(500),
    ticket_id       uuid,
    ticket_message_id uuid,
    html            text,
    folded          text,
    refused_files   varchar(2000),
    received_at     timestamp with time zone not null
);
create unique index mail_received_once on mail_received (mailbox_id, message_id);
create index mail_received_by_ticket on mail_received (ticket_id, received_at);
create index mail_received_by_message_id on mail_received (message_id);
create index mail_received_by_sender on mail_received (mailbox_id, sender, received_at);

create table mail_sent (
    id              uuid primary key,
    game_id         uuid         not null,
    message_id      varchar(500) not null,
    recipient       varchar(254) not null,
    ticket_id       uuid,
    ticket_message_id uuid,
    reference       varchar(200),
    sent_at         timestamp with time zone not null,
    failure         varchar(1000),
    failed_at       timestamp with time zone
);
create unique index mail_sent_by_message_id on mail_sent (message_id);
create index mail_sent_by_ticket on mail_sent (ticket_id, sent_at);

create table mail_thread (
    ticket_id        uuid primary key,
    game_id          uuid         not null,
    mailbox_id       uuid         not null references mailbox (id) on delete cascade,
    player_id        uuid         not null,
    player_address   varchar(254) not null,
    token            varchar(20)  not null,
    subject          varchar(500) not null,
    locale           varchar(10)  not null,
    last_message_id  varchar(500),
    created_at       timestamp with time zone not null
);
create unique index mail_thread_by_token on mail_thread (token);
create index mail_thread_by_address on mail_thread (game_id, player_address);

create table mail_template (
    game_id    uuid         not null references game (id) on delete cascade,
    locale     varchar(10)  not null,
    greeting   varchar(500) not null,
    signature  varchar(1000) not null,
    footer     varchar(1000) not null,
    updated_at timestamp with time zone not null,
    primary key (game_id, locale)
);
