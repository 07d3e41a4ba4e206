"""Keystroke-to-screen latency from outside for key sequences keylat.sh cannot send.

keylat.sh repeats one key; leaving the lägesbild and coming back (`n`, `p`) or opening and
saving a form (`e`, Enter) alternate two. Same method: the screen with attributes before the
key, the key by `tmux send-keys`, poll until the screen differs; then wait until it has been
still for 100 ms before the next key, so a trailing repaint is not counted as the next key's.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from bench.stats import Samples
from bench.terminal import Tmux

POLL = 0.01  # seconds between polls, as keylat.sh


def _settle(term: Tmux, still: int = 30) -> None:
    previous, same = term.screen(attributes=True), 0
    while same < still:
        time.sleep(POLL)
        current = term.screen(attributes=True)
        same = same + 1 if current == previous else 0
        previous = current


def key_latency(command: Sequence[str], marker: str, keys: Sequence[str],
                presses: int, size: tuple[int, int] = (80, 24)) -> dict[str, Samples]:
    """Milliseconds from each key to a changed screen, per key of `keys` (pressed in turn)."""
    term = Tmux(size)
    times: dict[str, list[float]] = {key: [] for key in keys}
    try:
        term.start(command)
        term.wait_for(marker)
        _settle(term)
        for n in range(presses):
            key = keys[n % len(keys)]
            before = term.screen(attributes=True)
            started = time.perf_counter()
            term.send(key)
            while term.screen(attributes=True) == before:
                if time.perf_counter() - started > 5:
                    raise TimeoutError(f"no change 5 s after {key!r} (press {n})")
                time.sleep(POLL)
            times[key].append((time.perf_counter() - started) * 1000)
            _settle(term)
    finally:
        term.close()
    return {key: Samples(tuple(values)) for key, values in times.items()}
