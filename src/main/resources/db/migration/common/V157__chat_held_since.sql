-- since when a chat's agent holds it (accepted, or handed over to them): each agent's handle time
alter table chat_session add column held_since timestamp with time zone;
