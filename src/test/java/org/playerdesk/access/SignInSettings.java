package org.playerdesk.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The application as the sign-in tests need it, one context for all of them: two-factor sign-in
 * required of administrators (as in production), and tight sign-in limits: 10 failures per
 * address, 5 then 10 per account (one back every 3, then every 12 minutes), 5 per device.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "playerdesk.two-factor.required-roles=ADMIN",
        "playerdesk.rate-limits.login.requests=10", "playerdesk.rate-limits.login.per=10m",
        "playerdesk.rate-limits.login.burst=10",
        "playerdesk.sign-in-limits.account[0].requests=5", "playerdesk.sign-in-limits.account[0].per=15m",
        "playerdesk.sign-in-limits.account[0].burst=5",
        "playerdesk.sign-in-limits.account[1].requests=10", "playerdesk.sign-in-limits.account[1].per=2h",
        "playerdesk.sign-in-limits.account[1].burst=10",
        "playerdesk.sign-in-limits.device.requests=5", "playerdesk.sign-in-limits.device.per=15m",
        "playerdesk.sign-in-limits.device.burst=5" })
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
public @interface SignInSettings {
}
