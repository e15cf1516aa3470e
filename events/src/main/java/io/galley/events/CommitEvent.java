package io.galley.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What ingest decided about one commit of one book, published on {@link Topics#COMMITS} keyed by
 * bookId: either the manifest of an accepted commit or the problems of a rejected one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CommitIngested.class, name = "CommitIngested"),
  @JsonSubTypes.Type(value = CommitRejected.class, name = "CommitRejected")
})
public sealed interface CommitEvent permits CommitIngested, CommitRejected {

  /** The book this decision is about. */
  String bookId();

  /** The git commit id (40 hex digits). */
  String commit();

  /** The commit's author, as {@code Name <email>}. */
  String author();

  /** When the commit was made, from git, never from the clock. */
  Instant committedAt();
}
