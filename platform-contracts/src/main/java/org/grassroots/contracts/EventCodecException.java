package org.grassroots.contracts;

/** An event payload could not be written or read; the cause is the underlying Jackson error. */
public class EventCodecException extends RuntimeException {

    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
