package org.gazette.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two versions of a story field by field: prose word by word, bylines and topics
 * name by name (merged ones under their survivor's name, as readers see them), the hero
 * image and listed documents by their titles in the media library.
 */
class Comparison {

	private final AuthorRepository authors;

	private final TopicRepository topics;

	private final StoryMedia media;

	Comparison(AuthorRepository authors, TopicRepository topics, StoryMedia media) {
		this.authors = authors;
		this.topics = topics;
		this.media = media;
	}

	RevisionDiff compare(RevisionDraft before, RevisionDraft after) {
		Set<Long> authorIds = new HashSet<>(before.authorIds());
		authorIds.addAll(after.authorIds());
		Map<Long, String> authorNames = names(this.authors.findByIds(authorIds), Author::id, Author::mergedIntoId,
				Author::name, this.authors::findByIds);
		Set<Long> topicIds = new HashSet<>(before.topicIds());
		topicIds.addAll(after.topicIds());
		Map<Long, String> topicNames = names(this.topics.findByIds(topicIds), Topic::id, Topic::mergedIntoId,
				Topic::name, this.topics::findByIds);
		Set<Long> mediaIds = new HashSet<>(before.documentIds());
		mediaIds.addAll(after.documentIds());
		java.util.stream.Stream.of(before.heroMediaId(), after.heroMediaId())
			.filter(java.util.Objects::nonNull)
			.forEach(mediaIds::add);
		Map<Long, String> mediaTitles = mediaIds.isEmpty() ? Map.of() : this.media.titles(mediaIds);
		return new RevisionDiff(List.of(new FieldDiff("type", TextDiff.prose(code(before.type()), code(after.type()))),
				new FieldDiff("title", TextDiff.prose(before.title(), after.title())),
				new FieldDiff("summary", TextDiff.prose(before.summary(), after.summary())),
				new FieldDiff("dateline", TextDiff.prose(before.dateline(), after.dateline())),
				new FieldDiff("bylines",
						TextDiff.names(named(before.authorIds(), authorNames, "author"),
								named(after.authorIds(), authorNames, "author"))),
				new FieldDiff("topics",
						TextDiff.names(sortedNames(before.topicIds(), topicNames),
								sortedNames(after.topicIds(), topicNames))),
				new FieldDiff("body", TextDiff.prose(before.bodyMarkdown(), after.bodyMarkdown())),
				new FieldDiff("hero", TextDiff.names(hero(before, mediaTitles), hero(after, mediaTitles))),
				new FieldDiff("documents", TextDiff.names(named(before.documentIds(), mediaTitles, "document"),
						named(after.documentIds(), mediaTitles, "document")))));
	}

	private static List<String> hero(RevisionDraft draft, Map<Long, String> titles) {
		return (draft.heroMediaId() != null) ? List.of(titles.get(draft.heroMediaId())) : List.of();
	}

	private static String code(ArticleType type) {
		return (type != null) ? type.code() : "";
	}

	private static <T> Map<Long, String> names(List<T> found, Function<T, Long> id, Function<T, Long> mergedInto,
			Function<T, String> name, Function<List<Long>, List<T>> lookup) {
		List<Long> survivorIds = found.stream().map(mergedInto).filter(java.util.Objects::nonNull).toList();
		Map<Long, String> survivors = lookup.apply(survivorIds)
			.stream()
			.collect(Collectors.toMap(id, name, (a, b) -> a));
		return found.stream()
			.collect(Collectors.toMap(id, (item) -> (mergedInto.apply(item) != null)
					? survivors.get(mergedInto.apply(item)) : name.apply(item)));
	}

	private static List<String> named(List<Long> ids, Map<Long, String> names, String what) {
		List<String> result = new ArrayList<>();
		for (Long id : ids) {
			String name = names.getOrDefault(id, "unknown " + what + " " + id);
			if (!result.contains(name)) {
				result.add(name);
			}
		}
		return result;
	}

	/** Topics have no order of their own; by name, so a reordering is no change. */
	private static List<String> sortedNames(List<Long> ids, Map<Long, String> names) {
		return named(ids, names, "topic").stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

}
