"""Agenda templates: `agendas/*.md` → `GroupTemplate`.

A template is TOML front matter between `+++` lines, then Markdown: `# Title` and one `##`
heading per agenda item. Paragraphs under a heading are guidance for the chair, a list gives the
item's default points, and a trailing `{.kind minutes=N}` (Pandoc header attributes) sets the
kind and the timebox. Text before the first `##` is a note for whoever edits the file; HTML
comments are dropped.

Municipal staff edit these files by hand, so every problem becomes a `TemplateError` that says in
plain words what is wrong and on which line, and one broken file never stops the others.
"""

from meetingtui.agenda.errors import TemplateError
from meetingtui.agenda.loader import TemplateSet, load_template, load_templates, parse_template
from meetingtui.agenda.settings import SETTINGS

__all__ = [
    "SETTINGS",
    "TemplateError",
    "TemplateSet",
    "load_template",
    "load_templates",
    "parse_template",
]
