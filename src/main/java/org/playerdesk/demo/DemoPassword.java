package org.playerdesk.demo;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffDirectory.SharedPassword;
import org.springframework.stereotype.Component;

/**
 * The demo staff's password ({@link DemoWorkspace#PASSWORD}), hashed once for the dozen accounts
 * the demo enrols rather than once each: a hash takes some 0.1 s of a core by design, more while
 * the node starts and its code is not compiled yet.
 */
@Component
class DemoPassword {

    private final StaffDirectory staff;
    private SharedPassword hashed;

    DemoPassword(StaffDirectory staff) {
        this.staff = staff;
    }

    synchronized SharedPassword get() {
        if (hashed == null) {
            hashed = staff.sharedPassword(DemoWorkspace.PASSWORD);
        }
        return hashed;
    }
}
