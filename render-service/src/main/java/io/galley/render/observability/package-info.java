/**
 * Operability: trace ids in the log context, Kafka client and dead-letter metrics, edition latency,
 * duration and size metrics.
 */
package io.galley.render.observability;
