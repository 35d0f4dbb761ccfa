package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.game.AccountStatus;

/**
 * The linked group of an account, as the game's backend shows it: the accounts sharing a
 * registration or login IP address or a device with it (and with each other), the accounts they
 * trade currency with, and the trades between members. {@code organiserId} is the member that
 * received the most currency from other members (null when no currency moved between them): in a
 * farming studio, the boss its alts feed. IP addresses here are in clear; pages mask them.
 * {@code truncated}: the group has more accounts than {@link GroupSanctions#MEMBERS_MAX}.
 */
public record LinkedGroup(UUID gameId, String accountId, List<Member> members, List<Shared> shared,
        List<Trade> trades, String organiserId, boolean truncated) {

    /**
     * One account of the group with its figures from the game; {@code ips} and {@code devices} are
     * what it shares with other members; {@code throughTrades}: it joined the group by trading with
     * members, not by sharing an IP address or a device with the account looked up; {@code received}
     * and {@code sent} are the currency it got from and gave to other members.
     */
    public record Member(String accountId, String nickname, AccountStatus status, int level, Instant registeredAt,
            long totalRecharge, long balance, String partnerChannel, List<String> ips, List<String> devices,
            boolean throughTrades, long received, long sent) {

        public boolean partner() {
            return partnerChannel != null && !partnerChannel.isBlank();
        }
    }

    /** One IP address ({@code kind} ip) or device ({@code kind} device) and the members sharing it. */
    public record Shared(String kind, String value, List<String> accountIds) {
    }

    /** Currency given by {@code from} to {@code to}: how many trades, how much in all. */
    public record Trade(String from, String to, int count, long amount) {
    }

    public boolean contains(String account) {
        return member(account).isPresent();
    }

    public Optional<Member> member(String account) {
        return members.stream().filter(m -> m.accountId().equals(account)).findFirst();
    }

    /** The recharge of all members together (smallest money unit). */
    public long totalRecharge() {
        return members.stream().mapToLong(Member::totalRecharge).sum();
    }
}
