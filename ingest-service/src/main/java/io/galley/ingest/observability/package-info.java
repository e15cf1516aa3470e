/**
 * Operability: the commit's trace id in the log context and ingest metrics (the Kafka health
 * indicator is kafka-edge's).
 */
package io.galley.ingest.observability;
