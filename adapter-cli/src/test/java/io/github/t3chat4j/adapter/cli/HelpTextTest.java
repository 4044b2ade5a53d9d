package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The help texts of every command of the tree {@link Cli} builds: written to the usage width, so that
 * picocli never breaks an example or a sentence in the middle, and each command's first description
 * line a whole sentence (the list of commands shows only that line).
 */
class HelpTextTest {

    /** picocli's usage width: a longer line is wrapped wherever a word ends. */
    private static final int WIDTH = 80;

    @TempDir
    Path temp;

    @Test
    void everyDescriptionAndFooterLine_fitsTheUsageWidth_andEachCommandIsSummedUpInItsFirstLine() {
        List<String> tooLong = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (CommandLine command : everyCommand()) {
            CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            List<String> lines = new ArrayList<>();
            Arrays.stream(usage.description()).forEach(text -> lines.addAll(lines(text)));
            Arrays.stream(usage.footer()).forEach(text -> lines.addAll(lines(text)));
            lines.stream().filter(line -> line.length() > WIDTH)
                    .forEach(line -> tooLong.add(command.getCommandSpec().qualifiedName() + ": " + line));
            String first = usage.description().length == 0 ? "" : usage.description()[0].strip();
            if (!first.endsWith(".")) {
                unfinished.add(command.getCommandSpec().qualifiedName() + ": " + first);
            }
        }

        assertThat(tooLong).isEmpty();
        assertThat(unfinished).isEmpty();
    }

    @Test
    void noAddressInAnOptionsDescription_isBrokenAcrossLines() {
        Pattern address = Pattern.compile("[a-z]+://[^\\s,;)]+");
        List<String> broken = new ArrayList<>();
        for (CommandLine command : everyCommand()) {
            CommandLine.Help help = new CommandLine.Help(command.getCommandSpec(),
                    CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            String usage = help.optionList() + help.optionListGroupSections();
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                Matcher found = address.matcher(String.join(" ", option.description()));
                while (found.find()) {
                    if (usage.lines().noneMatch(line -> line.contains(found.group()))) {
                        broken.add(command.getCommandSpec().qualifiedName() + " " + option.longestName() + ": "
                                + found.group());
                    }
                }
            }
        }

        assertThat(broken).isEmpty();
    }

    @Test
    void theRootOptionsThatTakeAValue_areTheOnesTheLaunchPathSkipsBeforeACommandsName() {
        CommandLine root = Cli.commandLine(context(), new T3Command(context()), T3Command.SUBCOMMANDS.values());
        Set<String> takingValues = new HashSet<>();
        for (CommandLine.Model.OptionSpec option : root.getCommandSpec().options()) {
            if (option.typeInfo().isBoolean() || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            takingValues.addAll(Arrays.asList(option.names()));
        }

        assertThat(T3Command.OPTIONS_WITH_VALUES).isEqualTo(takingValues);
        assertThat(takingValues).contains("--transport", "--proxy", "--base-url");
    }

    private List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(Cli.commandLine(context(), new T3Command(context()), T3Command.SUBCOMMANDS.values()), all);
        assertThat(all).hasSizeGreaterThan(T3Command.SUBCOMMANDS.size());
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collect(sub, into);
            }
        });
    }

    /** The lines {@code text} prints as, after picocli's formatting ({@code %n}, {@code %%}). */
    private static List<String> lines(String text) {
        return List.of(text.replace("%n", "\n").replace("%%", "%").split("\n", -1));
    }

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of("HOME", temp.toString()), false, false, false,
                (profile, env) -> {
                    throw new AssertionError("no services are needed to build the commands");
                }, temp);
    }
}
