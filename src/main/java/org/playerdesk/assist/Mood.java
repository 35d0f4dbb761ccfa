package org.playerdesk.assist;

import org.playerdesk.system.entity.Coded;

/**
 * How a player sounds: calm, upset (frustrated, anxious, in despair, disappointed) or hostile
 * (insulting, contemptuous, threatening to go to a regulator, an app store, a bank, a lawyer or
 * the forums, setting an ultimatum, shouting in anger, swearing), with the most likely
 * category of its level (none when calm) and the confidence in the level (0 to 1).
 */
public record Mood(Level level, Category category, double confidence) {

    public static final Mood CALM = new Mood(Level.CALM, null, 1);

    public Mood {
        if (level == null) {
            throw new IllegalArgumentException("a mood has a level");
        }
        if (category != null && category.level() != level) {
            throw new IllegalArgumentException(category + " is not " + level);
        }
    }

    public boolean hostile() {
        return level == Level.HOSTILE;
    }

    public enum Level implements Coded {
        CALM("calm"), UPSET("upset"), HOSTILE("hostile");

        private final String code;

        Level(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public enum Category implements Coded {
        FRUSTRATION("frustration", Level.UPSET), ANXIETY("anxiety", Level.UPSET), DESPAIR("despair", Level.UPSET),
        DISAPPOINTMENT("disappointment", Level.UPSET), INSULT("insult", Level.HOSTILE),
        CONTEMPT("contempt", Level.HOSTILE), THREAT("threat", Level.HOSTILE), ULTIMATUM("ultimatum", Level.HOSTILE),
        ANGER("anger", Level.HOSTILE), PROFANITY("profanity", Level.HOSTILE);

        private final String code;
        private final Level level;

        Category(String code, Level level) {
            this.code = code;
            this.level = level;
        }

        @Override
        public String code() {
            return code;
        }

        public Level level() {
            return level;
        }
    }
}
