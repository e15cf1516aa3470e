package io.galley.export.edition;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Build budgets as a service binds them: the defaults, with some {@code name=value} set. */
public final class Budgets {

  private Budgets() {}

  /** The budget of {@code galley.export.build.*} set to {@code settings} ({@code name=value}). */
  public static BuildBudget of(String... settings) {
    Map<String, String> values = new HashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      values.put("galley.export.build." + setting.substring(0, eq), setting.substring(eq + 1));
    }
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("galley.export.build", BuildBudget.class);
  }
}
