package org.playerdesk.department.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

/** What of a department's email reply becomes the answer: the new text above the quoted question. */
class MailRepliesTest {

    static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void keepsTheTextAboveAnEnglishQuoteHeader() throws Exception {
        assertThat(MailReplies.replyText(plain("Shipped on Monday, tracking SF123.\n\nOn Tue, 24 Nov 2026 Desk wrote:\n> "
                + MailReplies.REPLY_ABOVE + "\n> Was it shipped?"))).isEqualTo("Shipped on Monday, tracking SF123.");
    }

    @Test
    void keepsTheTextAboveTheMarkerWhenTheClientDoesNotQuote() throws Exception {
        assertThat(MailReplies.replyText(plain("已发货。\r\n第二行\r\n" + MailReplies.REPLY_ABOVE + "\r\n客服部就…")))
                .isEqualTo("已发货。\n第二行");
    }

    @Test
    void readsThePlainPartOfAnAlternativeAndHtmlWhenThereIsNoPlainPart() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("纯文本答复", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>HTML 答复</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(html);
        alternative.addBodyPart(text);
        assertThat(MailReplies.replyText(message(alternative))).isEqualTo("纯文本答复");

        MimeMultipart htmlOnly = new MimeMultipart("alternative");
        MimeBodyPart only = new MimeBodyPart();
        only.setContent("<div>已补发&nbsp;<b>648</b> 钻石</div><blockquote>&gt; 原问题</blockquote>", "text/html; charset=UTF-8");
        htmlOnly.addBodyPart(only);
        assertThat(MailReplies.replyText(message(htmlOnly))).isEqualTo("已补发 648 钻石");
    }

    private static MimeMessage plain(String body) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setText(body, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static MimeMessage message(MimeMultipart content) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setContent(content);
        message.saveChanges();
        return message;
    }
}
