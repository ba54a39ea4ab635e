package org.gazette.subscriptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.gazette.audit.Csv;
import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;

import org.springframework.stereotype.Component;

/** Builds the back office's subscriber report and CSV export. */
@Component
class SubscriberReports {

	static final int RECENT = 20;

	private final SubscriberReportRepository reports;

	private final SubscriberRepository subscribers;

	private final Content content;

	private final Newsroom newsroom;

	SubscriberReports(SubscriberReportRepository reports, SubscriberRepository subscribers, Content content,
			Newsroom newsroom) {
		this.reports = reports;
		this.subscribers = subscribers;
		this.content = content;
		this.newsroom = newsroom;
	}

	SubscriberReport report(boolean fullAddresses) {
		Map<SubscriberStatus, Long> counted = this.reports.countByStatus();
		Map<SubscriberStatus, Long> byStatus = new EnumMap<>(SubscriberStatus.class);
		for (SubscriberStatus status : SubscriberStatus.values()) {
			byStatus.put(status, counted.getOrDefault(status, 0L));
		}
		Map<Long, String> topicNames = this.content.topics().stream().collect(Collectors.toMap(Topic::id, Topic::name));
		List<SubscriberReport.TopicCount> perTopic = this.subscribers.confirmedPerTopic()
			.stream()
			.map((count) -> new SubscriberReport.TopicCount(topicNames.getOrDefault(count.topicId(), "?"),
					count.subscribers()))
			.sorted((a, b) -> a.topic().compareToIgnoreCase(b.topic()))
			.toList();
		Map<String, Long> typeCounts = this.reports.confirmedPerType();
		Map<ArticleType, Long> perType = new EnumMap<>(ArticleType.class);
		for (ArticleType type : ArticleType.values()) {
			perType.put(type, typeCounts.getOrDefault(type.code(), 0L));
		}
		var sends = this.reports.recentSends(RECENT);
		var failures = this.reports.recentFailures(RECENT);
		Map<Long, String> titles = titles(sends.stream().map(SubscriberReportRepository.SendRow::articleId).toList(),
				failures.stream().map(SubscriberReportRepository.FailureRow::articleId).toList());
		return new SubscriberReport(byStatus, this.reports.confirmedForAllStories(), perTopic, perType,
				sends.stream()
					.map((row) -> new SubscriberReport.Send(titles.get(row.articleId()), row.articleId(), row.at(),
							row.sent(), row.failed()))
					.toList(),
				failures.stream()
					.map((row) -> new SubscriberReport.Failure(titles.get(row.articleId()), row.at(),
							fullAddresses ? row.email() : Addresses.masked(row.email()), row.reason()))
					.toList());
	}

	/**
	 * Writes every subscriber as CSV: address, status, choices, frequency and dates
	 * (UTC). Cells a spreadsheet would run as a formula are defused the way the audit
	 * export does. {@code beforeWriting} hears how many rows will be written, before the
	 * first byte leaves.
	 */
	void exportCsv(Writer out, IntConsumer beforeWriting) {
		Map<Long, String> topicNames = new HashMap<>();
		this.content.topics().forEach((topic) -> topicNames.put(topic.id(), topic.name()));
		List<SubscriberReportRepository.SubscriberExport> rows = this.reports.all();
		beforeWriting.accept(rows.size());
		try {
			out.write("email,status,all_stories,topics,types,frequency,created_at,confirmed_at,bounced_at\r\n");
			for (SubscriberReportRepository.SubscriberExport row : rows) {
				String topics = row.topicIds()
					.stream()
					.map((id) -> topicNames.getOrDefault(id, "?"))
					.collect(Collectors.joining("; "));
				out.write(String.join(",", Csv.field(row.email()), row.status().code(),
						Boolean.toString(row.allStories()), Csv.field(topics),
						Csv.field(String.join("; ", row.typeCodes())), row.frequency(), text(row.createdAt()),
						text(row.confirmedAt()), text(row.bouncedAt())) + "\r\n");
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<Long, String> titles(List<Long> sent, List<Long> failed) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(sent);
		ids.addAll(failed);
		Map<Long, String> titles = new HashMap<>();
		// Only public stories have a title to show here; one taken down since shows none.
		this.newsroom.stories(List.copyOf(ids)).forEach((PublicStory story) -> titles.put(story.id(), story.title()));
		return titles;
	}

	private static String text(java.time.Instant instant) {
		return Objects.toString(instant, "");
	}

}
