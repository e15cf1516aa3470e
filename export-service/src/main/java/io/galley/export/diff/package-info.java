/** What changed between two editions: chapters added, removed and changed, and text diffs. */
package io.galley.export.diff;
