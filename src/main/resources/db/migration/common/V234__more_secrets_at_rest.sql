-- Survey link keys, campaign unsubscribe keys and social reply tokens are sealed at rest
-- (docs/audit.md, secrets at rest): a sealed value is longer than the plain one.
alter table survey alter column secret set data type varchar(1000);
alter table outreach_campaign alter column secret set data type varchar(1000);
alter table social_thread alter column reply_token set data type varchar(2000);
