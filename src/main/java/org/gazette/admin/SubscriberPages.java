package org.gazette.admin;

import org.gazette.subscriptions.SubscriberReport;

/** Page records of the subscribers section. */
public final class SubscriberPages {

	private SubscriberPages() {
	}

	/**
	 * @param chrome the back-office frame
	 * @param formats dates and type names
	 * @param report counts and recent sends (addresses masked unless the reader is an
	 * admin)
	 * @param csvUrl the export, for admins only; null for everyone else
	 */
	public record SubscribersPage(AdminChrome chrome, AdminFormats formats, SubscriberReport report, String csvUrl) {
	}

}
