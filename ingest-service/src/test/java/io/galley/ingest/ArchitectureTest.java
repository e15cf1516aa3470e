package io.galley.ingest;

import io.galley.testsupport.ServiceArchitecture;

/** The design's module and package rules, checked on the ingest service's classes. */
class ArchitectureTest extends ServiceArchitecture {

  ArchitectureTest() {
    super("ingest");
  }
}
