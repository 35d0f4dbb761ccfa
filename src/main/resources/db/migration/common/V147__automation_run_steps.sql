-- What a rule's run did, as message keys and their arguments (JSON), worded for each reader;
-- the English summary stays for runs recorded before.
alter table automation_execution add column steps varchar(4000);
