package org.playerdesk.knowledge;

import java.util.Set;

import org.playerdesk.knowledge.internal.SearchAnalysis;

/** The words of a text as the search sees them (smartcn for Chinese, stemmed English), common words left out. */
public final class Words {

    private Words() {
    }

    public static Set<String> of(String text) {
        return SearchAnalysis.words(text);
    }
}
