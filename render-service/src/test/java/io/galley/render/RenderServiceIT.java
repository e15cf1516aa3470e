package io.galley.render;

import io.galley.testsupport.KafkaBroker;

/** The render service on the broker the build selected (in-JVM KRaft by default). */
class RenderServiceIT extends AbstractRenderServiceIT {

  @Override
  KafkaBroker broker() {
    return KafkaBroker.selected();
  }
}
