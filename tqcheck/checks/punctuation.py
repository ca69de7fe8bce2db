"""Translations cut short, and brackets or quotation marks left open."""
from __future__ import annotations

import functools
import re

from tqcheck.checks.base import Check, Context, register
from tqcheck.lang import get as get_language
from tqcheck.model import AlignedUnit, Finding, Severity

# Sentence ends, and what may close a sentence after its full stop.
TERMINAL = frozenset(".!?…\"»”)'’؟。！？]")
# Length of the translation relative to the source, over the article's usual ratio: a
# passage that stops without its full stop and falls this far short was cut. (Not one clean
# passage of the train and dev articles, en↔es and en↔ca, does both.)
MAX_RATIO = 0.9
_SKIP_KINDS = frozenset({"heading", "list_item"})
_LAST_WORD = re.compile(r"(\w+)\W*$")


def ends_terminal(text: str) -> bool:
    text = text.rstrip().rstrip("*_ ")  # Markdown emphasis around a whole sentence
    return bool(text) and text[-1] in TERMINAL


def _usual_ratio(ctx: Context) -> float:
    ratio = getattr(ctx, "length_ratio", 1.0)
    return float(ratio) if isinstance(ratio, (int, float)) and ratio > 0 else 1.0


@register
class Truncation(Check):
    id = "truncation"
    title = "Translation cut short"
    severity = Severity.WARNING
    description = (
        "The source ends a sentence but the translation stops without final punctuation, "
        f"under {MAX_RATIO:.0%} of the source's length (relative to the article's usual "
        "translation/source ratio); the evidence says when it also ends on a comma or a "
        "function word. Headings and list items are not checked."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        src_p, tgt_p = unit.source[-1], unit.target[-1]
        if src_p.kind in _SKIP_KINDS or tgt_p.kind in _SKIP_KINDS:
            return []
        src, tgt = src_p.text.strip(), tgt_p.text.strip()
        if not tgt or not ends_terminal(src) or ends_terminal(tgt):
            return []
        ratio = len(unit.target_text) / max(1, len(unit.source_text))
        if ratio >= MAX_RATIO * _usual_ratio(ctx):
            return []
        last = _LAST_WORD.search(tgt)
        last_word = last.group(1).lower() if last else ""
        why = f"it is {ratio:.0%} of the source's length"
        if tgt[-1] in ",،;'’":
            why += f" and ends on “{tgt[-1]}”"
        elif last_word in get_language(ctx.tgt_lang).final_words and tgt.lower().endswith(last_word):
            why += f" and ends on the function word “{last_word}”"
        return [self.finding(
            f"translation at line {tgt_p.line} stops without final punctuation and {why}",
            target_line=tgt_p.line, source_line=src_p.line, target_end=tgt[-40:],
            source_end=src[-40:], length_ratio=round(ratio, 3))]


BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
QUOTES = (("«", "»"), ("“", "”"))
INVERTED = (("¿", "?"), ("¡", "!"))
QUOTE_PAIRS = frozenset(op + cl for op, cl in QUOTES)
# "a) … b)" enumerations and ":)" smileys close brackets nobody opened.
# A curly quote between letters ("l”hospital") is a mistyped apostrophe, not a quote.
_NOISE = re.compile(r"(?<!\S)(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)|[:;]-?[()\[\]]|(?<=\w)[“”‘’](?=\w)")


@functools.lru_cache(maxsize=16)
def _marks(op: str, cl: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(op + cl)}]")


def _depth_ok(text: str, op: str, cl: str) -> bool:
    depth = 0
    for ch in _marks(op, cl).findall(text):  # the marks alone, found in C: not every character
        if ch == op:
            depth += 1
        elif ch == cl:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def unbalanced(text: str) -> list[tuple[str, int, int]]:
    """(pair, opened, closed) for each bracket, quote or inverted mark left unmatched,
    both as written and without enumerators, smileys and mistyped apostrophes: "(2 a 9)"
    is balanced as written, "a) … b)" once its enumerators are set aside."""
    clean = _NOISE.sub(" ", text)
    raw = {pair for pair, _, _ in _unbalanced(text)}
    return [u for u in _unbalanced(clean) if u[0] in raw]


def _unbalanced(text: str) -> list[tuple[str, int, int]]:
    out = [(op + cl, text.count(op), text.count(cl)) for op, cl in BRACKETS
           if not _depth_ok(text, op, cl)]
    # „German“ and »Danish« quotes use the same marks the other way round, and Arabic
    # text is often typeset with one mark, or a curly and a straight one, at both ends.
    if "„" not in text:
        for op, cl in QUOTES:
            o, c = text.count(op), text.count(cl)
            if o != c and not ((o == 0 or c == 0) and (o + c + text.count('"')) % 2 == 0):
                out.append((op + cl, o, c))
    # Only a missing closing mark is an error: "?" without "¿" is common informal Spanish.
    out += [(op + cl, text.count(op), text.count(cl)) for op, cl in INVERTED
            if text.count(op) > text.count(cl)]
    return out


# Quotation marks of any style, and straight single quotes used as quotes, not apostrophes.
_ANY_QUOTE = re.compile(r"[\"“”«»‘’„]|(?<!\w)'|'(?!\w)")


def _has_quotes(text: str) -> bool:
    # Quotations run over several paragraphs, opened in one and closed in another, and
    # translators change quote styles; a quote imbalance is news only when the source
    # quotes nothing at all.
    return _ANY_QUOTE.search(text) is not None


@register
class Punctuation(Check):
    id = "punctuation"
    title = "Unbalanced brackets or quotes"
    severity = Severity.INFO
    description = (
        "A translation passage leaves a bracket, a quotation mark (« » “ ”) or a Spanish "
        "inverted mark (¿ ¡) unmatched where the source's are balanced."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        source = unit.source_text
        src_bad = {pair for pair, _, _ in unbalanced(source)}
        src_quotes = _has_quotes(source)
        out = []
        for p in unit.target:
            bad = [(pair, o, c) for pair, o, c in unbalanced(p.text) if pair not in src_bad
                   and not (pair in QUOTE_PAIRS and src_quotes)]
            if not bad:
                continue
            shown = ", ".join(f"{pair[0]}…{pair[1]} ({o} opened, {c} closed)" for pair, o, c in bad)
            out.append(self.finding(
                f"translation passage at line {p.line} has unbalanced {shown}",
                target_line=p.line, unbalanced=[{"pair": pair, "opened": o, "closed": c}
                                                for pair, o, c in bad]))
        return out
