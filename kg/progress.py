"""Rich progress bars and summary tables shared by the long-running commands."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from rich.console import Console, ConsoleDimensions
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

T = TypeVar("T")
PIPE_WIDTH = 1000  # columns of stdout in a pipe or a file


class _OutputConsole(Console):
    """The console of stdout: a terminal's width on a terminal; in a pipe or a file (a script or a
    pager reading the output) tables and lines are not folded at 80 columns but only at PIPE_WIDTH
    (an explicit COLUMNS still wins)."""

    @property
    def size(self) -> ConsoleDimensions:
        size = super().size
        if self._width is None and not self.is_terminal and "COLUMNS" not in self._environ:
            return ConsoleDimensions(PIPE_WIDTH, size.height)
        return size

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]  # (mypy: a property's setter on the class)


stderr = Console(stderr=True)
stdout = _OutputConsole()


class RateColumn(ProgressColumn):
    """Items per second, once rich has measured a speed."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="cyan")


def progress_counter(items: Iterable[T], description: str, enabled: bool = True,
                     total: int | None = None, unit: str = "papers") -> Iterator[T]:
    """Yield `items` while a progress bar (on stderr) counts them and shows the rate."""
    if not enabled:
        yield from items
        return
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
               MofNCompleteColumn() if total else TextColumn("{task.completed} " + unit),
               RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=stderr, transient=False) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)


def page_progress(enabled: bool = True) -> Progress:
    """A progress bar on stderr for work counted in pages (advanced by many at a time)."""
    return Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), console=stderr,
                    disable=not enabled)


def summary_table(title: str, rows: Iterable[tuple[str, object]]) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count", justify="right")
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def counts_table(title: str, counts: Mapping[str, int], column: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column(column)
    table.add_column("count", justify="right")
    for name, value in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(name, f"{value:,}")
    table.add_row("[bold]total", f"[bold]{sum(counts.values()):,}")
    return table
