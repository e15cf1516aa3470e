/** Live Markdown preview over HTTP, with the same converter and sanitiser as the book. */
package io.galley.render.preview;
