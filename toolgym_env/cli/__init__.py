"""The ``toolgym`` command line."""

from __future__ import annotations

import click

from toolgym_env.cli.audit import audit
from toolgym_env.cli.bench import bench
from toolgym_env.cli.catalog import catalog
from toolgym_env.cli.compare import compare
from toolgym_env.cli.data import collect, export_sft_command
from toolgym_env.cli.demo import demo
from toolgym_env.cli.eval import evaluate
from toolgym_env.cli.report import report
from toolgym_env.cli.robustness import robustness
from toolgym_env.cli.serve import serve
from toolgym_env.cli.serve_env import serve_env
from toolgym_env.cli.tasks import tasks


class ToolGymGroup(click.Group):
    """The command group; the one boundary where a library error (:class:`~toolgym_env.errors.ToolGymError`,
    e.g. a bad task file found late) becomes click's one-line ``Error: ...`` and exit status 1, not a
    traceback."""

    def invoke(self, ctx: click.Context) -> object:
        from toolgym_env.errors import ToolGymError

        try:
            return super().invoke(ctx)
        except ToolGymError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=ToolGymGroup)
@click.version_option(package_name="toolgym-env")
def cli() -> None:
    """ToolGym: executable, stateful, offline tool-use environments for LLM agents."""


cli.add_command(demo)
cli.add_command(bench)
cli.add_command(serve)
cli.add_command(serve_env)
cli.add_command(catalog)
cli.add_command(tasks)
cli.add_command(robustness)
cli.add_command(evaluate)
cli.add_command(report)
cli.add_command(compare)
cli.add_command(collect)
cli.add_command(export_sft_command)
cli.add_command(audit)


def main() -> None:
    """Console-script entry point."""
    cli()
