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
import java.util.function.Predicate;

import org.gazette.support.Http;

/**
 * Watches public addresses of one node over real time, as readers polling it would. Each
 * address has its own thread, so one slow answer delays no other address, and asks every
 * {@code interval}; on top of that, every address is asked once more right at each
 * instant it is told to wake for (a release), whatever else is in flight, so that some
 * request starts at that instant however loaded the machine is. For each response it
 * records when its request started, when the response was received, and which of the
 * things looked for at that address it showed; bodies are not kept.
 */
final class ChannelWatch {

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

	private final List<Thread> pollers = new ArrayList<>();

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
				this.pollers.add(wake);
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
		for (Map.Entry<String, Map<String, Predicate<Http.Response>>> address : this.looks.entrySet()) {
			List<Observation> seen = Collections.synchronizedList(new ArrayList<>());
			this.observations.put(address.getKey(), seen);
			this.pollers.add(thread("watch " + address.getKey(), () -> {
				while (true) {
					Instant started = Instant.now();
					seen.add(ask(address.getKey(), address.getValue(), started));
					if (!started.isBefore(until)) {
						break;
					}
					sleepUntil(started.plus(this.interval));
				}
			}));
			for (Instant wake : this.wakes) {
				this.pollers.add(wake(address.getKey(), address.getValue(), seen, wake));
			}
		}
		this.pollers.forEach(Thread::start);
	}

	/**
	 * Waits until every address has answered the watch at least once, so that what it
	 * shows before a change is on record.
	 */
	void awaitFirstAnswers() throws InterruptedException {
		for (List<Observation> seen : this.observations.values()) {
			while (seen.isEmpty()) {
				Thread.sleep(5);
			}
		}
	}

	/** Waits for every poller to end. */
	void finish() throws InterruptedException {
		List<Thread> pollers;
		synchronized (this) {
			pollers = List.copyOf(this.pollers);
		}
		for (Thread poller : pollers) {
			poller.join();
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
