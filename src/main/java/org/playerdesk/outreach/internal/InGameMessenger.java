package org.playerdesk.outreach.internal;

import org.playerdesk.game.ActionResult;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.outreach.OutreachChannel;
import org.springframework.stereotype.Component;

/**
 * Campaign messages to the player's in-game mailbox through the game connector's {@code message}
 * action, keyed by the recipient: the game applies a key once, so a send repeated after a crash is
 * delivered once.
 */
@Component
class InGameMessenger implements Messenger {

    private final GameBackends backends;

    InGameMessenger(GameBackends backends) {
        this.backends = backends;
    }

    @Override
    public OutreachChannel channel() {
        return OutreachChannel.IN_GAME;
    }

    @Override
    public boolean resendable() {
        return true;
    }

    @Override
    public String deliver(Outgoing m) {
        try {
            ActionResult result = backends.of(m.gameId()).perform(new GameAction.Message(m.key(), m.accountId(),
                    "campaign", m.campaign(), m.subject(), m.text()));
            if (!result.applied()) {
                throw new Undelivered(result.message(), false);
            }
            return result.reference();
        } catch (UnknownAccount e) {
            throw new Undelivered("unknown account", false);
        } catch (GameBackendUnavailable e) {
            throw new Undelivered(e.getMessage(), true);
        }
    }
}
