"""The Word machinery every document shares (minutes, action lists, reports upward): the
municipality's Word template (`template`), the page header and footer (`page`), the styles and
table layout (`layout`, `column_widths`), and raw OOXML where python-docx has no API (`ooxml`).
Imports python-docx: import these modules only when a document is made."""
