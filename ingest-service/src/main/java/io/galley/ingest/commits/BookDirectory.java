package io.galley.ingest.commits;

import java.util.Map;

/** The book folders of the followed branch's head, with their bookIds. */
public interface BookDirectory {

  /** Folder ("" = root) to bookId, sorted by folder. */
  Map<String, String> folders();
}
