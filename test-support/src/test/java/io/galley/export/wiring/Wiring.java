package io.galley.export.wiring;

import org.springframework.context.annotation.Configuration;

/** Fixture: a configuration whose name says nothing of what it assembles. */
@Configuration
public class Wiring {}
