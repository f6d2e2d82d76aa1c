package org.grassroots.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's one front door: routes {@code /api/**} to the services, checks the caller's
 * token, tags every request with a correlation id and answers for a service that is down.
 * It stores nothing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * Reactor Netty's threads that only accept connections; unset, the loops that serve requests
     * accept between them, a few at a time.
     */
    static final String ACCEPT_THREADS = "reactor.netty.ioSelectCount";

    /**
     * Starts the gateway with one thread of its own accepting connections (unless
     * {@code -Dreactor.netty.ioSelectCount} says otherwise). In a storm right after a start the
     * request loops were busy with the connections they had, and accepted new ones a few at a time:
     * the kernel's accept queue filled (4,096), and a phone that had just connected waited there for
     * 30 s while others' requests on older connections were answered (docs/benchmarks.md, round 11).
     * Accepted at once, each new connection's request is read and answered in its turn, 503 at worst.
     */
    public static void main(String[] args) {
        if (System.getProperty(ACCEPT_THREADS) == null) {
            System.setProperty(ACCEPT_THREADS, "1");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
