/**
 * Markdown to format-neutral XHTML fragments: CommonMark + GFM, chapter links as {@code doc:} and
 * images as {@code asset:} references, sanitised raw HTML, server-side highlighting and callouts.
 */
package io.galley.render.markdown;
