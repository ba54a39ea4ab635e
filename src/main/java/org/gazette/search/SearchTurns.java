package org.gazette.search;

import java.util.function.Supplier;

import org.gazette.platform.Turns;

import org.springframework.stereotype.Component;

/**
 * How many searches are computed at the same time: one per processor unless configured
 * otherwise, the others waiting in order of arrival, as the fixed search thread pools of
 * search servers do.
 * <p>
 * A search not answered from memory is a few milliseconds of pure CPU work. Run on more
 * threads than there are processors, the searches in progress share the processors and
 * all finish late together, a costly one several times its own work late. Run one per
 * processor, each takes its own work plus the wait for those ahead of it, so the slowest
 * answers of a burst stay short. It also bounds what a flood of searches costs the rest
 * of the site, and a search that cannot start within the longest wait is refused with
 * {@link SearchBusyException} instead of piling up.
 */
@Component
final class SearchTurns {

	private final Turns turns;

	SearchTurns(SearchProperties properties) {
		this.turns = new Turns((properties.searchesAtOnce() > 0) ? properties.searchesAtOnce()
				: Runtime.getRuntime().availableProcessors(), properties.longestWait());
	}

	/**
	 * The search's answer, computed in its turn.
	 * @throws SearchBusyException when its turn did not come within the longest wait
	 */
	SearchResults run(Supplier<SearchResults> search) {
		return this.turns.run(search::get, SearchBusyException::new);
	}

}
