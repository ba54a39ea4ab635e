/** Articles, their immutable revisions, authors, topics and Markdown rendering. */
package org.gazette.content;
