package io.galley.export;

import io.galley.testsupport.ServiceArchitecture;

/** The design's module and package rules, checked on the export service's classes. */
class ArchitectureTest extends ServiceArchitecture {

  ArchitectureTest() {
    super("export");
  }
}
