"""Action lists as files and tables: what every format shares (`common`), one module per format
(`table`, `csv_list`, `word`, `markdown`, `json_list`, `calendar`, `email_drafts`), and the
writer the command line and the app share (`files`: one list, or one file per owner)."""
