package io.galley.bench.restart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a JVM uses after a full collection, read with {@code jcmd}: {@code GC.run} (a full GC,
 * {@code System.gc()}), then {@code GC.heap_info}, whose first line gives the whole heap's use (for
 * G1, the services' collector here: {@code garbage-first heap total 262144K, used 45678K}).
 */
final class HeapReading {

  private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");

  private HeapReading() {}

  /** KiB of heap used after a full GC, or empty when jcmd could not tell. */
  static OptionalLong afterFullGc(long pid) {
    try {
      jcmd(pid, "GC.run");
      return usedKib(jcmd(pid, "GC.heap_info"));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The heap use in a {@code GC.heap_info} answer: the first {@code used NK}. */
  static OptionalLong usedKib(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** Writes the first {@code lines} lines of the JVM's class histogram to {@code file}. */
  static void histogram(long pid, Path file, int lines) {
    try {
      String all = jcmd(pid, "GC.class_histogram");
      StringBuilder top = new StringBuilder();
      all.lines().limit(lines).forEach(l -> top.append(l).append('\n'));
      Files.writeString(file, top);
    } catch (IOException e) {
      // a missing histogram loses a hint, not a figure
    }
  }

  private static String jcmd(long pid, String command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Path out = Files.createTempFile("jcmd", ".txt"); // a file, so a hung jcmd cannot block a read
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("jcmd " + pid + " " + command + " failed");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
