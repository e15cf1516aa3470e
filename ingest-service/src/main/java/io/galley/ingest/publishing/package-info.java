/** Publishing a commit's records to Kafka in one transaction. */
package io.galley.ingest.publishing;
