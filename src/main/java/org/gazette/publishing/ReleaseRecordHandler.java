package org.gazette.publishing;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.platform.SiteDates;

import org.springframework.stereotype.Component;

/**
 * Records in the audit log, once, that a publication took effect: nobody acts at a
 * scheduled release instant, so the system says when the story went out. The entry
 * commits with the task's done mark, so two nodes never both record it.
 */
@Component
class ReleaseRecordHandler implements ReleaseTaskHandler {

	static final String KIND = "release-record";

	private final AuditLog audit;

	private final SiteDates dates;

	ReleaseRecordHandler(AuditLog audit, SiteDates dates) {
		this.audit = audit;
		this.dates = dates;
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
				+ task.publicationId() + ", due " + this.dates.dateTimeToTheSecond(task.dueAt()) + ")."));
	}

}
