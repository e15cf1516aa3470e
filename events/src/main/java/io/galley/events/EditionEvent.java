package io.galley.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The outcome of building one edition, published on {@link Topics#EDITIONS} keyed by editionId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EditionPublished.class, name = "EditionPublished"),
  @JsonSubTypes.Type(value = EditionFailed.class, name = "EditionFailed")
})
public sealed interface EditionEvent permits EditionPublished, EditionFailed {

  /** {@code hash(manifest, renderer version, exporter version, format)}; see {@link EditionIds}. */
  String editionId();

  /** The book. */
  String bookId();

  /** The commit the edition was built from. */
  String commit();

  /** The edition's format. */
  EditionFormat format();
}
