package io.galley.export.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J: its INFO chatter (one line per font load) becomes DEBUG,
 * warnings and errors stay visible.
 */
final class Slf4jXrLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else {
      logger.debug(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are configured through the logging system
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || logger.isDebugEnabled();
  }
}
