-- Secrets at rest: stored credentials are sealed (AES-256-GCM, "enc:<key id>:<base64>"), longer than
-- the plain values these columns were sized for. Plain values stay readable and are sealed by the
-- start-up rewrite.
alter table game_connector alter column secret set data type varchar(1000);
alter table department alter column webhook_secret set data type varchar(1000);
alter table chat_settings alter column secret set data type varchar(1000);
alter table mailbox alter column imap_password set data type varchar(1000);
alter table mailbox alter column webhook_secret set data type varchar(1000);
alter table social_source alter column secret set data type varchar(1000);
alter table social_source alter column app_secret set data type varchar(1000);
alter table telephony_cti_secret alter column secret set data type varchar(1000);
alter table digest_setting alter column webhook_secret set data type varchar(1000);
