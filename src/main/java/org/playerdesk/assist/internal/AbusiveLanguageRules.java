package org.playerdesk.assist.internal;

import org.playerdesk.assist.AbusiveLanguage;
import org.springframework.stereotype.Component;

/** The cold-start rules' abusive words, offered to other modules. */
@Component
class AbusiveLanguageRules implements AbusiveLanguage {

    @Override
    public boolean in(String text) {
        return RuleSet.hostile(text);
    }
}
