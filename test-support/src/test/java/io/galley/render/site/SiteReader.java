package io.galley.render.site;

/** Fixture: a service reaching into another service. */
public class SiteReader {
  io.galley.ingest.beta.Beta beta;
}
