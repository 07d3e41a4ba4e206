"""The command line in the interface language: click's own words and every command's help.

click says its words ("Usage:", "Options", "Show this message and exit.", "No such option …")
through the `_` and `ngettext` each of its modules imports from `gettext`. Those read the
process-wide "messages" domain from compiled .mo files found through LANGUAGE; shipping .mo files
and setting that domain would change every other library's words too. Instead each click module's
`_` and `ngettext` are pointed at a `gettext.NullTranslations` whose texts come from the
catalogues' `[click]` section (keyed by click's English, see `_KEYS`): one mechanism, our TOML.

A command's help is its docstring, and option help is given to the decorator: both are fixed
when the module is imported, before `--lang` is read. So each command gets a `Context` of its own
kind that, when help or usage is about to be shown, sets the help texts, option help and
placeholders from `[cli_help.<command path>]` in the language chosen (`meetingtui --lang`,
MEETINGTUI_LANG, the locale). English keeps its texts in the same section, and a test checks it
says what the docstrings say. A command that runs without showing help reads no catalogue here:
`meetingtui stats` stays as light as it was.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from meetingtui.i18n import language, section, set_language, t_in

#: click's English (its msgid) → the key of its text in the `[click]` section.
_KEYS = {
    "Usage:": "usage", "Options": "options", "Commands": "commands",
    "Positional arguments": "positional", "Show this message and exit.": "help",
    "Show the version and exit.": "version", "%(prog)s, version %(version)s": "version_line",
    "Aborted!": "aborted", "Error: {message}": "error",
    "Try '{command} {option}' for help.": "try_help",
    "No such option {name!r}.": "no_such_option", "No such command {name!r}.": "no_such_command",
    "Missing command.": "missing_command", "Missing argument": "missing_argument",
    "Missing option": "missing_option", "Missing parameter": "missing_parameter",
    "Missing parameter: {param_name}": "missing_parameter_name",
    "Missing {param_type}": "missing_type",
    "Invalid value for {param_hint}: {message}": "invalid_value_for",
    "Invalid value: {message}": "invalid_value",
    "Option {name!r} does not take a value.": "option_no_value",
    "Argument {name!r} takes {nargs} values.": "argument_values",
    "Invalid start character for option ({option})": "invalid_start",
    "Could not open file {filename!r}: {message}": "could_not_open",
    "unknown error": "unknown_error", "Choose from:\n\t{choices}": "choose_from",
    "default: {default}": "default", "env var: {var}": "env_var", "required": "required",
    "deprecated": "deprecated", "(dynamic)": "dynamic", "file": "file",
    "directory": "directory", "path": "path",
    "{name} {filename!r} does not exist.": "not_exist",
    "{name} {filename!r} is a directory.": "is_directory",
    "{name} {filename!r} is a file.": "is_file",
    "{name} {filename!r} is not readable.": "not_readable",
    "{name} {filename!r} is not writable.": "not_writable",
    "{name} {filename!r} is not executable.": "not_executable",
    "{value!r} is not a valid {number_type}.": "not_number",
    "{value} is not in the range {range}.": "not_in_range",
    "{value!r} is not a valid boolean. Recognized values: {states}": "not_boolean",
    "Do you want to continue?": "confirm", "Confirm the action without prompting.": "confirm_help",
    "Repeat for confirmation": "repeat",
    "Error: The two entered values do not match.": "no_match",
    "Error: invalid input": "invalid_input", "Press any key to continue...": "press_any_key",
}
#: click's English singular (ngettext's first argument) → the key of its plural forms.
_PLURAL_KEYS = {
    "Got unexpected extra argument ({args})": "extra_arguments",
    "Takes {nargs} values but 1 was given.": "takes_values",
    "Did you mean {possibility}?": "did_you_mean",
    "Option {name!r} requires an argument.": "requires_argument",
    "{value!r} is not {choice}.": "not_choice",
    "{value!r} does not match the format {format}.": "not_format",
    "{len_type} values are required, but {len_value} was given.": "values_required",
}
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils",
                  "termui", "shell_completion")


class ClickWords(gettext.NullTranslations):
    """click's words in the interface language of the moment (English as click says them)."""

    def gettext(self, message: str) -> str:
        key = _KEYS.get(message)
        lang = language()
        if key is None or lang == "en":
            return message
        # The section alone: click asks for its --help text on every command's start.
        return section(lang, "click").get(key, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        key = _PLURAL_KEYS.get(msgid1)
        lang = language()
        if key is None or lang == "en":
            return msgid1 if n == 1 else msgid2
        # `count` only picks the form: click formats the text with its own fields after.
        return t_in(lang, f"click.{key}", count=n)


def install_click_words() -> None:
    """Point click's `_` and `ngettext` at `ClickWords`, in each module that says something."""
    words = ClickWords()
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            __import__(f"click.{name}")
            module = sys.modules[f"click.{name}"]
        if hasattr(module, "_"):
            module._ = words.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = words.ngettext  # type: ignore[attr-defined]


def language_of(args: Sequence[str]) -> str:
    """The language the command line speaks: `--lang xx` / `--lang=xx` before the command, else
    MEETINGTUI_LANG or the locale (as the app chooses). An unknown one is click's to refuse."""
    from meetingtui.i18n import LANGUAGES, default_language

    said = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = (arg.partition("=")[2] if arg.startswith("--lang=")
                 else args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
        if value in LANGUAGES:
            said = value  # the last one, as click reads it
    return said or default_language()


def speak(args: Sequence[str]) -> None:
    """Set the process's language from the command line, before click parses it."""
    set_language(language_of(args))


# --- help texts ----------------------------------------------------------------------------------

_METAVAR = re.compile(r"[A-Z][A-Z_-]*[A-Z]|[A-Z]")
#: What each command and parameter said in English, kept when it is first put in another language.
_ORIGINAL: dict[int, dict[str, Any]] = {}
_SAID: dict[int, str] = {}  # the language each command's help is in now


def _metavar(lang: str, english: str) -> str:
    """"[FILE]" → "[FIL]", "QUERY..." → "SÖKORD...": each upper-case word from `[cli_metavar]`."""
    words = section(lang, "cli_metavar")
    return _METAVAR.sub(lambda m: words.get(m.group(), m.group()), english)


def _texts(lang: str, path: Sequence[str]) -> dict[str, str]:
    """A command's `[cli_help.…]` section, read alone (`i18n.section`: no TOML parser, so that
    `--help` stays as light as it was); empty for a command the catalogue lacks."""
    try:
        return section(lang, ".".join(("cli_help", *path)))
    except ValueError:
        return {}


def _text(texts: dict[str, str], key: str, english: str | None) -> str | None:
    return None if english is None else texts.get(key, english)


def _remember(thing: Any, *names: str) -> dict[str, Any]:
    return _ORIGINAL.setdefault(id(thing), {name: getattr(thing, name) for name in names})


def say_help(command: click.Command, path: Sequence[str], lang: str) -> None:
    """Put `command`'s help, its options' help and its placeholders in `lang` (once per
    language); `path` names it in the catalogue (`("groups", "member-add")`)."""
    command._help_option = None  # click builds --help once, in the language of that moment
    if _SAID.get(id(command)) == lang:
        return
    texts = _texts(lang, path)
    group = isinstance(command, click.Group)
    original = _remember(command, "help", "options_metavar",
                         *(("subcommand_metavar",) if group else ()))
    command.help = _text(texts, "help", original["help"])
    command.options_metavar = _metavar(lang, original["options_metavar"] or "")
    if isinstance(command, click.Group):
        command.subcommand_metavar = _metavar(lang, original["subcommand_metavar"] or "")
    context = click.Context(command)
    for param in command.params:
        kept = _remember(param, "metavar", *(("help",) if isinstance(param, click.Option) else ()))
        if isinstance(param, click.Option):
            param.help = _text(texts, param.name or "", kept["help"])
            if param.is_flag or param.count:
                continue
        param.metavar = kept["metavar"]
        english = param.make_metavar(context)
        said = _metavar(lang, english)
        param.metavar = said if said != english else kept["metavar"]
    _SAID[id(command)] = lang


def command_path(ctx: click.Context) -> list[str]:
    """The names below `meetingtui` of the command `ctx` runs: ["groups", "member-add"]."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or ctx.command.name or "")
        ctx = ctx.parent
    return names[::-1]


class SaidContext(click.Context):
    """Shows help and usage in the interface language, whatever the decorators were given."""

    def _say(self) -> None:
        say_help(self.command, command_path(self), language())
        if isinstance(self.command, click.Group):  # the list of its commands, with their help
            for name, sub in self.command.commands.items():
                say_help(sub, [*command_path(self), name], language())

    def get_usage(self) -> str:
        self._say()
        return super().get_usage()

    def get_help(self) -> str:
        self._say()
        return super().get_help()


def every_command(command: click.Command, path: tuple[str, ...] = ()
                  ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(path, command) for `command` and every command below it, `()` for the root."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from every_command(sub, (*path, name))


def use_said_contexts(root: click.Command) -> None:
    for _path, command in every_command(root):
        command.context_class = SaidContext
        for param in command.params:
            if isinstance(param.type, click.Path):
                param.type.name = _PathWord(param.type.name)


class _PathWord(str):
    """click.Path's "file", "directory" or "path", said in the language of the moment: click
    fixes the word when the option is made, at import, and its messages say `name.title()`
    ("File '/x' är en mapp." where "Filen '/x' är en mapp." was meant)."""

    __slots__ = ()

    def title(self) -> str:
        return ClickWords().gettext(str(self)).title()
