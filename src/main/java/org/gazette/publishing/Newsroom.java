package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What the public can read, as of the injected clock's now: every page, list and, later,
 * feed and API read through here, so the embargo holds on all of them.
 */
@Service
public class Newsroom {

	private final NewsroomRepository repository;

	private final Clock clock;

	Newsroom(NewsroomRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * One page of public stories, newest first.
	 * @param page page number from 1; a page past the end comes back empty
	 */
	public StoryList list(StoryQuery query, int page, int pageSize) {
		Instant now = this.clock.instant();
		long total = this.repository.count(query, now);
		long offset = (long) (page - 1) * pageSize;
		List<StoryCard> stories = (offset < total)
				? this.repository.cards(this.repository.pageOfIds(query, now, pageSize, offset)) : List.of();
		return new StoryList(stories, total, page, pageSize);
	}

	public List<StoryCard> latest(int count) {
		return this.repository.cards(this.repository.pageOfIds(StoryQuery.ALL, this.clock.instant(), count, 0));
	}

	public Optional<PublicStory> story(String slug) {
		return this.repository.story(slug, this.clock.instant());
	}

	/**
	 * The next instant at which a scheduled story becomes public; anything built from
	 * public content is stale from then on.
	 */
	public Optional<Instant> nextRelease() {
		return this.repository.nextRelease(this.clock.instant());
	}

	/**
	 * Published stories after the given id, for building a search index in batches. They
	 * include stories still under embargo: an index must apply {@link Visibility} when it
	 * answers.
	 */
	public List<IndexableStory> indexable(long afterId, int limit) {
		return this.repository.indexable(afterId, limit);
	}

	/** The given stories for a search index; unpublished or unknown ones are left out. */
	public List<IndexableStory> indexable(List<Long> ids) {
		return this.repository.indexable(ids);
	}

	/** Release instants of the oldest and newest public stories, when there are any. */
	public Optional<ReleaseSpan> releaseSpan() {
		return this.repository.releaseSpan(this.clock.instant());
	}

}
