"""`tqcheck models …`: Argos model management."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from tqcheck.cli.options import Command, Group
from tqcheck.errors import ConfigError

models_app = typer.Typer(help="List, install and remove Argos translation models.", no_args_is_help=True,
                         rich_markup_mode=None, cls=Group)



@models_app.command("list", cls=Command)
def models_list() -> None:
    """Installed Argos packages, their versions, and the pairs they cover (pivots included)."""
    from tqcheck.translate import argos_models

    pkgs = argos_models.installed()
    if not pkgs:
        typer.echo(f"no Argos packages installed in {argos_models.packages_dir()}")
        return
    for p in pkgs:
        typer.echo(f"{p.name}  {p.from_code}→{p.to_code}  version {p.version}  {p.path}")
    typer.echo("pairs: " + ", ".join(f"{s}→{t} ({how})" for s, t, how in argos_models.covered_pairs(pkgs)))


@models_app.command("install", cls=Command)
def models_install(
    src: Annotated[Optional[str], typer.Argument(help="Source language code.")] = None,
    tgt: Annotated[Optional[str], typer.Argument(help="Target language code.")] = None,
    from_file: Annotated[Optional[Path], typer.Option(help="Install a local .argosmodel file (offline).")] = None,
) -> None:
    """Install a package from Argos's index (online), or from a local file (offline)."""
    from tqcheck.translate import argos_models

    if from_file is not None:
        pkgs = [argos_models.install_from_file(from_file)]
    elif src and tgt:
        pkgs = argos_models.install_from_index(src, tgt)
    else:
        raise ConfigError("give SRC TGT (from Argos's index) or --from-file FILE")
    for p in pkgs:
        typer.echo(f"installed {p.name} version {p.version} in {p.path}")
    if not pkgs:
        typer.echo("already installed")


@models_app.command("remove", cls=Command)
def models_remove(src: Annotated[str, typer.Argument()], tgt: Annotated[str, typer.Argument()]) -> None:
    """Remove the installed package for SRC→TGT."""
    from tqcheck.translate import argos_models

    p = argos_models.remove(src, tgt)
    typer.echo(f"removed {p.name} version {p.version}")


@models_app.command("path", cls=Command)
def models_path() -> None:
    """Print the folder Argos packages are installed in (ARGOS_PACKAGES_DIR)."""
    from tqcheck.translate import argos_models

    typer.echo(str(argos_models.packages_dir()))


