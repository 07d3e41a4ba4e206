"""TUI tests (a package, so that their module names do not clash with tests/ of the same name)."""
