"""Exports: what leaves the database as files people read.

- `minutes/`: one meeting's minutes as Word or Markdown (`export_minutes`, the entry the CLI and
  the TUI share), what they say apart from their layout (`content`), their words (`labels`).
- `actions/`: action lists in every format (table, CSV, Word, Markdown, JSON, calendar, e-mail
  drafts), one list or one file per owner (`files`).
- `upward/`: the quarter's summary and the yearly report for the bodies above.
- `site/`: the members' static site (`meetingtui publish`); `datasette` its public database copy.
- `word/`: the Word machinery the documents share (the municipality's template, page header and
  footer, table widths, raw OOXML where python-docx has no API).
- `files`: where a file goes and how it is written (never over a file unless asked, never over a
  database, never half-written); `clean`: text Word and HTML can hold.

Importing a package here imports nothing heavy: python-docx is loaded only by the modules that
build documents (`word/`, `minutes.word`, `actions.word`), imported where an export is made.
"""
