"""The ``newscorpus`` command line.

``newscorpus validate DIR``      check a corpus folder; one summary line, or every problem
``newscorpus clean FILE...``     print the clean text of each file, exactly as the notebooks
                                 clean it (``--report``: the removals, as CSV); a web page
                                 (.html, .htm, .gz) is cleaned as its extracted article text
``newscorpus import TABLE DIR``  write a corpus folder from a CSV, TSV, JSON Lines or Parquet
                                 table of articles (``--id COL --text COL`` and more)
``newscorpus run``               execute the notebooks with papermill (what ``make run`` does)
``newscorpus resources``         list the linguistic resources and their versions
``newscorpus sentiment FILE``    score each line of a file as one text, as the notebooks score
                                 sentences; CSV on standard output
``newscorpus motives FILE``      the motives each line attributes to Russia, as notebook 04
                                 labels sentences, with the evidence; CSV on standard output

Input errors are printed as sentences (what, where, how to fix) with exit status 1; a usage
error exits with 2. No traceback is shown for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newscorpus import __version__
from newscorpus.base.errors import NewsCorpusError, Problem

__all__ = ["build_parser", "main"]


def _validate(args: argparse.Namespace) -> int:
    from newscorpus.corpus.validate import validate_corpus

    report = validate_corpus(args.dir)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


def _run(args: argparse.Namespace) -> int:
    from newscorpus.run import run_all

    # Paths typed on the command line are read from the working directory; the defaults are
    # the project's own files.
    def here(path: str | None) -> Path | None:
        return None if path is None else Path(path).expanduser().resolve()

    runs = run_all(here(args.params) or "params/default.yaml",
                   notebooks_dir=here(args.notebooks) or "notebooks",
                   corpus=here(args.corpus), out=here(args.out), only=args.only,
                   progress=not args.quiet, timeout=args.timeout)
    print(f"ran {len(runs)} notebook(s) in {sum(r.seconds for r in runs):.0f} s")
    return 0


def _clean(args: argparse.Namespace) -> int:
    import csv

    from newscorpus.clean.pipeline import (
        PAGE_RULES,
        RULE_NAMES,
        check_rules,
        clean_text,
        select_rules,
    )
    from newscorpus.corpus.decoding import is_html_name
    from newscorpus.corpus.files import read_text

    if args.list_rules:
        from newscorpus.clean.pipeline import rules_table

        for row in rules_table().itertuples():
            print(f"{row.rule:<20} {row.family:<12} {row.description}")
        return 0
    _known_rules(args.rules, "--rules", RULE_NAMES)
    _known_rules(args.skip, "--skip", RULE_NAMES)
    rules = check_rules(args.rules, parameter="--rules") if args.rules else RULE_NAMES
    kept = select_rules(args.skip or (), parameter="--skip")
    rules = tuple(r for r in rules if r in kept)
    if not args.files:
        raise NewsCorpusError(Problem("newscorpus clean", "no file given",
                                      "name one or more text files, or - for standard input"))
    texts = []
    page_rules = tuple(r for r in rules if r in PAGE_RULES)
    for name in args.files:  # read every file first, so a bad one stops before any output
        if name == "-":
            texts.append((name, sys.stdin.read(), rules))
        elif is_html_name(name):  # the article text, cleaned exactly as clean_corpus does
            from newscorpus.corpus.webpages import article_text

            texts.append((name, article_text(Path(name), where=name), page_rules))
        elif name in RULE_NAMES and not Path(name).exists():  # --skip a b FILE, as before
            raise NewsCorpusError(Problem(
                "newscorpus clean", f"'{name}' is a cleaning rule, not a file",
                "after --skip or --rules, separate several rules with commas (--skip a,b) or"
                " repeat the option (--skip a --skip b)"))
        else:
            texts.append((name, read_text(Path(name)), rules))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if args.report:
        writer.writerow(["file", "rule", "family", "start", "end", "text"])
    for number, (name, raw, selected) in enumerate(texts):
        result = clean_text(raw, rules=selected)
        if args.report:
            for r in result.removals:
                writer.writerow([name, r.rule, r.family, r.start, r.end, r.text])
            continue
        if len(texts) > 1:
            print(("\n" if number else "") + f"==> {name} <==")
        print(result.text)
    return 0


def _known_rules(names: Sequence[str] | None, option: str, known: Sequence[str]) -> None:
    """Refuse every unknown rule name given to ``option``, listing the rules."""
    unknown = [name for name in names or () if name not in known]
    if unknown:
        raise NewsCorpusError([Problem(f"option '{option}'", f"unknown cleaning rule '{name}';"
                                       f" the rules are {', '.join(known)}",
                                       f"name rules from that list, e.g. {option}"
                                       f" {known[-1]},{known[-2]} (newscorpus clean --list-rules"
                                       " describes them)") for name in unknown])


def _import(args: argparse.Namespace) -> int:
    from newscorpus.corpus.tables import import_table

    result = import_table(args.table, args.out_dir, id=args.id, text=args.text, title=args.title,
                          date=args.date, outlet=args.outlet, url=args.url, author=args.author,
                          encoding=args.encoding, date_format=args.date_format,
                          keep_good=args.keep_good, kind=args.kind)
    print(result.summary())
    print(result.report.summary())
    return 0


def _read_lines(name: str) -> list[tuple[int, str]]:
    """The non-blank lines of a UTF-8 file (``-``: standard input), with their line numbers."""
    from newscorpus.corpus.files import decode_text

    if name == "-":
        where, data = "standard input", sys.stdin.buffer.read()
    else:
        where = name
        try:
            data = Path(name).read_bytes()
        except OSError as err:
            raise NewsCorpusError(Problem(where, f"the file cannot be read ({err.strerror})",
                                          "check that the path names an existing, readable "
                                          "file")) from None
    text, problem = decode_text(data, where, "FILE" if name == "-" else name)
    if problem:
        raise NewsCorpusError(problem)
    # One text per line; blank lines are skipped, but the numbers count them.
    lines = [(number, line.removesuffix("\r"))
             for number, line in enumerate(text.split("\n"), start=1)]
    return [(number, line) for number, line in lines if line.strip()]


def _sentiment(args: argparse.Namespace) -> int:
    from newscorpus.sentiment.scorers import score_texts

    kept = _read_lines(args.file)
    scores = score_texts([line for _, line in kept], args.method, processes=args.processes)
    scores.insert(0, "text", [line for _, line in kept])
    scores.insert(0, "line", [number for number, _ in kept])
    scores.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _motives(args: argparse.Namespace) -> int:
    from newscorpus.motives.codebook import load_codebook
    from newscorpus.motives.tables import label_texts

    # The rules first: a bad rules file is reported before any input is read.
    codebook = load_codebook(Path(args.motives_file).expanduser().resolve()
                             if args.motives_file else None)
    kept = _read_lines(args.file)
    table = label_texts([line for _, line in kept], codebook=codebook)
    numbers = dict(enumerate((number for number, _ in kept), start=1))
    table["line"] = table["line"].map(numbers)
    table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _resources(args: argparse.Namespace) -> int:
    from newscorpus.base.resources import describe

    for row in describe():
        print(f"{row['resource']}: {row['source']} [{row['package']}]")
    return 0


def _positive(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of seconds, got {text!r}"
                                         ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (seconds a cell may run), got"
                                         f" {value}")
    return value


def _given(text: str) -> str:
    """A value that is not empty (argparse type): an empty path would mean the working
    directory, and an empty prefix every notebook."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty value names nothing; give a path or name")
    return text


def _rule_names(text: str) -> list[str]:
    """Rule names separated by commas (argparse type; the option may be repeated)."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise argparse.ArgumentTypeError(f"expected rule names separated by commas, got {text!r}")
    return names


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (also used to document the commands)."""
    parser = argparse.ArgumentParser(
        prog="newscorpus", description="Load, check and analyse a corpus of news texts.")
    parser.add_argument("--version", action="version", version=f"newscorpus {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check a corpus folder (metadata.csv and its texts)")
    p.add_argument("dir", type=_given, help="corpus folder holding metadata.csv")
    p.set_defaults(func=_validate)

    p = sub.add_parser("run", help="execute the notebooks in order with papermill")
    p.add_argument("--params", type=_given,
                   help="YAML file of notebook parameters (default: the project's "
                   "params/default.yaml)")
    p.add_argument("--corpus", type=_given,
                   help="corpus folder, overriding the corpus_dir parameter")
    p.add_argument("--out", type=_given, help="write notebooks, figures and processed data under "
                   "this folder instead of in place")
    p.add_argument("--notebooks", type=_given,
                   help="folder of NN-*.ipynb notebooks (default: the project's notebooks/)")
    p.add_argument("--only", nargs="+", metavar="PREFIX", type=_given,
                   help="run only the notebooks whose names start with these prefixes, e.g. 00")
    p.add_argument("--timeout", type=_positive, default=1800,
                   help="seconds a single cell may run (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no per-cell progress bar")
    p.set_defaults(func=_run)

    p = sub.add_parser("clean", help="print the clean text of text files, as the notebooks "
                       "clean it", description="Print the clean text of each FILE (paragraphs "
                       "separated by blank lines; a ==> FILE <== header when there are several)."
                       " Use - to read standard input. A web page (.html, .htm, optionally .gz)"
                       " is read as the article text trafilatura extracts from it, exactly as "
                       "load_corpus reads it, and that text is cleaned.")
    p.add_argument("files", nargs="*", metavar="FILE", type=_given,
                   help="UTF-8 text files or web pages, or -")
    p.add_argument("--report", action="store_true",
                   help="print the removals as CSV (file, rule, family, start, end, text; "
                   "offsets are characters into the file, or into the extracted text of a web "
                   "page) instead of the text")
    p.add_argument("--rules", type=_rule_names, action="extend", metavar="RULE[,RULE...]",
                   help="run only these rules (separated by commas; the option may be repeated)")
    p.add_argument("--skip", type=_rule_names, action="extend", metavar="RULE[,RULE...]",
                   help="do not run these rules (separated by commas; the option may be "
                   "repeated)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.set_defaults(func=_clean)

    p = sub.add_parser(
        "import", help="write a corpus folder from a table of articles (CSV, TSV, JSON Lines, "
        "Parquet)", description="Write a corpus folder from TABLE, one article per row: one "
        "UTF-8 text file per row, holding its text byte for byte, and metadata.csv (with "
        "source_id and source_row). Nothing is written unless every row passes (see "
        "--keep-good); OUT_DIR must be new or empty. Otherwise every problem is listed with its "
        "row, line, id and column, and the exit status is 1.")
    p.add_argument("table", metavar="TABLE", type=_given, help="a .csv, .tsv, .jsonl or .ndjson "
                   "file (each optionally .gz), or a .parquet file")
    p.add_argument("out_dir", metavar="OUT_DIR", type=_given,
                   help="a new or empty folder to write")
    p.add_argument("--id", required=True, metavar="COL", help="the column of ids (an id that is "
                   "not a file name gets a safe doc_id; the id is kept in source_id)")
    p.add_argument("--text", required=True, metavar="COL", help="the column of texts")
    for name in ("title", "date", "outlet", "url", "author"):
        p.add_argument(f"--{name}", metavar="COL", help=f"the column of {name}s")
    p.add_argument("--encoding", default="utf-8", help="the encoding of a CSV, TSV or JSON "
                   "Lines file (default: %(default)s)")
    p.add_argument("--date-format", metavar="FORMAT", help="a strptime format of the dates, "
                   "e.g. '%%d/%%m/%%Y' (default: ISO dates and date-times)")
    p.add_argument("--kind", default="article", help="the kind of every document: article, "
                   "snippet-aggregate or other (default: %(default)s)")
    p.add_argument("--keep-good", action="store_true", help="write the good rows and list "
                   "every problem of the others in OUT_DIR/rejected.csv")
    p.set_defaults(func=_import)

    p = sub.add_parser(
        "sentiment", help="score each line of a text file, as the notebooks score sentences",
        description="Score each line of FILE as one text and write CSV to standard output: "
        "line (its number in the input), text, neg, neu, pos, compound, and rating (news) or "
        "subjectivity (pattern). Blank lines are skipped; the line numbers still count them. "
        "The scores are those of newscorpus.sentiment.scorers.score_texts, the function the "
        "notebooks use.")
    p.add_argument("file", metavar="FILE", type=_given, help="UTF-8 text file, one text per "
                   "line, or - for standard input")
    p.add_argument("--method", choices=("news", "vader", "pattern", "textblob"), default="news",
                   help="news (fitted on rated news sentences; the default), vader (NLTK "
                   "VADER) or pattern (Pattern polarity; textblob is the same)")
    p.add_argument("--processes", type=int, default=1, metavar="N",
                   help="worker processes for large files (default: %(default)s)")
    p.set_defaults(func=_sentiment)

    p = sub.add_parser(
        "motives", help="the motives each line of a text file attributes to Russia, as the "
        "notebooks label sentences", description="Read each line of FILE as one sentence and "
        "write CSV to standard output: line (its number in the input), text, motives (the "
        "labels of the codebook joined by ';', empty when none), then the evidence of each "
        "label (motive, actor, cue and motive word, with their character offsets in the line, "
        "and the kind of cue): one row per line and label, one row with empty evidence for a "
        "line without a motive. Blank lines are skipped; the line numbers still count them. "
        "The labels are those of newscorpus.motives.motive_table, the function notebook 04 "
        "uses.")
    p.add_argument("file", metavar="FILE", type=_given, help="UTF-8 text file, one sentence per "
                   "line, or - for standard input")
    p.add_argument("--motives-file", type=_given, metavar="YAML", help="motive rules to use "
                   "instead of the packaged lib/newscorpus/data/motives_en.yaml")
    p.set_defaults(func=_motives)

    p = sub.add_parser("resources", help="list the linguistic resources and their versions")
    p.set_defaults(func=_resources)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsCorpusError as exc:
        if type(exc).__name__ == "RunInterrupted":  # Ctrl-C: what was kept, not an error
            import logging

            logging.disable(logging.CRITICAL)  # no late note of the aborted cell at exit
            print(exc, file=sys.stderr)
            return 130
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
