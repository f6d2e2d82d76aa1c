package org.grassroots.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against the shared Kafka broker, MongoDB store (a database
 * of its own) and test token issuer.
 *
 * <pre>{@code
 * @ServiceIntegrationTest
 * class CaseDispatchIT {
 *     @LocalServerPort int port;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PlatformInfrastructureInitializer.class)
public @interface ServiceIntegrationTest {

    /** The application to start, when the test does not sit in its package. */
    @AliasFor(annotation = SpringBootTest.class)
    Class<?>[] classes() default {};

    /** Extra {@code key=value} properties; they win over the infrastructure's. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
