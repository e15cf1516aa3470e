package io.galley.events;

/** Fixture: an event that knows Spring and a test helper. */
public class SpringEvent {
  org.springframework.core.io.Resource resource;
  io.galley.testsupport.TestRepo repo;
}
