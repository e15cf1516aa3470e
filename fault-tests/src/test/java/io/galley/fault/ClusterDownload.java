package io.galley.fault;

/**
 * One download of a book's latest PDF or EPUB from one export instance, as checked on arrival.
 *
 * @param instance the export instance that answered
 * @param bookId the book
 * @param format {@code PDF} or {@code EPUB}
 * @param status the HTTP status
 * @param sha256 the body's sha256
 * @param etag the ETag header, quotes removed (empty if none)
 * @param bytes the body's length
 * @param problem why the body is not a complete file of its format, or null
 */
record ClusterDownload(
    String instance,
    String bookId,
    String format,
    int status,
    String sha256,
    String etag,
    long bytes,
    String problem) {

  String describe() {
    return format
        + " of "
        + bookId
        + " from "
        + instance
        + " ("
        + bytes
        + " bytes, "
        + status
        + ")";
  }
}
