/**
 * Full-text search over public stories with Apache Lucene: a per-node index kept current
 * from change events, relevance ranking, facets, highlighted snippets and spelling
 * suggestions.
 */
package org.gazette.search;
