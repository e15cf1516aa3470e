/** The ingest service: git commits of Markdown books become source, asset and commit events. */
package io.galley.ingest;
