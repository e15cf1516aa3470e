package io.galley.render.site;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a build placed in a site folder, and which of them it hard-linked unchanged from the
 * previous site of the book. The store takes the list from here instead of walking the folder: on a
 * 270-chapter book the walk and its two stats per file cost 16 to 190 ms of every one-chapter edit
 * under load (BENCHMARKS.md, "Site step"), while the builder knows the answer already. Safe to fill
 * from several threads.
 */
final class SiteContents {

  private final String linkedFrom;
  private final Set<String> files = ConcurrentHashMap.newKeySet();
  private final Set<String> linked = ConcurrentHashMap.newKeySet();

  /**
   * The contents of a build linking unchanged files from the site of commit {@code linkedFrom}
   * (null when nothing is linked).
   */
  SiteContents(String linkedFrom) {
    this.linkedFrom = linkedFrom;
  }

  /** Records a file the build wrote. */
  void written(String path) {
    files.add(path);
  }

  /** Records a file the build took unchanged from the site of {@link #linkedFrom()}. */
  void linked(String path) {
    files.add(path);
    linked.add(path);
  }

  /** The commit whose site unchanged files were linked from, or null. */
  String linkedFrom() {
    return linkedFrom;
  }

  /** Whether {@code path} was taken unchanged from the site of {@link #linkedFrom()}. */
  boolean isLinked(String path) {
    return linked.contains(path);
  }

  /** Every file of the site, sorted by path. */
  List<String> files() {
    return files.stream().sorted().toList();
  }
}
