package org.gazette.search;

import java.util.List;

import org.gazette.platform.GazetteCommand;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar gazette.jar rebuild-search-index}: rebuilds this node's index from the
 * database.
 */
@Component
class RebuildSearchIndexCommand implements GazetteCommand {

	private final SearchIndexer indexer;

	RebuildSearchIndexCommand(SearchIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	public String name() {
		return "rebuild-search-index";
	}

	@Override
	public String description() {
		return "Rebuild this node's search index from the database";
	}

	@Override
	public int run(List<String> arguments) {
		int count = this.indexer.rebuild();
		System.out.println("Search index rebuilt with " + count + " stories.");
		return 0;
	}

}
