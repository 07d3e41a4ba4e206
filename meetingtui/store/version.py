"""The schema version this program writes (PRAGMA user_version): the number of migrations in
`store/migrations/`, which a test checks. Apart from the migrations so that opening a database
of this version, the usual case, needs no sqlite-utils (about 45 ms to import, before the first
frame)."""

VERSION = 9
