"""A problem found in the dataset, named by file, entry and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    file: str
    entry: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.field}: {self.reason}"


class DataError(Exception):
    """The dataset has problems; ``problems`` lists every one."""

    def __init__(self, problems: list[DataProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the dataset")
        self.problems = problems
