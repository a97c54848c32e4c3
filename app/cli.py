"""The ``triggermap`` command: migrate, seed, check-data, export, serve."""

from __future__ import annotations

import argparse
import asyncio
import io
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.config import PROJECT_ROOT, Settings, get_settings
from app.dataset.loader import load_dataset
from app.dataset.problems import DataError
from app.errors import UnavailableError

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from app.exports.cache import Export


def migrate(settings: Settings, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` with Alembic."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = settings.database_url
    command.upgrade(config, revision)


@asynccontextmanager
async def _session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """A session on the configured database, its engine disposed afterwards."""
    from app.database import create_engine, create_sessionmaker

    engine = create_engine(settings.database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            yield session
    finally:
        await engine.dispose()


async def _seed(settings: Settings, data_dir: Path) -> int:
    from app.dataset.seed import seed

    try:
        dataset = load_dataset(data_dir)
    except DataError as exc:
        _print_problems(exc)
        print("seed: nothing was written", file=sys.stderr)
        return 1
    async with _session(settings) as session, session.begin():
        report = await seed(session, dataset)
    if not report.changed:
        print(f"seed: no changes; dataset {report.release}, revision {report.revision}")
        return 0
    for table, counts in report.changes.items():
        parts = ", ".join(f"{counts[what]} {what}" for what in ACTIONS if counts[what])
        print(f"  {table}: {parts}")
    print(f"seed: dataset {report.release}, revision {report.revision} ({report.content_hash})")
    return 0


def export(settings: Settings, out: Path) -> int:
    """Write the data package (datapackage.json and every table as CSV) of the database's
    current dataset version into `out`, as `GET /v1/export/triggermap-data-<version>.zip`
    serves it."""
    import zipfile

    try:
        package = asyncio.run(_read_export(settings))
    except UnavailableError as exc:
        print(f"export: {exc.detail}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(package.archive)) as archive:
        archive.extractall(out)
    tables = len(package.data.tables)
    print(f"export: {tables} tables and datapackage.json in {out} (version {package.data.version})")
    return 0


async def _read_export(settings: Settings) -> Export:
    from app.exports.cache import build_export

    async with _session(settings) as session:
        return await build_export(session)


ACTIONS = ("inserted", "updated", "deleted")


def _print_problems(exc: DataError) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)


def check_data(data_dir: Path) -> int:
    try:
        dataset = load_dataset(data_dir)
    except DataError as exc:
        _print_problems(exc)
        return 1
    points = sum(len(muscle.trigger_points) for muscle in dataset.muscles)
    print(
        f"data OK: {len(dataset.regions)} regions, {len(dataset.muscles)} muscles, "
        f"{points} trigger points, {len(dataset.conditions)} conditions, "
        f"{len(dataset.vocabulary)} vocabulary entries, {len(dataset.red_flags)} red flags"
    )
    return 0


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.lower(),
        access_log=False,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triggermap", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="upgrade the database schema to the latest revision")
    seed_cmd = commands.add_parser("seed", help="load data/ into the database (idempotent)")
    check = commands.add_parser("check-data", help="validate data/ without a database")
    for sub in (seed_cmd, check):
        sub.add_argument("--data-dir", type=Path, help="dataset folder (default: settings)")
    export_cmd = commands.add_parser("export", help="write the database's data as a data package")
    export_cmd.add_argument("--out", type=Path, required=True, help="folder to write it into")
    serve_cmd = commands.add_parser("serve", help="serve the HTTP API with uvicorn")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--workers", type=int, default=1)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "TRIGGERMAP_" + "_".join(str(p) for p in error["loc"]).upper()
        print(f"triggermap: invalid setting {name}: {error['msg']}", file=sys.stderr)
        return 2
    data_dir = getattr(args, "data_dir", None) or settings.data_dir
    if args.command == "migrate":
        migrate(settings)
        print("migrate: database is at the latest revision")
    elif args.command == "seed":
        return asyncio.run(_seed(settings, data_dir))
    elif args.command == "check-data":
        return check_data(data_dir)
    elif args.command == "export":
        return export(settings, args.out)
    else:
        serve(settings, args.host, args.port, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
