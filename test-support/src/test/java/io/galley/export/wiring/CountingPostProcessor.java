package io.galley.export.wiring;

import org.springframework.beans.factory.config.BeanPostProcessor;

/** Fixture: a decorator applied behind the configuration's back. */
public class CountingPostProcessor implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean;
  }
}
