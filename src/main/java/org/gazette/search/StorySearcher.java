package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher over one point-in-time view of the index, with what every search on that
 * view shares: the facet ordinal map, which Lucene's documentation calls costly to build,
 * is built once per view instead of once per search.
 */
final class StorySearcher extends IndexSearcher {

	private volatile SortedSetDocValuesReaderState facets;

	private volatile boolean facetsRead;

	StorySearcher(IndexReader reader) {
		super(reader);
	}

	/** The facet reader state; null when no story has ever been indexed. */
	SortedSetDocValuesReaderState facets() {
		if (!this.facetsRead) {
			synchronized (this) {
				if (!this.facetsRead) {
					this.facets = read();
					this.facetsRead = true;
				}
			}
		}
		return this.facets;
	}

	/**
	 * What identifies this view of the index: answers computed on it may be reused until
	 * the index changes.
	 */
	Object view() {
		IndexReader.CacheHelper helper = getIndexReader().getReaderCacheHelper();
		return (helper != null) ? helper.getKey() : getIndexReader();
	}

	private SortedSetDocValuesReaderState read() {
		if (FieldInfos.getMergedFieldInfos(getIndexReader()).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) == null) {
			return null;
		}
		try {
			return new DefaultSortedSetDocValuesReaderState(getIndexReader(), StoryDocument.FACETS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
