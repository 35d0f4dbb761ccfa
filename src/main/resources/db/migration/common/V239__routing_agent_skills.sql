-- What an agent is good at beyond tier and languages (codes separated by commas, e.g.
-- hostile_players): tickets asking for a skill go to a free agent with it first.
alter table routing_agent add column skills varchar(200) default '' not null;
