package org.gazette.publishing;

import java.time.Instant;
import java.util.Optional;

/**
 * Works out what an address answers for a story that is not public but was: its current
 * takedown, or its move to another slug. A story is "released" here when readers saw it:
 * it has a published revision, its release instant has passed, and it was not taken down
 * before that instant (a story called off under embargo was never public, and its address
 * answers 404 as if it had never existed).
 */
final class Departures {

	private final NewsroomRepository stories;

	private final TakedownRepository takedowns;

	Departures(NewsroomRepository stories, TakedownRepository takedowns) {
		this.stories = stories;
		this.takedowns = takedowns;
	}

	Optional<Departure> of(String slug, Instant now) {
		Optional<NewsroomRepository.Address> here = this.stories.address(slug);
		if (here.isPresent()) {
			return takenDown(here.get(), now, 0);
		}
		// A former address: 301 to wherever the story answers now, whatever it answers.
		return this.stories.idByFormerSlug(slug)
			.flatMap(this.stories::address)
			.filter((story) -> released(story, now))
			.map((story) -> new Departure.Moved(story.slug()));
	}

	/**
	 * What a taken-down story's address answers; a consolidation whose target was itself
	 * taken down is followed once more, and then answers 410, so no chain can loop.
	 */
	private Optional<Departure> takenDown(NewsroomRepository.Address story, Instant now, int hops) {
		if (story.unpublishedAt() == null || !released(story, now)) {
			return Optional.empty();
		}
		TakedownRecord takedown = this.takedowns.newest(story.id()).orElse(null);
		if (takedown == null) {
			// Unpublished before takedowns had reasons: gone, never a silent 404.
			return Optional.of(new Departure.Gone(null, story.releaseAt(), story.unpublishedAt()));
		}
		Departure.Gone gone = new Departure.Gone((takedown.kind() == TakedownKind.GONE) ? takedown.explanation() : null,
				story.releaseAt(), takedown.takenDownAt());
		return Optional.of(switch (takedown.kind()) {
			case GONE -> gone;
			case REDIRECT -> new Departure.Redirected(takedown.redirectUrl());
			case WITHDRAWN -> this.stories.publishedStory(story.id(), now)
				.<Departure>map((published) -> new Departure.Withdrawn(published, takedown.explanation(),
						takedown.takenDownAt()))
				.orElse(gone);
			case CONSOLIDATED -> consolidatedInto(takedown.targetArticleId(), now, hops).orElse(gone);
		});
	}

	private Optional<Departure> consolidatedInto(Long targetId, Instant now, int hops) {
		NewsroomRepository.Address target = (targetId != null) ? this.stories.address(targetId).orElse(null) : null;
		if (target == null || !released(target, now)) {
			return Optional.empty();
		}
		if (target.unpublishedAt() == null) {
			return Optional.of(new Departure.Moved(target.slug()));
		}
		if (hops > 0) {
			return Optional.empty();
		}
		// The target was taken down too: go where its address sends readers.
		return takenDown(target, now, hops + 1)
			.map((next) -> (next instanceof Departure.Withdrawn) ? new Departure.Moved(target.slug()) : next)
			.filter((next) -> !(next instanceof Departure.Gone));
	}

	private static boolean released(NewsroomRepository.Address story, Instant now) {
		return story.publishedRevisionId() != null && story.releaseAt() != null && !story.releaseAt().isAfter(now)
				&& (story.unpublishedAt() == null || !story.releaseAt().isAfter(story.unpublishedAt()));
	}

}
