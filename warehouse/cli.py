"""`pantau`: the command line (Bahasa Indonesia messages)."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .settings import load_settings


def _demo_data(args) -> int:
    from .demo import generate

    settings = load_settings()
    settings.ensure_dirs()
    started = time.perf_counter()
    result = generate(settings.inbox_dir, settings.seeds_dir, seed=args.seed, scale=args.scale,
                      first=args.first, last=args.last, own_region=settings.own_region)
    print(f"Data demo SINTETIS: {len(result.files)} berkas di {settings.inbox_dir} "
          f"({result.people_ever:,} orang, {result.families_ever:,} keluarga; "
          f"{time.perf_counter() - started:.1f} dtk)")
    return 0


def _ingest(args) -> int:
    settings = load_settings()
    settings.ensure_dirs()
    for name in args.paths:
        path = Path(name)
        if not path.is_file():
            print(f"Berkas tidak ditemukan: {path}", file=sys.stderr)
            return 2
        target = settings.inbox(args.kind) / path.name
        shutil.copy2(path, target)
        print(f"{path.name} disalin ke {target}; dimuat pada `pantau refresh` berikutnya")
    if args.refresh:
        return _refresh(args)
    return 0


def _refresh(args) -> int:
    from .logs import setup_logging
    from .refresh import RefreshError, refresh

    settings = load_settings()
    log = setup_logging(settings)
    started = time.perf_counter()
    try:
        with _file_progress(settings) as progress:
            run = refresh(settings, say=log.info, full_refresh=getattr(args, "full_refresh", False),
                          progress=progress)
    except RefreshError as error:
        log.error(str(error))
        return 1
    log.info(f"Refresh {run.status} dalam {time.perf_counter() - started:.1f} dtk (run {run.run_id})")
    return 0


@contextmanager
def _file_progress(settings):
    """A rich progress bar over the inbox files when the console is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .ingest.loader import inbox_files

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with Progress(TextColumn("Memuat berkas"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=len(inbox_files(settings.inbox_dir)))
        yield lambda name: bar.update(task, advance=1, description=name)


def _bench(args) -> int:
    import json

    from .bench.report import write_report
    from .bench.runner import run_bench
    from .bench.scenarios import DEFAULT, SCENARIOS

    settings = load_settings()
    names = ["smoke"] if args.smoke else (args.scenarios or list(DEFAULT))
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        print(f"Skenario tidak dikenal: {', '.join(unknown)}; pilih dari {', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    root = settings.data_dir / "bench"
    report = args.report or (root / "benchmarks-smoke.md" if args.smoke else settings.project_dir / "docs" / "benchmarks.md")
    notes = settings.project_dir / "docs" / "benchmarks-notes.md"

    def save(results: dict) -> None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.with_suffix(".json").write_text(json.dumps(results, indent=1))
        write_report(results, report, notes)

    if args.render:  # after editing docs/benchmarks-notes.md: the same figures, notes re-inserted
        write_report(json.loads(report.with_suffix(".json").read_text()), report, notes)
        print(f"Laporan: {report}")
        return 0
    try:
        save(run_bench([SCENARIOS[n] for n in names], root, keep_data=args.keep_data, save=save))
    except RuntimeError as error:
        print(f"Benchmark berhenti: {error} (skenario yang selesai ada di {report})", file=sys.stderr)
        return 1
    print(f"Laporan: {report} (angka mentah: {report.with_suffix('.json')})")
    return 0


def _rollback(_args) -> int:
    from .logs import setup_logging
    from .publish import RollbackError, rollback

    settings = load_settings()
    log = setup_logging(settings)
    try:
        version = rollback(settings)
    except RollbackError as error:
        log.error(f"Rollback tidak bisa: {error}")
        return 1
    log.info(f"Dasbor kini menyajikan versi {version.name}; refresh berikutnya menerbitkan data terbaru lagi")
    return 0


def _docs(args) -> int:
    """dbt docs (models, columns, lineage) built on a copy of the working database, served on
    127.0.0.1 only."""
    import subprocess
    import tempfile

    from .dbt_runner import dbt_executable, run_dbt

    settings = load_settings()
    if not settings.working_db.exists():
        print("Belum ada gudang data; jalankan `pantau refresh` dulu", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "docs.duckdb"
        shutil.copyfile(settings.working_db, copy)  # never lock the working database
        outcome = run_dbt(settings, ["docs", "generate"], copy)
        if not outcome.success:
            print(f"dbt docs generate gagal:\n{outcome.output_tail}", file=sys.stderr)
            return 1
        print(f"Dokumentasi dbt (model, kolom, lineage): http://127.0.0.1:{args.port}  (Ctrl+C untuk berhenti)")
        if args.generate_only:
            return 0
        return subprocess.call([dbt_executable(), "docs", "serve", "--host", "127.0.0.1", "--port", str(args.port),
                                "--no-browser", "--project-dir", str(settings.project_dir),
                                "--profiles-dir", str(settings.project_dir),
                                "--target-path", str(settings.dbt_target_dir)],
                               env=dict(os.environ, PANTAU_DBT_DB=str(copy)), cwd=settings.project_dir)


def _users(args) -> int:
    from . import users

    path = users.users_file(load_settings().data_dir)
    try:
        if args.action == "add":
            if not args.name or not args.role:
                print("pantau users add NAMA --peran kepala|analis|admin|tamu [--sandi ...]", file=sys.stderr)
                return 2
            password = users.add(path, args.name, args.role, args.password)
            shown = "" if args.password else f"; kata sandi (tampil sekali ini saja): {password}"
            print(f"Pengguna {args.name} ({args.role}) disimpan{shown}")
        elif args.action == "remove":
            users.remove(path, args.name or "")
            print(f"Pengguna {args.name} dihapus")
        else:
            for name, info in sorted(users.load(path).items()):
                print(f"{name:20} {info['role']:8} {users.ROLES[info['role']]}")
    except users.UserError as error:
        print(str(error), file=sys.stderr)
        return 2
    return 0


def _demo_users(settings) -> None:
    """One user per role for the demo, passwords printed once (only when no user exists yet)."""
    from . import users

    path = users.users_file(settings.data_dir)
    if users.load(path):
        return
    print("Pengguna demo (kata sandi tampil sekali ini saja; ganti dengan `pantau users add`):")
    for role in users.ROLES:
        print(f"  {role:7} kata sandi: {users.add(path, role, role)}")


def _schedule(args) -> int:
    from .logs import setup_logging
    from .schedule import ScheduleError, serve_schedule

    settings = load_settings()
    log = setup_logging(settings)
    try:
        return serve_schedule(settings, args.cron, log, run_now=args.run_now, max_runs=args.max_runs)
    except ScheduleError as error:
        log.error(str(error))
        return 2


def _serve(args) -> int:
    from dashboard.app import create_app

    settings = load_settings()
    if not settings.published_db.exists():
        print("Belum ada gudang data terbit; jalankan `pantau refresh` dulu", file=sys.stderr)
        return 2
    from . import users

    if not users.load(users.users_file(settings.data_dir)):
        print("Belum ada pengguna dasbor: tambahkan dulu, mis. `pantau users add nama --peran kepala`",
              file=sys.stderr)
    app = create_app(settings.published_db)
    print(f"Dasbor Pantau: http://127.0.0.1:{args.port} (masuk dengan akun dari `pantau users`)")
    app.run(host="127.0.0.1", port=args.port, debug=False)
    return 0


def _demo(args) -> int:
    settings = load_settings()
    has_data = settings.inbox("dtks").is_dir() and any(settings.inbox("dtks").iterdir())
    if not has_data:
        _demo_data(args)
    if _refresh(args) != 0:
        return 1
    _demo_users(settings)
    return _serve(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pantau", description="Pantau: gudang data dan dasbor DTKS")
    commands = parser.add_subparsers(dest="command", required=True)

    def demo_options(p):
        p.add_argument("--seed", type=int, default=2024, help="benih acak (hasil sama untuk benih sama)")
        p.add_argument("--scale", type=float, default=1.0, help="pengali jumlah orang (benchmark)")
        p.add_argument("--from", dest="first", default="2021-01", help="bulan pertama, YYYY-MM")
        p.add_argument("--until", dest="last", default="2024-11", help="bulan terakhir, YYYY-MM")

    p = commands.add_parser("demo-data", help="buat data demo sintetis di data/inbox")
    demo_options(p)
    p.set_defaults(func=_demo_data)

    p = commands.add_parser("ingest", help="salin ekspor ke inbox (dimuat saat refresh)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--kind", choices=["dtks", "assessments", "aggregates"], default="dtks")
    p.add_argument("--refresh", action="store_true", help="langsung jalankan refresh")
    p.set_defaults(func=_ingest)

    p = commands.add_parser("refresh", help="muat inbox, bangun gudang data, terbitkan")
    p.add_argument("--full-refresh", action="store_true",
                   help="bangun ulang model inkremental dari seluruh riwayat")
    p.set_defaults(func=_refresh)

    p = commands.add_parser("rollback", help="sajikan lagi versi terbit sebelumnya")
    p.set_defaults(func=_rollback)

    p = commands.add_parser("schedule", help="refresh terjadwal (cron), berjalan di latar depan")
    p.add_argument("--cron", required=True, help='jadwal cron 5 kolom, mis. "0 2 * * *" (setiap hari 02.00)')
    p.add_argument("--run-now", action="store_true", help="juga jalankan satu refresh segera")
    p.add_argument("--max-runs", type=int, default=None, help="berhenti setelah sekian refresh (uji, kontainer)")
    p.set_defaults(func=_schedule)

    p = commands.add_parser("users", help="pengguna dasbor: add, remove, list")
    p.add_argument("action", choices=["add", "remove", "list"])
    p.add_argument("name", nargs="?")
    p.add_argument("--peran", "--role", dest="role", choices=["kepala", "analis", "admin", "tamu"])
    p.add_argument("--sandi", "--password", dest="password", help="kata sandi (tanpa ini dibuatkan acak)")
    p.set_defaults(func=_users)

    p = commands.add_parser("docs", help="bangun dan sajikan dokumentasi dbt (lineage) di 127.0.0.1")
    p.add_argument("--port", type=int, default=8081)
    p.add_argument("--generate-only", action="store_true", help="hanya bangun, tanpa menyajikan")
    p.set_defaults(func=_docs)

    p = commands.add_parser("bench", help="benchmark refresh dan kueri dasbor (S1, S5, S20) -> docs/benchmarks.md")
    p.add_argument("--scenario", dest="scenarios", action="append", help="S1, S5, S20 (boleh berulang; bawaan: ketiganya)")
    p.add_argument("--smoke", action="store_true", help="skala sangat kecil untuk CI (angka tidak bermakna)")
    p.add_argument("--report", type=Path, help="berkas laporan (bawaan docs/benchmarks.md; --smoke: data/bench/)")
    p.add_argument("--keep-data", action="store_true", help="simpan data/bench/<skenario> setelah selesai")
    p.add_argument("--render", action="store_true",
                   help="tulis ulang laporan dari .json-nya (setelah menyunting docs/benchmarks-notes.md)")
    p.set_defaults(func=_bench)

    p = commands.add_parser("serve", help="jalankan dasbor di 127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.set_defaults(func=_serve)

    p = commands.add_parser("demo", help="data demo (bila inbox kosong) + refresh + dasbor")
    demo_options(p)
    p.add_argument("--port", type=int, default=8050)
    p.set_defaults(func=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
