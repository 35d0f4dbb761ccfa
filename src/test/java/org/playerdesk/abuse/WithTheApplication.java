package org.playerdesk.abuse;

import org.springframework.test.context.TestContextManager;

import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Gives a jqwik container the application its Spring annotations describe. jqwik does not run
 * Spring's JUnit extension, so the container asks Spring's test context framework directly: the
 * application comes from the same context cache as the JUnit tests' (started once per set of
 * annotations, not once per container), and the container's fields are injected before each property.
 */
abstract class WithTheApplication {

    @BeforeProperty
    void injectTheApplication() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }
}
