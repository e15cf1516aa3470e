/**
 * The Kafka edge every service shares: the book partitioner, the topic declarations and their check
 * against existing topics, the {@code kafka} health indicator, the check that joined topics are
 * co-partitioned, listener container factories that read committed records through an
 * error-handling deserializer, the one listener of a service's joined topics (which owns whole
 * books and hands them over on a rebalance), the progress of topics read whole, and the error
 * handler that sends what cannot be processed to the dead-letter topic in the one dead-letter
 * format.
 */
package io.galley.kafka;
