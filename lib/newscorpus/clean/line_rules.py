"""Line rules: whole lines and paragraphs of page furniture.

Captions and credits, related-article lists, buttons, menus and tag lists (prompts, which share
the list and tag headings, are in :mod:`newscorpus.clean.prompt_rules`).
"""

from __future__ import annotations

import re

from newscorpus.clean.patterns import (
    DATE_LINE,
    Span,
    _any,
    _each_line,
    _is_furniture,
    _is_prose,
    _Words,
    _words,
    photo_agencies,
)
from newscorpus.clean.textview import Line, TextView

_CREDIT_PREFIX = _any(
    r"^\(?(?:photo(?:graph)?s?|image(?: source)?|picture|pictures|credit|illustration|video|"
    r"file photo|photo credit|image credit)(?: by)?\s*[:,]\s*\S",
    r"^\(?(?:photo|picture|image|illustration)s? by \S",
)


_CAPTION_PREFIX = _any(
    r"^file photo\s*[:,-]", r"^file\s*[-—]\s", r"^image caption\s*[:,]", r"^caption\s*:",
    r"^pictured\s*:", r"^in this (?:file )?(?:photo|picture|image)\b", r"^photo\s*:\s*\w.*\.\s",
)


# "... May 28, 2015. Photo by REUTERS/Ammar Abdullah." or "... Azaz, Syria. Photo: AP"
_TRAILING_CREDIT = _any(
    r"(?:^|[.!?\"')]\s+)\(?(?:photo(?:graph)?|image|picture|credit)(?: by| credit)?\s*[:,]?\s+"
    r"[^.()]{1,80}\)?\.?$",
    r"(?:^|[.!?\"')]\s*)credits?\s*(?:\.{2,}|…|:)\s*\S.{0,80}$",
    r"\[(?:(?:file|photo|image|picture)\s*:\s*)?[^\[\]]{1,60}/[^\[\]]{1,40}\]$",
)
_TRAILING_CREDIT_WORDS = _Words("photo", "image", "picture", "credit", "[")  # one is needed
# The text up to the last run of spaces after a full stop, question or exclamation mark.
_BEFORE_TAIL = re.compile(r".*[.!?]\s+", re.DOTALL)


def _is_credit(text: str) -> bool:
    """Whether a line (or the tail of one) is only a photo credit.

    Examples
    --------
    >>> [_is_credit(t) for t in ["Mikhail Klimentyev/Sputnik/AP/FILE", "Hassan Ammar/AP",
    ...  "Photo: AP", "Image source, Getty Images", "REUTERS/Ammar Abdullah/File Photo",
    ...  "The talks in Astana / Geneva failed", "Syrian Civil Defense White Helmets / AP"]]
    [True, True, True, True, True, False, True]
    """
    text = text.strip().rstrip(".")
    if not text or _words(text) > 14:
        return False
    if _CREDIT_PREFIX.match(text):  # (every pattern starts with ^)
        return True
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+via\s+|\s*\|\s*", text) if p.strip()]
    if len(parts) < 2 or any(_words(p) > 6 for p in parts):
        return False
    agencies = photo_agencies()
    return any(p.lower() in agencies or (p.isupper() and len(p) >= 2 and p.isalpha())
               for p in parts)


def _trailing_credit(text: str) -> bool:
    """Whether a line ends with a credit after its last sentence (a caption line)."""
    if _TRAILING_CREDIT_WORDS.search(text) and _TRAILING_CREDIT.search(text):
        return True
    # The last piece of re.split(r"(?<=[.!?])\s+", text), when there are several.
    before = _BEFORE_TAIL.match(text)
    return before is not None and _is_credit(text[before.end():])


def _caption_line(text: str) -> tuple[bool, bool, bool]:
    """Whether a line of at most 90 words is a credit, whether it is removed as a caption or
    credit, and whether it starts as a credit does (``Image source, ...``)."""
    if _words(text) > 90:
        return False, False, False
    credit = _is_credit(text)
    caption = credit or bool(_CAPTION_PREFIX.match(text)) or _trailing_credit(text)
    return credit, caption, credit and bool(_CREDIT_PREFIX.match(text))


def find_captions(view: TextView) -> list[Span]:
    """Photo captions and credits.

    A line is removed if it is a credit (``Photo: AP``, ``Name/Agency/FILE``,
    ``Image source, ...``), starts as a caption does (``FILE PHOTO:``, ``Image caption, ...``,
    ``In this photo ...``) or ends with a credit (``... 2015. Photo by REUTERS/Name``). The
    caption before a credit that stands alone is removed with it: the previous line of the
    paragraph, or the previous one-line paragraph of at most 60 words with no quotation in it
    (never the first paragraph, which is the title), if it ends as a sentence does.
    """
    spans: list[Span] = []
    lines = view.lines
    for i, (line, (credit, caption, source)) in enumerate(
            zip(lines, _each_line(view, _caption_line), strict=True)):
        if caption:
            spans.append((line.start, line.end))
        if not credit or i == 0 or source:
            continue  # "Image source, X" comes before its caption, not after it
        prev = lines[i - 1]
        block = view.blocks[prev.block]
        if prev.text.endswith((".", ")")) and (prev.block == line.block or (
                len(block) == 1 and prev.block > 0 and _words(prev.text) <= 60
                and not re.search(r"[\"“”]", prev.text))):
            spans.append((prev.start, prev.end))
    return spans


_LIST_HEADING = _any(
    r"^keep reading\W*$",
    r"^(?:recommended|related|suggested|popular|trending|latest|top)(?: (?:articles?|stories|"
    r"reading|content|coverage|for you|news|links|videos|posts|now))?\W*$",
    r"^more (?:on this (?:story|topic)|from [\w .'-]{1,40}|stories|news|articles|in [\w ]{1,30}|"
    r"like this)\W*$",
    r"^most (?:read|viewed|popular|shared|commented|emailed|watched)\b.{0,30}$",
    r"^(?:you|you'?ll) (?:may|might) also (?:like|be interested in|enjoy)\b",
    r"^(?:editor'?s|editors'?) (?:picks?|choice)\W*$", r"^(?:what|things) to read next\W*$",
    r"^don'?t miss\W*$", r"^(?:further|also) read(?:ing)?\W*$", r"^in (?:other|related) news\W*$",
    r"^read (?:more|also|next|further)\W*$", r"^see also\W*$", r"^(?:watch|listen) next\W*$",
)


_PROMO_LINE = _any(
    r"^(?:read(?: more| also| next| further)?|see(?: also)?|watch|listen|related|recommended|"
    r"also read|more(?: (?:on|from|about) [^.!?:]{1,60})?)(?: [^.!?:]{1,80})?:\s*\S",
    r"^read (?:more|also|next|further)\b",
    r"^(?:read|watch|listen to) (?:the|our) (?:full|latest|related)\b",
)


def _list_item(text: str) -> bool:
    """Whether a line reads as an item of a list of links (a headline, a byline with a date)."""
    n = _words(text)
    return n <= 25 and (not text.endswith(".") or n < 8 or "|" in text)


def find_related(view: TextView) -> list[Span]:
    """Related and recommended article lists, inline cross-promotion lines and "Read more".

    A list heading (``Recommended Articles``, ``More on this story``, ``Most read``, ...) is
    removed with the list items that follow it: lines of at most 25 words that do not read as
    a sentence of prose (an item in a new paragraph followed by prose is a subheading, and ends
    the list). A line of at most 40 words that starts as a link does
    (``Read more: ...``, ``Recommended: "..."``, ``Watch: ...``) is removed on its own.
    """
    spans: list[Span] = []
    lines = view.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if _LIST_HEADING.search(line.text) and _words(line.text) <= 12:
            spans.append((line.start, line.end))
            i += 1
            while i < len(lines) and _list_item(lines[i].text):
                # An item in a new paragraph that is followed by prose is a subheading.
                if (lines[i].block != lines[i - 1].block and i + 1 < len(lines)
                        and _is_prose(lines[i + 1].text)):
                    break
                spans.append((lines[i].start, lines[i].end))
                i += 1
            continue
        if _words(line.text) <= 40 and _PROMO_LINE.search(line.text):
            spans.append((line.start, line.end))
        i += 1
    return spans


def find_furniture_lines(view: TextView) -> list[Span]:
    """Buttons, labels and navigation left on their own line (``Advertisement``, ``Share``,
    ``Skip to content``, ``3 min read``), from ``data/page_furniture_en.txt``."""
    return [(line.start, line.end) for line, furniture
            in zip(view.lines, _each_line(view, _is_furniture), strict=True) if furniture]


def _menu_item(text: str, max_words: int) -> bool:
    return (_words(text) <= max_words and text[-1:] not in ".!?:,;\"'”"
            and not DATE_LINE.match(text) and any(c.isalpha() for c in text))


def _breadcrumb(text: str) -> bool:
    """``World > Middle East``, ``Explainer|Syria's War``: short parts between separators."""
    if _words(text) > 8:
        return False
    parts = [p for p in re.split(r"\s*[>»›|]\s*", text) if p.strip()]
    return (len(parts) >= 2 and all(_words(p) <= 3 for p in parts)
            and text.rstrip()[-1:] not in ".!?")


def _menu_line(text: str) -> tuple[bool, bool, bool]:
    """Whether a line is a menu item of at most three words, of at most two, a breadcrumb."""
    if _words(text) > 8:
        return False, False, False
    return _menu_item(text, 3), _menu_item(text, 2), _breadcrumb(text)


def find_menus(view: TextView) -> list[Span]:
    """Navigation menus and breadcrumbs: three or more lines in a row, in one paragraph, of at
    most three words each with no sentence punctuation (``News / Sport / Business``); at the
    very start of a page, two such lines of at most two words (``Opinion / Syria``); a line of
    short parts between ``>``, ``»`` or ``|`` (``World > Middle East``)."""
    spans: list[Span] = []
    kinds = _each_line(view, _menu_line)
    for block in view.blocks:
        run: list[Line] = []
        for line in block + [None]:
            if line is not None and kinds[line.index][0]:
                run.append(line)
                continue
            if len(run) >= 3:
                spans.append((run[0].start, run[-1].end))
            run = []
    lines = view.lines
    spans += [(line.start, line.end) for line in lines if kinds[line.index][2]]
    head = 0
    while head < len(lines) and kinds[head][1]:
        head += 1
    if head >= 2 and head < len(lines):
        spans.append((lines[0].start, lines[head - 1].end))
    return spans


_TAG_HEADING = re.compile(
    r"^(?:(?:suggested |related |popular |more )?topics?(?: covered)?|tags?|tagged(?: with)?|"
    r"explore more on these topics|more on these topics|filed under|keywords|categories|"
    r"subjects?|more about)\s*:?",
    re.IGNORECASE)


def _tag_list(text: str) -> bool:
    """Whether a line is a list of tags: short items separated by commas, pipes or bullets."""
    if DATE_LINE.match(text):
        return False
    items = [t for t in re.split(r"\s*[,;|•·]\s*", text.strip().rstrip(".")) if t]
    return bool(items) and all(_words(t) <= 6 for t in items) and (
        len(items) >= 2 or _words(text) <= 5)


def find_tags(view: TextView) -> list[Span]:
    """Topic and tag lists with their headings (``Topics covered``, ``Tags: ...``,
    ``Related Topics``, ``Explore more on these topics``).

    The heading is removed with the lines after it that are tag lists: items of at most six
    words separated by commas, pipes or bullets, or one short tag per line.
    """
    spans: list[Span] = []
    lines = view.lines
    i = 0
    while i < len(lines):
        match = _TAG_HEADING.match(lines[i].text)
        rest = lines[i].text[match.end():].strip() if match else ""
        if not match or (rest and not _tag_list(rest)) or _words(lines[i].text) > 60:
            i += 1
            continue
        spans.append((lines[i].start, lines[i].end))
        i += 1
        while (i < len(lines) and _tag_list(lines[i].text) and not _is_prose(lines[i].text, 6)
               and not _LIST_HEADING.search(lines[i].text)):
            spans.append((lines[i].start, lines[i].end))
            i += 1
    return spans
