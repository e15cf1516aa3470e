package io.galley.render;

import io.galley.testsupport.ServiceArchitecture;

/** The design's module and package rules, checked on the render service's classes. */
class ArchitectureTest extends ServiceArchitecture {

  ArchitectureTest() {
    super("render");
  }
}
