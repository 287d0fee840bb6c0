"""The prompt rule: newsletter, subscription, paywall, donation, share and consent prompts.

Reader appeals that run over several lines are taken whole (see :func:`find_prompts`).
"""

from __future__ import annotations

import functools
import re

from newscorpus.clean.line_rules import _LIST_HEADING, _TAG_HEADING
from newscorpus.clean.patterns import Span, _any, _each_line, _lower, _Words, _words
from newscorpus.clean.textview import TextView

__all__ = ["find_prompts"]

# A pattern that starts with ^ is tried at the start of a line only; every other one needs
# one of the words of _PROMPT_WORDS (a test checks that it has one), and is tried only on the
# lines that have one of them.
_PROMPTS = (
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
    r"^(?:we|this (?:web)?site) uses? cookies\b", r"\bconsent to (?:our|the) use of cookies\b",
)
_PROMPT = _any(*_PROMPTS)
_PROMPT_AT_START = _any(*(p for p in _PROMPTS if p.startswith("^")))
_PROMPT_INSIDE = _any(*(p for p in _PROMPTS if not p.startswith("^")))
_PROMPT_WORDS = _Words("sign", "newsletter", "subscri", "mail", "briefing", "you agree",
                       "register", "access", "account", "members", "limit", "free article",
                       "to ask", "dona", "contribution", "support", "follow", "click here",
                       "cookie", "permission", "we and our", "recaptcha", "join the",
                       "read later")


def _is_prompt(text: str) -> bool:
    """``bool(_PROMPT.search(text))``, faster: the patterns tied to the start of a line are
    tried there only, the others only if the line has one of the words they need."""
    if _PROMPT_AT_START.match(text):
        return True
    lower = _lower(text)
    if lower is None:  # a character that re.IGNORECASE matches to a letter: no shortcut
        return bool(_PROMPT_INSIDE.search(text))
    present = frozenset(word for word in _PROMPT_WORDS.words if word in lower)
    return bool(present) and bool(_prompts_with(present).search(text))


@functools.lru_cache(maxsize=1024)
def _prompts_with(words: frozenset[str]) -> re.Pattern[str]:
    """The prompt patterns not tied to the start of a line that have one of ``words``."""
    return _any(*(p for p in _PROMPTS
                  if not p.startswith("^") and any(word in p.lower() for word in words)))


_APPEAL_START = _any(r"^a message from\b",
                     r"^an? (?:word|note|letter|message) (?:to|for) (?:our )?(?:loyal |dear )?"
                     r"readers\b", r"^dear (?:reader|friend|subscriber|member)s?\b",
                     r"^before you go\b", r"^continue reading\b", r"^(?:support|help) (?:us|our)\b")
_APPEAL_INSIDE = re.compile(r"\bwe have a (?:small )?favou?r to ask", re.IGNORECASE)
_FAVOUR_WORDS = _Words("to ask")  # what _APPEAL_INSIDE needs


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


def _prompt_or_appeal(text: str) -> tuple[bool, bool]:
    """Whether a line is a prompt, and whether it opens an appeal (see :func:`find_prompts`)."""
    n = _words(text)
    prompt = n <= 80 and _is_prompt(text) and (n <= 8 or bool(_READER.search(text)))
    return prompt, (n <= 12 or prompt) and bool(
        _APPEAL_START.match(text) or (_FAVOUR_WORDS.search(text) and _APPEAL_INSIDE.search(text)))


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
    found = _each_line(view, _prompt_or_appeal)
    i = 0
    while i < len(lines):
        line = lines[i]
        prompt, opens = found[i]
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
                    n <= 5 or (n <= 120 and _is_prompt(text) and _READER.search(text))
                    or (n <= 120 and _ADDRESS.search(text) and _APPEAL_WORDS.search(text))):
                break
            spans.append((lines[i].start, lines[i].end))
            i += 1
    return spans
