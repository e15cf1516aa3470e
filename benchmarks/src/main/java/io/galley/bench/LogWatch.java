package io.galley.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Scans what a service log gained since the last look for a fatal marker (an OutOfMemoryError). */
final class LogWatch {

  private final Path log;
  private long offset;
  private String found;

  LogWatch(Path log) {
    this.log = log;
    try {
      this.offset = Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      this.offset = 0;
    }
  }

  /** The first fatal line written since this watch started, if any. */
  Optional<String> fatal() {
    if (found != null) {
      return Optional.of(found);
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= offset) {
        return Optional.empty();
      }
      byte[] added = new byte[(int) Math.min(length - offset, 8 << 20)];
      file.seek(offset);
      file.readFully(added);
      offset += added.length;
      String text = new String(added, StandardCharsets.UTF_8);
      int at = text.indexOf("OutOfMemoryError");
      if (at >= 0) {
        int start = Math.max(0, text.lastIndexOf('\n', at) + 1);
        int end = text.indexOf('\n', at);
        found =
            log.getFileName() + ": " + text.substring(start, end < 0 ? text.length() : end).trim();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(found);
  }
}
