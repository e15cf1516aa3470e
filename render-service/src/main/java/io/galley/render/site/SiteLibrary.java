package io.galley.render.site;

import io.galley.render.RenderProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The built sites under {@code stateDir/sites/<bookId>/<commit>/} and, per book, the commit served
 * as latest (rebuilt from the commits topic after a restart).
 */
@Component
public class SiteLibrary {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path root;
  private final Map<String, String> latest = new ConcurrentHashMap<>();

  /** The library under the service's state folder. */
  @Autowired
  public SiteLibrary(RenderProperties properties) {
    this(properties.stateDir().resolve("sites"));
  }

  /** A library in {@code root}. */
  public SiteLibrary(Path root) {
    this.root = root;
  }

  /** Whether a name can be a folder name here (bookIds and commits). */
  static boolean safeName(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }

  /** The folder of a book's site at a commit (which may not exist yet). */
  public Path siteDir(String bookId, String commit) {
    if (!safeName(bookId) || !safeName(commit)) {
      throw new IllegalArgumentException("unsafe book or commit name: " + bookId + "@" + commit);
    }
    return root.resolve(bookId).resolve(commit);
  }

  /** Whether the site of that commit has been built. */
  public boolean isBuilt(String bookId, String commit) {
    return Files.isDirectory(siteDir(bookId, commit));
  }

  /** Makes {@code commit} the site served at {@code /books/{bookId}/}. */
  public void markLatest(String bookId, String commit) {
    latest.put(bookId, commit);
  }

  /** The commit served as latest, if any was built. */
  public Optional<String> latest(String bookId) {
    return Optional.ofNullable(latest.get(bookId));
  }
}
