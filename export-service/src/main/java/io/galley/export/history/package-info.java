/** The edition history: every commit of every book and the state of each of its formats. */
package io.galley.export.history;
