package org.playerdesk.quality.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Scorecard;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;

/**
 * A scorecard as an administrator writes it, one line each (docs/quality.md):
 * <pre>
 * section | 服务态度 | Service attitude | 20
 * item impatient | 不耐烦或带有情绪的回答 | Impatient or emotional answers | 10
 * item vague | 用“嗯、好像、应该”等模糊用语应付 | Vague words | 3 | vague-word
 * fatal privacy | 泄露玩家隐私 | Leaked a player's personal data
 * </pre>
 * A line starting with {@code #} is a remark. Refused line by line, in the reader's language
 * ({@code invalid.scorecard.*}, field {@code definition}).
 */
final class ScorecardText {

    static final String FIELD = "definition";
    static final int MAX_LENGTH = 20_000;
    static final int NAME_MAX = 100;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*\\|\\s*");

    private ScorecardText() {
    }

    /** The scorecard the text describes; refused with every line's error. */
    static Scorecard parse(String text) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<Scorecard.Section> sections = new ArrayList<>();
        List<Scorecard.Fatal> fatals = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String name = null;
        String nameEn = null;
        int points = 0;
        List<Scorecard.Item> items = null;
        if (text != null && text.length() > MAX_LENGTH) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(FIELD, "invalid.tooLong", MAX_LENGTH)));
        }
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int at = 0; at < lines.length; at++) {
            int number = at + 1;
            String line = lines[at].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = SEPARATOR.split(line, -1);
            String[] head = parts[0].split("\\s+", 2);
            String kind = head[0];
            String code = head.length > 1 ? head[1].strip() : "";
            int before = errors.size();
            switch (kind) {
                case "section" -> {
                    if (parts.length != 4 || !code.isEmpty()) {
                        errors.add(error("invalid.scorecard.section", number));
                        continue;
                    }
                    names(parts, number, errors);
                    int value = points(parts[3], number, errors);
                    if (errors.size() == before) {
                        if (items != null) {
                            sections.add(new Scorecard.Section(name, nameEn, points, items));
                        }
                        name = parts[1];
                        nameEn = parts[2];
                        points = value;
                        items = new ArrayList<>();
                    }
                }
                case "item" -> {
                    if (parts.length != 4 && parts.length != 5) {
                        errors.add(error("invalid.scorecard.item", number));
                        continue;
                    }
                    code(code, number, codes, errors);
                    names(parts, number, errors);
                    int value = points(parts[3], number, errors);
                    String check = parts.length == 5 && !parts[4].isBlank() ? parts[4].strip() : null;
                    if (check != null && !isCheck(check)) {
                        errors.add(error("invalid.scorecard.check", number, check));
                    }
                    if (items == null) {
                        errors.add(error("invalid.scorecard.orphan", number));
                    }
                    if (errors.size() == before) {
                        items.add(new Scorecard.Item(code, parts[1], parts[2], value, check));
                    }
                }
                case "fatal" -> {
                    if (parts.length != 3) {
                        errors.add(error("invalid.scorecard.fatal", number));
                        continue;
                    }
                    code(code, number, codes, errors);
                    names(parts, number, errors);
                    if (errors.size() == before) {
                        fatals.add(new Scorecard.Fatal(code, parts[1], parts[2]));
                    }
                }
                default -> errors.add(error("invalid.scorecard.unknown", number));
            }
        }
        if (items != null) {
            sections.add(new Scorecard.Section(name, nameEn, points, items));
        }
        if (sections.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError(FIELD, "invalid.scorecard.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Scorecard(sections, fatals);
    }

    /** The text of a scorecard, as {@link #parse} reads it. */
    static String format(Scorecard scorecard) {
        StringBuilder text = new StringBuilder();
        for (Scorecard.Section section : scorecard.sections()) {
            text.append("section | ").append(section.nameZh()).append(" | ").append(section.nameEn()).append(" | ")
                    .append(section.points()).append('\n');
            for (Scorecard.Item item : section.items()) {
                text.append("item ").append(item.code()).append(" | ").append(item.nameZh()).append(" | ")
                        .append(item.nameEn()).append(" | ").append(item.points());
                if (item.check() != null) {
                    text.append(" | ").append(item.check());
                }
                text.append('\n');
            }
        }
        for (Scorecard.Fatal fatal : scorecard.fatals()) {
            text.append("fatal ").append(fatal.code()).append(" | ").append(fatal.nameZh()).append(" | ")
                    .append(fatal.nameEn()).append('\n');
        }
        return text.toString();
    }

    /**
     * The default scorecard, the seed's (002: 服务态度 20 points, 用语规范 10, 专业度 10, with the
     * deductions it names), with the fatal errors a studio's QA team zeroes a conversation for.
     */
    static final String DEFAULT = """
            section | 服务态度 | Service attitude | 20
            item impatient | 不耐烦或带有情绪性的回答 | Impatient or emotional answers | 10
            item rude | 使用服务忌语 | Forbidden phrases | 10 | forbidden-phrase
            section | 用语规范 | Standard wording | 10
            item no-honorific | 未对玩家使用尊称“您” | Did not address the player politely (您) | 3 | no-honorific
            item no-greeting | 未使用问候语 | No greeting | 2 | no-greeting
            item no-closing | 通话结束时未使用结束语 | No closing line | 3 | no-closing
            item no-follow-up | 不能肯定答复时未提示回电或其他方式 | No follow-up offered when unsure | 2
            section | 专业度 | Professionalism | 10
            item silence | 沉默应付玩家 | Left the player waiting in silence | 3
            item vague | 用“嗯、好像、应该”等不明确的词语应付玩家 | Vague words (嗯, 好像, 应该) | 3 | vague-word
            item interrupted | 打断玩家说话 | Interrupted the player | 2 | player-interrupted
            item personal | 掺杂个人因素回答玩家 | Personal opinions in the answer | 2
            fatal privacy | 泄露玩家隐私或账号信息 | Disclosed a player's personal or account data
            fatal abuse | 辱骂、嘲讽玩家或与玩家争吵 | Insulted, mocked or argued with the player
            fatal promise | 承诺无权给予的补偿或处理结果 | Promised compensation or an outcome without authority
            """;

    private static void names(String[] parts, int number, List<InvalidInput.FieldError> errors) {
        for (int i = 1; i <= 2; i++) {
            if (parts[i].isBlank() || parts[i].length() > NAME_MAX
                    || parts[i].chars().anyMatch(Character::isISOControl)) {
                errors.add(error("invalid.scorecard.name", number, NAME_MAX));
                return;
            }
        }
    }

    private static int points(String value, int number, List<InvalidInput.FieldError> errors) {
        try {
            int points = Integer.parseInt(value.strip());
            if (points >= 1 && points <= 100) {
                return points;
            }
        } catch (NumberFormatException notNumber) {
            // said below
        }
        errors.add(error("invalid.scorecard.points", number));
        return 0;
    }

    private static void code(String code, int number, Set<String> codes, List<InvalidInput.FieldError> errors) {
        if (!CODE.matcher(code).matches()) {
            errors.add(error("invalid.scorecard.code", number));
        } else if (!codes.add(code)) {
            errors.add(error("invalid.scorecard.duplicate", number, code));
        }
    }

    private static boolean isCheck(String code) {
        try {
            Coded.fromCode(ReplyCheck.class, code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static InvalidInput.FieldError error(String key, Object... arguments) {
        return new InvalidInput.FieldError(FIELD, key, arguments);
    }
}
