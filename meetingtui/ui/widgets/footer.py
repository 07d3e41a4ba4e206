"""The key footer as one widget: one line of text, redrawn when the bindings change.

Textual's footer composes a widget per key and recomposes them all whenever the focus moves:
~34 widgets, each given the whole stylesheet for itself and its two component classes, for
every `n` on the meeting screen (issue 7). This one keeps Textual's look (the key highlighted,
its description after it, disabled keys dimmed, the palette key on the right) but only marks
itself stale on a change; the next frame reads the bindings once, however many changes came
before it.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

DIM = Style(dim=True)


class Key(NamedTuple):
    """One key as the footer offers it: pressed by clicking it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class Placed(NamedTuple):
    """Where a key was drawn, in cells from the footer's left edge (end excluded)."""

    start: int
    end: int
    key: Key


def shown_keys(screen: Screen[object]) -> tuple[list[Key], Key | None]:
    """The keys Textual's footer shows (the first binding of each action), and the palette's.

    A screen's `FOOTER_FIRST` binding ids come first, so that the keys that matter everywhere
    on it (the meeting's n and p) are never the ones left out at 80 columns."""
    app = screen.app
    active = screen.active_bindings
    seen: set[str] = set()
    keys: list[Key] = []
    first: dict[str, Key] = {}
    # Help first on every screen: at 80 columns it is how the keys left out are found.
    pinned: tuple[str, ...] = ("app.help", *getattr(screen, "FOOTER_FIRST", ()))
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            key = _key(screen, binding, enabled, tooltip)
            if binding.id in pinned:
                first[binding.id] = key
            else:
                keys.append(key)
    keys = [first[pin] for pin in pinned if pin in first] + keys
    palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
    if palette is None:
        return keys, None
    tip = palette.binding.tooltip or palette.binding.description
    return keys, _key(screen, palette.binding, palette.enabled, tip)


def _key(screen: Screen[object], binding: Binding, enabled: bool, tooltip: str) -> Key:
    display = screen.app.get_key_display(binding)
    return Key(binding.key, display, binding.description, enabled, tooltip)


class Footer(Widget, can_focus=False):
    """The active screen's keys on one line; what does not fit is left out whole."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key", "footer--description", "footer--hover", "footer--separator",
    }
    # As Textual's Footer and FooterKey (8.x), so that themes colour it the same way.
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer--hover { background: $block-hover-background; }
        .footer--separator { color: $foreground 20%; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.auto_links = False  # no links here: hovering needs no repaint of its own
        self._ready = False  # Textual's footer, too, waits for the screen's first signal
        self._stale = True
        self._keys: list[Key] = []
        self._palette: Key | None = None
        self._placed: list[Placed] = []
        self._text = ""
        self._hover: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._ready = True
        # As Textual's footer: with the app in the background its bindings are the app's only.
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._stale = True
            self.refresh()

    @property
    def text(self) -> str:
        """The line as the last frame drew it, without its styles."""
        return self._text

    def render(self) -> Content:
        if not self._ready:
            return Content("")
        if self._stale:
            self._stale = False
            self._keys, self._palette = shown_keys(self.screen)
            if self._hover not in (*self._keys, self._palette):
                self._hover = None
        return self._layout(self.size.width)

    def _layout(self, width: int) -> Content:
        """The keys from the left as far as they fit whole, the palette's key at the right."""
        palette = self._palette_part() if self._palette is not None else None
        room = width - (palette[1] if palette is not None and palette[1] <= width else 0)
        parts: list[Content] = []
        self._placed = []
        used = 0
        for key in self._keys:
            part = self._key_part(key, key.display, f"{key.description} ", pad=" ")
            if used + part.cell_length > room:
                break
            self._placed.append(Placed(used, used + part.cell_length, key))
            parts.append(part)
            used += part.cell_length
        if palette is not None and room < width:
            assert self._palette is not None
            parts.append(Content(" " * (room - used)))
            parts.append(palette[0])
            self._placed.append(Placed(room, width, self._palette))
        line = Content("").join(parts)
        self._text = line.plain
        return line

    def _palette_part(self) -> tuple[Content, int]:
        # Textual's palette key is compact, behind a thin rule, one cell from the edge.
        assert self._palette is not None
        key = self._palette
        separator = Content.styled("▏", self.get_visual_style("footer--separator"))
        part = separator + self._key_part(key, key.display, f" {key.description}", pad="")
        part = part.pad_right(1)
        return part, part.cell_length

    def _key_part(self, key: Key, display: str, description: str, *, pad: str) -> Content:
        hover = ("footer--hover",) if key == self._hover else ()
        key_style = self.get_visual_style(*hover, "footer--key")
        text_style = self.get_visual_style(*hover, "footer--description")
        if not key.enabled:
            key_style, text_style = key_style + DIM, text_style + DIM
        label = f"{pad}{display}{pad}"
        if not key.description:
            return Content.styled(label, key_style)
        return Content.assemble((label, key_style), (description, text_style))

    def _at(self, x: int) -> Key | None:
        return next((p.key for p in self._placed if p.start <= x < p.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: Key | None) -> None:
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

