package org.playerdesk.game.internal.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.Currency;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.system.entity.Ids;

/** One simulated game: its generated accounts with the actions done to them laid over. */
final class SimulatedGameBackend implements GameBackend {

    static final long MAX_COMPENSATION = 10_000_000;

    private final String code;
    private final SimulatedGames games;
    private final SimulatedActionStore actions;
    private final Clock clock;

    SimulatedGameBackend(String code, SimulatedGames games, SimulatedActionStore actions, Clock clock) {
        this.code = code;
        this.games = games;
        this.actions = actions;
        this.clock = clock;
    }

    /** An account now: the generated data with the applied actions laid over, in order. */
    private record State(SimulatedWorld.Account base, List<BanRecord> bans, boolean frozen, List<LedgerEntry> ledger,
            Map<String, Long> balances, AccountStatus status, List<InGameNotice> notices) {

        long balance() {
            return balances.getOrDefault(SimulatedWorld.GOLD, 0L);
        }
    }

    private SimulatedWorld.Account base(String accountId) {
        SimulatedWorld.Account account = accountId == null ? null : games.world(code).accounts.get(accountId);
        if (account == null) {
            throw new UnknownAccount(accountId);
        }
        return account;
    }

    private State state(String accountId) {
        SimulatedWorld.Account base = base(accountId);
        Instant now = clock.instant();
        List<BanRecord> bans = new ArrayList<>(base.bans);
        List<LedgerEntry> ledger = new ArrayList<>(base.ledger);
        boolean frozen = base.frozen;
        Map<String, Long> balances = new LinkedHashMap<>(base.balances);
        List<InGameNotice> notices = new ArrayList<>();
        for (SimulatedActionStore.Stored act : actions.of(code, accountId)) {
            if (!act.applied()) {
                continue;
            }
            switch (act.kind()) {
                case "ban" -> bans.add(new BanRecord(act.reason(), act.at(),
                        act.duration() == null ? null : act.at().plus(act.duration()), act.operator(), null));
                case "unban" -> bans.replaceAll(b -> b.activeAt(act.at())
                        ? new BanRecord(b.reason(), b.startsAt(), b.endsAt(), b.bannedBy(), act.at()) : b);
                case "freeze" -> frozen = true;
                case "compensate" -> {
                    boolean item = act.item() != null;
                    String currency = item ? act.item() : act.currency() == null ? SimulatedWorld.GOLD : act.currency();
                    long amount = item ? act.quantity() : act.currencyAmount();
                    long balance = balances.merge(currency, amount, Long::sum);
                    String reason = item ? "客服补偿：" + itemName(act.item()) + "×" + act.quantity() : "客服补偿";
                    ledger.add(new LedgerEntry(act.at(), amount, balance, reason, null, currency));
                }
                case "notify" -> notices.addFirst(new InGameNotice(act.at(), act.channel(), act.title(), act.body(),
                        act.operator()));
                default -> {
                }
            }
        }
        bans.sort(Comparator.comparing(BanRecord::startsAt).reversed());
        AccountStatus status = frozen ? AccountStatus.FROZEN
                : bans.stream().anyMatch(b -> b.activeAt(now)) ? AccountStatus.BANNED : AccountStatus.ACTIVE;
        return new State(base, bans, frozen, ledger, balances, status, notices);
    }

    @Override
    public AccountProfile profile(String accountId) {
        State s = state(accountId);
        SimulatedWorld.Account a = s.base();
        Instant lastLogin = a.logins.isEmpty() ? null : a.logins.getFirst().at();
        return new AccountProfile(a.id, a.nickname, a.server, a.role, a.level, a.vipLevel, a.totalRecharge(),
                s.balance(), a.registeredAt, a.registrationIp, a.partner, s.status(), lastLogin, s.balances());
    }

    @Override
    public List<LoginRecord> logins(String accountId, int limit) {
        return base(accountId).logins.stream().limit(Math.max(0, limit)).toList();
    }

    @Override
    public List<LedgerEntry> ledger(String accountId, Instant from, Instant to) {
        return state(accountId).ledger().stream()
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to))).toList();
    }

    @Override
    public List<Purchase> purchases(String accountId) {
        return List.copyOf(base(accountId).purchases);
    }

    @Override
    public List<Redemption> redemptions(String accountId) {
        return List.copyOf(base(accountId).redemptions);
    }

    @Override
    public List<BanRecord> bans(String accountId) {
        return state(accountId).bans();
    }

    @Override
    public List<LinkedAccount> linkedAccounts(String accountId) {
        SimulatedWorld world = games.world(code);
        SimulatedWorld.Account a = base(accountId);
        Map<String, LinkedAccount> found = new LinkedHashMap<>();
        List<String> ips = new ArrayList<>();
        ips.add(a.registrationIp);
        a.logins.forEach(l -> ips.add(l.ip()));
        for (String ip : ips) {
            for (String other : world.byIp.getOrDefault(ip, List.of())) {
                if (!other.equals(a.id)) {
                    found.putIfAbsent(other + "/ip", new LinkedAccount(other, world.accounts.get(other).nickname,
                            "ip", ip));
                }
            }
        }
        for (LoginRecord login : a.logins) {
            for (String other : world.byDevice.getOrDefault(login.device(), List.of())) {
                if (!other.equals(a.id)) {
                    found.putIfAbsent(other + "/device", new LinkedAccount(other, world.accounts.get(other).nickname,
                            "device", login.device()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<Currency> currencies() {
        return SimulatedWorld.CURRENCIES;
    }

    /** The in-game mail and notices delivered to the account, newest first (the account panel shows them). */
    @Override
    public List<InGameNotice> notices(String accountId) {
        return state(accountId).notices();
    }

    private static String itemName(String item) {
        return SimulatedWorld.CURRENCIES.stream().filter(c -> c.code().equals(item)).findFirst()
                .map(c -> c.names().get("zh-CN")).orElse(item);
    }

    private static boolean currencyCode(String code) {
        return code == null || SimulatedWorld.CURRENCIES.stream().anyMatch(c -> !c.item() && c.code().equals(code));
    }

    @Override
    public ActionResult perform(GameAction action) {
        if (action.idempotencyKey() == null || action.idempotencyKey().isBlank()
                || action.idempotencyKey().length() > 100) {
            throw new IllegalArgumentException("an action needs an idempotency key of at most 100 characters");
        }
        Optional<SimulatedActionStore.Stored> seen = actions.byKey(code, action.idempotencyKey());
        if (seen.isPresent()) {
            return seen.get().result(true);
        }
        State s = state(action.accountId());
        Instant now = clock.instant();
        SimulatedActionStore.Stored decided = decide(action, s, now);
        return actions.insert(code, action.idempotencyKey(), decided).map(d -> d.result(false))
                .orElseGet(() -> actions.byKey(code, action.idempotencyKey()).orElseThrow().result(true));
    }

    private SimulatedActionStore.Stored decide(GameAction action, State s, Instant now) {
        String ref = "SIM-" + Ids.next().toString().substring(24).toUpperCase();
        String op = clip(action.operator(), 100);
        return switch (action) {
            case GameAction.Ban ban -> {
                boolean ok = ban.reason() != null && !ban.reason().isBlank()
                        && (ban.duration() == null || !ban.duration().isNegative() && !ban.duration().isZero());
                String msg = !ok ? "封禁失败：需要封禁原因和有效时长"
                        : ban.duration() == null ? "已永久封禁账号 " + ban.accountId()
                        : "已封禁账号 " + ban.accountId() + " " + describe(ban.duration());
                yield new SimulatedActionStore.Stored("ban", ban.accountId(), op, clip(ban.reason(), 500),
                        ban.duration(), 0, null, 0, ok, ref, msg, now);
            }
            case GameAction.Unban unban -> {
                boolean ok = s.bans().stream().anyMatch(b -> b.activeAt(now));
                yield new SimulatedActionStore.Stored("unban", unban.accountId(), op, clip(unban.reason(), 500), null,
                        0, null, 0, ok, ref, ok ? "已解除账号 " + unban.accountId() + " 的封禁" : "该账号当前没有生效的封禁",
                        now);
            }
            case GameAction.Compensate c -> {
                boolean currency = c.currencyAmount() > 0 && c.currencyAmount() <= MAX_COMPENSATION
                        && (c.item() == null || c.item().isBlank()) && currencyCode(c.currency());
                boolean item = c.currencyAmount() == 0 && c.item() != null && !c.item().isBlank()
                        && c.quantity() > 0 && c.quantity() <= 10_000;
                boolean ok = currency || item;
                String code = c.currency() == null ? SimulatedWorld.GOLD : c.currency();
                String msg = !ok ? (currencyCode(c.currency()) ? "补偿失败：需要正数的货币数量或道具及数量（二选一）"
                        : "补偿失败：本游戏没有货币 " + clip(c.currency(), 64))
                        : currency ? "已补偿 " + c.currencyAmount() + " " + itemName(code) + "，当前余额 "
                                + (s.balances().getOrDefault(code, 0L) + c.currencyAmount())
                        : "已补偿道具 " + itemName(c.item()) + "×" + c.quantity();
                yield new SimulatedActionStore.Stored("compensate", c.accountId(), op, clip(c.reason(), 500), null,
                        ok ? c.currencyAmount() : 0, item ? clip(c.item(), 100) : null, item ? c.quantity() : 0, ok,
                        ref, msg, now, currency ? code : null, null, null, null);
            }
            case GameAction.Notify n -> {
                boolean ok = n.text() != null && !n.text().isBlank()
                        && (InGameNotice.MAIL.equals(n.channel()) || InGameNotice.NOTICE.equals(n.channel()));
                String title = n.title() == null || n.title().isBlank() ? "系统消息" : clip(n.title(), 200);
                yield new SimulatedActionStore.Stored("notify", n.accountId(), op, null, null, 0, null, 0, ok, ref,
                        !ok ? "发送失败：需要消息内容，渠道为 mail 或 notice"
                                : InGameNotice.MAIL.equals(n.channel()) ? "已发送游戏内邮件「" + title + "」"
                                : "已推送系统公告「" + title + "」",
                        now, null, ok ? n.channel() : null, title, clip(n.text(), 2000));
            }
            case GameAction.Message m -> {
                boolean ok = m.text() != null && !m.text().isBlank();
                String title = m.title() == null || m.title().isBlank() ? "系统消息" : clip(m.title(), 200);
                yield new SimulatedActionStore.Stored("notify", m.accountId(), op, clip(m.campaign(), 500), null, 0,
                        null, 0, ok, ref, ok ? "已发送游戏内邮件「" + title + "」" : "发送失败：需要消息内容", now, null,
                        ok ? InGameNotice.MAIL : null, title, clip(m.text(), 2000));
            }
            case GameAction.Freeze f -> {
                boolean ok = !s.frozen();
                yield new SimulatedActionStore.Stored("freeze", f.accountId(), op, clip(f.reason(), 500), null, 0,
                        null, 0, ok, ref, ok ? "已冻结账号 " + f.accountId() : "账号已处于冻结状态", now);
            }
            case GameAction.ResetPassword r -> new SimulatedActionStore.Stored("reset_password", r.accountId(), op,
                    null, null, 0, null, 0, true, ref, "已强制重置密码，玩家需通过绑定手机重新设置", now);
        };
    }

    private static String describe(Duration d) {
        return d.toDays() > 0 && d.toHours() % 24 == 0 ? d.toDays() + " 天" : d.toHours() > 0 ? d.toHours() + " 小时"
                : d.toMinutes() + " 分钟";
    }

    private static String clip(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
