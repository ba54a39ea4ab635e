package org.gazette.content;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Authors and topics: creating, editing and merging duplicates. A merge never touches a
 * revision (they are append-only): the duplicate records which profile it was merged
 * into, and reads resolve it.
 */
class Profiles {

	private final AuthorRepository authors;

	private final TopicRepository topics;

	private final ContentRules rules;

	private final MarkdownRenderer markdown;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Profiles(AuthorRepository authors, TopicRepository topics, ContentRules rules, MarkdownRenderer markdown,
			ApplicationEventPublisher events, Clock clock) {
		this.authors = authors;
		this.topics = topics;
		this.rules = rules;
		this.markdown = markdown;
		this.events = events;
		this.clock = clock;
	}

	Author createAuthor(NewAuthor author) {
		NewAuthor clean = this.rules.checkAuthor(author, null);
		this.authors.forgetFormerSlug(clean.slug());
		long id = this.authors.insert(clean, this.markdown.render(clean.bioMarkdown()), this.clock.instant());
		return this.authors.find(id).orElseThrow();
	}

	Topic createTopic(NewTopic topic) {
		NewTopic clean = this.rules.checkTopic(topic, null);
		this.topics.forgetFormerSlug(clean.slug());
		long id = this.topics.insert(clean, this.clock.instant());
		return this.topics.find(id).orElseThrow();
	}

	Author updateAuthor(long id, NewAuthor changes) {
		Author current = this.authors.lock(List.of(id))
			.stream()
			.findFirst()
			.orElseThrow(() -> UnknownContentException.author(id));
		if (current.merged()) {
			throw mergedAlready(current.name(), this.authors.find(current.mergedIntoId()).orElseThrow().name());
		}
		NewAuthor clean = this.rules.checkAuthor(changes, id);
		if (!clean.slug().equals(current.slug())) {
			this.authors.forgetFormerSlug(clean.slug());
			this.authors.keepFormerSlug(id, current.slug(), this.clock.instant());
		}
		this.authors.update(id, clean, this.markdown.render(clean.bioMarkdown()), this.clock.instant());
		this.events.publishEvent(new AuthorChanged(id, null));
		return this.authors.find(id).orElseThrow();
	}

	Topic updateTopic(long id, NewTopic changes) {
		Topic current = this.topics.lock(List.of(id))
			.stream()
			.findFirst()
			.orElseThrow(() -> UnknownContentException.topic(id));
		if (current.merged()) {
			throw mergedAlready(current.name(), this.topics.find(current.mergedIntoId()).orElseThrow().name());
		}
		NewTopic clean = this.rules.checkTopic(changes, id);
		if (!clean.slug().equals(current.slug())) {
			this.topics.forgetFormerSlug(clean.slug());
			this.topics.keepFormerSlug(id, current.slug(), this.clock.instant());
		}
		this.topics.update(id, clean, this.clock.instant());
		this.events.publishEvent(new TopicChanged(id, null));
		return this.topics.find(id).orElseThrow();
	}

	Author mergeAuthor(long duplicateId, long survivorId) {
		if (duplicateId == survivorId) {
			throw InvalidContentException.of("survivorId", "An author cannot be merged into itself.");
		}
		Map<Long, Author> locked = this.authors.lock(List.of(duplicateId, survivorId))
			.stream()
			.collect(Collectors.toMap(Author::id, Function.identity()));
		Author duplicate = Optional.ofNullable(locked.get(duplicateId))
			.orElseThrow(() -> UnknownContentException.author(duplicateId));
		Author survivor = Optional.ofNullable(locked.get(survivorId))
			.orElseThrow(() -> UnknownContentException.author(survivorId));
		checkMerge(duplicate.name(), duplicate.mergedIntoId(), survivor.name(), survivor.mergedIntoId(),
				(id) -> this.authors.find(id).orElseThrow().name());
		this.authors.merge(duplicateId, survivorId, this.clock.instant());
		this.events.publishEvent(new AuthorChanged(survivorId, duplicateId));
		return this.authors.find(survivorId).orElseThrow();
	}

	Topic mergeTopic(long duplicateId, long survivorId) {
		if (duplicateId == survivorId) {
			throw InvalidContentException.of("survivorId", "A topic cannot be merged into itself.");
		}
		Map<Long, Topic> locked = this.topics.lock(List.of(duplicateId, survivorId))
			.stream()
			.collect(Collectors.toMap(Topic::id, Function.identity()));
		Topic duplicate = Optional.ofNullable(locked.get(duplicateId))
			.orElseThrow(() -> UnknownContentException.topic(duplicateId));
		Topic survivor = Optional.ofNullable(locked.get(survivorId))
			.orElseThrow(() -> UnknownContentException.topic(survivorId));
		checkMerge(duplicate.name(), duplicate.mergedIntoId(), survivor.name(), survivor.mergedIntoId(),
				(id) -> this.topics.find(id).orElseThrow().name());
		this.topics.merge(duplicateId, survivorId, this.clock.instant());
		this.events.publishEvent(new TopicChanged(survivorId, duplicateId));
		return this.topics.find(survivorId).orElseThrow();
	}

	/**
	 * The profile at this address; for a merged duplicate's address or a former one (its
	 * slug changed since), the profile in use now, marked as moved. A profile's own slug
	 * wins over a former one.
	 */
	Optional<Resolved<Author>> resolveAuthor(String slug) {
		Optional<Author> found = this.authors.findBySlug(slug);
		boolean former = found.isEmpty();
		return found.or(() -> this.authors.idByFormerSlug(slug).flatMap(this.authors::find))
			.map((author) -> author.merged()
					? new Resolved<>(this.authors.find(author.mergedIntoId()).orElseThrow(), true)
					: new Resolved<>(author, former));
	}

	/** As {@link #resolveAuthor(String)}, for topics. */
	Optional<Resolved<Topic>> resolveTopic(String slug) {
		Optional<Topic> found = this.topics.findBySlug(slug);
		boolean former = found.isEmpty();
		return found.or(() -> this.topics.idByFormerSlug(slug).flatMap(this.topics::find))
			.map((topic) -> topic.merged() ? new Resolved<>(this.topics.find(topic.mergedIntoId()).orElseThrow(), true)
					: new Resolved<>(topic, former));
	}

	/**
	 * Merges only ever point at a profile in use, so every merged profile is one hop from
	 * its survivor and no cycle can form.
	 */
	private static void checkMerge(String duplicate, Long duplicateMergedInto, String survivor, Long survivorMergedInto,
			Function<Long, String> names) {
		Problems problems = new Problems();
		if (duplicateMergedInto != null) {
			problems.add(InvalidContentException.GENERAL,
					duplicate + " was already merged into " + names.apply(duplicateMergedInto) + ".");
		}
		if (survivorMergedInto != null) {
			problems.add("survivorId", survivor + " was merged into " + names.apply(survivorMergedInto)
					+ "; merge into " + names.apply(survivorMergedInto) + " instead.");
		}
		problems.refuseIfAny();
	}

	private static InvalidContentException mergedAlready(String name, String survivor) {
		return InvalidContentException.of(InvalidContentException.GENERAL,
				name + " was merged into " + survivor + "; edit " + survivor + " instead.");
	}

}
