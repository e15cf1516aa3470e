package io.galley.render.site;

import io.galley.blob.BlobRef;
import io.galley.events.Digests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
  private final Map<String, BlobRef> written = new ConcurrentHashMap<>();
  private final List<CompletableFuture<Void>> puts = new CopyOnWriteArrayList<>();

  /**
   * The contents of a build linking unchanged files from the site of commit {@code linkedFrom}
   * (null when nothing is linked), putting the files it writes through {@code upload}.
   */
  SiteContents(String linkedFrom, SiteUpload upload) {
    this.linkedFrom = linkedFrom;
    this.upload = upload;
  }

  /**
   * Records a file the build wrote with {@code bytes}: its blob is named at once (so the site's
   * index can be put beside the files) and put in the store on the store's threads, unless too many
   * bytes wait already: then the store puts it from the folder once the build is done.
   */
  void written(String path, byte[] bytes) {
    files.add(path);
    BlobRef ref = new BlobRef(Digests.sha256Hex(bytes), bytes.length, SiteStorage.mediaType(path));
    CompletableFuture<Void> put = upload.putEarly(ref, bytes);
    if (put != null) {
      written.put(path, ref);
      puts.add(put);
    }
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

  /** The blob of a file the build wrote and put early, or null for any other file. */
  BlobRef written(String path) {
    return written.get(path);
  }

  /** The puts started for the files the build wrote. */
  List<CompletableFuture<Void>> puts() {
    return puts;
  }

  /** Every file of the site, sorted by path. */
  List<String> files() {
    return files.stream().sorted().toList();
  }
}
