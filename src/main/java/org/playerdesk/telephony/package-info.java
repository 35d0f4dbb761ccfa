/**
 * Phone (电话): calls an agent logs from the console ({@code /console/calls}), opening a ticket of
 * channel {@code phone} or added to one of the caller's tickets; the signed CTI webhook a telephony
 * system reports its calls to (offered, answered, ended with the wait, the talk time and the
 * recording); the caller's card shown in the answering agent's console; the numbers players called
 * from. Others listen to {@link org.playerdesk.telephony.CallEvents} (docs/phone.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Phone")
package org.playerdesk.telephony;
