package org.playerdesk.channel.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Reads a JSON string and nothing else. By default a number or a boolean would quietly become
 * text ({@code "message": 5} as "5"); a game server sending the wrong type should hear about it,
 * with the field named.
 */
class StrictText extends ValueDeserializer<String> {

    /** Marks a request field that must be a JSON string. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
    @JacksonAnnotationsInside
    @JsonDeserialize(using = StrictText.class)
    @interface Text {
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
