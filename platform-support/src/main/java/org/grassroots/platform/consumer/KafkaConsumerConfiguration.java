package org.grassroots.platform.consumer;

import org.apache.kafka.common.TopicPartition;
import org.grassroots.contracts.EventCodecException;
import org.grassroots.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.ContainerProperties.AssignmentCommitOption;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * One way to consume: a failing record is retried with back-off, then parked on
 * {@code <topic>.DLT} with the failure in its headers, so it is never dropped silently and never
 * blocks its partition for ever. A record that cannot even be read goes there at once.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaOperations.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean
    CommonErrorHandler grassrootsErrorHandler(KafkaOperations<?, ?> kafka, ConsumerProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> {
                    log.error("Parking {}-{}@{} on {} after {}", record.topic(), record.partition(), record.offset(),
                            Topics.deadLetter(record.topic()), DeadLetterReasons.reasonOf(failure).getMessage());
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        deadLetters.setExceptionHeadersCreator(new DeadLetterReasons());
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
        backOff.setInitialInterval(properties.initialInterval().toMillis());
        backOff.setMultiplier(properties.multiplier());
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(EventCodecException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean
    RecordInterceptor<Object, Object> correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    /**
     * {@link InstanceFollower}'s listeners acknowledge manually and never do, and their containers do
     * not commit the position they were assigned at either (which they otherwise do for a group that
     * starts at the latest offset): no offset, not even for a record parked on the dead-letter topic.
     */
    @Bean(InstanceFollower.COMMITS_NOTHING)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> instanceFollowerCommitsNothing() {
        return container -> {
            container.getContainerProperties().setAckMode(AckMode.MANUAL);
            container.getContainerProperties().setAssignmentCommitOption(AssignmentCommitOption.NEVER);
        };
    }
}
