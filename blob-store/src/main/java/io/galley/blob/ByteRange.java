package io.galley.blob;

/**
 * A byte range of a blob: {@code length} bytes from {@code offset}. A range that runs past the
 * blob's end is cut at the end; one that starts at or past the end reads as empty.
 *
 * @param offset index of the first byte, from 0
 * @param length number of bytes wanted, 0 or more
 * @throws IllegalArgumentException if either is negative or their sum overflows
 */
public record ByteRange(long offset, long length) {

  public ByteRange {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "byte range offset and length must not be negative: " + offset + "+" + length);
    }
    if (length > Long.MAX_VALUE - offset) {
      throw new IllegalArgumentException("byte range overflows: " + offset + "+" + length);
    }
  }

  /** The bytes from {@code offset} to the end of the blob. */
  public static ByteRange from(long offset) {
    return new ByteRange(offset, Long.MAX_VALUE - offset);
  }

  /** The bytes {@code first} to {@code last}, both included, as in an HTTP Range header. */
  public static ByteRange inclusive(long first, long last) {
    if (last < first) {
      throw new IllegalArgumentException("byte range ends before it starts: " + first + "-" + last);
    }
    return new ByteRange(first, last - first + 1);
  }

  /** Index one past the last byte wanted (the exclusive end). */
  public long end() {
    return offset + length;
  }
}
