package org.playerdesk.system.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What survives of a text's links and images when it is shown. */
class SafeMarkdownTest {

    final SafeMarkdown markdown = new SafeMarkdown();

    @Test
    void dropsLinksToDataJavascriptAndVbscriptKeepingTheirText() {
        for (String target : new String[] {"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "DATA:text/html,<b>x</b>", "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)",
                "&#x64;ata:text/html,x"}) {
            String html = markdown.html("[claim your reward](" + target.replace(" ", "%20") + ")");
            assertThat(html).as(target).contains("claim your reward").doesNotContain("<a")
                    .doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("script:");
        }
        assertThat(markdown.html("<data:text/html,hello>")).doesNotContain("<a");
    }

    @Test
    void keepsLinksToWebAndMailAddressesAndPaths() {
        assertThat(markdown.html("[help](https://help.example.com/a)")).contains("href=\"https://help.example.com/a\"", ">help</a>");
        assertThat(markdown.html("[mail](mailto:support@example.com)")).contains("href=\"mailto:support@example.com\"");
        assertThat(markdown.html("[article](/help/articles/12)")).contains("href=\"/help/articles/12\"");
    }

    @Test
    void showsADataImageAsItsAlternativeText() {
        assertThat(markdown.html("![logo](data:image/png;base64,AAAA)")).contains("logo").doesNotContain("<img");
    }
}
