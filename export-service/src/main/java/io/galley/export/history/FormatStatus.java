package io.galley.export.history;

import io.galley.events.EditionPublished;
import java.util.Objects;

/**
 * The state of one format of one commit.
 *
 * @param state where it stands
 * @param edition the published edition when {@code state} is published, else null
 * @param error why the build failed when {@code state} is failed, else null
 */
public record FormatStatus(FormatState state, EditionPublished edition, String error) {

  public FormatStatus {
    Objects.requireNonNull(state, "state");
    if (state == FormatState.PUBLISHED && edition == null) {
      throw new IllegalArgumentException("a published state needs its edition");
    }
  }

  static FormatStatus of(FormatState state) {
    return new FormatStatus(state, null, null);
  }
}
