package org.gazette.platform;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a one-shot command ({@code java -jar gazette.jar export-static DIR}) in a child
 * JVM started with the settings that suit short work, since a JVM's compiler and
 * collector cannot be changed once it runs (decision 0021). Only the JIT's first, quick
 * compiler ({@code -XX:TieredStopAtLevel=1}): the optimising one spends seconds of CPU
 * compiling start-up code that a command never runs again; and the serial collector.
 * <p>
 * The parent keeps its own JVM options (heap size, system properties) for the child,
 * passes the same arguments, shares its standard input, output and error, waits and exits
 * with the child's status. Stopping the parent stops the child (a shutdown hook), and a
 * child whose parent was killed outright ({@code kill -9}) exits within seconds.
 * <p>
 * Runs in the same JVM instead: serving the site (no command, or {@code serve}), the
 * commands that run for minutes on a large site (imports, {@code export},
 * {@code reindex}), help and version, a JVM already tuned or inspected by hand (its
 * options name the compiler, a class-data archive to write, an agent or a flight
 * recording), and on request: {@value #OPT_OUT_ENVIRONMENT}=same or
 * {@code -D}{@value #OPT_OUT_PROPERTY}{@code =same}.
 * <p>
 * This class must not use Spring: the parent only starts the child and waits.
 */
public final class CommandJvm {

	/** Environment variable; {@code same} runs commands in the JVM started by hand. */
	public static final String OPT_OUT_ENVIRONMENT = "GAZETTE_COMMAND_JVM";

	/** System property; {@code same} runs commands in the JVM started by hand. */
	public static final String OPT_OUT_PROPERTY = "gazette.command-jvm";

	/** System property given to the child: the parent's process id, to exit with it. */
	static final String PARENT_PROPERTY = "gazette.command-jvm.parent";

	/** The options the child gets, unless the parent's own options already set them. */
	static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/**
	 * Options by which an operator tunes or inspects the JVM: theirs runs the command.
	 * The inspecting ones (agents, recordings) would also run in the parent, which would
	 * write the same files as the child.
	 */
	private static final List<String> TUNED = List.of("-XX:TieredStopAtLevel", "-XX:+TieredCompilation",
			"-XX:-TieredCompilation", "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-Xshare:dump", "-Xint",
			"-Xcomp", "-Xdebug", "-Xrunjdwp", "-agentlib:", "-agentpath:", "-javaagent:", "-XX:StartFlightRecording",
			"-XX:+FlightRecorder");

	/**
	 * Commands whose work outlasts their start by minutes on a large site: the optimising
	 * compiler repays its cost there (an import of 100,000 posts took 6 min 14 s with the
	 * quick compiler only against 3 min 22 s in the one JVM; bench/README.md, "Import").
	 * Like the server, they run in the JVM the operator started.
	 */
	private static final Set<String> LONG_RUNNING = Set.of("serve", "import-wxr", "import-feed", "import", "export",
			"reindex");

	private static final List<String> ANSWERED_AT_ONCE = List.of("-h", "--help", "-V", "--version");

	private static final int FAILED = 1;

	private CommandJvm() {
	}

	/**
	 * Runs {@code args} in a child JVM when they name a one-shot command and returns its
	 * exit status; empty when the command (or the server) is to run in this JVM. In the
	 * child, it watches the parent and exits when the parent is gone.
	 */
	public static OptionalInt run(String[] args) {
		String parent = System.getProperty(PARENT_PROPERTY);
		if (parent != null) {
			exitWithParent(parent);
			return OptionalInt.empty();
		}
		List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
		if (!wanted(args, options, System.getenv(OPT_OUT_ENVIRONMENT), System.getProperty(OPT_OUT_PROPERTY))) {
			return OptionalInt.empty();
		}
		Optional<List<String>> main = mainOf(System.getProperty("sun.java.command"),
				System.getProperty("java.class.path"), System.getProperty("jdk.module.main"));
		if (main.isEmpty()) {
			return OptionalInt.empty();
		}
		String java = javaBinary();
		ClassDataCache.Launch launch = ClassDataCache.launch(java, main.get(), options, cacheRoot(),
				Runtime.version().feature(),
				System.getProperty("java.home") + " " + System.getProperty("java.vm.version"));
		int status = runChild(childCommand(java, options, launch.options(), launch.main(), args));
		launch.finished(status);
		return OptionalInt.of(status);
	}

	/** The class-data cache's directory ({@link ClassDataCache}), or {@code off}. */
	private static String cacheRoot() {
		String property = System.getProperty(ClassDataCache.CACHE_PROPERTY);
		String variable = System.getenv(ClassDataCache.CACHE_ENVIRONMENT);
		return (property != null) ? property
				: (variable != null && !variable.isBlank()) ? variable : ClassDataCache.DEFAULT_ROOT.toString();
	}

	/**
	 * Whether the arguments name a command to run in a child JVM, given this JVM's
	 * options and the opt-out's environment variable and system property.
	 */
	static boolean wanted(String[] args, List<String> jvmOptions, String optOutVariable, String optOutProperty) {
		if ("same".equalsIgnoreCase(optOutVariable) || "same".equalsIgnoreCase(optOutProperty)) {
			return false;
		}
		if (jvmOptions.stream().anyMatch((option) -> TUNED.stream().anyMatch(option::startsWith))) {
			return false;
		}
		String command = null;
		for (String arg : args) {
			if (ANSWERED_AT_ONCE.contains(arg)) {
				return false;
			}
			if (command == null && !arg.startsWith("-")) {
				command = arg;
			}
		}
		return command != null && !LONG_RUNNING.contains(command);
	}

	/**
	 * What follows the options on this JVM's command line, before the arguments:
	 * {@code -jar JAR} or {@code -cp PATH MAIN}; empty when started some other way (a
	 * module), which the child could not repeat faithfully.
	 */
	static Optional<List<String>> mainOf(String javaCommand, String classPath, String moduleMain) {
		if (javaCommand == null || javaCommand.isBlank() || classPath == null || moduleMain != null) {
			return Optional.empty();
		}
		if (javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " ")) {
			return Optional.of(List.of("-jar", classPath));
		}
		String mainClass = javaCommand.split(" ", 2)[0];
		return Optional.of(List.of("-cp", classPath, mainClass));
	}

	/** The child's command line: the parent's options first, so that they win. */
	static List<String> childCommand(String java, List<String> jvmOptions, List<String> main, String[] args) {
		return childCommand(java, jvmOptions, List.of(), main, args);
	}

	/**
	 * The child's command line with the class-data options of {@link ClassDataCache}
	 * (before the parent's, which may set logging of their own).
	 */
	static List<String> childCommand(String java, List<String> jvmOptions, List<String> sharing, List<String> main,
			String[] args) {
		List<String> command = new ArrayList<>();
		command.add(java);
		for (String flag : FLAGS) {
			if (!setBy(jvmOptions, flag)) {
				command.add(flag);
			}
		}
		command.addAll(sharing);
		command.addAll(jvmOptions);
		command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
		command.addAll(main);
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * Whether the options already choose what {@code flag} would (its name, or a
	 * collector).
	 */
	private static boolean setBy(List<String> jvmOptions, String flag) {
		if (flag.matches("-XX:\\+Use\\w+GC")) {
			return jvmOptions.stream().anyMatch((option) -> option.matches("-XX:[+-]Use\\w+GC"));
		}
		String name = flag.replaceFirst("^-XX:[+-]?", "").replaceFirst("=.*", "");
		return jvmOptions.stream().anyMatch((option) -> option.replaceFirst("^-XX:[+-]?", "").startsWith(name));
	}

	private static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static int runChild(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
		Map<String, String> environment = builder.environment();
		// Both are already among this JVM's options, which the child gets: not twice.
		environment.remove("JDK_JAVA_OPTIONS");
		environment.remove("JAVA_TOOL_OPTIONS");
		// The hook is in place before the child starts: a parent stopped right after the
		// start, before a hook added later, would leave the child to find out by itself.
		ChildToStop toStop = new ChildToStop();
		Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "gazette-command-jvm-stop"));
		Process child;
		try {
			child = builder.start();
		}
		catch (java.io.IOException ex) {
			System.err.println("gazette: could not start " + command.get(0) + " (" + ex.getMessage() + "); set "
					+ OPT_OUT_ENVIRONMENT + "=same to run commands in this JVM.");
			return FAILED;
		}
		toStop.started(child);
		try {
			return child.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop(child);
			return FAILED;
		}
	}

	/**
	 * The child, once started, for the shutdown hook; stopped at once if it came late.
	 */
	private static final class ChildToStop {

		private Process child;

		private boolean stopping;

		synchronized void started(Process started) {
			this.child = started;
			if (this.stopping) {
				CommandJvm.stop(started);
			}
		}

		void stop() {
			Process started;
			synchronized (this) {
				this.stopping = true;
				started = this.child;
			}
			if (started != null) {
				CommandJvm.stop(started);
			}
		}

	}

	/**
	 * Stops the child as the parent is being stopped, and gives it the time to finish its
	 * own shutdown (close the database) before the parent is gone.
	 */
	private static void stop(Process child) {
		if (!child.isAlive()) {
			return;
		}
		child.destroy();
		try {
			if (!child.waitFor(30, TimeUnit.SECONDS)) {
				child.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			child.destroyForcibly();
		}
	}

	/**
	 * In the child: exits (running the shutdown hooks, as a stop does) once the parent is
	 * gone, so that a parent killed outright leaves nothing running.
	 */
	private static void exitWithParent(String parentPid) {
		Optional<ProcessHandle> parent;
		try {
			parent = ProcessHandle.of(Long.parseLong(parentPid));
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (parent.isEmpty()) {
			System.exit(FAILED);
		}
		parent.get().onExit().thenRun(() -> {
			System.err.println("gazette: the launching process " + parentPid + " is gone; stopping.");
			System.exit(FAILED);
		});
	}

}
