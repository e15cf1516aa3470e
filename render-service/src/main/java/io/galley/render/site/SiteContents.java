package io.galley.render.site;

import io.galley.blob.BlobRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a build placed in a site folder: which it wrote (each new one already on its way to the
 * store) and which it hard-linked unchanged from the previous site of the book. The store takes the
 * list from here instead of walking the folder, and a written file is put while the build goes on
 * linking the others, so the put's fsyncs overlap that work: on a 270-chapter book the walk and the
 * waits after the build cost 50 to 400 ms of a one-chapter edit under load (BENCHMARKS.md, "Site
 * step"). Safe to fill from several threads.
 */
final class SiteContents {

  private final String linkedFrom;
  private final SiteUpload upload;
  private final Set<String> files = ConcurrentHashMap.newKeySet();
  private final Set<String> linked = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<BlobRef>> puts = new ConcurrentHashMap<>();

  /**
   * The contents of a build linking unchanged files from the site of commit {@code linkedFrom}
   * (null when nothing is linked), putting the files it writes through {@code upload}.
   */
  SiteContents(String linkedFrom, SiteUpload upload) {
    this.linkedFrom = linkedFrom;
    this.upload = upload;
  }

  /** Records a file the build wrote with {@code bytes}, and starts putting it in the store. */
  void written(String path, byte[] bytes) {
    files.add(path);
    puts.put(path, upload.putEarly(path, bytes));
  }

  /** Records a file the build copied in (an image: the store holds it already). */
  void copied(String path) {
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

  /** The put started for a written file, or null for a linked or copied one. */
  CompletableFuture<BlobRef> put(String path) {
    return puts.get(path);
  }

  /** Every file of the site, sorted by path. */
  List<String> files() {
    return files.stream().sorted().toList();
  }
}
