/**
 * The commit log rebuilt from guide.recent-commits.v1, the poller that catches up with the branch,
 * and the HTTP views of commits and books.
 */
package io.galley.ingest.commits;
