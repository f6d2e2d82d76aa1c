package org.grassroots.evaluationservice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.grassroots.testsupport.PlatformInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code @ServiceIntegrationTest} plus the stand-in case-service, identical on every integration
 * test of this module so that they all share one application context. Spring Framework 7 pauses
 * cached contexts a test class does not use (stopping their lifecycle beans), and the outbox relay
 * does not come back from a pause, so this module keeps to a single context per test JVM.
 * The rectification rule is seeded with a minimum of 3 ratings so a test can reach it with few cases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "grassroots.evaluation.rectification.default-minimum-ratings=3")
@ContextConfiguration(initializers = {PlatformInfrastructureInitializer.class, StandInCaseService.Initializer.class})
public @interface EvaluationIntegrationTest {
}
