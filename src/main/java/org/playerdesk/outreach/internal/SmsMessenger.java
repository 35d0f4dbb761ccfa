package org.playerdesk.outreach.internal;

import org.playerdesk.outreach.OutreachChannel;
import org.springframework.stereotype.Component;

/** Campaign SMS through the configured gateway, to the phone number outreach keeps for the player. */
@Component
class SmsMessenger implements Messenger {

    private final SmsGateway gateway;

    SmsMessenger(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public OutreachChannel channel() {
        return OutreachChannel.SMS;
    }

    @Override
    public boolean resendable() {
        return false;
    }

    @Override
    public String deliver(Outgoing m) {
        if (m.address() == null) {
            throw new Undelivered("no phone number", false);
        }
        return gateway.send(new SmsGateway.Sms(m.recipientId().toString(), m.address(), m.text()));
    }
}
