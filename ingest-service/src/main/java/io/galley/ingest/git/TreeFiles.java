package io.galley.ingest.git;

import io.galley.ingest.book.BookFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of one commit's tree, read from the object database (never the working tree). */
final class TreeFiles implements BookFiles {

  private record Entry(ObjectId id, boolean symlink) {}

  private final Repository repo;
  private final TreeMap<String, Entry> entries = new TreeMap<>();

  TreeFiles(Repository repo, RevTree tree) {
    this.repo = repo;
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.REGULAR_FILE
            || mode == FileMode.EXECUTABLE_FILE
            || mode == FileMode.SYMLINK) {
          entries.put(
              walk.getPathString(), new Entry(walk.getObjectId(0), mode == FileMode.SYMLINK));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tree " + tree.name(), e);
    }
  }

  @Override
  public List<String> paths() {
    return List.copyOf(entries.keySet());
  }

  @Override
  public long size(String path) {
    Entry e = entries.get(path);
    if (e == null) {
      return -1;
    }
    // reads the object's header only: opening it would inflate the whole blob
    try (ObjectReader reader = repo.newObjectReader()) {
      return reader.getObjectSize(e.id(), Constants.OBJ_BLOB);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public boolean exists(String path) {
    return entries.containsKey(path);
  }

  @Override
  public Optional<String> blobId(String path) {
    Entry e = entries.get(path);
    return e == null ? Optional.empty() : Optional.of(e.id().name());
  }

  @Override
  public Optional<byte[]> read(String path) {
    Entry e = entries.get(path);
    if (e == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(repo.open(e.id()).getCachedBytes(Integer.MAX_VALUE - 16));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public boolean isSymlink(String path) {
    Entry e = entries.get(path);
    return e != null && e.symlink();
  }
}
