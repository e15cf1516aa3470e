package io.galley.ingest.git;

import java.time.Instant;

/**
 * What git says about one commit.
 *
 * @param id the commit id
 * @param parent the first parent's id, or null for a root commit
 * @param author {@code Name <email>}
 * @param message the full commit message
 * @param committedAt the committer time
 */
public record CommitInfo(
    String id, String parent, String author, String message, Instant committedAt) {}
