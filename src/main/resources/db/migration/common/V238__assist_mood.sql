-- How the player sounded on a ticket's first message: calm, upset or hostile, and the category
-- (frustration, insult, threat...). The hostile column stays: it is the level "hostile".
alter table assist_example add column mood varchar(16);
alter table assist_example add column mood_category varchar(24);
