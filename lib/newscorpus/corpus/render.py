"""A web page as a reader sees it: its visible text blocks, in order, rendered with lxml.

This is how the benchmark's ``text/`` files and the project's scraped texts look: every visible
block of ``<body>`` (menus, captions, "Read more", footers included), white space collapsed.
:func:`visible_blocks` drops what a browser does not show (``<script>``, ``<style>``,
``<noscript>``, ``<template>``, ``<head>``, elements with a ``hidden`` attribute or an inline
``display: none`` / ``visibility: hidden`` style) and starts a new block at every block-level
element (paragraphs, headings, list items, table cells, ``<div>``, ``<br>`` ...). Text inside
inline elements (``<a>``, ``<span>``, ``<b>`` ...) joins its block as written. The tree is walked
without recursion, so deeply nested pages do not hit Python's recursion limit; libxml2 itself
keeps elements down to a depth of 2,048 (``huge_tree``), deeper text is lost.

:func:`dropped_blocks` compares those blocks with an extracted text, to show what an extractor
left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html
from lxml import etree

__all__ = ["BLOCK_TAGS", "dropped_blocks", "visible_blocks"]

#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu",
    "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})
_INVISIBLE = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "audio", "video",
})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_TOKEN = re.compile(r"\w+")


def _hidden(element: etree._Element) -> bool:
    return (element.tag in _INVISIBLE or element.get("hidden") is not None
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


def visible_blocks(document: str) -> list[str]:
    """Return the visible text blocks of an HTML document, white space collapsed.

    Examples
    --------
    >>> visible_blocks("<body><nav>Home | World</nav><p>Moscow <b>said</b> on Tuesday."
    ...                "<script>track()</script></p><div hidden>secret</div>Footer</body>")
    ['Home | World', 'Moscow said on Tuesday.', 'Footer']
    """
    document = _XML_DECLARATION.sub("", document, count=1)
    if not document.strip():
        return []
    try:
        root = lxml.html.document_fromstring(document, parser=lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, huge_tree=True))
    except (etree.ParserError, ValueError):  # a page with no elements at all
        return []
    body = root.find("body")
    start = body if body is not None else root
    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        block = " ".join("".join(parts).split())
        if block:
            blocks.append(block)
        parts.clear()

    walker = etree.iterwalk(start, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or _hidden(element):
                walker.skip_subtree()  # its tail is still added on its "end" event
                continue
            if tag in BLOCK_TAGS:
                flush()
            parts.append(element.text or "")
        else:
            if tag in BLOCK_TAGS:
                flush()
            if element is not start:
                parts.append(element.tail or "")
    flush()
    return blocks


def _sequence(text: str) -> str:
    return " " + " ".join(_TOKEN.findall(text)) + " "


def dropped_blocks(blocks: Iterable[str], kept: Iterable[str]) -> list[str]:
    """Return the blocks whose words do not appear, in order, in any of the ``kept`` texts.

    A block counts as kept when its word tokens (``\\w+``) occur as one consecutive run in the
    word tokens of a kept text (the extracted body, its title); punctuation and spacing are
    ignored, so an extractor's different spacing does not count as a change. A block kept only
    in part (an extractor trimmed a trailing "Read more") is listed as dropped, whole; blocks
    without a word (``|``, ``•``) are not listed.

    Examples
    --------
    >>> dropped_blocks(["Home | World", "Moscow said on Tuesday.", "|"],
    ...                ["Moscow said on Tuesday ."])
    ['Home | World']
    """
    haystacks = [_sequence(text) for text in kept]
    out = []
    for block in blocks:
        needle = _sequence(block)
        if needle.strip() and not any(needle in hay for hay in haystacks):
            out.append(block)
    return out
