"""A progress bar on stderr (rich) that appears only when the work is big or slow enough to need one."""

from __future__ import annotations

import time

#: Show the bar once there are more files than this, or the work has taken longer than SHOW_AFTER seconds.
HANDFUL = 5
SHOW_AFTER = 1.0


class Progress:
    def __init__(self) -> None:
        self._started = time.monotonic()
        self._bar = None
        self._task = None

    def update(self, done: int, total: int | None) -> None:
        if self._bar is None:
            big = total is not None and total > HANDFUL
            slow = time.monotonic() - self._started > SHOW_AFTER
            if not (big or slow):
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("cleaning", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
