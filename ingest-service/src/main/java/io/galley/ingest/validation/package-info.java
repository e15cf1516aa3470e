/** Validation of a book at a commit: problems collected as values, up to a limit. */
@NullMarked
package io.galley.ingest.validation;

import org.jspecify.annotations.NullMarked;
