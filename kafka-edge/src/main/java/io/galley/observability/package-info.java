/**
 * Observability shared by Galley's services at their Kafka edge: the commit's trace id and id in
 * the logging context ({@link io.galley.observability.CommitTrace}), the trace interceptor on every
 * listener, Kafka client metrics (consumer lag) and dead-letter counts.
 */
package io.galley.observability;
