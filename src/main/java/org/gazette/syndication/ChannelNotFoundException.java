package org.gazette.syndication;

/** No feed, sitemap or API resource lives at this address. */
class ChannelNotFoundException extends RuntimeException {

	ChannelNotFoundException() {
		super(null, null, false, false);
	}

}
