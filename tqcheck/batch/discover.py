"""Find the article pairs of a batch: by file names, by folders, or from a manifest."""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError

ARTICLE_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
_LANG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")


@dataclass(frozen=True)
class PairSpec:
    name: str
    source: Path
    translation: Path
    src_lang: str | None = None
    tgt_lang: str | None = None


def discover(root: Path, src_lang: str | None = None) -> list[PairSpec]:
    """Pairs under `root`: a manifest file, `name.en.md` + `name.es.md`, or `en/x.md` + `es/x.md`."""
    if root.is_file():
        return read_manifest(root)
    if not root.is_dir():
        raise InputError(f"{root}: no such folder or manifest")
    by_stem: dict[tuple[Path, str, str], dict[str, Path]] = defaultdict(dict)
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        rel = path.relative_to(root)
        stem, _, lang = path.stem.rpartition(".")
        if stem and _LANG.match(lang):  # name.en.md
            by_stem[(path.parent, stem, path.suffix)][lang] = path
        elif len(rel.parts) >= 2 and _LANG.match(rel.parts[0]):  # en/name.md
            key = (root, str(Path(*rel.parts[1:]).with_suffix("")), path.suffix)
            by_stem[key][rel.parts[0]] = path
    pairs = []
    for (folder, stem, _), langs in sorted(by_stem.items(), key=lambda kv: str(kv[0][:2])):
        if len(langs) < 2:
            continue
        src = _source_lang(langs, src_lang, folder / stem)
        name = str((folder / stem).relative_to(root)) if folder != root else stem
        for tgt, path in sorted(langs.items()):
            if tgt != src:
                label = name if len(langs) == 2 else f"{name}.{tgt}"
                pairs.append(PairSpec(label, langs[src], path, src, tgt))
    if not pairs:
        raise InputError(f"{root}: no article pairs found (name.en.md + name.es.md, en/x.md + es/x.md, "
                         "or a manifest .csv/.jsonl)")
    return pairs


def _source_lang(langs: dict[str, Path], given: str | None, where: Path) -> str:
    if given:
        if given not in langs:
            raise InputError(f"{where}: no {given} file among {', '.join(sorted(langs))}")
        return given
    if len(langs) == 2 and "en" in langs:
        # Newsroom pipelines translate out of English far more often than into it; say so.
        return "en"
    raise InputError(f"{where}: cannot tell which of {', '.join(sorted(langs))} is the original; "
                     "pass --src-lang")


def read_manifest(path: Path) -> list[PairSpec]:
    """CSV (header: source,translation[,src_lang,tgt_lang,name]) or JSONL with those keys."""
    base = path.parent
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc})") from exc
    if path.suffix.lower() == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise InputError(f"{path}:{n}: not JSON ({exc})") from exc
    elif path.suffix.lower() in (".csv", ".tsv"):
        rows = list(csv.DictReader(text.splitlines(), delimiter="\t" if path.suffix == ".tsv" else ","))
    else:
        raise InputError(f"{path}: a manifest must be .csv, .tsv or .jsonl")
    out = []
    used: dict[str, int] = {}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("source") or not row.get("translation"):
            raise InputError(f"{path}: row {n} needs 'source' and 'translation'")
        src, tgt = base / row["source"], base / row["translation"]
        # The name names the report files: site1/es/a.md and site2/es/a.md must not share one.
        name = row.get("name") or Path(row["translation"]).with_suffix("").as_posix().lstrip("/")
        if name in used:
            raise InputError(f"{path}: row {n}: name {name!r} is already used by row {used[name]}; "
                             "give each row its own 'name'")
        used[name] = n
        out.append(PairSpec(name, src, tgt, row.get("src_lang") or None, row.get("tgt_lang") or None))
    if not out:
        raise InputError(f"{path}: the manifest lists no pairs")
    return out
