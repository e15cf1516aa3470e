package io.galley.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds the topic settings every service shares ({@link TopicProperties}). */
@AutoConfiguration
@EnableConfigurationProperties(TopicProperties.class)
public class KafkaEdgeConfiguration {}
