package org.gazette.publishing;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.gazette.support.Http;

/**
 * Watches public addresses of one node over real time, as readers polling it would. Each
 * address is asked every {@code interval} by a small pool of readers (a bounded load: a
 * watch that saturated the machine would measure itself); on top of that, every address
 * is asked once more right at each instant the watch is told to wake for (a release),
 * each on a thread of its own, so that a request starts at that instant whatever else is
 * in flight. For each response it records when its request started, when it was received,
 * and which of the things looked for at that address it showed; bodies are not kept.
 */
final class ChannelWatch {

	/** Readers polling at the interval, at most this many requests at a time. */
	private static final int READERS = 3;

	/** One response: its timing, status and the labels of what it showed. */
	record Observation(Instant started, Instant received, int status, Set<String> shown) {

		boolean shows(String label) {
			return this.shown.contains(label);
		}

	}

	private final Http http;

	private final Duration interval;

	private final Map<String, Map<String, Predicate<Http.Response>>> looks = new LinkedHashMap<>();

	private final TreeSet<Instant> wakes = new TreeSet<>();

	private final Map<String, List<Observation>> observations = new LinkedHashMap<>();

	private final ScheduledExecutorService readers = Executors.newScheduledThreadPool(READERS, (task) -> {
		Thread thread = new Thread(task, "watch");
		thread.setDaemon(true);
		return thread;
	});

	private CountDownLatch polling;

	/** Polling goes on until a request starts at or after this instant. */
	private volatile Instant until;

	/** The threads that ask at wake-up instants. */
	private final List<Thread> wakers = new ArrayList<>();

	ChannelWatch(Http http, Duration interval) {
		this.http = http;
		this.interval = interval;
	}

	/**
	 * Looks at an address for something.
	 * @param label names what is looked for; unique per address
	 * @param shows whether a response shows it
	 */
	ChannelWatch look(String address, String label, Predicate<Http.Response> shows) {
		this.looks.computeIfAbsent(address, (a) -> new LinkedHashMap<>()).put(label, shows);
		return this;
	}

	/**
	 * Asks every address once more right at this instant; before {@link #start} or while
	 * the watch runs.
	 */
	synchronized ChannelWatch wakeAt(Instant instant) {
		if (this.observations.isEmpty()) {
			this.wakes.add(instant);
		}
		else {
			this.looks.forEach((address, looks) -> {
				Thread wake = wake(address, looks, this.observations.get(address), instant);
				this.wakers.add(wake);
				wake.start();
			});
		}
		return this;
	}

	/**
	 * Asks every address once, all at the same time, and waits for the answers, which are
	 * not recorded: to warm a node before watching it, and to see how long a round takes.
	 * @return how long the round took
	 */
	Duration readAll() throws InterruptedException {
		Instant started = Instant.now();
		List<Thread> readers = new ArrayList<>();
		for (String address : this.looks.keySet()) {
			readers.add(thread("read " + address, () -> {
				try {
					this.http.get(address);
				}
				catch (UncheckedIOException ex) {
					// The watch proper records failures; a warm-up only warms.
				}
			}));
		}
		readers.forEach(Thread::start);
		for (Thread reader : readers) {
			reader.join();
		}
		return Duration.between(started, Instant.now());
	}

	/**
	 * Starts polling every address until the given instant; each address's last request
	 * starts at or after it.
	 */
	synchronized void start(Instant until) {
		this.until = until;
		this.polling = new CountDownLatch(this.looks.size());
		for (Map.Entry<String, Map<String, Predicate<Http.Response>>> address : this.looks.entrySet()) {
			List<Observation> seen = Collections.synchronizedList(new ArrayList<>());
			this.observations.put(address.getKey(), seen);
			this.readers.execute(new Poll(address.getKey(), address.getValue(), seen));
			for (Instant wake : this.wakes) {
				this.wakers.add(wake(address.getKey(), address.getValue(), seen, wake));
			}
		}
		this.wakers.forEach(Thread::start);
	}

	/** Moves the end of polling, earlier or later than {@link #start} was told. */
	void endAt(Instant until) {
		this.until = until;
	}

	/**
	 * Waits until every address has answered the watch at least once, and every address
	 * that looks for the label has shown it: a change may only be made once the version
	 * it replaces is on record everywhere, or a slow first answer (a loaded machine)
	 * leaves nothing to compare.
	 * @param label what must have been shown, or {@code null} for any answer
	 */
	void awaitShown(String label) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		for (Map.Entry<String, List<Observation>> address : this.observations.entrySet()) {
			boolean looksForLabel = label != null && this.looks.get(address.getKey()).containsKey(label);
			List<Observation> seen = address.getValue();
			while (looksForLabel ? !anyShows(seen, label) : seen.isEmpty()) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(address.getKey() + " did not show " + label + " within 30 s");
				}
				Thread.sleep(5);
			}
		}
	}

	private static boolean anyShows(List<Observation> seen, String label) {
		synchronized (seen) {
			return seen.stream().anyMatch((o) -> o.shows(label));
		}
	}

	/** Waits for every request to end. */
	void finish() throws InterruptedException {
		this.polling.await();
		this.readers.shutdown();
		List<Thread> wakers;
		synchronized (this) {
			wakers = List.copyOf(this.wakers);
		}
		for (Thread waker : wakers) {
			waker.join();
		}
	}

	Set<String> addresses() {
		return this.looks.keySet();
	}

	/** What the address answered, in the order the requests started. */
	List<Observation> observations(String address) {
		List<Observation> seen = new ArrayList<>(this.observations.get(address));
		seen.sort(java.util.Comparator.comparing(Observation::started));
		return seen;
	}

	private Observation ask(String address, Map<String, Predicate<Http.Response>> looks, Instant started) {
		try {
			Http.Response response = this.http.get(address);
			Instant received = Instant.now();
			Set<String> shown = new LinkedHashSet<>();
			looks.forEach((label, shows) -> {
				if (shows.test(response)) {
					shown.add(label);
				}
			});
			return new Observation(started, received, response.status(), shown);
		}
		catch (UncheckedIOException ex) {
			return new Observation(started, Instant.now(), -1, Set.of());
		}
	}

	/**
	 * Asks an address, then again an interval later, until a request starts at the end.
	 */
	private final class Poll implements Runnable {

		private final String address;

		private final Map<String, Predicate<Http.Response>> looks;

		private final List<Observation> seen;

		Poll(String address, Map<String, Predicate<Http.Response>> looks, List<Observation> seen) {
			this.address = address;
			this.looks = looks;
			this.seen = seen;
		}

		@Override
		public void run() {
			Instant started = Instant.now();
			this.seen.add(ask(this.address, this.looks, started));
			if (!started.isBefore(ChannelWatch.this.until)) {
				ChannelWatch.this.polling.countDown();
				return;
			}
			long delay = Duration.between(Instant.now(), started.plus(ChannelWatch.this.interval)).toMillis();
			ChannelWatch.this.readers.schedule(this, Math.max(0, delay), TimeUnit.MILLISECONDS);
		}

	}

	/** A thread that asks the address once, at the instant. */
	private Thread wake(String address, Map<String, Predicate<Http.Response>> looks, List<Observation> seen,
			Instant at) {
		return thread("wake " + address, () -> {
			sleepUntil(at);
			seen.add(ask(address, looks, Instant.now()));
		});
	}

	private static Thread thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static void sleepUntil(Instant end) {
		try {
			// Sleep may end a little early: a request must start at or after the instant.
			while (Instant.now().isBefore(end)) {
				Thread.sleep(Math.max(1, Duration.between(Instant.now(), end).toMillis()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
