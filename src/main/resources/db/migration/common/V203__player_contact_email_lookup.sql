-- Email: a mail from an address the game does not know yet looks the address up among the
-- players' contact emails (PlayerDirectory.findByContactEmail), once per new sender.
create index player_by_contact_email on player (game_id, contact_email);
