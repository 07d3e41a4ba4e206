"""Exports: Word and Markdown minutes (and, from other modules, action lists).

Importing this package imports nothing heavy: python-docx is loaded only by the modules that
build documents (`minutes_docx`, `markdown_docx`, `docx_layout`, `docx_page`, `docx_template`),
which callers import where an export is made. `files` (paths, safe writing) and `minutes_md`
need only the standard library, markdown-free text helpers and the model.

- `files.write_export`, `files.default_export_path`, `files.ExportError`
- `minutes_docx.build_minutes(record, *, public, municipality, created, template)
  -> docx.Document` (``template``: the municipality's Word template, `docx_template`)
- `minutes_md.build_minutes_md(record, *, public, municipality) -> str`
"""
