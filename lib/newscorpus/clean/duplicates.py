"""Duplicates: sentences and passages that repeat earlier text of the same document.

:func:`find_duplicates` is the last cleaning rule (``duplicates``, see
:mod:`newscorpus.clean.rules`); it works on the sentences of a
:class:`~newscorpus.clean.textview.TextView` and on the run of its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress

import numpy as np

from newscorpus.clean.patterns import _each_line, _line_words
from newscorpus.clean.textview import TextView

__all__ = ["find_duplicates"]


def _with_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a sentence span by one neighbouring space so no double space is left."""
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    if end < len(text) and text[end] == " ":
        return start, end + 1
    return start, end


def find_duplicates(view: TextView, *, threshold: float = 0.8, min_words: int = 5,
                    passage_words: int = 12) -> list[tuple[int, int]]:
    """Sentences and passages that repeat earlier text of the same document.

    The first occurrence is always kept; words are compared in lower case.

    * A sentence of at least ``min_words`` words is a duplicate if it equals an earlier one,
      or if at least ``threshold`` of its word trigrams occur in one earlier sentence (a
      snippet repeated with a different cut). Each trigram indexes at most 200 sentences, so
      the work stays linear in the length of the text.
    * A passage of ``passage_words`` words or more that occurred before is a duplicate
      wherever it stands: a snippet cut short and run into the next one is not a sentence of
      its own.
    * Repeated wording with other figures is not a repeat but items of a list (``held in
      jail in lieu of $268,500 bond``, ``... of $72,500 bond``): a near-duplicate sentence
      whose figures differ from those of the earlier one, and a passage followed by other
      figures than before, are kept.
    * A sentence of ``min_words`` words or more that occurred before as a whole sentence is
      a duplicate also where it ends a longer run of text (``... was staging What does Russia
      really want?``).

    Examples
    --------
    >>> text = ("Russia keeps two bases in Syria. Assad fled. "
    ...         "Russia keeps two bases in Syria today. Assad fled.")
    >>> [text[a:b] for a, b in find_duplicates(TextView(text))]
    [' Russia keeps two bases in Syria today.']
    """
    text = view.text
    found = _each_line(view, _line_words)
    known = view.memo.setdefault(find_duplicates, {})  # the sentences of each paragraph
    sentences = []
    number = 0  # of the sentence in the text (as in view.sentences)
    for block in view.blocks:
        start = block[0].start
        paragraph = text[start:block[-1].end]
        words = known.get(paragraph)
        if words is None:
            words = known[paragraph] = _paragraph_words(view, block, found, paragraph)
        for a, b, sentence, grams in words:
            if len(sentence) >= min_words:
                sentences.append((number, start + a, start + b, sentence, grams))
            number += 1
    # The sentences kept by the last search are, in the same order, all kept again (each meets
    # the same earlier sentences as then): a second round does not search them again.
    kept_before = view.memo.get(("kept", threshold, min_words))
    if kept_before is not None and [sentence[3] for sentence in sentences] == kept_before:
        duplicates = set()
    else:
        duplicates = _duplicate_sentences(sentences, threshold)
    view.memo["kept", threshold, min_words] = [
        sentence[3] for k, sentence in enumerate(sentences) if k not in duplicates]
    spans = [_with_space(text, sentences[k][1], sentences[k][2]) for k in sorted(duplicates)]
    words = list(chain.from_iterable(f[1] for f in found))
    stops = b"".join(f[3] for f in found)
    capitals = b"".join(f[4] for f in found)
    marked = _repeated_passages(words, stops, capitals, passage_words, min_words)
    if any(marked):
        firsts = list(accumulate(len(f[0]) for f in found))  # the number of words up to each line
        for run in _MARKED.finditer(marked):
            start = _word_span(view, found, firsts, run.start())[0]
            end = _word_span(view, found, firsts, run.end() - 1)[1]
            if text[end:end + 1] in (".", "?", "!", ","):
                end += 1
            spans.append(_with_space(text, start, end))
    return spans


# The words of WORD_RE, found faster (see newscorpus.clean.patterns._WORD_SPLIT).
_WORDS = re.compile(r"(?=\w)(?:\d++(?:[.,]\d++)++|[^\W_]++(?:[-'’.][^\W_]++)*+)")
_MARKED = re.compile(rb"\x01+")


def _duplicate_sentences(sentences: list[tuple], threshold: float) -> set[int]:
    """Which of ``sentences`` (``number, start, end, words, trigrams``) repeat an earlier one
    (see :func:`find_duplicates`)."""
    # A trigram of one sentence only is shared with no other: the index leaves it out.
    earlier: set[tuple[str, ...]] = set()
    repeated: set[tuple[str, ...]] = set()
    for sentence in sentences:
        repeated |= sentence[4] & earlier
        earlier |= sentence[4]
    duplicates = set()
    exact: set[tuple[str, ...]] = set()
    index: dict[tuple[str, ...], list[int]] = {}
    words_of = {sentence[0]: sentence[3] for sentence in sentences}
    for k, (number, _, _, sentence, grams) in enumerate(sentences):
        common = grams & repeated
        duplicate = sentence in exact
        # At most the trigrams of ``common`` are shared with one earlier sentence.
        if not duplicate and grams and len(common) / len(grams) >= threshold:
            shared = Counter(chain.from_iterable(index[g] for g in common if g in index))
            best, count = max(shared.items(), key=lambda item: (item[1], -item[0]),
                              default=(None, 0))
            # Sentences alike but for their figures are items of a list (arrests with their
            # bail, offers with their prices), not a repeat.
            duplicate = count / len(grams) >= threshold and (
                _figures(sentence) == _figures(words_of[best]) or not _figures(sentence))
        if duplicate:
            duplicates.add(k)
            continue
        exact.add(sentence)
        for gram in common:
            postings = index.setdefault(gram, [])
            if len(postings) < 200:
                postings.append(number)
    return duplicates


def _figures(words: tuple[str, ...]) -> list[str]:
    """The words of a sentence that hold a digit, in order."""
    return [word for word in words if any(map(str.isdigit, word))]


def _other_figures(words: list[str], j: int, i: int, size: int) -> bool:
    """Whether the passage of ``size`` words at ``i``, seen at ``j`` before, is followed by
    other figures there than here (within 16 words): items of a list, not a repeat."""
    before = _figures(tuple(words[j + size:j + size + 16]))
    after = _figures(tuple(words[i + size:i + size + 16]))
    return bool(before) and bool(after) and before != after


def _paragraph_words(view: TextView, block: list, found: list, paragraph: str) -> list[tuple]:
    """``(start, end, words, trigrams)`` of each sentence of a paragraph: offsets into it, and
    its words in lower case, as ``WORD_RE.findall`` gives them (``found``: the lines'
    ``_line_words``; in a paragraph of one line, the line's words between the edges)."""
    spans = view.paragraph_sentences(paragraph)
    out = []
    starts = ends = None
    if len(block) == 1:
        pieces, lower = found[block[0].index][2], found[block[0].index][1]
        offsets = list(accumulate(map(len, pieces)))
        starts, ends = offsets[0:-1:2], offsets[1::2]
    for a, b in spans:
        words = None
        if starts is not None:
            lo, hi = bisect_left(starts, a), bisect_right(ends, b)
            if not ((lo and ends[lo - 1] > a) or (hi < len(starts) and starts[hi] < b)):
                words = tuple(lower[lo:hi])  # no word runs across the edges of the sentence
        if words is None:
            words = tuple(map(str.lower, _WORDS.findall(paragraph[a:b])))
        out.append((a, b, words, set(zip(words, words[1:], words[2:], strict=False))))
    return out


def _word_span(view: TextView, found: list, firsts: list[int], index: int) -> tuple[int, int]:
    """Where word ``index`` of the text starts and ends (``found``: the lines' ``_line_words``,
    ``firsts``: the number of words up to the end of each line)."""
    k = bisect_right(firsts, index)
    pieces = found[k][2]
    local = index - (firsts[k - 1] if k else 0)
    start = view.lines[k].start + sum(map(len, pieces[:2 * local + 1]))
    return start, start + len(pieces[2 * local + 1])


def _maybe_repeated(words: list[str], size: int) -> list[int]:
    """Where a passage of ``size`` words may start that occurs twice in ``words``: a cheap test
    that misses none (in text order, so the first occurrence of each passage is the same).

    A passage that occurs twice has each of its word pairs twice; pairs are compared by a hash,
    which can only let more through.
    """
    if len(words) < size:
        return []
    hashes = np.fromiter(map(hash, words), dtype=np.int64, count=len(words))
    pairs = hashes[:-1] * 1_000_003 + hashes[1:]  # (wraps around: a hash of the pair)
    order = pairs.argsort()
    same = pairs[order[1:]] == pairs[order[:-1]]  # equal to the next in sorted order
    seen_twice = np.zeros(len(pairs), dtype=np.int64)
    seen_twice[order[1:][same]] = 1
    seen_twice[order[:-1][same]] = 1
    twice = np.concatenate(([0], np.cumsum(seen_twice)))
    return np.flatnonzero(twice[size - 1:] - twice[:len(twice) - size + 1] == size - 1).tolist()


def _repeated_passages(words: list[str], stops: bytes, capitals: bytes, size: int,
                       min_clause: int) -> bytearray:
    """Mark the words of passages of ``size`` words or more seen before, and of whole clauses
    seen before that end a longer run of text (see :func:`find_duplicates`); ``stops`` and
    ``capitals`` say which words a sentence end follows and which start with a capital."""
    n = len(words)
    marked = bytearray(n)
    first: dict[tuple[str, ...], int] = {}
    for i in _maybe_repeated(words, size):
        j = first.setdefault(tuple(words[i:i + size]), i)
        if j + size <= i and not _other_figures(words, j, i, size):
            marked[i:i + size] = b"\x01" * size
    # Whole clauses (capitalised, ending in . ? or !) seen before, ending a later run of text:
    # the first start (from the clause's own start on, then at capitals) of the run before a
    # sentence end whose words from there form a clause seen before. A clause that ends in
    # the same word and has the right length is looked for.
    clauses: set[tuple[str, ...]] = set()
    lengths: dict[str, set[int]] = {}  # the lengths of the clauses ending in each word
    start = 0
    for i in compress(range(n), stops):
        for length in sorted(lengths.get(words[i], ()), reverse=True):
            k = i + 1 - length
            if (k == start or (k > start and capitals[k])) and tuple(words[k:i + 1]) in clauses:
                marked[k:i + 1] = b"\x01" * length
                break
        length = i + 1 - start
        if length >= min_clause and capitals[start]:
            clauses.add(tuple(words[start:i + 1]))
            lengths.setdefault(words[i], set()).add(length)
        start = i + 1
    return marked
