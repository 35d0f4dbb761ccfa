package org.playerdesk.game.internal.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.Currency;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;

/**
 * The generated part of a simulated game: its accounts as they were at the start of the day
 * {@code anchor}, with their logins, currency ledgers, purchases, redemptions and bans. The same
 * game code and day always give the same world. Scenario accounts have fixed ids (see
 * docs/game-connector.md, "The simulated game"); about {@value #BACKGROUND} ordinary accounts fill
 * the rest.
 */
final class SimulatedWorld {

    static final int BACKGROUND = 400;
    static final String STOLEN = "10001";
    static final String THIEF = "10666";
    static final String FARM_IP = "183.6.77.20";
    static final String FARM_DEVICE = "雷电模拟器9 · LD-7F3A21";
    static final String CHARM_FAN = "10010";
    static final String SCAMMED = "10011";
    static final String SCAMMER = "10777";

    /** The currencies and items of every simulated game, the primary currency (gold) first. */
    static final String GOLD = "gold";
    static final String DIAMOND = "diamond";
    static final String CHARM = "charm";
    static final List<Currency> CURRENCIES = List.of(
            new Currency(GOLD, Currency.CURRENCY, Map.of("zh-CN", "金币", "en", "Gold"), true),
            new Currency(DIAMOND, Currency.CURRENCY, Map.of("zh-CN", "钻石", "en", "Diamonds"), false),
            new Currency(CHARM, Currency.CURRENCY, Map.of("zh-CN", "魅力值", "en", "Charm points"), false),
            new Currency("revive_stone", Currency.ITEM, Map.of("zh-CN", "复活石", "en", "Revival stone"), false),
            new Currency("rename_card", Currency.ITEM, Map.of("zh-CN", "改名卡", "en", "Rename card"), false));

    private static final String[] SERVERS = {"一区·青龙", "二区·白虎", "三区·朱雀", "四区·玄武", "五区·麒麟"};
    private static final String[] ROLES = {"剑客", "法师", "战士", "刺客", "牧师", "弓手"};
    private static final String[] REGIONS = {"广东深圳", "广东广州", "上海", "北京", "浙江杭州", "四川成都", "湖北武汉",
            "江苏南京", "陕西西安", "福建厦门", "湖南长沙", "山东青岛", "重庆", "天津", "河南郑州"};
    private static final String[] DEVICES = {"iPhone 15", "iPhone 14 Pro", "华为 Mate 60", "小米14", "OPPO Find X7",
            "vivo X100", "荣耀 Magic6", "iPad Air", "Windows PC"};
    private static final String[] NICK_A = {"夜雨", "清风", "孤影", "苍穹", "醉月", "星河", "墨染", "寒霜", "烈焰", "云起",
            "落花", "听雪", "沧海", "浮生", "破晓", "天涯", "逍遥", "凌云", "梦蝶", "青衫"};
    private static final String[] NICK_B = {"剑客", "小白", "无双", "归来", "之歌", "不语", "狂刀", "一笑", "如风", "少年",
            "公子", "仙子", "战神", "行者", "浪子", "阿九", "大侠", "猫咪", "老王", "丶"};
    private static final String[] PARTNERS = {"小米游戏中心", "华为应用市场", "4399", "TapTap", "OPPO游戏中心"};
    private static final String[] PAY = {"微信支付", "支付宝", "Apple Pay", "华为支付"};
    private static final String[][] PACKS = {{"首充礼包", "600"}, {"月卡", "3000"}, {"钻石×60", "600"},
            {"钻石×300", "3000"}, {"钻石×980", "9800"}, {"钻石×1980", "19800"}, {"钻石×3280", "32800"},
            {"钻石×6480", "64800"}};
    private static final String[] EARN = {"副本奖励", "日常任务", "活动奖励", "出售材料"};
    private static final String[] SPEND = {"商城购买", "装备强化", "坐骑培养", "拍卖行购买"};

    final Instant anchor;
    final Map<String, Account> accounts = new LinkedHashMap<>();
    /** ip or device value → accounts that registered or logged in with it. */
    final Map<String, List<String>> byIp = new HashMap<>();
    final Map<String, List<String>> byDevice = new HashMap<>();

    private final Random random;
    /** Charm points are drawn from their own sequence, so the rest of the world stays as it was generated before. */
    private final Random charmRandom;

    SimulatedWorld(String gameCode, Instant anchor) {
        this.anchor = anchor;
        this.random = new Random(gameCode.hashCode() * 31L + 7);
        this.charmRandom = new Random(gameCode.hashCode() * 17L + 3);
        scenarios();
        for (int i = 0; i < BACKGROUND; i++) {
            background(String.valueOf(100001 + i));
        }
        index();
    }

    /** An account as generated, before any action done to it. */
    static final class Account {
        final String id;
        String nickname;
        String server;
        String role;
        int level;
        int vipLevel;
        Instant registeredAt;
        String registrationIp;
        String partner;
        boolean frozen;
        final List<LoginRecord> logins = new ArrayList<>();
        final List<LedgerEntry> ledger = new ArrayList<>();
        final List<Purchase> purchases = new ArrayList<>();
        final List<Redemption> redemptions = new ArrayList<>();
        final List<BanRecord> bans = new ArrayList<>();
        /** The primary currency's (gold) balance. */
        long balance;
        /** Every currency's balance by code, worked out from the ledger. */
        final Map<String, Long> balances = new LinkedHashMap<>();

        Account(String id) {
            this.id = id;
        }

        long totalRecharge() {
            return purchases.stream().filter(p -> !"refunded".equals(p.state())).mapToLong(Purchase::price).sum();
        }

        AccountStatus baseStatus(Instant now) {
            if (frozen) {
                return AccountStatus.FROZEN;
            }
            return bans.stream().anyMatch(b -> b.activeAt(now)) ? AccountStatus.BANNED : AccountStatus.ACTIVE;
        }

        void earn(Instant at, long amount, String reason, String counterparty) {
            balance += amount;
            ledger.add(new LedgerEntry(at, amount, balance, reason, counterparty, GOLD));
        }

        /** A movement of another currency; its balance is worked out when the world is indexed. */
        void move(Instant at, long amount, String reason, String counterparty, String currency) {
            ledger.add(new LedgerEntry(at, amount, 0, reason, counterparty, currency));
        }
    }

    private Instant daysAgo(double days) {
        return anchor.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    private String ip() {
        return (random.nextInt(180) + 36) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (random.nextInt(250) + 2);
    }

    private String device() {
        return DEVICES[random.nextInt(DEVICES.length)] + " · " + String.format("%06X", random.nextInt(0xFFFFFF));
    }

    private Account account(String id, String nickname, String server, String role, int level, double registeredDaysAgo) {
        Account a = new Account(id);
        a.nickname = nickname;
        a.server = server;
        a.role = role;
        a.level = level;
        a.registeredAt = daysAgo(registeredDaysAgo);
        a.registrationIp = ip();
        accounts.put(id, a);
        return a;
    }

    /** Regular logins from one place and device, every few days, the last {@code lastDaysAgo} ago. */
    private void habit(Account a, String region, String device, String ip, double lastDaysAgo, int count) {
        for (int i = count - 1; i >= 0; i--) {
            double ago = lastDaysAgo + i * (1 + random.nextInt(3)) + random.nextDouble() * 0.3;
            a.logins.add(new LoginRecord(daysAgo(ago), ip, device, region));
        }
    }

    /** Some ordinary play: recharges and currency earned and spent since registration. */
    private void play(Account a, int recharges, int movements) {
        long start = a.registeredAt.getEpochSecond();
        long span = Math.max(3600, anchor.getEpochSecond() - 86400 - start);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < recharges + movements; i++) {
            times.add(Instant.ofEpochSecond(start + (long) (random.nextDouble() * span)));
        }
        Collections.sort(times);
        int r = 0;
        for (Instant at : times) {
            if (r < recharges && random.nextInt(recharges + movements) < recharges + 1) {
                String[] pack = PACKS[random.nextInt(PACKS.length)];
                long price = Long.parseLong(pack[1]);
                String order = "SIM" + at.getEpochSecond() + String.format("%04d", random.nextInt(10000));
                a.purchases.add(new Purchase(order, at, pack[0], price, "CNY", PAY[random.nextInt(PAY.length)],
                        "delivered"));
                a.move(at, price / 10, "充值", null, DIAMOND);
                r++;
            } else if (a.balance > 200 && random.nextBoolean()) {
                a.earn(at, -(50 + random.nextInt((int) Math.min(a.balance - 50, 2000))),
                        SPEND[random.nextInt(SPEND.length)], null);
            } else {
                a.earn(at, 20 + random.nextInt(300), EARN[random.nextInt(EARN.length)], null);
            }
        }
        int wins = 2 + charmRandom.nextInt(6);
        for (int i = 0; i < wins; i++) {
            a.move(Instant.ofEpochSecond(start + (long) (charmRandom.nextDouble() * span)), 50 + charmRandom.nextInt(600),
                    "对局奖励", null, CHARM);
        }
    }

    /** A prize paid with charm points (用魅力值兑换), with the charm earned for it some days before. */
    private void redeem(Account a, Redemption redemption, long cost) {
        a.move(redemption.at().minus(Duration.ofDays(3)), cost, "活动奖励", null, CHARM);
        a.move(redemption.at(), -cost, "兑换：" + redemption.prize(), null, CHARM);
        a.redemptions.add(new Redemption(redemption.redemptionId(), redemption.at(), redemption.prize(),
                redemption.fulfilment(), redemption.trackingNumber(), cost, CHARM));
    }

    private void scenarios() {
        // 10001 夜雨听风: stolen — years in Shenzhen on one iPhone, then last night a new region and
        // device, and the currency traded away to 10666 within the hour.
        Account stolen = account(STOLEN, "夜雨听风", "一区·青龙", "剑客", 78, 900);
        stolen.vipLevel = 6;
        String homeIp = "113.88.12.45";
        String homeDevice = "iPhone 15 · A1B2C3";
        stolen.registrationIp = homeIp;
        habit(stolen, "广东深圳", homeDevice, homeIp, 1.6, 12);
        play(stolen, 10, 30);
        stolen.earn(daysAgo(3), 58_000, "副本奖励", null);
        Instant intrusion = anchor.minus(Duration.ofHours(9));
        stolen.logins.add(new LoginRecord(intrusion, "171.43.190.7", "Android 12 · 未知机型 9F8E7D", "新疆乌鲁木齐"));
        long rest = stolen.balance - 120;
        stolen.earn(intrusion.plus(Duration.ofMinutes(6)), -(rest * 7 / 10), "交易", THIEF);
        stolen.earn(intrusion.plus(Duration.ofMinutes(11)), -(rest - rest * 7 / 10), "交易", THIEF);
        Account thief = account(THIEF, "收购金币", "一区·青龙", "刺客", 12, 4);
        thief.registrationIp = "171.43.190.7";
        habit(thief, "新疆乌鲁木齐", "Android 12 · 未知机型 9F8E7D", "171.43.190.7", 0.4, 3);
        thief.earn(intrusion.plus(Duration.ofMinutes(6)), rest * 7 / 10, "交易", STOLEN);
        thief.earn(intrusion.plus(Duration.ofMinutes(11)), rest - rest * 7 / 10, "交易", STOLEN);

        // 10002 小白兔: banned for seven days two days ago (speed hack), appealing.
        Account bunny = account("10002", "小白兔", "二区·白虎", "法师", 55, 300);
        habit(bunny, "浙江杭州", "小米14 · 5C6D7E", "60.186.34.9", 2.1, 8);
        play(bunny, 3, 20);
        bunny.bans.add(new BanRecord("使用第三方加速软件", daysAgo(2), daysAgo(2).plus(Duration.ofDays(7)), "GM-安全组",
                null));

        // 10003 狂战天下: a 648 recharge paid but not delivered.
        Account berserk = account("10003", "狂战天下", "一区·青龙", "战士", 66, 420);
        habit(berserk, "湖北武汉", "华为 Mate 60 · 33AA01", "27.17.45.88", 0.3, 10);
        play(berserk, 6, 18);
        berserk.vipLevel = 5;
        berserk.purchases.add(new Purchase("20261122-8842", anchor.minus(Duration.ofHours(20)), "钻石×6480", 64800,
                "CNY", "微信支付", "pending"));

        account("10004", "月下独酌", "三区·朱雀", "刺客", 49, 200);
        habit(accounts.get("10004"), "四川成都", "小米14 · 88B0C1", "182.150.3.77", 0.2, 9);
        play(accounts.get("10004"), 2, 15);

        // 10005 正义使者 reports 10050 疾风一号, who was banned once before for the same.
        account("10005", "正义使者", "二区·白虎", "牧师", 61, 500);
        habit(accounts.get("10005"), "江苏南京", "iPhone 14 Pro · 0D0E0F", "114.222.8.31", 0.5, 10);
        play(accounts.get("10005"), 4, 20);
        Account gale = account("10050", "疾风一号", "二区·白虎", "刺客", 70, 150);
        habit(gale, "河南郑州", "Windows PC · 77C1D2", "42.236.10.15", 0.1, 14);
        play(gale, 1, 25);
        gale.bans.add(new BanRecord("移动速度异常（疑似加速外挂）", daysAgo(60), daysAgo(57), "GM-安全组", null));

        account("10006", "咸鱼翻身", "一区·青龙", "弓手", 23, 20);
        habit(accounts.get("10006"), "福建厦门", "OPPO Find X7 · 12AB34", "117.28.66.3", 0.8, 6);
        play(accounts.get("10006"), 1, 8);

        // 10007 幸运星: one prize shipped (SF1234567890), one still waiting to be shipped.
        Account lucky = account("10007", "幸运星", "三区·朱雀", "法师", 58, 380);
        habit(lucky, "上海", "iPhone 15 · 4F5E6D", "101.80.200.14", 1.2, 8);
        play(lucky, 5, 16);
        redeem(lucky, new Redemption("RD-20261103-0457", daysAgo(20), "限定手办·青龙剑客", "shipped",
                "SF1234567890"), 12_000);
        redeem(lucky, new Redemption("RD-20261118-0912", daysAgo(5), "周年纪念鼠标垫", "pending", null), 3_000);

        // 10008 老玩家: four years in, last seen 45 days ago (churn risk).
        Account veteran = account("10008", "老玩家", "一区·青龙", "战士", 90, 1460);
        habit(veteran, "北京", "Windows PC · 9A9B9C", "123.118.5.61", 45, 10);
        play(veteran, 20, 40);
        veteran.vipLevel = 8;

        account("10009", "Nightfall", "五区·麒麟", "Ranger", 40, 120);
        habit(accounts.get("10009"), "新加坡", "iPhone 14 Pro · AA00BB", "8.219.3.40", 1, 6);
        play(accounts.get("10009"), 2, 10);

        // 10010 魅力四射: asks where 8,000 charm points went; yesterday they paid for a prize
        // (用魅力值兑换了蓝牙耳机), their gold untouched.
        Account fan = account(CHARM_FAN, "魅力四射", "三区·朱雀", "牧师", 52, 320);
        habit(fan, "陕西西安", "vivo X100 · 6A7B8C", "113.200.7.21", 0.3, 9);
        play(fan, 2, 14);
        redeem(fan, new Redemption("RD-20261202-1107", anchor.minus(Duration.ofHours(20)), "蓝牙耳机", "pending",
                null), 8_000);

        // 10011 被骗的小李 sold 30,000 gold to 10777 低价出金 for diamonds that never came (被骗金币);
        // 10777 took gold the same way from two other players that week.
        Account scammed = account(SCAMMED, "被骗的小李", "二区·白虎", "战士", 47, 240);
        habit(scammed, "山东青岛", "OPPO Find X7 · 7E7E01", "123.235.9.4", 0.2, 9);
        play(scammed, 2, 12);
        scammed.earn(daysAgo(2), 36_000, "副本奖励", null);
        Account scammer = account(SCAMMER, "低价出金", "二区·白虎", "刺客", 18, 9);
        habit(scammer, "河南郑州", "Android 11 · 2F2F2F", "42.236.99.8", 0.3, 5);
        Instant deal = anchor.minus(Duration.ofHours(14));
        scammed.earn(deal, -30_000, "交易", SCAMMER);
        scammer.earn(deal, 30_000, "交易", SCAMMED);
        for (int i = 0; i < 2; i++) {
            String victim = String.valueOf(100001 + 37 * (i + 1));
            scammer.earn(daysAgo(2 + i * 1.5), 12_000 + i * 3_000, "交易", victim);
        }

        // 20001-20005: players who came through partner channels (联运).
        for (int i = 0; i < 5; i++) {
            Account p = account(String.valueOf(20001 + i), nick(), SERVERS[i % SERVERS.length], ROLES[i % ROLES.length],
                    20 + random.nextInt(50), 30 + random.nextInt(300));
            p.partner = PARTNERS[i];
            habit(p, REGIONS[random.nextInt(REGIONS.length)], device(), ip(), random.nextDouble() * 3, 6);
            play(p, 2 + random.nextInt(4), 12);
        }

        // 30000 工作室老板 and its farming alts 30001-30008: one IP and one emulator, registered the
        // same week, feeding their currency to 30000.
        Account boss = account("30000", "工作室老板", "四区·玄武", "战士", 80, 200);
        habit(boss, "广东广州", "Windows PC · 5151AF", "14.150.9.200", 0.2, 10);
        play(boss, 3, 10);
        for (int i = 1; i <= 8; i++) {
            Account alt = account(String.valueOf(30000 + i), "搬砖" + i + "号", "四区·玄武", "战士", 30 + i, 10 + i * 0.3);
            alt.registrationIp = FARM_IP;
            habit(alt, "广东广州", FARM_DEVICE, FARM_IP, 0.1 + i * 0.02, 8);
            for (int d = 9; d >= 1; d--) {
                alt.earn(daysAgo(d + 0.5), 800 + random.nextInt(400), "副本奖励", null);
            }
            long all = alt.balance;
            Instant at = daysAgo(0.6 + i * 0.01);
            alt.earn(at, -all, "交易", "30000");
            boss.earn(at, all, "交易", alt.id);
        }

        // 40001 permanently banned (scripted gold farming); 40002 frozen (account-trade dispute).
        Account cheat = account("40001", "外挂狗", "二区·白虎", "刺客", 75, 260);
        habit(cheat, "天津", "Windows PC · DEAD01", "125.36.1.9", 12, 8);
        play(cheat, 1, 20);
        cheat.bans.add(new BanRecord("使用脚本刷金（第二次违规）", daysAgo(12), null, "GM-安全组", null));
        cheat.bans.add(new BanRecord("使用脚本刷金", daysAgo(90), daysAgo(83), "GM-安全组", null));
        Account disputed = account("40002", "买号的人", "三区·朱雀", "牧师", 64, 700);
        habit(disputed, "湖南长沙", "vivo X100 · 10C0DE", "175.8.20.3", 3, 8);
        play(disputed, 4, 15);
        disputed.frozen = true;

        // 50001 一掷千金 and 50002 氪金小王子: high-recharge VIPs.
        Account whale = account("50001", "一掷千金", "一区·青龙", "剑客", 99, 1000);
        habit(whale, "上海", "iPhone 15 Pro Max · 0A0B0C", "101.80.3.3", 0.1, 14);
        whale.vipLevel = 15;
        for (int i = 0; i < 40; i++) {
            Instant at = daysAgo(990 - i * 24.5);
            whale.purchases.add(new Purchase("SIMW" + (1000 + i), at, "钻石×6480", 64800, "CNY", "Apple Pay",
                    "delivered"));
            whale.earn(at, 6480, "充值", null);
        }
        whale.earn(daysAgo(2), -12_000, "坐骑培养", null);
        Account prince = account("50002", "氪金小王子", "二区·白虎", "法师", 88, 400);
        habit(prince, "浙江杭州", "华为 Mate 60 · 0B0B0B", "60.186.1.1", 0.4, 12);
        prince.vipLevel = 10;
        for (int i = 0; i < 12; i++) {
            Instant at = daysAgo(380 - i * 30);
            prince.purchases.add(new Purchase("SIMP" + (1000 + i), at, "钻石×3280", 32800, "CNY", "支付宝",
                    "delivered"));
            prince.earn(at, 3280, "充值", null);
        }
    }

    private String nick() {
        return NICK_A[random.nextInt(NICK_A.length)] + NICK_B[random.nextInt(NICK_B.length)];
    }

    private void background(String id) {
        Account a = account(id, nick(), SERVERS[random.nextInt(SERVERS.length)], ROLES[random.nextInt(ROLES.length)],
                1 + random.nextInt(99), 5 + random.nextInt(1200));
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String device = device();
        String home = ip();
        habit(a, region, device, home, random.nextInt(10) == 0 ? 20 + random.nextInt(60) : random.nextDouble() * 5,
                3 + random.nextInt(8));
        if (random.nextInt(4) == 0) {
            a.logins.add(new LoginRecord(daysAgo(random.nextDouble() * 10 + 6), ip(), device, region));
        }
        play(a, random.nextInt(3) == 0 ? 0 : random.nextInt(8), 5 + random.nextInt(15));
        a.vipLevel = (int) Math.min(12, a.totalRecharge() / 10_000);
        if (random.nextInt(12) == 0) {
            a.partner = PARTNERS[random.nextInt(PARTNERS.length)];
        }
        if (random.nextInt(40) == 0) {
            a.bans.add(new BanRecord("言语辱骂其他玩家", daysAgo(30), daysAgo(27), "GM-客服组", null));
        }
        if (random.nextInt(25) == 0) {
            redeem(a, new Redemption("RD-" + id, daysAgo(3 + random.nextInt(20)), "积分商城·定制T恤",
                    random.nextBoolean() ? "pending" : "delivered", null), 2_000);
        }
    }

    private void index() {
        for (String victim : List.of(String.valueOf(100001 + 37), String.valueOf(100001 + 74))) {
            Account a = accounts.get(victim);
            for (LedgerEntry e : accounts.get(SCAMMER).ledger) {
                if (victim.equals(e.counterparty())) {
                    a.earn(e.at().minus(Duration.ofDays(1)), e.amount(), "副本奖励", null);
                    a.earn(e.at(), -e.amount(), "交易", SCAMMER);
                }
            }
        }
        for (Account a : accounts.values()) {
            a.logins.sort((x, y) -> y.at().compareTo(x.at()));
            a.ledger.sort((x, y) -> x.at().compareTo(y.at()));
            Map<String, Long> running = new LinkedHashMap<>();
            running.put(GOLD, 0L);
            running.put(DIAMOND, 0L);
            running.put(CHARM, 0L);
            for (int i = 0; i < a.ledger.size(); i++) {
                LedgerEntry e = a.ledger.get(i);
                String currency = e.currencyOr(GOLD);
                long balance = running.merge(currency, e.amount(), Long::sum);
                a.ledger.set(i, new LedgerEntry(e.at(), e.amount(), balance, e.reason(), e.counterparty(), currency));
            }
            a.balance = running.get(GOLD);
            a.balances.putAll(running);
            a.purchases.sort((x, y) -> y.at().compareTo(x.at()));
            a.redemptions.sort((x, y) -> y.at().compareTo(x.at()));
            a.bans.sort((x, y) -> y.startsAt().compareTo(x.startsAt()));
            byIp.computeIfAbsent(a.registrationIp, k -> new ArrayList<>()).add(a.id);
            for (LoginRecord login : a.logins) {
                List<String> ip = byIp.computeIfAbsent(login.ip(), k -> new ArrayList<>());
                if (!ip.contains(a.id)) {
                    ip.add(a.id);
                }
                List<String> device = byDevice.computeIfAbsent(login.device(), k -> new ArrayList<>());
                if (!device.contains(a.id)) {
                    device.add(a.id);
                }
            }
        }
    }
}
