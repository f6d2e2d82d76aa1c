package org.grassroots.systemtests.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@code ./grassroots up} for every end-to-end test class in the run: the API walk, the
 * console's browser walk and the phone walk all use the same platform, which starts with the
 * first class that asks and stops ({@code ./grassroots down}) when the whole run is over. Starting
 * it takes minutes on this 2-core machine, so it is never started twice.
 *
 * <pre>{@code @ExtendWith(SharedLocalPlatform.class) class SomeE2EIT { ... SharedLocalPlatform.get() ... }}</pre>
 */
public final class SharedLocalPlatform implements BeforeAllCallback {

    private static final String KEY = SharedLocalPlatform.class.getName();

    private static LocalPlatform platform;

    /** The running platform (started by the extension before the class's first test). */
    static LocalPlatform get() {
        if (platform == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedLocalPlatform.class)");
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store outlives every class; closing it at the end of the run stops the platform.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KEY, key -> start(), Running.class);
    }

    private static Running start() {
        LocalPlatform started = LocalPlatform.forThisCheckout();
        Running running = new Running(started);
        started.up();
        platform = started;
        return running;
    }

    /** Stops the platform when JUnit closes the root store, also after a failed start. */
    private record Running(LocalPlatform platform) implements AutoCloseable {
        @Override
        public void close() {
            SharedLocalPlatform.platform = null;
            platform.down();
        }
    }
}
