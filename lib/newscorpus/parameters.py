"""The collection's parameters checked by name, before anything runs, in the reader's words.

A notebook's library calls name their own arguments (``n``, ``k``); a reader sets
``ngram_range`` or ``top_n`` in a YAML file or in a notebook's parameters cell. So every
parameter the notebooks declare is checked here, by the name the reader wrote, with what was
expected and how to fix it: by ``newscorpus run`` before the first notebook starts, and by each
notebook right after its imports (``check_parameters(globals())``), so an edit in JupyterLab is
checked too. Names this module does not know are left to the notebooks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from newscorpus.base.errors import ParameterError, Problem

__all__ = ["CHECKS", "check_parameters"]


def _int(minimum: int, maximum: int | None = None) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected a whole number, got {value!r}"
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            return f"expected at least {minimum}{upper}, got {value}"
        return None
    return check


def _number(lo: float, hi: float) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
            return f"expected a number from {lo} to {hi}, got {value!r}"
        return None
    return check


def _strings(choices: Callable[[], tuple[str, ...]] | None = None,
             empty_ok: bool = True) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of words in quotes, got {value!r}"
        if not value and not empty_ok:
            return "expected at least one item"
        if choices is not None:
            known = choices()
            unknown = [v for v in value if v not in known]
            if unknown:
                return (f"{', '.join(map(repr, unknown))} {'is' if len(unknown) == 1 else 'are'}"
                        f" not one of {', '.join(known)}")
        return None
    return check


def _choice(choices: Callable[[], tuple[str, ...]]) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        known = choices()
        return None if value in known else f"expected one of {', '.join(known)}, got {value!r}"
    return check


def _ngram_range(value: object) -> str | None:
    ok = (isinstance(value, list | tuple) and len(value) == 2
          and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
          and 1 <= value[0] <= value[1] <= 5)
    return None if ok else ("expected [shortest, longest] with 1 <= shortest <= longest <= 5, "
                            f"got {value!r}, for example [1, 2] for words and pairs of words")


def _terms(value: object) -> str | None:
    from newscorpus.base.terms import TermMatcher

    problem = _strings(empty_ok=False)(value)
    if problem:
        return problem
    try:
        TermMatcher(value)
    except ParameterError as exc:
        return "; ".join(p.message for p in exc.problems)
    return None


def _periods(value: object) -> str | None:
    from newscorpus.corpus.describe import parse_periods

    try:
        parse_periods(value)  # type: ignore[arg-type]
    except ParameterError as exc:
        return "; ".join(p.message for p in exc.problems)
    return None


def _thresholds(value: object) -> str | None:
    ok = isinstance(value, list) and (not value or (
        len(value) == 2 and all(isinstance(v, int | float) and not isinstance(v, bool)
                                and -1 <= v <= 1 for v in value) and value[0] < value[1]))
    return None if ok else (f"expected [] (the method's own) or [negative, positive] with "
                            f"-1 <= negative < positive <= 1, got {value!r}")


def _bool(value: object) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {value!r}"


def _group_by(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"expected a column of documents.csv or period, got {value!r}"
    return None


def _kinds() -> tuple[str, ...]:
    from newscorpus.corpus.validate import KINDS
    return KINDS


def _rules() -> tuple[str, ...]:
    from newscorpus.clean.pipeline import RULE_NAMES
    return tuple(RULE_NAMES)


def _roles() -> tuple[str, ...]:
    from newscorpus.clean.segment import ROLES
    return tuple(ROLES)


def _methods() -> tuple[str, ...]:
    from newscorpus.sentiment.checks import METHODS
    return METHODS


def _scheduler(value: object) -> str | None:
    if not isinstance(value, str):
        return f"expected the address of a Dask scheduler in quotes, or \"\", got {value!r}"
    return None


#: The check of each parameter: a function returning what is wrong, or None.
CHECKS: dict[str, Callable[[object], str | None]] = {
    "exclude_kinds": _strings(_kinds),
    "skip_rules": _strings(_rules),
    "roles": _strings(_roles, empty_ok=False),
    "extra_stop_words": _strings(),
    "examples": _strings(),
    "follow_terms": _terms,
    "collocation_nodes": _strings(empty_ok=False),
    "min_token_length": _int(1),
    "max_documents": _int(1),
    "top_n": _int(1, 200),
    "ngram_range": _ngram_range,
    "collocation_window": _int(2, 20),
    "min_freq": _int(1),
    "group_by": _group_by,
    "periods": _periods,
    "method": _choice(_methods),
    "unit": _choice(lambda: ("sentence", "paragraph")),
    "thresholds": _thresholds,
    "negative_threshold": _number(-1.0, 1.0),
    "positive_threshold": _number(-1.0, 1.0),
    "n_boot": _int(0, 100_000),
    "aggregate_over_time": _bool,
    "quotes": _int(1, 50),
    "seed": _int(0),
    "workers": _int(0, 512),
    "backend": _choice(lambda: ("local", "dask")),
    "scheduler": _scheduler,
    "partition_mb": _number(0.001, 100_000.0),
    "dashboard": _bool,
}


def check_parameters(values: Mapping[str, object], *, where: str = "") -> None:
    """Check every known parameter in ``values``; raise one error listing every problem.

    Parameters
    ----------
    values : mapping
        Parameter names to values (a parsed YAML file, or a notebook's ``globals()``).
    where : str
        The file the values come from, named in the messages.

    Raises
    ------
    ParameterError
        One problem per bad value: the parameter as the reader wrote it, what is wrong, the fix.

    Examples
    --------
    >>> check_parameters({"top_n": 12, "ngram_range": [1, 2], "other": object()})
    >>> check_parameters({"top_n": 0, "ngram_range": [2, 1]}, where="params/mine.yaml")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: params/mine.yaml, field 'top_n': expected at least 1 \
and at most 200, got 0. Fix: set top_n to a valid value (see params/default.yaml for the \
default and its meaning).
    params/mine.yaml, field 'ngram_range': expected [shortest, longest] with 1 <= shortest <= \
longest <= 5, got [2, 1], for example [1, 2] for words and pairs of words. Fix: set ngram_range \
to a valid value (see params/default.yaml for the default and its meaning).
    """
    problems = []
    for name, check in CHECKS.items():
        if name not in values:
            continue
        message = check(values[name])
        if message:
            problems.append(Problem(where or f"parameter '{name}'", message,
                                    f"set {name} to a valid value (see params/default.yaml for "
                                    "the default and its meaning)",
                                    field=name if where else ""))
    if (isinstance(values.get("negative_threshold"), int | float)
            and isinstance(values.get("positive_threshold"), int | float)
            and values["negative_threshold"] > values["positive_threshold"]):
        problems.append(Problem(where or "parameter 'negative_threshold'",
                                "negative_threshold is above positive_threshold",
                                "make negative_threshold the lower of the two",
                                field="negative_threshold" if where else ""))
    if problems:
        raise ParameterError(problems)
