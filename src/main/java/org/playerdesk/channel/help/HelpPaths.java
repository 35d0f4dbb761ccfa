package org.playerdesk.channel.help;

import org.springframework.web.util.UriComponentsBuilder;

/** The help center's addresses, built in one place so templates, redirects and the filter agree. */
final class HelpPaths {

    private HelpPaths() {
    }

    static String home(String game) {
        return UriComponentsBuilder.fromPath("/help/{game}").buildAndExpand(game).encode().toUriString();
    }

    static String ticket(String game, String token) {
        return UriComponentsBuilder.fromPath("/help/{game}/t/{token}").buildAndExpand(game, token).encode()
                .toUriString();
    }
}
