package org.gazette.search;

/**
 * What makes two searches the same for the answer cache: the words as read (spacing, case
 * and stray punctuation of the operators do not matter), the filters, the sort and the
 * page.
 */
record SearchKey(UserQuery words, String type, String topic, String author, Integer year, boolean newestFirst, int page,
		int pageSize) {

	static SearchKey of(UserQuery words, SearchQuery query) {
		return new SearchKey(words, query.type(), query.topic(), query.author(), query.year(), query.newestFirst(),
				query.page(), query.pageSize());
	}

}
