package org.playerdesk.automation;

import java.util.List;

import org.playerdesk.system.validation.Texts;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing a rule's run did (or why it was refused), kept as a message key and its arguments so
 * that each reader sees it in their own language: {@code automation.run.set_priority} with the
 * priority's name, {@code automation.run.tagged} with the tag. An argument is either words of its
 * own (a tag, a name) or a message key itself (a status, priority or type by its name).
 */
public record RunStep(String key, List<Arg> args) {

    public RunStep {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RunStep of(String key, Arg... args) {
        return new RunStep(key, List.of(args));
    }

    /** An argument: {@code text} as it is, or the words of message {@code key}. */
    public record Arg(String text, String key) {

        static final int TEXT_MAX = 200;

        public static Arg text(Object text) {
            return new Arg(Texts.abbreviate(String.valueOf(text), TEXT_MAX), null);
        }

        public static Arg named(String key) {
            return new Arg(null, key);
        }

        /** A refusal's argument: a message (a status by its name) stays a key, anything else its text. */
        public static Arg of(Object argument) {
            if (argument instanceof MessageSourceResolvable message && message.getCodes() != null
                    && message.getCodes().length > 0) {
                return named(message.getCodes()[0]);
            }
            return text(argument);
        }

        /** What a message source needs to word it. */
        public Object resolvable() {
            return key == null ? text : new DefaultMessageSourceResolvable(new String[] {key}, key);
        }
    }
}
