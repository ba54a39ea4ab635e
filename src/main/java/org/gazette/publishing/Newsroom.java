package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * What the public can read, as of the injected clock's now: every page, list and, later,
 * feed and API read through here, so the embargo holds on all of them.
 */
@Service
public class Newsroom {

	private final NewsroomRepository repository;

	private final Departures departures;

	private final Clock clock;

	Newsroom(NewsroomRepository repository, TakedownRepository takedowns, Clock clock) {
		this.repository = repository;
		this.departures = new Departures(repository, takedowns);
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
	 * What the address answers when {@link #story(String)} finds no public story there
	 * but one lived there: taken down (gone, redirected, consolidated, withdrawn) or
	 * moved to another slug. Empty for an address no reader ever saw a story at (404).
	 * This is the one public read path besides the visibility rule: a withdrawn story is
	 * not public, and its page is built from what this returns.
	 */
	public Optional<Departure> departure(String slug) {
		return this.departures.of(slug, this.clock.instant());
	}

	/**
	 * The given stories as their pages show them, in id order; those not public now are
	 * left out. For building many pages at once (the static export).
	 */
	public List<PublicStory> stories(List<Long> ids) {
		return this.repository.stories(ids, this.clock.instant());
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

	/**
	 * The newest public stories matching the query, each with its full body, bylines and
	 * topics: what a feed carries.
	 */
	public List<IndexableStory> latestInFull(StoryQuery query, int count) {
		return inFull(this.repository.pageOfIds(query, this.clock.instant(), count, 0));
	}

	/**
	 * Public stories newest first, strictly after the given position (null for the first
	 * page): keyset pagination that stays stable while stories are published.
	 */
	public List<StoryCard> listAfter(StoryQuery query, StoryPosition after, int limit) {
		return this.repository.cards(this.repository.idsAfter(query, this.clock.instant(), after, limit));
	}

	/**
	 * Every public story matching the query, newest first, as ids: the order in which a
	 * listing shows them, page after page.
	 */
	public List<Long> ids(StoryQuery query) {
		return this.repository.pageOfIds(query, this.clock.instant(), Integer.MAX_VALUE, 0);
	}

	/**
	 * Every public story as listings select them, now: for building many listings at
	 * once, each one's ids picked from memory ({@link Listings#ids}).
	 */
	public Listings listings() {
		return this.repository.listings(this.clock.instant());
	}

	/**
	 * The given stories with their full body, bylines and topics, in the order given;
	 * those no longer published are left out. With {@link #listings()}: what feeds carry.
	 */
	public List<IndexableStory> inFull(List<Long> ids) {
		List<IndexableStory> stories = new java.util.ArrayList<>(this.repository.indexable(ids));
		stories.sort(java.util.Comparator.comparing((IndexableStory story) -> ids.indexOf(story.id())));
		return stories;
	}

	/** The given public stories as listings show them, in the order given. */
	public List<StoryCard> cards(List<Long> ids) {
		return this.repository.cards(ids);
	}

	/** How many public stories match. */
	public long count(StoryQuery query) {
		return this.repository.count(query, this.clock.instant());
	}

	/** Addresses and dates of public stories in a stable order, a slice at a time. */
	public List<PublicStamp> stamps(long offset, int limit) {
		return this.repository.stamps(this.clock.instant(), offset, limit);
	}

	/** When what the public can read last changed, if anything is public. */
	public Optional<Instant> lastPublicUpdate() {
		return this.repository.lastPublicUpdate(this.clock.instant());
	}

	/**
	 * Every story address that answers with a {@link #departure} now (taken down, or a
	 * former slug), with what it answers, in address order. For the static export, which
	 * writes a page for each; there are few, so each is worked out as a request would.
	 */
	public SortedMap<String, Departure> departures() {
		Instant now = this.clock.instant();
		SortedMap<String, Departure> all = new TreeMap<>();
		for (String slug : this.repository.departedSlugs()) {
			this.departures.of(slug, now).ifPresent((departure) -> all.put(slug, departure));
		}
		return all;
	}

	/** Release instants of the oldest and newest public stories, when there are any. */
	public Optional<ReleaseSpan> releaseSpan() {
		return this.repository.releaseSpan(this.clock.instant());
	}

}
