package io.galley.ingest.alpha;

/** Fixture: one side of a cycle between two features. */
public class Alpha {
  io.galley.ingest.beta.Beta beta;
}
