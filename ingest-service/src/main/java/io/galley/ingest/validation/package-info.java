/** Validation of a book at a commit: problems collected as values, up to a limit. */
package io.galley.ingest.validation;
