"""Monthly DTKS register extracts in the SIKS-NG layout (pipe-delimited, header row).

Damaged rows are *extra* rows: a repeat of a clean row, or a copy of a clean row mangled the
way Excel and hand edits mangle exports (NIK as 3.57501E+15, a leading apostrophe, spaces in
the NIK, a missing birth date, an unknown kelurahan code). Each damaged row duplicates a
person who also has a clean row in the same file, so quarantining it removes nobody: the
November 2024 file holds exactly 59,521 distinct people in clean rows.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from . import names
from .calendar import month_label

COLUMNS = ["ID_DTKS", "PROVINSI", "KABUPATEN/KOTA", "KECAMATAN", "DESA/KELURAHAN", "ALAMAT",
           "DUSUN", "RT", "RW", "NOMOR_KK", "NOMOR_NIK", "NAMA", "TANGGAL_LAHIR", "TEMPAT_LAHIR",
           "JENIS_KELAMIN", "NAMA_IBU_KANDUNG", "HUBUNGAN_KELUARGA", "PKH", "BPNT", "PBI_JK",
           "STATUS_PADAN"]
DAMAGE_KINDS = ["baris_berulang", "nik_notasi_ilmiah", "nik_apostrof", "nik_berspasi",
                "tanggal_lahir_kosong", "kelurahan_tidak_dikenal"]
DAMAGE_SHARE = 0.0012  # of the rows in each extract


def extract_path(inbox: Path, m: int) -> Path:
    return inbox / f"sintetis_dtks_3575_{month_label(m)}.txt"


def _load_tables(con: duckdb.DuckDBPyConnection, fam: pd.DataFrame, people: pd.DataFrame,
                 regions, register_rows: pd.DataFrame, unmatched: np.ndarray) -> None:
    codes = np.array(regions.kel_codes)
    families = pd.DataFrame({
        "fidx": fam["fidx"], "kel_a": codes[fam["kel_a"]], "kel_b": codes[fam["kel_b"]],
        "move_m": fam["move_m"], "kk": fam["kk"],
        "alamat": "JL. " + pd.Series(np.array(names.STREETS)[fam["street"]]) + " NO. "
                  + fam["house_no"].astype(str),
        "rt": fam["rt"].map("{:03d}".format), "rw": fam["rw"].map("{:03d}".format),
        "pkh": np.where(fam["pkh"], "YA", "TIDAK"), "bpnt": np.where(fam["bpnt"], "YA", "TIDAK"),
        "pbi": np.where(fam["pbi"], "YA", "TIDAK"),
    })
    persons = people[["pidx", "fidx", "nik", "name", "mother_name", "birth_date", "birth_place",
                      "relationship"]].assign(
        sex=np.where(people["is_male"], "LAKI-LAKI", "PEREMPUAN"),
        padan=np.where(unmatched, "TIDAK PADAN", "PADAN"))
    con.register("families_df", families)
    con.register("persons_df", persons)
    con.register("rows_df", register_rows)
    con.execute("create table families as select * from families_df")
    con.execute("create table persons as select * from persons_df")
    con.execute("create table register_rows as select * from rows_df")
    con.execute("""
        create macro extract_rows(m) as table
        select r.row_id, r.id_dtks, '35' as prov,
               case when m >= f.move_m then f.kel_b else f.kel_a end as kel,
               f.alamat, '-' as dusun, f.rt, f.rw, f.kk, p.nik, p.name, p.birth_date,
               p.birth_place, p.sex, p.mother_name, p.relationship, f.pkh, f.bpnt, f.pbi, p.padan
        from register_rows as r
        join persons as p using (pidx)
        join families as f on f.fidx = p.fidx
        where r.entry_m <= m and m < r.exit_m
    """)


def _select(damage: str) -> str:
    nik = {
        "nik_notasi_ilmiah": "substr(nik, 1, 1) || '.' || substr(nik, 2, 5) || 'E+15'",
        "nik_apostrof": "'''' || nik",
        "nik_berspasi": "substr(nik, 1, 6) || ' ' || substr(nik, 7, 6) || ' ' || substr(nik, 13, 4)",
    }.get(damage, "nik")
    kel = "substr(kel, 1, 6) || '9999'" if damage == "kelurahan_tidak_dikenal" else "kel"
    birth = "''" if damage == "tanggal_lahir_kosong" else "birth_date"
    return (f"id_dtks, prov, substr({kel}, 1, 4), substr({kel}, 1, 6), {kel}, alamat, dusun, rt, rw,"
            f" kk, {nik}, name, {birth}, birth_place, sex, mother_name, relationship, pkh, bpnt,"
            " pbi, padan")


def write_extracts(inbox: Path, seed: int, months: list[int], fam, people, regions,
                   register_rows: pd.DataFrame, unmatched: np.ndarray) -> list[Path]:
    inbox.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    _load_tables(con, fam, people, regions, register_rows, unmatched)
    header = ", ".join(f'"{c}"' for c in COLUMNS)
    written = []
    for m in months:
        con.execute(f"create or replace temp table month_rows as select * from extract_rows({m})")
        present = con.execute("select row_id from month_rows order by row_id").fetchnumpy()["row_id"]
        rng = np.random.default_rng([seed, 7, m])  # per month: a month's file never depends on others
        k = max(len(DAMAGE_KINDS), round(DAMAGE_SHARE * len(present)))
        picked = rng.choice(present, size=min(k, len(present)), replace=False)
        kinds = np.array(DAMAGE_KINDS)[np.arange(len(picked)) % len(DAMAGE_KINDS)]
        parts = [f"select {_select('bersih')}, row_id, 0 as copy_no from month_rows"]
        for kind in DAMAGE_KINDS:
            ids = ",".join(str(i) for i in picked[kinds == kind]) or "-1"
            parts.append(f"select {_select(kind)}, row_id, 1 as copy_no from month_rows"
                         f" where row_id in ({ids})")
        path = extract_path(inbox, m)
        con.execute(f"""
            copy (select * exclude (row_id, copy_no) from (
                      select * from ({' union all '.join(parts)})
                  ) as t ({header}, row_id, copy_no)
                  order by row_id, copy_no)
            to '{path}' (header true, delimiter '|', quote '"')
        """)
        written.append(path)
    con.close()
    return written
