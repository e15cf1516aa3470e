/**
 * Observability shared by Galley's services at their Kafka edge, on Micrometer Tracing over
 * OpenTelemetry: commit spans with the commit as baggage ({@link
 * io.galley.observability.CommitTracing}), the publication times of manifests, Kafka client metrics
 * and dead-letter counts.
 */
package io.galley.observability;
