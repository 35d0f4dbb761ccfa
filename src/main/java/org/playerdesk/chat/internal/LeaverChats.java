package org.playerdesk.chat.internal;

import org.playerdesk.access.StaffEvents.StaffDisabled;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.access.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A disabled member of staff (a leaver) holds no live chat: theirs go back to the queue for
 * another agent, and they are set offline so nothing is offered to them. Running twice finds
 * nothing left to hand back.
 */
@Component
class LeaverChats {

    private static final Logger log = LoggerFactory.getLogger(LeaverChats.class);

    private final ChatQueue queue;
    private final ChatSeats seats;
    private final StaffDirectory staff;

    LeaverChats(ChatQueue queue, ChatSeats seats, StaffDirectory staff) {
        this.queue = queue;
        this.seats = seats;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(StaffDisabled disabled) {
        int handed = queue.handBack(disabled.staffId());
        seats.setPresence(staff.get(disabled.staffId()), Presence.OFFLINE, null);
        if (handed > 0) {
            log.info("{} live chats of disabled member of staff {} are back in the queue", handed, disabled.staffId());
        }
    }
}
