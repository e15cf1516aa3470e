/**
 * The content repository through JGit: committed trees, history along the first parent, clone and
 * fetch of URLs.
 */
package io.galley.ingest.git;
