package org.gazette.search;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import org.springframework.stereotype.Component;

/** {@code reindex}: rebuilds this node's search index from the database. */
@Component
@Command(name = "reindex", aliases = "rebuild-search-index", mixinStandardHelpOptions = true,
		description = { "Rebuild this node's search index from the database.",
				"Gazette also does this by itself when the index is missing or unreadable.",
				"Exit status: 0 rebuilt, 1 failed." })
class RebuildSearchIndexCommand implements Callable<Integer> {

	private final SearchIndexer indexer;

	RebuildSearchIndexCommand(SearchIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	public Integer call() {
		int count = this.indexer.rebuild();
		System.out.println("Search index rebuilt with " + count + " stories.");
		return 0;
	}

}
