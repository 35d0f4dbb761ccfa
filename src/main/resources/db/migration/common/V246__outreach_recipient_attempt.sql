-- Campaigns (docs/campaigns.md): the moment a worker began sending to a claimed recipient,
-- committed before the message goes out. Of a claim a node died holding, only the recipient with
-- an attempt in progress may have been sent (it becomes interrupted, resent by a lead); the rest
-- of the claim goes back to the queue once its lease ends.
alter table outreach_recipient add column attempted_at timestamp with time zone;
