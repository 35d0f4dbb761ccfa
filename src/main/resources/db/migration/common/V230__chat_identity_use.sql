-- Signed chat identities already used to start a chat: a signature starts one chat. Kept until
-- the identity is too old to be accepted anyway (playerdesk.chat.identity-max-age), in the
-- database so that every node refuses a second use.
create table chat_identity_use (
    signature_digest varchar(64) primary key,
    accepted_until   timestamp with time zone not null
);
create index chat_identity_use_by_age on chat_identity_use (accepted_until);
