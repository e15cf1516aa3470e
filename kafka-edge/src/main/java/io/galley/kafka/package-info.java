/**
 * The Kafka edge every consuming service shares: listener container factories that read committed
 * records through an error-handling deserializer, listeners that replay their partitions from the
 * start, and the error handler that sends what cannot be processed to the dead-letter topic.
 */
package io.galley.kafka;
