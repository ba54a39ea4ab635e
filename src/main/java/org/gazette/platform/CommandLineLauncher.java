package org.gazette.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Gazette's command line: {@code java -jar gazette.jar [COMMAND] [OPTIONS]}.
 * <p>
 * Every Spring bean whose class is annotated with picocli's {@link Command} and
 * implements {@code Callable<Integer>} is a subcommand of {@code gazette}; no list to
 * keep. Words of the form {@code --name.with.dots=value} are application settings (such
 * as {@code --spring.datasource.url=...}) and go to Spring; the rest go to picocli.
 * <p>
 * Arguments are read twice. First against instances made without their constructors, so
 * {@code --help} and usage errors answer at once, without a database; then, when the work
 * is to be done, the application starts without its web server and the command's bean
 * reads them again. Exit status: 0 done, 1 the work failed, 2 the command line was wrong.
 */
public final class CommandLineLauncher {

	/** The command's work was done. */
	public static final int OK = 0;

	/** The command line was right but the work failed (the message says why). */
	public static final int FAILED = 1;

	/** The command line was wrong: unknown command or option, missing argument. */
	public static final int USAGE = 2;

	private static final SpringObjenesis OBJENESIS = new SpringObjenesis();

	private final Class<?> application;

	private final List<Class<?>> commands;

	private final PrintStream err;

	CommandLineLauncher(Class<?> application, List<Class<?>> commands, PrintStream err) {
		this.application = application;
		this.commands = commands;
		this.err = err;
	}

	/**
	 * Runs {@code java -jar gazette.jar ARGS}: serves the site (no command, or
	 * {@code serve}) and returns, leaving it running, or runs the command and exits the
	 * process with its status.
	 */
	public static void main(Class<?> application, String[] args) {
		Integer status = new CommandLineLauncher(application, commandsOf(application), System.err).launch(args);
		if (status != null) {
			System.exit(status);
		}
	}

	/**
	 * Runs a command as {@link #main} does but returns its exit status; for tests.
	 * {@code serve} is refused here (it would not return).
	 */
	public static int run(Class<?> application, String... args) {
		Integer status = new CommandLineLauncher(application, commandsOf(application), System.err).launch(args, false);
		return (status != null) ? status : USAGE;
	}

	Integer launch(String[] args) {
		return launch(args, true);
	}

	private Integer launch(String[] args, boolean mayServe) {
		List<String> settings = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			(isSetting(arg) ? settings : words).add(arg);
		}
		CommandLine dry = commandLine(new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				return isCommand(type) ? OBJENESIS.newInstance(type) : CommandLine.defaultFactory().create(type);
			}
		});
		ParseResult parsed;
		try {
			parsed = dry.parseArgs(words.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			return usageError(ex.getCommandLine(), ex.getMessage());
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return OK;
		}
		ParseResult chosen = parsed.hasSubcommand() ? parsed.subcommand() : null;
		boolean verbose = ((GazetteCli) dry.getCommand()).verbose;
		if (chosen == null || chosen.commandSpec().userObject() instanceof ServeCommand) {
			if (!mayServe) {
				return USAGE;
			}
			SpringApplication.run(this.application, args);
			return null;
		}
		return execute(chosen.commandSpec().userObject().getClass(), chosen.commandSpec().name(), settings, words,
				verbose);
	}

	private int execute(Class<?> type, String name, List<String> settings, List<String> words, boolean verbose) {
		ConfigurableApplicationContext context;
		try {
			context = start(type, name, settings);
		}
		catch (RuntimeException ex) {
			return failure(name, "Gazette could not start", ex, verbose);
		}
		try (context) {
			Object bean = context.getBean(type);
			CommandLine real = commandLine(new CommandLine.IFactory() {
				@Override
				public <K> K create(Class<K> wanted) throws Exception {
					return (wanted == type) ? wanted.cast(bean) : isCommand(wanted) ? OBJENESIS.newInstance(wanted)
							: CommandLine.defaultFactory().create(wanted);
				}
			});
			real.setExecutionExceptionHandler(
					(ex, commandLine, result) -> failure(name, "The command failed", ex, verbose));
			real.setParameterExceptionHandler((ex, args) -> usageError(ex.getCommandLine(), ex.getMessage()));
			return real.execute(words.toArray(String[]::new));
		}
	}

	/**
	 * The application for one command: no web server, no demo content, no background
	 * release work (see {@code gazette.command}), errors only in the log. A command class
	 * annotated {@link OfflineCommand} gets the settings alone.
	 */
	private ConfigurableApplicationContext start(Class<?> type, String name, List<String> settings) {
		boolean offline = AnnotatedElementUtils.hasAnnotation(type, OfflineCommand.class);
		SpringApplication spring = offline ? new SpringApplication(type) : new SpringApplication(this.application);
		if (offline) {
			spring.setWebApplicationType(WebApplicationType.NONE);
		}
		// Output is for the operator and for scripts: only errors are logged (to standard
		// output, as Spring Boot does), unless --logging.level.root=... says otherwise.
		spring.setDefaultProperties(Map.of("logging.level.root", "error"));
		spring.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("command", Map.of("gazette.command", name, "server.port", "-1"))));
		return spring.run(settings.toArray(String[]::new));
	}

	private int usageError(CommandLine commandLine, String message) {
		String synopsis = commandLine.getHelp().synopsis(0).strip().replaceAll("\\s+", " ");
		this.err.println(commandLine.getCommandName() + ": " + message + ". Usage: " + synopsis + " (see "
				+ commandLine.getCommandSpec().qualifiedName() + " --help)");
		return USAGE;
	}

	private int failure(String name, String what, Throwable ex, boolean verbose) {
		this.err.println(name + ": " + CommandFailures.oneLine(what, ex));
		if (verbose) {
			ex.printStackTrace(this.err);
		}
		else {
			this.err.println(name + ": run again with --verbose to see the details.");
		}
		return FAILED;
	}

	private CommandLine commandLine(CommandLine.IFactory factory) {
		CommandLine top = new CommandLine(new GazetteCli(), factory);
		top.addSubcommand(new CommandLine(ServeCommand.class, factory));
		for (Class<?> command : this.commands) {
			top.addSubcommand(new CommandLine(command, factory));
		}
		top.setCaseInsensitiveEnumValuesAllowed(true);
		return top;
	}

	private boolean isCommand(Class<?> type) {
		return this.commands.contains(type) || type == ServeCommand.class;
	}

	/** {@code --name.with.dots=value}, an application setting rather than an option. */
	static boolean isSetting(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int equals = arg.indexOf('=');
		String name = (equals < 0) ? arg : arg.substring(0, equals);
		return name.indexOf('.') > 0;
	}

	/**
	 * The classes of the command beans under the application's package, by name. Only
	 * classes whose name ends in {@code Command} are read: parsing every class of the
	 * application before Spring scans them again cost about a tenth of a command's start
	 * ({@code CommandLineTests} checks that no command is named otherwise).
	 */
	static List<Class<?>> commandsOf(Class<?> application) {
		return commandsOf(application, "**/*Command.class");
	}

	/** The command beans among the classes whose file matches the pattern. */
	static List<Class<?>> commandsOf(Class<?> application, String resourcePattern) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourcePattern(resourcePattern);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
		Map<String, Class<?>> found = new LinkedHashMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(application.getPackageName())) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), application.getClassLoader());
			if (AnnotatedElementUtils.hasAnnotation(type, Component.class)) {
				found.put(type.getAnnotation(Command.class).name(), type);
			}
		}
		return found.values()
			.stream()
			.sorted(Comparator.comparing((c) -> c.getAnnotation(Command.class).name()))
			.toList();
	}

}
