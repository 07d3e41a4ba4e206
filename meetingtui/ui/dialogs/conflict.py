"""Another program saved the same field while the user typed: show both, let the user choose.

Nothing is lost either way: "Behåll mitt" saves the user's text over the other program's, "Ta
deras" keeps what the other program saved, and "Slå ihop" puts the two texts side by side with
a result field (the user's text to start from) for each field where both wrote."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from meetingtui.i18n import t
from meetingtui.ui.widgets.text_area import NoteArea

Choice = Literal["mine", "theirs", "merged"]


class Clash:
    """One field both programs changed: its label, the user's value and the stored one."""

    def __init__(self, field: str, label: str, mine: str, theirs: str) -> None:
        self.field = field
        self.label = label
        self.mine = mine
        self.theirs = theirs


class ConflictDialog(ModalScreen[tuple[Choice, dict[str, str]] | None]):
    """Dismissed with ("mine" | "theirs" | "merged", {field: value}); None: back to editing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", t("conflict.keep_mine"), id="conflict.mine"),
        Binding("t", "choose('theirs')", t("conflict.take_theirs"), id="conflict.theirs"),
        Binding("s", "merge", t("conflict.merge"), id="conflict.merge"),
        Binding("escape", "back", t("common.back"), id="conflict.back"),
    ]

    def __init__(self, clashes: list[Clash]) -> None:
        super().__init__(classes="form-dialog")
        self.clashes = clashes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("conflict.title"), classes="form-title")
            with VerticalScroll(classes="form-body", can_focus=False):
                yield Static(t("conflict.intro"), classes="confirm-message")
                for clash in self.clashes:
                    yield Label(clash.label, classes="area-label")
                    yield Static(f"{t('conflict.mine')}: {clash.mine or '–'}",
                                 classes="conflict-mine")
                    yield Static(f"{t('conflict.theirs')}: {clash.theirs or '–'}",
                                 classes="conflict-theirs")
            yield Static(t("conflict.hint"), classes="form-hint")

    def action_choose(self, choice: Choice) -> None:
        values = {c.field: (c.mine if choice == "mine" else c.theirs) for c in self.clashes}
        self.dismiss((choice, values))

    def action_merge(self) -> None:
        def merged(values: dict[str, str] | None) -> None:
            if values is not None:
                self.dismiss(("merged", values))

        self.app.push_screen(MergeDialog(self.clashes), merged)

    def action_back(self) -> None:
        self.dismiss(None)


class MergeDialog(ModalScreen[dict[str, str] | None]):
    """Both texts side by side and a result to write, for each field both changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", t("common.save"), id="merge.save", priority=True),
        Binding("escape", "back", t("common.back"), id="merge.back", priority=True),
    ]

    def __init__(self, clashes: list[Clash]) -> None:
        super().__init__(classes="form-dialog")
        self.clashes = clashes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form merge-form"):
            yield Static(t("conflict.merge_title", field=", ".join(c.label for c in self.clashes)),
                         classes="form-title")
            with VerticalScroll(classes="form-body", can_focus=False):
                for clash in self.clashes:
                    yield Label(clash.label, classes="area-label")
                    with Horizontal(classes="merge-sides"):
                        with Vertical():
                            yield Label(t("conflict.mine"))
                            yield NoteArea(clash.mine, read_only=True, soft_wrap=True,
                                           classes="merge-side")
                        with Vertical():
                            yield Label(t("conflict.theirs"))
                            yield NoteArea(clash.theirs, read_only=True, soft_wrap=True,
                                           classes="merge-side")
                    yield Label(t("conflict.result"))
                    yield NoteArea(clash.mine, soft_wrap=True, id=f"result-{clash.field}",
                                   classes="merge-result")
            yield Static(t("conflict.merge_hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one(".merge-result", TextArea).focus()

    def action_save(self) -> None:
        self.dismiss({c.field: self.query_one(f"#result-{c.field}", TextArea).text
                      for c in self.clashes})

    def action_back(self) -> None:
        self.dismiss(None)
