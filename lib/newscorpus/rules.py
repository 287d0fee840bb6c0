"""The cleaning rules: each finds one family of page furniture or noise in news text.

A rule is a function ``find(view) -> list of (start, end)`` over a
:class:`~newscorpus.textview.TextView`; it reports the spans it wants removed and changes
nothing itself. :mod:`newscorpus.clean` runs the rules in the order of :data:`RULES`, removes
what each reports and records every span in the audit. Every rule is written for news pages in
general (wire services, broadcasters, papers, aggregators), and the phrase lists they use are
data files in ``newscorpus/data`` that users can extend.

Line rules look at whole lines and paragraphs; inline rules at spans inside a line; sentence
rules (in :mod:`newscorpus.segment`) at whole sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from newscorpus.resources import WORD_PATTERN, is_word, stem, stop_words
from newscorpus.textview import Line, TextView

__all__ = ["BYLINE", "DATE_LINE", "RULES", "Rule", "page_furniture", "photo_agencies"]

Span = tuple[int, int]
_WORD = re.compile(WORD_PATTERN)


@dataclass(frozen=True)
class Rule:
    """A named, documented, separately switchable cleaning rule.

    ``family`` groups rules for reporting (the families of the gold standard in
    ``tests/gold``); ``find`` is ``None`` for rules applied elsewhere (the Unicode
    normalisation, and the sentence rules of :mod:`newscorpus.segment`).
    """

    name: str
    family: str
    description: str
    find: Callable[[TextView], list[Span]] | None = None


def _phrases(name: str) -> frozenset[str]:
    text = (resources.files("newscorpus") / "data" / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


@functools.cache
def photo_agencies() -> frozenset[str]:
    """Agency and photo-service names from ``data/photo_agencies_en.txt`` (lower case)."""
    return _phrases("photo_agencies_en.txt")


@functools.cache
def page_furniture() -> frozenset[str]:
    """Button and navigation phrases from ``data/page_furniture_en.txt`` (lower case)."""
    return _phrases("page_furniture_en.txt")


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? "
         rf"\d{{4}}|{_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})")
#: A byline: ``By Jane Doe and John Roe``.
BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+[A-Z][\w.'-]+", re.IGNORECASE)

#: A line that is only a date, perhaps with a time and "Published"/"Updated" before it.
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)(?: on)?:?\s*)?"
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?{_DATE}"
    rf"(?:,? (?:at )?\d{{1,2}}[:.]\d{{2}}(?:\s?[ap]\.?m\.?)?(?: [A-Z]{{2,4}})?)?\.?$",
    re.IGNORECASE)

def _words(text: str) -> int:
    """Number of words, counted as space-separated pieces (cheap; used for length limits)."""
    return len(text.split())


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _is_furniture(text: str) -> bool:
    """Whether ``text`` is only a button or navigation label (see :func:`page_furniture`)."""
    core = re.sub(r"^[\W_]+|[\s.:!|>»›→·•]+$", "", text.strip()).lower()
    return bool(core) and (core in page_furniture() or bool(_COUNTED_FURNITURE.fullmatch(core)))


_COUNTED_FURNITURE = re.compile(
    r"\d+\s*(?:min(?:ute)?s?|sec)\.? (?:read|listen|watch)"
    r"|(?:read|view|show) (?:all )?\d+ comments?|\d+ comments?"
    r"|(?:updated|published|posted) \d+ (?:minutes?|hours?|days?) ago"
    r"|page \d+(?: of \d+)?|(?:list |item |slide |image )?\d+ of \d+|skip to [\w ]{1,40}"
    r"|\d{1,2}:\d{2}(?::\d{2})?|comments? \(\d+\)", re.IGNORECASE)


# --- captions and credits ---------------------------------------------------------------------

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


# --- prompts: newsletters, subscriptions, paywalls, donations, sharing, consent -------------

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


# --- related articles, cross-promotion and page furniture -------------------------------------

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


# --- tags and topics --------------------------------------------------------------------------

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


def _is_prose(text: str, min_words: int = 12) -> bool:
    """Whether a line reads as a sentence of prose: long enough, ending as sentences do."""
    return _words(text) >= min_words and text.rstrip()[-1:] in ".!?\"'”"


# --- disclaimers, credits and author bios -----------------------------------------------------

_DISCLAIMER = _any(
    r"\b(?:views|opinions) expressed (?:in this [\w -]{1,30} |here(?:in)? )?(?:are|is) "
    r"(?:those of |solely |entirely )?(?:the|its|his|her|their)(?: own)? authors?",
    r"\b(?:views|opinions?) (?:of|expressed by) the authors?\b",
    r"\bdo(?:es)? not necessarily (?:reflect|represent)\b", r"\bmay not necessarily reflect\b",
    r"^(?:\(|—|-)?\s*(?:additional )?reporting by\b",
    r"^(?:\(|—|-)?\s*(?:writing|editing|edited|compiled|produced|graphics|research) by\b",
    r"\bcontributed (?:reporting|to this (?:report|article|story))\b",
    r"^our standards\b", r"\btrust principles\b",
    r"^a version of this (?:article|story|piece) (?:appears|appeared)\b",
    r"\bappears? in print on\b", r"^©", r"^copyright\b", r"\ball rights reserved\b",
    r"^this (?:article|story|piece) (?:has been|was) (?:amended|corrected|updated)\b",
    r"^_{3,}\s*$", r"^(?:the )?author'?s? (?:bio|biography)\b",
    r"\bis not responsible for the content of external\b",
    r"^this (?:article|story|piece) was (?:originally|first) published\b",
    r"^source: [\w .&,'-]{1,40}$", r"(?:^|\s)©\s?\d{4}\b",
)
_BIO = re.compile(
    r"^(?:[—–-]\s*)?[A-Z][\w.'-]+(?: (?:[A-Z][\w.'-]*|de|al|van|von|bin|ibn|la|le)){1,4},? "
    r"(?:(?:is|was|serves as|has been|is currently|was formerly) (?:a|an|the|currently|formerly|"
    r"previously|also)\b|(?:reports|writes|reported|wrote) (?:on|about|for|from)\b|covers\b|"
    r"is based in\b)")


def find_disclaimers(view: TextView) -> list[Span]:
    """Author disclaimers (``The views expressed ... do not necessarily reflect ...``),
    reporting and editing credits, trust-principle and print-edition notes, copyright lines.

    A line of at most 80 words that matches one of the patterns is removed.
    """
    return [(line.start, line.end) for line in view.lines
            if _words(line.text) <= 80 and _DISCLAIMER.search(line.text)]


def find_author_bios(view: TextView) -> list[Span]:
    """Author bios at the end of a piece (``Jane Doe is a senior fellow at ...``).

    Only among the last three paragraphs, and only a paragraph of one line, at most three
    sentences and 70 words, that starts with a name followed by ``is a``/``was the``/...; a
    bio-like sentence inside the article is journalism and stays.
    """
    blocks = view.blocks
    spans = []
    for block in blocks[max(1, len(blocks) - 3):]:
        line = block[0]
        if (len(block) == 1 and _words(line.text) <= 70 and _BIO.match(line.text)
                and len(re.findall(r"[.!?](?:\s|$)", line.text)) <= 3):
            spans.append((line.start, line.end))
    return spans


# --- cross-promotion headlines (by lexical cohesion) ------------------------------------------



def find_promo_headlines(view: TextView) -> list[Span]:
    """Headlines of other stories dropped between paragraphs with no marker.

    A one-line paragraph of 4 to 20 words that is not a sentence (no final full stop), after
    the first two paragraphs, is taken for a cross-promotion headline when fewer than half of
    its content words (stemmed, stop words left out) occur anywhere else in the document.
    A subheading shares its words with the article it introduces; a promotion for another
    story does not. Needs at least 150 content words elsewhere to judge.
    """
    stops = stop_words()

    def content(text: str) -> list[str]:
        return [stem(w.lower()) for w in _WORD.findall(text)
                if w.lower() not in stops and not w[0].isdigit()]

    candidates: list[Line] = []
    for block in view.blocks[2:]:
        text = block[0].text
        if (len(block) == 1 and 4 <= _words(text) <= 20 and not text.endswith(".")
                and not text.startswith(("\"", "'", "“")) and not BYLINE.match(text)
                and not DATE_LINE.match(text)):
            candidates.append(block[0])
    if not candidates:
        return []
    counts: dict[str, int] = {}
    for word in content(view.text):
        counts[word] = counts.get(word, 0) + 1
    spans = []
    for line in candidates:
        words = content(line.text)
        own: dict[str, int] = {}
        for word in words:
            own[word] = own.get(word, 0) + 1
        elsewhere = sum(counts.values()) - len(words)
        if len(set(words)) < 4 or elsewhere < 150:
            continue
        shared = sum(1 for w in set(words) if counts.get(w, 0) > own[w])
        if shared / len(set(words)) < 0.5:
            spans.append((line.start, line.end))
    return spans


# --- inline: wire codes and citation markers --------------------------------------------------

# Reuters-style story codes: "[nL8N1RO176]", "[ID:nLDE61J0ZK]"; also runs of them.
_WIRE_CODE = re.compile(
    r"(?:\s*\[(?:ID:)?n?(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,14}\])+")
# Citation markers: "[24]", "[3, 4]", "[12–14]", "[citation needed]", "[a]", "[]".
_CITATION = re.compile(
    r"(?:\s*\[(?:\d{1,4}(?:\s*[,–—-]\s*\d{1,4})*|citation needed|clarification needed|"
    r"according to whom\?|when\?|who\?|edit|note \d+|[a-z]|\s*)\])+")


def _inline(view: TextView, pattern: re.Pattern[str]) -> list[Span]:
    """Spans of ``pattern`` with the space before them, so no double space is left behind.

    A match at the start of a line takes the space after it instead.
    """
    spans = []
    text = view.text
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == 0 or text[start - 1] == "\n":
            while end < len(text) and text[end] == " ":
                end += 1
        spans.append((start, end))
    return spans


def find_wire_codes(view: TextView) -> list[Span]:
    """Wire-service story codes in square brackets (``[nL8N1RO176]``): letters and digits
    mixed, 6 to 14 characters. Bracketed words (``[OPCW]``, ``[in Syria]``) are text and stay.
    """
    return _inline(view, _WIRE_CODE)


def find_citations(view: TextView) -> list[Span]:
    """Citation and note markers copied from reference works: ``[24]``, ``[3, 4]``,
    ``[citation needed]``, ``[a]`` and empty brackets ``[]``."""
    return _inline(view, _CITATION)


# --- inline: broken words and gibberish -------------------------------------------------------

_LETTER_TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w'’-])")


@functools.cache
def word_endings() -> frozenset[str]:
    """Endings that are pieces of a broken word when alone (``data/word_endings_en.txt``)."""
    return _phrases("word_endings_en.txt")


def find_broken_words(view: TextView) -> list[Span]:
    """Words broken by a stray space (``launch ed``, ``govern ment``, ``I t's``): the space is
    removed.

    Two neighbouring letter tokens are joined when the joined form is an English word
    (:func:`~newscorpus.resources.is_word`), the second part starts in lower case, and at
    least one part is not a word: not in the word list, or (the second part) a word ending
    such as ``ed``, ``ment`` or ``tions`` (:func:`word_endings`). ``a bout`` stays, because
    both parts are words.
    """
    spans = []
    text = view.text
    endings = word_endings()
    previous = None
    for match in _LETTER_TOKEN.finditer(text):
        if (previous is not None and match.start() == previous.end() + 1
                and text[previous.end()] == " "):
            left, right = previous.group(), match.group()
            if (right[0].islower() and len(left) + len(right) >= 4 and is_word(left + right)
                    and not (is_word(left) and is_word(right) and right not in endings)):
                spans.append((previous.end(), match.start()))
                previous = None  # a joined word does not join again
                continue
        previous = match
    return spans


_TOKEN = re.compile(r"\S+")


def _noise(token: str) -> bool:
    core = token.strip(".,;:!?\"'()[]")
    return (len(core) >= 2 and core.isalpha() and core.islower() and core.isascii()
            and (not is_word(core) or (len(core) >= 3 and not _VOWEL.search(core))))


_VOWEL = re.compile(r"[aeiouy]")


def find_gibberish(view: TextView, *, min_run: int = 3) -> list[Span]:
    """Runs of at least three neighbouring tokens that are not words of the language.

    A token counts as noise if it is lower-case letters only and not in the English word
    list, or has three letters or more and no vowel (``dwp``); capitalised names
    (``Khmeimim``, ``Lavrentiev``) never do, and one unknown word between real words is not a
    run.
    """
    spans = []
    for line in view.lines:
        run: list[re.Match[str]] = []
        for match in list(_TOKEN.finditer(line.text)) + [None]:
            if match is not None and _noise(match.group()):
                run.append(match)
                continue
            if len(run) >= min_run:
                start, end = line.start + run[0].start(), line.start + run[-1].end()
                before = view.text[start - 1] if start > 0 else "\n"
                spans.append((start - 1, end) if before == " " else (start, end))
            run = []
    return spans


#: Every rule, in the order cleaning applies them. ``unicode`` runs first, in
#: :func:`newscorpus.normalize.normalize`; ``furniture_sentences`` and ``duplicates`` run last,
#: on sentences, in :mod:`newscorpus.segment`.
RULES: tuple[Rule, ...] = (
    Rule("unicode", "unicode", "NFKC, straight quotes, one dash, one kind of space; invisible "
         "format characters (soft hyphens, zero-width spaces) removed"),
    Rule("captions", "caption", find_captions.__doc__.split("\n")[0], find_captions),
    Rule("prompts", "prompt", "newsletter, subscription, paywall, donation, share, follow and "
         "consent prompts", find_prompts),
    Rule("tags", "tags", "topic and tag lists with their headings", find_tags),
    Rule("related", "related", "related and recommended article lists, cross-promotion lines, "
         "Read more", find_related),
    Rule("furniture", "related", "buttons and navigation left on their own line",
         find_furniture_lines),
    Rule("menus", "related", "navigation menus and breadcrumbs: runs of very short lines",
         find_menus),
    Rule("disclaimers", "disclaimer", "author disclaimers, reporting credits, print and "
         "copyright notes", find_disclaimers),
    Rule("author_bios", "disclaimer", "author bios at the end of a piece", find_author_bios),
    Rule("wire_codes", "wire_code", "wire-service story codes such as [nL8N1RO176]",
         find_wire_codes),
    Rule("citations", "citation", "citation markers such as [24], [citation needed], []",
         find_citations),
    Rule("broken_words", "broken_word", "words broken by a stray space (launch ed)",
         find_broken_words),
    Rule("gibberish", "gibberish", "runs of three or more tokens that are not words",
         find_gibberish),
    Rule("promo_headlines", "related", "headlines of other stories, found by their lack of "
         "shared words with the article", find_promo_headlines),
    Rule("furniture_sentences", "related", "sentences that are only a button or label "
         "(Published., Share.)"),
    Rule("duplicates", "duplicate", "exact and near-duplicate sentences; the first is kept"),
)
