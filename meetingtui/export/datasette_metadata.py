"""What Datasette says about the public copy (its `metadata.json`): titles, descriptions, the
licence and source line, a label for every column, and the three queries members use.

Datasette 0.65 shows a table's `title` and `description`, a column's description from
`columns` (it has no separate column label), a query's `title` and `description`; the source
and licence stand at the foot of every page. The queries' columns are headed by their labels
(`store.public_copy.canned_queries`). Everything in the interface language (Swedish unless the
secretary chose English).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from meetingtui.i18n import t
from meetingtui.store import public_copy

#: The database's name in Datasette: its file name without ".db".
DATABASE = "meetingtui-offentlig"
COPY_NAME = f"{DATABASE}.db"
METADATA_NAME = "metadata.json"
#: How a table opens: the measures by due date, with the facets members narrow them by.
_VIEWS: dict[str, dict[str, Any]] = {
    "measures": {"sort": "due", "facets": ["status", "group", "owner_org"]},
    "status_history": {"sort_desc": "at"},
}


def table_title(table: str) -> str:
    return t(f"datasette.{table}.title")


def column_label(table: str, column: str) -> str:
    return t(f"datasette.{table}.{column}")


def query_labels() -> dict[str, str]:
    """The heading of each column the queries show (they are the measures' columns)."""
    return {column: column_label("measures", column) for column in public_copy.QUERY_COLUMNS}


def canned_queries() -> dict[str, str]:
    """Each query's SQL by its name, with the columns headed in the interface language."""
    return public_copy.canned_queries(query_labels(), t("datasette.yes"))


def build_metadata(municipality: str, day: date) -> dict[str, Any]:
    """The metadata for a copy made on ``day`` of ``municipality``'s database ("" unnamed)."""
    when = day.isoformat()
    named = municipality.strip()
    sql = canned_queries()
    queries = {
        public_copy.MY_MEASURES: ("query_mine", "query_mine_description"),
        public_copy.OVERDUE_BY_ORGANISATION: ("query_overdue", "query_overdue_description"),
        public_copy.MEASURES_BY_GROUP: ("query_group", "query_group_description"),
    }
    return {
        "title": t("datasette.title_in", municipality=named) if named else t("datasette.title"),
        "description": t("datasette.description", day=when),
        "license": t("datasette.license"),
        "source": (t("datasette.source_in", municipality=named, day=when) if named
                   else t("datasette.source", day=when)),
        "databases": {
            DATABASE: {
                "title": t("datasette.database_title"),
                "description": t("datasette.database_description"),
                "tables": {
                    table: {
                        "title": table_title(table),
                        "columns": {column: column_label(table, column) for column in columns},
                        **_VIEWS.get(table, {}),
                    }
                    for table, columns in public_copy.TABLES.items()
                },
                "queries": {
                    name: {"title": t(f"datasette.{title}"),
                           "description": t(f"datasette.{description}"),
                           "sql": sql[name], "hide_sql": True}
                    for name, (title, description) in queries.items()
                },
            },
        },
    }


def metadata_json(municipality: str, day: date) -> bytes:
    return (json.dumps(build_metadata(municipality, day), ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")
