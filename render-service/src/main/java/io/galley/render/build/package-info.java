/**
 * The HTML edition build: the join that holds a book's manifest until every source it names has
 * arrived ({@code ManifestJoin}), the queue that builds ready books one at a time and retries
 * ({@code RetryingBuildQueue}, reported in health as {@code renderLoop}), the job that renders the
 * chapters through the {@code ChapterCache}, builds the site and publishes ({@code
 * EditionBuildJob}), and the JIT warm-up.
 */
package io.galley.render.build;
