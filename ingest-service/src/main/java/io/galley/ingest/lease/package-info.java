/**
 * Which ingest instance publishes: the lease, held by one member of a Kafka consumer group at a
 * time, so a second instance stands by and takes over when the first one dies.
 */
package io.galley.ingest.lease;
