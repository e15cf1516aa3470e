/**
 * Books in a content repository: discovery, layout (book.yml, SUMMARY.md, book.toml), chapters with
 * front matter, and images.
 */
package io.galley.ingest.book;
