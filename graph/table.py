"""A small table: what every analysis returns, printable, writable as CSV, and a data frame on request."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iskg.loaders.errors import IskgError

if TYPE_CHECKING:  # pandas is optional
    import pandas

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """Named columns and rows of plain Python values, in a fixed order."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dicts, column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Cell]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(["" if c is None else c for c in row] for row in self.rows)
        return buf.getvalue()

    def to_json(self) -> str:
        return json.dumps(self.records(), indent=1, ensure_ascii=False) + "\n"

    def to_text(self, max_width: int = 48) -> str:
        """Aligned columns for a terminal, long cells cut at `max_width`."""
        cells = [[("" if c is None else str(c)) for c in row] for row in self.rows]
        widths = [min(max_width, max([len(h), *(len(r[i]) for r in cells)])) for i, h in enumerate(self.columns)]

        def line(values: list[str]) -> str:
            return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

        out = [line(list(self.columns)), line(["-" * w for w in widths]), *(line(r) for r in cells)]
        return "\n".join(out) + f"\n({len(cells)} rows)\n"

    def to_dataframe(self) -> pandas.DataFrame:
        try:
            import pandas as pd
        except ImportError as e:
            raise IskgError("Table.to_dataframe needs pandas: pip install pandas") from e
        return pd.DataFrame.from_records(list(self.rows), columns=list(self.columns))

    def formatted(self, fmt: str) -> str:
        """table, csv or json."""
        return {"csv": self.to_csv, "json": self.to_json}.get(fmt, self.to_text)()
