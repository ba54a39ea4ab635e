package org.gazette.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings of the embedded H2 database that its URL and the connection pool's defaults
 * get wrong for Gazette.
 * <p>
 * Pooled connections are never retired for their age. The pool's default retires each
 * after 30 minutes, which guards against network middleboxes and does nothing for an
 * embedded database; but retiring them during an import left the pool with connections to
 * a database H2 had closed, answering "The database has been closed [90098]" for the rest
 * of the process (no error in H2's trace, no lack of memory). Imports died so after
 * 10,000 to 12,800 stories (about half an hour); with the lifetime set to 30 seconds,
 * within minutes.
 * <p>
 * The page cache ({@code CACHE_SIZE}, in KB) is kept to an eighth of the Java heap. H2
 * holds it in the heap, and when the heap runs out H2 closes the database for the rest of
 * the process ("The database has been closed [90098]"); the heap must also hold the
 * application, a batch's undo log and the chunks H2 writes. The default URL asks for 128
 * MB, which an import in a 256 MB heap cannot spare. H2's own default is a sixteenth of
 * the heap; an eighth keeps the server's 128 MB from a 1 GB heap up.
 * <p>
 * An embedded database keeps {@value #QUERY_CACHE} parsed statements a connection
 * ({@code QUERY_CACHE_SIZE}) instead of H2's 8. Saving a story cycles through about 40
 * different statements, so with 8 each was parsed and planned again every time: a first
 * import takes 15-20% less CPU with 128, a re-run of unchanged items several times less
 * (bench/README.md). A URL that sets its own size keeps it.
 */
@Component
class H2Settings implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(H2Settings.class);

	private static final Pattern CACHE_SIZE = Pattern.compile("(?i)(;CACHE_SIZE=)(\\d+)");

	private static final Pattern QUERY_CACHE_SIZE = Pattern.compile("(?i);QUERY_CACHE_SIZE=");

	static final int QUERY_CACHE = 128;

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			if (isEmbedded(pool.getJdbcUrl())) {
				pool.setMaxLifetime(0);
			}
			String url = of(pool.getJdbcUrl(), Runtime.getRuntime().maxMemory());
			if (!url.equals(pool.getJdbcUrl())) {
				logger.info("H2 settings for a heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB: " + url);
				pool.setJdbcUrl(url);
			}
		}
		return bean;
	}

	/** Whether the URL opens H2 in this process (not a server's over TCP). */
	static boolean isEmbedded(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
	}

	/**
	 * The URL with its {@code CACHE_SIZE} no larger than an eighth of the heap and, for
	 * an embedded database, a statement cache of {@value #QUERY_CACHE}; other databases'
	 * URLs as they are.
	 */
	static String of(String url, long maxHeapBytes) {
		if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			return url;
		}
		String limited = url;
		Matcher size = CACHE_SIZE.matcher(url);
		if (size.find() && maxHeapBytes != Long.MAX_VALUE) {
			long most = maxHeapBytes / 8 / 1024;
			if (size.group(2).length() > 12 || Long.parseLong(size.group(2)) > most) {
				limited = url.substring(0, size.start()) + size.group(1) + most + url.substring(size.end());
			}
		}
		if (isEmbedded(url) && !QUERY_CACHE_SIZE.matcher(url).find()) {
			limited = limited + ";QUERY_CACHE_SIZE=" + QUERY_CACHE;
		}
		return limited;
	}

}
