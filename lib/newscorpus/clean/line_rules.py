"""Line rules: whole lines and paragraphs of page furniture.

Captions and credits, prompts, related-article lists, buttons, menus and tag lists.
"""

from __future__ import annotations

import re

from newscorpus.clean.patterns import (
    DATE_LINE,
    Span,
    _any,
    _is_furniture,
    _is_prose,
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
    if _CREDIT_PREFIX.search(text):
        return True
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+via\s+|\s*\|\s*", text) if p.strip()]
    if len(parts) < 2 or any(_words(p) > 6 for p in parts):
        return False
    agencies = photo_agencies()
    return any(p.lower() in agencies or (p.isupper() and len(p) >= 2 and p.isalpha())
               for p in parts)


def _trailing_credit(text: str) -> bool:
    """Whether a line ends with a credit after its last sentence (a caption line)."""
    if _TRAILING_CREDIT.search(text):
        return True
    tail = re.split(r"(?<=[.!?])\s+", text)[-1]
    return tail != text and _is_credit(tail)


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
    for i, line in enumerate(lines):
        if _words(line.text) > 90:
            continue
        credit = _is_credit(line.text)
        if credit or _CAPTION_PREFIX.search(line.text) or _trailing_credit(line.text):
            spans.append((line.start, line.end))
        if not credit or i == 0 or _CREDIT_PREFIX.search(line.text):
            continue  # "Image source, X" comes before its caption, not after it
        prev = lines[i - 1]
        block = view.blocks[prev.block]
        if prev.text.endswith((".", ")")) and (prev.block == line.block or (
                len(block) == 1 and prev.block > 0 and _words(prev.text) <= 60
                and not re.search(r"[\"“”]", prev.text))):
            spans.append((prev.start, prev.end))
    return spans


_PROMPT = _any(
    # newsletters
    r"\bsign(?:ing)? up\b.{0,60}\b(?:newsletters?|updates|alerts|briefings?|e-?mails?)\b",
    r"\bnewsletters?\b.{0,100}\b(?:inbox|mailbox|sign up|subscribe|delivered|every (?:morning|"
    r"evening|day|week|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"privacy (?:policy|notice))",
    r"^(?:get|receive|subscribe to|sign up (?:to|for)) (?:our|the) [\w' -]{0,40}newsletter",
    r"^(?:our|the) (?:free |weekly |daily |morning |evening |best )*newsletter",
    r"^privacy notice\b", r"^after newsletter promotion$", r"^sign up\b",
    r"^(?:[\w'-]+ ){0,3}newsletters?\W*$",
    r"^sign up(?: (?:to|for) [\w' -]{1,40})?\W*$", r"\bsubscribers agree to\b",
    r"\b(?:our|the) (?:free )?(?:morning|evening|daily|weekly) (?:e-?mail|briefing|newsletter)\b",
    r"\bby (?:signing up|subscribing|registering),? you agree", r"^enter your e-?mail",
    r"^thank you for (?:signing up|subscribing|registering)",
    # subscriptions, registration, paywalls
    r"^continue reading\b", r"\bregister(?:ing)? (?:for free|at no cost|now|today)\b",
    r"\bunlimited (?:digital )?access\b", r"^already (?:a subscriber|registered|a member|have an "
    r"account)", r"^(?:log ?in|sign ?in|log ?out|register|subscribe)(?: now| today| here)?\W*$",
    r"\b(?:subscribe|subscription) (?:now|today|for|to (?:continue|read|keep))\b",
    r"\bverify (?:your )?access\b", r"\blog ?in(?:to)? (?:to )?your [\w ]{0,20}account\b",
    r"^become a (?:member|subscriber|supporter|patron)\b",
    r"\b(?:article|content|story) is (?:for|only available to|reserved for|exclusive to) "
    r"(?:subscribers|members)\b", r"\byou(?:'ve| have) (?:reached|used|read) (?:your|the|all)"
    r" [\w ]{0,20}(?:limit|free articles?)\b", r"\bfree articles? (?:left|remaining)\b",
    # donations and support appeals
    r"\bwe have a (?:small )?favou?r to ask\b",
    r"^(?:please )?support (?:us|our (?:work|journalism|reporting|newsroom)|independent "
    r"journalism|[^.]{1,40}!$)", r"\b(?:make|making) (?:a|your) (?:donation|contribution)\b",
    r"^donate\b", r"\bdonate (?:now|today|here|monthly)\b", r"\bconsider supporting\b",
    r"\bplease (?:consider )?support(?:ing)? us\b", r"^remind me\b",
    r"^not ready to (?:support|give|donate|subscribe)", r"\bevery contribution\b",
    r"\bsupport(?:ing)? (?:quality|independent|fearless|our|free) (?:journalism|press|media)\b",
    # sharing and following
    r"^share (?:this|on|via|the|article|story|page)\b",
    r"^(?:follow|like|join) (?:us|@\w+|[\w .]{1,30}) on (?:twitter|x|facebook|instagram|telegram|"
    r"youtube|tiktok|linkedin|whatsapp|bluesky|threads|mastodon)\b",
    r"\bfollow (?:us|@\w+) on\b", r"\bclick here\b", r"^download (?:the|our) (?:free )?app\b",
    # consent banners and embedded posts
    r"^allow [\w .]{1,40} content\??$", r"\bcontent (?:is )?provided by [\w .]{1,30}, (?:as|which)"
    r" (?:it|they) may (?:be using|use) cookies", r"\bask for your permission\b",
    r"^accept (?:and continue|cookies|all)\b", r"^skip [\w .]{1,30} post\b",
    r"^end of [\w .]{1,30} post\b", r"^manage (?:cookies|preferences|consent)\b",
    r"^we value your privacy\b",
    r"\bwe and our \d+ (?:partners|vendors)\b", r"^(?:reject|accept) all\b",
    r"^privacy settings$", r"\brecaptcha\b", r"\blog ?in or register\b",
    r"\bjoin the (?:discussion|conversation)\b", r"^sign in to your\b",
    r"\bsave articles? to read later\b", r"^follow [\w .]{1,30}:$",
    r"\bcookies?\b.{0,60}\b(?:consent|accept|settings|preferences)\b",
)


_APPEAL_START = _any(r"^a message from\b", r"^dear (?:reader|friend|subscriber|member)s?\b",
                     r"^before you go\b", r"\bwe have a (?:small )?favou?r to ask",
                     r"^continue reading\b", r"^(?:support|help) (?:us|our)\b")


# Prompts speak to the reader: a line that matches a prompt pattern is one only if it is short,
# addresses the reader, or opens with a command or a label. "A charity sent a newsletter to its
# subscribers" is news about newsletters, not a prompt.
_READER = re.compile(
    r"\b(?:we|our|us|you|your|yours)\b|^(?:sign|subscribe|register|log|follow|share|donate|"
    r"support|download|click|get|join|continue|enter|accept|allow|reject|skip|end of|manage|"
    r"privacy notice|already|become|remind|not ready|thank you|please|save|read|watch|listen|"
    r"free|try|start|unlock|want)\b", re.IGNORECASE)


_ADDRESS = re.compile(r"\b(?:we|our|us|you|your|yours)\b", re.IGNORECASE)


_APPEAL_WORDS = re.compile(
    r"support|donat|contribut|subscri|journalis|reader|newsletter|mailbox|inbox|independen|"
    r"free|help|sign|regist|access|silence|repression|member", re.IGNORECASE)


def find_prompts(view: TextView) -> list[Span]:
    """Newsletter, subscription, registration, donation and paywall prompts; share and follow
    prompts; cookie and embed consent text.

    A line of at most 80 words matching one of the prompt patterns is removed. A line that
    opens an appeal (``A Message from ...``, ``Dear readers``, a newsletter sign-up, a
    paywall's ``Continue reading ...``) also takes the lines after it for as long as they
    read as part of the appeal: buttons and list items of at most five words, or sentences
    that address the reader (``we``/``you``) about support, subscriptions or journalism.
    """
    spans: list[Span] = []
    lines = view.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        n = _words(line.text)
        prompt = (n <= 80 and _PROMPT.search(line.text)
                  and (n <= 8 or _READER.search(line.text)))
        opens = (n <= 12 or prompt) and _APPEAL_START.search(line.text)
        if not (opens or prompt):
            i += 1
            continue
        spans.append((line.start, line.end))
        i += 1
        if not opens:
            continue
        while i < len(lines):
            text = lines[i].text
            n = _words(text)
            if _LIST_HEADING.search(text) or _TAG_HEADING.match(text) or not (
                    n <= 5 or (n <= 120 and _PROMPT.search(text) and _READER.search(text))
                    or (n <= 120 and _ADDRESS.search(text) and _APPEAL_WORDS.search(text))):
                break
            spans.append((lines[i].start, lines[i].end))
            i += 1
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
    return [(line.start, line.end) for line in view.lines if _is_furniture(line.text)]


def _menu_item(text: str, max_words: int) -> bool:
    return (_words(text) <= max_words and text[-1:] not in ".!?:,;\"'”"
            and not DATE_LINE.match(text) and any(c.isalpha() for c in text))


def _breadcrumb(text: str) -> bool:
    """``World > Middle East``, ``Explainer|Syria's War``: short parts between separators."""
    parts = [p for p in re.split(r"\s*[>»›|]\s*", text) if p.strip()]
    return (len(parts) >= 2 and _words(text) <= 8 and all(_words(p) <= 3 for p in parts)
            and text.rstrip()[-1:] not in ".!?")


def find_menus(view: TextView) -> list[Span]:
    """Navigation menus and breadcrumbs: three or more lines in a row, in one paragraph, of at
    most three words each with no sentence punctuation (``News / Sport / Business``); at the
    very start of a page, two such lines of at most two words (``Opinion / Syria``); a line of
    short parts between ``>``, ``»`` or ``|`` (``World > Middle East``)."""
    spans: list[Span] = []
    for block in view.blocks:
        run: list[Line] = []
        for line in block + [None]:
            if line is not None and _menu_item(line.text, 3):
                run.append(line)
                continue
            if len(run) >= 3:
                spans.append((run[0].start, run[-1].end))
            run = []
    lines = view.lines
    spans += [(line.start, line.end) for line in lines if _breadcrumb(line.text)]
    head = 0
    while head < len(lines) and _menu_item(lines[head].text, 2):
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
