package org.playerdesk.channel.api;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdempotencyRecords extends JpaRepository<IdempotencyRecord, IdempotencyRecord.Key> {
}
