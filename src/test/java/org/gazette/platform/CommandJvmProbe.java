package org.gazette.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * A main class that starts as {@code GazetteApplication} does, for
 * {@code CommandJvmTests}: {@code echo STATUS} prints its process id, its JVM options and
 * the first line of its standard input, writes to standard error and exits with STATUS;
 * {@code wait} prints its process id and waits to be stopped.
 */
public final class CommandJvmProbe {

	private CommandJvmProbe() {
	}

	public static void main(String[] args) throws Exception {
		OptionalInt child = CommandJvm.run(args);
		if (child.isPresent()) {
			System.exit(child.getAsInt());
		}
		System.out.println("pid: " + ProcessHandle.current().pid());
		System.out.println("options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
		System.out.println("class path: " + System.getProperty("java.class.path"));
		System.out.println("source: " + System.getProperty(ClassDataCache.SOURCE_PROPERTY));
		System.out.println("library: " + (CommandJvmProbe.class.getResource("/probe-library.txt") != null));
		if (args[0].equals("wait")) {
			Thread.sleep(Long.MAX_VALUE);
		}
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		System.out.println("read: " + in.readLine());
		System.err.println("a line on standard error");
		System.exit(Integer.parseInt(args[1]));
	}

}
