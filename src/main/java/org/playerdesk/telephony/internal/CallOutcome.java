package org.playerdesk.telephony.internal;

import org.playerdesk.system.entity.Coded;

/** What came of a call, as the agent records it. */
public enum CallOutcome implements Coded {
    /** The question was answered on the call. */
    RESOLVED("resolved"),
    /** The question needs work after the call: the ticket carries it. */
    TICKET_OPENED("ticket_opened"),
    /** The agent promised to call the player back. */
    CALL_BACK("call_back"),
    /** An outbound call nobody answered. */
    NO_ANSWER("no_answer"),
    /** A message was left on the player's voicemail. */
    VOICEMAIL("voicemail"),
    /** The call was not for support (a wrong number, a dropped line). */
    WRONG_NUMBER("wrong_number");

    private final String code;

    CallOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
