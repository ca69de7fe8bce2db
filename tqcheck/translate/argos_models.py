"""Argos model management for people who are offline most of the time.

Every network call here has a timeout and happens only in `install` from the index:
argostranslate's own index helpers open URLs without timeouts and, offline, retry until
a RecursionError (≈45 s), so tqcheck fetches the index and packages itself.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from tqcheck.errors import EngineError, InputError

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 4 * 1024**3  # the largest real Argos packages are ≈ 400 MB
MAX_RATIO = 200  # a zip bomb expands far beyond what model files compress to
NETWORK_TIMEOUT_S = 15
REQUIRED_METADATA = ("from_code", "to_code", "package_version", "type")


@dataclass(frozen=True)
class ModelPackage:
    name: str
    from_code: str
    to_code: str
    version: str
    path: str


NEEDS_EXTRA = "Argos models need the argos extra: pip install 'tqcheck[argos]'"


def _package_module() -> Any:
    # Imported late: argostranslate reads settings and creates folders at import.
    try:
        import argostranslate.package
    except ImportError as exc:
        raise EngineError(f"{NEEDS_EXTRA} ({exc.name} is not installed)") from exc
    return argostranslate.package


def installed() -> list[ModelPackage]:
    out = []
    for pkg in _package_module().get_installed_packages():
        if getattr(pkg, "type", "translate") != "translate":
            continue
        out.append(ModelPackage(f"translate-{pkg.from_code}_{pkg.to_code}", pkg.from_code,
                                pkg.to_code, str(pkg.package_version), str(pkg.package_path)))
    return sorted(out, key=lambda p: (p.from_code, p.to_code))


def covered_pairs(packages: list[ModelPackage], pivot: str = "en") -> list[tuple[str, str, str]]:
    """(src, tgt, how) for direct packages and for pairs reachable through `pivot`."""
    direct = {(p.from_code, p.to_code) for p in packages}
    out = [(s, t, "direct") for s, t in sorted(direct)]
    into = sorted(s for s, t in direct if t == pivot)
    out_of = sorted(t for s, t in direct if s == pivot)
    for s in into:
        for t in out_of:
            if s != t and (s, t) not in direct:
                out.append((s, t, f"via {pivot}"))
    return out


def validate_archive(path: Path) -> dict[str, Any]:
    """Check an .argosmodel before anything is extracted; return its metadata."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not an Argos package (not a zip archive)")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if not infos or len(infos) > MAX_MEMBERS:
            raise InputError(f"{path}: {len(infos)} members; expected 1 to {MAX_MEMBERS}")
        tops = set()
        total = 0
        for info in infos:
            member = PurePosixPath(info.filename)
            if member.is_absolute() or ".." in member.parts or "\\" in info.filename:
                raise InputError(f"{path}: unsafe member path {info.filename!r}")
            tops.add(member.parts[0])
            total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise InputError(f"{path}: expands to {total:,} bytes, over the {MAX_UNCOMPRESSED:,} limit")
        packed = max(1, sum(i.compress_size for i in infos))
        if total / packed > MAX_RATIO:
            raise InputError(f"{path}: compression ratio {total / packed:.0f} looks like a zip bomb")
        if len(tops) != 1:
            raise InputError(f"{path}: expected one top-level folder, found {len(tops)}")
        top = tops.pop()
        try:
            metadata = json.loads(zf.read(f"{top}/metadata.json"))
        except KeyError as exc:
            raise InputError(f"{path}: no metadata.json in {top}/") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: metadata.json is not valid JSON ({exc})") from exc
    missing = [k for k in REQUIRED_METADATA if not isinstance(metadata, dict) or k not in metadata]
    if missing:
        raise InputError(f"{path}: metadata.json lacks {', '.join(missing)}")
    if metadata["type"] != "translate":
        raise InputError(f"{path}: a {metadata['type']!r} package; tqcheck needs 'translate'")
    return metadata


def install_from_file(path: Path) -> ModelPackage:
    metadata = validate_archive(path)
    _package_module().install_from_path(path)
    for pkg in installed():
        if (pkg.from_code, pkg.to_code) == (metadata["from_code"], metadata["to_code"]):
            return pkg
    raise EngineError(f"{path}: installed, but argostranslate does not list it; check ARGOS_PACKAGES_DIR")


def remove(src: str, tgt: str) -> ModelPackage:
    mod = _package_module()
    for pkg in mod.get_installed_packages():
        if (pkg.from_code, pkg.to_code) == (src, tgt):
            info = ModelPackage(f"translate-{src}_{tgt}", src, tgt, str(pkg.package_version),
                                str(pkg.package_path))
            mod.uninstall(pkg)
            return info
    raise EngineError(f"no Argos package {src}→{tgt} is installed (`tqcheck models list`)")


def packages_dir() -> Path:
    _package_module()
    import argostranslate.settings

    return Path(argostranslate.settings.package_data_dir)


def _fetch(url: str, what: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=NETWORK_TIMEOUT_S) as resp:  # noqa: S310
            return resp.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise EngineError(
            f"cannot download the {what} ({getattr(exc, 'reason', exc)}); offline? Fetch the "
            ".argosmodel file on a connected machine and run `tqcheck models install --from-file FILE`"
        ) from exc


def install_from_index(src: str, tgt: str) -> list[ModelPackage]:
    """Install src→tgt from Argos's index, or the two legs of a pivot through English."""
    _package_module()
    import argostranslate.settings

    index = json.loads(_fetch(argostranslate.settings.remote_package_index, "Argos package index"))
    available = {(m.get("from_code"), m.get("to_code")): m for m in index if m.get("type", "translate") == "translate"}
    legs = [(src, tgt)] if (src, tgt) in available else [(src, "en"), ("en", tgt)]
    if any(leg not in available for leg in legs):
        raise EngineError(f"Argos's index has no package for {src}→{tgt}, directly or through English")
    done = []
    have = {(p.from_code, p.to_code) for p in installed()}
    for leg in legs:
        if leg in have:
            continue
        meta = available[leg]
        data = b""
        for link in meta.get("links", []):
            try:
                data = _fetch(link, f"package {leg[0]}→{leg[1]}")
                break
            except EngineError:
                continue
        if not data:
            raise EngineError(f"could not download the Argos package {leg[0]}→{leg[1]} from any mirror")
        target = packages_dir().parent / f"translate-{leg[0]}_{leg[1]}.argosmodel.part"
        target.write_bytes(data)
        try:
            done.append(install_from_file(target))
        finally:
            target.unlink(missing_ok=True)
    return done
