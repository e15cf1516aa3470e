package io.galley.ingest.beta;

/** Fixture: the other side of the cycle. */
public class Beta {
  io.galley.ingest.alpha.Alpha alpha;
}
