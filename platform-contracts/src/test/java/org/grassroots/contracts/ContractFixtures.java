package org.grassroots.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * The JSON fixture of each event type, {@code contracts/<type>.json} on the test class path.
 * Shipped in this module's test-jar so producers and consumers test against the same payloads.
 */
public final class ContractFixtures {

    private static final EventCodec CODEC = new EventCodec();

    private ContractFixtures() {
    }

    /** The class-path location of the fixture for {@code type}. */
    public static String resourceOf(String type) {
        return "contracts/" + type + ".json";
    }

    /** Whether a fixture exists for {@code type}. */
    public static boolean exists(String type) {
        return url(type) != null;
    }

    /** The fixture's bytes, exactly as stored. */
    public static byte[] json(String type) {
        URL url = url(type);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + resourceOf(type) + " on the class path");
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** The fixture of an event class, read as its record: a realistic event to start a test from. */
    public static <T extends IntegrationEvent> T event(Class<T> eventClass) {
        return CODEC.read(json(EventCatalog.typeOf(eventClass)), eventClass);
    }

    private static URL url(String type) {
        return ContractFixtures.class.getClassLoader().getResource(resourceOf(type));
    }
}
