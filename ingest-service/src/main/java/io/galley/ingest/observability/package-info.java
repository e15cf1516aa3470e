/**
 * Operability: the commit's trace id in the log context, ingest metrics and the Kafka health
 * indicator of the readiness group.
 */
package io.galley.ingest.observability;
