package io.galley.ingest.book;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bookId of a folder: book.yml's {@code id}, else the folder's (or repository's) name. */
public final class BookIds {

  private BookIds() {}

  /** The bookId of {@code folder} ("" = root, named {@code repoName}). */
  public static String of(BookFiles files, String folder, String repoName) {
    String name = folder.isEmpty() ? repoName : RepoPaths.fileName(folder);
    String fallback = Values.isSafeName(name) ? name : Values.suggestName(name);
    String yml = RepoPaths.join(folder, "book.yml");
    if (files.exists(yml) && files.size(yml) <= FrontMatterParser.MAX_CHARS * 4L) {
      try {
        Object value =
            FrontMatterParser.YAML.readValue(
                new String(files.read(yml).orElse(new byte[0]), StandardCharsets.UTF_8),
                Object.class);
        if (value instanceof Map<?, ?> map
            && map.get("id") instanceof String id
            && Values.isSafeName(id.strip())) {
          return id.strip(); // an unsafe id is the loader's error; the folder names the rejection
        }
      } catch (RuntimeException e) {
        return fallback; // the loader reports the malformed file
      }
    }
    return fallback;
  }
}
