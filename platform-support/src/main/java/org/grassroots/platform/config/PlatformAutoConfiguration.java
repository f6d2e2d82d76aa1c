package org.grassroots.platform.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grassroots.contracts.EventCodec;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.IdempotentConsumer;
import org.grassroots.platform.correlation.CorrelationIdFilter;
import org.grassroots.platform.health.MongoPingHealthIndicator;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.outbox.OutboxMessages;
import org.grassroots.platform.outbox.OutboxProperties;
import org.grassroots.platform.outbox.OutboxRelay;
import org.grassroots.platform.problem.ProblemDetailsAdvice;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndexes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires what every service shares: the event codec, the outbox, idempotent consumption, errors, correlation. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class},
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

    /** The one clock: code asks it for the time, so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    OutboxMessages outboxMessages(EventCodec codec, @Value("${spring.application.name}") String application) {
        return new OutboxMessages(codec, "/grassroots/" + application);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, OutboxProperties properties,
            MeterRegistry meters, StoreIndexes indexes, @Value("${spring.application.name}") String application) {
        return new OutboxRelay(mongo, outboxProducer(kafka, application, properties), properties, meters, indexes);
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxMessages messages, OutboxRelay relay) {
        return new AggregateStore(mongo, messages, relay);
    }

    @Bean
    StoreIndexes storeIndexes(MongoTemplate mongo, ObjectProvider<IndexedQueries> declarations) {
        return new StoreIndexes(mongo, declarations);
    }

    /** The collections the relay watches from the start have their outbox indexes from the start too. */
    @Bean
    IndexedQueries outboxIndexes(OutboxProperties properties) {
        return () -> properties.collections().stream().flatMap(name -> OutboxIndexes.ofOutbox(name).stream()).toList();
    }

    /** Named like Spring Boot's so that it takes its place in the readiness group ({@code mongo}). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo) {
        return new IdempotentConsumer(mongo);
    }

    @Bean
    EventPipeline eventPipeline(EventCodec codec) {
        return new EventPipeline(codec);
    }

    private static Producer<String, byte[]> outboxProducer(KafkaProperties kafka, String application,
            OutboxProperties outbox) {
        return new KafkaProducer<>(outboxProducerConfig(kafka, application, outbox));
    }

    /**
     * The relay's own producer: idempotent and acknowledged by all in-sync replicas, so a retry
     * never duplicates or reorders an aggregate's events; a send already made is retried inside the
     * client for as long as the relay's lease allows ({@link OutboxProperties#deliveryTimeout()}),
     * so a broker that restarts within that time drops what it had written; a new send blocks only
     * briefly, so an outage is noticed quickly and further events wait in their outboxes. It lingers
     * ({@link OutboxProperties#linger()}) so that the writes of a busy moment share a request.
     */
    static Map<String, Object> outboxProducerConfig(KafkaProperties kafka, String application,
            OutboxProperties outbox) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) outbox.linger().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) outbox.deliveryTimeout().toMillis());
        return config;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class Web {

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        /** First of all filters, so that even a 401 from the security filters carries the id. */
        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
