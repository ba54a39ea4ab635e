package org.gazette.syndication;

import java.util.regex.Pattern;

/**
 * Text made safe to put in XML 1.0: characters XML cannot carry at all (most control
 * characters, lone surrogates) are dropped, because no escaping can represent them and
 * one of them would make a whole feed or sitemap unreadable.
 */
final class XmlText {

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private XmlText() {
	}

	static String clean(String text) {
		return (text == null) ? null : NOT_XML.matcher(text).replaceAll("");
	}

}
