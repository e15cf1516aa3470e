/** Dead letters: listing {@code guide.dlt.v1} and replaying its records to their origin topics. */
package io.galley.ingest.dlt;
