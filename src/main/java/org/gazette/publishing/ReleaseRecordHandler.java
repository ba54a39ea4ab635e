package org.gazette.publishing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.platform.GazetteProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Records in the audit log, once, that a publication took effect: nobody acts at a
 * scheduled release instant, so the system says when the story went out. The entry
 * commits with the task's done mark, so two nodes never both record it.
 */
@Component
class ReleaseRecordHandler implements ReleaseTaskHandler {

	static final String KIND = "release-record";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm:ss a z",
			Locale.US);

	private final AuditLog audit;

	private final ZoneId zone;

	@Autowired
	ReleaseRecordHandler(AuditLog audit, GazetteProperties properties) {
		this(audit, properties.timeZone());
	}

	ReleaseRecordHandler(AuditLog audit, ZoneId zone) {
		this.audit = audit;
		this.zone = zone;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String description() {
		return "Release recorded in the audit log";
	}

	@Override
	public void run(ReleaseTask task) {
		String what = switch (task.publicationKind()) {
			case FIRST_RELEASE -> "Story released to the public";
			case MAJOR_UPDATE -> "Major update released to the public";
			case MINOR_UPDATE -> "Minor update released to the public";
			case IMPORT -> "Imported story released to the public";
		};
		this.audit.record(AuditRecord.of("system", "story.released", "story", task.articleId(), what + " (publication "
				+ task.publicationId() + ", due " + WHEN.format(task.dueAt().atZone(this.zone)) + ")."));
	}

}
