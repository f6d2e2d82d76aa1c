package org.grassroots.platform.consumer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The failure headers of a parked record, with the reason first: Spring Kafka wraps what the
 * handler threw in a {@link ListenerExecutionFailedException} whose message names the listener
 * method, so its default {@code kafka_dlt-exception-message} began with that wrapper text and
 * the actual reason came at its end. A batch listener's failure comes wrapped once more, in a
 * {@link BatchListenerFailedException} naming the record. Here the message and the class are the handler's own; the
 * stack trace still shows the whole chain.
 */
final class DeadLetterReasons implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable reason = reasonOf(exception);
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        headers.add(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), bytes(reason.getClass().getName()));
        if (!isKey && reason.getCause() != null) {
            headers.add(info.getExceptionCauseFqcn(), bytes(reason.getCause().getClass().getName()));
        }
        String message = reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
        headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), bytes(message));
        headers.add(isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(), bytes(stackTrace(exception)));
    }

    /** The first exception in the chain that is not one of Spring's listener wrappers. */
    static Throwable reasonOf(Throwable exception) {
        Throwable reason = exception;
        while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException)
                && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return reason;
    }

    private static String stackTrace(Throwable exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
