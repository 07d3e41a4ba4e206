"""How wide a table's columns must be so that no word in them is broken in the middle.

Word (and LibreOffice) break a word that is wider than its cell at any letter: "Räddningstjäns-
ten". A column is given at least the width of the longest word that stands in it; what is left of
the text width is shared in proportion to the widths the writer prefers. Only when the longest
words together are wider than the page does a column get less (and a word in it is broken).

Widths are measured with DejaVu Sans, the widest of the fonts a document in Arial is shown in
(Word has Arial; LibreOffice without Arial shows DejaVu Sans; Liberation Sans has Arial's widths),
so a word that fits here fits in each of them. Pure: no python-docx here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Advance widths in thousandths of an em, DejaVu Sans Book and Bold (from the fonts' hmtx tables).
_CHARS = (" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
          "abcdefghijklmnopqrstuvwxyz{|}~åäöÅÄÖéèüÜæøÆØ–—→§·…‘’“”«»")
_BOOK = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    613, 613, 612, 684, 684, 787, 615, 615, 634, 732, 982, 612, 974, 787, 500, 1000, 838, 500, 318,
    1000, 318, 318, 518, 518, 612, 612,
)
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    675, 675, 687, 774, 774, 850, 678, 678, 712, 812, 1048, 687, 1085, 850, 500, 1000, 838, 500,
    380, 1000, 380, 380, 657, 657, 646, 646,
)
_EM_BOOK = dict(zip(_CHARS, _BOOK, strict=True))
_EM_BOLD = dict(zip(_CHARS, _BOLD, strict=True))
_UNKNOWN = 1100  # any other character (a letter from another script, an emoji): a wide guess

POINT_CM = 2.54 / 72
#: The share of its width a column may give up so that every header stays on one line.
HEADER_COST = 0.15
#: Room a cell takes besides its text: the table style's margins (108 twips a side) and a little
#: more, so that a word that just fits is not broken by rounding in the viewer.
SLACK_CM = 0.12
CELL_EXTRA_CM = 2 * 108 / 1440 * 2.54 + SLACK_CM

# A line may break at a space, and after a hyphen or a slash ("SSPF-/samordnare"); Markdown
# emphasis markers are not shown.
_AFTER_BREAK = re.compile(r"(?<=[-/–])(?=[^\W\d_])")
_MARKUP = re.compile(r"[*`]")


def words(text: str) -> list[str]:
    """The pieces of ``text`` that a line cannot be broken inside."""
    return [piece for chunk in _MARKUP.sub("", text).split()
            for piece in _AFTER_BREAK.split(chunk) if piece]


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in centimetres, at ``size_pt`` points."""
    em = _EM_BOLD if bold else _EM_BOOK
    thousandths = sum(em.get(char, _UNKNOWN) for char in text)
    return thousandths / 1000 * size_pt * POINT_CM


def longest_word_cm(texts: Iterable[str], size_pt: float, *, bold: bool = False) -> float:
    """The width of the widest unbreakable piece in ``texts`` (0 when there is none)."""
    return max((text_width_cm(word, size_pt, bold=bold)
                for text in texts for word in words(text)), default=0.0)


def fit(preferred: Sequence[float], minimum: Sequence[float], total: float) -> list[float]:
    """Widths summing to ``total``: each at least its ``minimum`` when the minimums fit, the
    rest shared in proportion to ``preferred``; else `_capped`."""
    if not preferred:
        return []
    need = sum(minimum)
    if need >= total:
        return _capped(minimum, total)
    pref_total = sum(preferred)
    widths = [total * p / pref_total for p in preferred]
    fixed: set[int] = set()
    while True:
        short = [i for i, w in enumerate(widths) if i not in fixed and w < minimum[i]]
        if not short:
            return widths
        fixed.update(short)
        free = [i for i in range(len(widths)) if i not in fixed]
        left = total - sum(minimum[i] for i in fixed)
        share = sum(preferred[i] for i in free)
        for i in range(len(widths)):
            if i in fixed:
                widths[i] = minimum[i]
            elif share > 0:
                widths[i] = left * preferred[i] / share
        if not free or share <= 0:
            # Every column holds its longest word: what is left goes where it was wanted.
            extra = total - need
            return [m + extra * p / pref_total for m, p in zip(minimum, preferred, strict=True)]


def _capped(minimum: Sequence[float], total: float) -> list[float]:
    """Minimums wider than the page: by less than their slack, each gives up the same share;
    else the narrow columns keep theirs and only the widest give way, to one width they share.
    Shrunk alike, every column broke its words: the dates of a table with
    "Samhällsbyggnadsförvaltningen" in it read "2026-11-3" "0"."""
    overflow = sum(minimum) - total
    if overflow <= SLACK_CM * len(minimum):  # each gives up some of its slack: words stay whole
        return [m - overflow / len(minimum) for m in minimum]
    left, count = total, len(minimum)
    for width in sorted(minimum):
        if width * count > left:
            cap = left / count
            return [min(m, cap) for m in minimum]
        left -= width
        count -= 1
    return list(minimum)


def column_widths(preferred: Sequence[float], columns: Sequence[Iterable[str]],
                  headers: Sequence[str], marks: Sequence[Iterable[str]] = (), *,
                  size_pt: float, total: float) -> list[float]:
    """Widths (cm) for a table whose column ``i`` holds the texts ``columns[i]`` under the bold
    ``headers[i]`` (and the bold ``marks[i]``) at ``size_pt``: see `fit`. A header stays on one
    line ("Klart senast") when that costs no column more than a little of its width
    (`HEADER_COST`), else it breaks between its words."""
    marks = [*marks, *([()] * (len(headers) - len(marks)))]
    words_only = [
        max(longest_word_cm(plain, size_pt), longest_word_cm([header, *strong], size_pt,
                                                             bold=True)) + CELL_EXTRA_CM
        for plain, header, strong in zip(columns, headers, marks, strict=True)
    ]
    widths = fit(preferred, words_only, total)
    whole_headers = [max(width, text_width_cm(header, size_pt, bold=True) + CELL_EXTRA_CM)
                     for width, header in zip(words_only, headers, strict=True)]
    if sum(whole_headers) < total:
        roomy = fit(preferred, whole_headers, total)
        if all(r >= w * (1 - HEADER_COST) for r, w in zip(roomy, widths, strict=True)):
            return roomy
    return widths
