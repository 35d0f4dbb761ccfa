package org.playerdesk.social.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.system.signing.HmacSigner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * A WeChat Official Account's message push (微信公众号 消息推送, plain-text mode), as WeChat documents
 * it: every request carries {@code signature}, {@code timestamp} and {@code nonce}, the signature
 * being the SHA-1 of the push token, the timestamp and the nonce sorted and joined; the URL check is
 * a GET answered with its {@code echostr}; a message is a POSTed XML document. A text message is
 * written to its ticket (the follower's openid is the conversation) before "success" is answered;
 * other messages and events are acknowledged and not kept. WeChat pushes a message again when no
 * answer comes within five seconds: the MsgId makes the repeat a no-op. Unsigned, wrongly signed or
 * stale requests: 401.
 */
@RestController
@Hidden
class WeChatPush {

    static final String SUCCESS = "success";

    private final SocialSources sources;
    private final SocialIntake intake;
    private final Clock clock;

    WeChatPush(SocialSources sources, SocialIntake intake, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.clock = clock;
    }

    @GetMapping(path = "/social/hooks/wechat/{source}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verifyUrl(@PathVariable String source, @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        Optional<Source> found = Webhooks.source(sources, source, Platform.WECHAT);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        if (!signed(found.get(), signature, timestamp, nonce) || echostr == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(echostr);
    }

    @PostMapping(path = "/social/hooks/wechat/{source}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@PathVariable String source, @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(name = "encrypt_type", required = false) String encryptType,
            HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.body(request);
        Optional<Source> found = Webhooks.source(sources, source, Platform.WECHAT);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        if (!signed(found.get(), signature, timestamp, nonce)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (encryptType != null && !"raw".equals(encryptType)) {
            // the safe mode's AES envelope is not read: the account must use plain-text mode
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).build();
        }
        Document xml = parse(body);
        if (xml == null) {
            return ResponseEntity.badRequest().build();
        }
        String type = text(xml, "MsgType");
        String openId = text(xml, "FromUserName");
        String msgId = text(xml, "MsgId");
        String content = text(xml, "Content");
        if ("text".equals(type) && openId != null && msgId != null && content != null && !content.isBlank()) {
            intake.receive(found.get(), new Inbound(openId, msgId, openId, follower(openId), Inbound.Kind.DIRECT,
                    content, null, openId, null, null, null));
        }
        return ResponseEntity.ok(SUCCESS);
    }

    /** The follower's name where WeChat gives none: the end of their openid, never the whole of it. */
    static String follower(String openId) {
        return "WeChat …" + openId.substring(Math.max(0, openId.length() - 6));
    }

    boolean signed(Source account, String signature, String timestamp, String nonce) {
        if (signature == null || nonce == null || !Webhooks.fresh(timestamp, clock.instant())) {
            return false;
        }
        return HmacSigner.same(signature(account.secret(), timestamp, nonce), signature.toLowerCase());
    }

    static String signature(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The XML without a DOCTYPE, external entities or includes: null when it is not such a document. */
    static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // refused, not printed
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    static String text(Document xml, String element) {
        NodeList nodes = xml.getDocumentElement().getElementsByTagName(element);
        if (nodes.getLength() == 0) {
            return null;
        }
        Node node = nodes.item(0);
        String value = node.getTextContent();
        return value == null ? null : value.strip();
    }
}
