package org.playerdesk.chat.internal;

import org.playerdesk.chat.ChatRefused;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * A refused CONNECT, SUBSCRIBE or SEND answers an ERROR frame that says why: the refusal's words
 * in {@code message}, in the language of whoever opened the connection, and its code in
 * {@code code}, not the channel's wrapper exception.
 */
class ChatErrors extends StompSubProtocolErrorHandler {

    private final ChatWords words;

    ChatErrors(ChatWords words) {
        this.words = words;
    }

    @Override
    public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && !(cause instanceof ChatRefused)) {
            cause = cause.getCause();
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(cause instanceof ChatRefused refused ? words.text(refused, ChatWords.locale(clientMessage))
                : words.text(new ChatRefused("chat.refused", "refused"), ChatWords.locale(clientMessage)));
        error.setNativeHeader("code", cause instanceof ChatRefused refused ? refused.code() : "chat.refused");
        if (clientMessage != null) {
            StompHeaderAccessor client = StompHeaderAccessor.wrap(clientMessage);
            if (client.getReceipt() != null) {
                error.setReceiptId(client.getReceipt());
            }
        }
        error.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
    }
}
