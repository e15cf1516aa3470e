package io.galley.export.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import io.galley.export.edition.AssetSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code asset:<sha256>[.ext]} URIs from the asset store; every other URI resolves to
 * nothing, so a PDF build never fetches from the network or the file system.
 */
final class AssetStreamFactory implements FSStreamFactory {

  static final String SCHEME = "asset";

  private final AssetSource assets;

  AssetStreamFactory(AssetSource assets) {
    this.assets = assets;
  }

  /** The URI resolver: absolute {@code asset:} URIs pass, everything else is denied. */
  static String resolve(String baseUri, String uri) {
    return isAsset(uri) ? uri : null;
  }

  static boolean isAsset(String uri) {
    return uri != null && uri.startsWith(SCHEME + ":");
  }

  @Override
  public FSStream getUrl(String url) {
    byte[] bytes = isAsset(url) ? assets.bytes(sha(url)).orElse(null) : null;
    return new FSStream() {
      @Override
      public InputStream getStream() {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
      }

      @Override
      public Reader getReader() {
        return bytes == null ? null : new InputStreamReader(getStream(), StandardCharsets.UTF_8);
      }
    };
  }

  private static String sha(String url) {
    String rest = url.substring(SCHEME.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
