/** The push webhook that triggers an immediate poll, authenticated by HMAC signature or token. */
package io.galley.ingest.webhook;
