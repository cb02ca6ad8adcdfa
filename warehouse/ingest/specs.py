"""What each kind of source file must contain, and the checks that send a row to quarantine.

Checks are SQL expressions over the file's columns (all text), evaluated in DuckDB; the first
one that holds names the row's reason. Column names are normalised (lowercase, non-letters to
'_') and then mapped through the aliases, so header variants from different exports load alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Check:
    reason: str  # code stored in raw.quarantine.reason
    column: str  # the column the reason is about
    failing: str  # SQL that is true when the row fails


@dataclass(frozen=True)
class SourceSpec:
    kind: str  # inbox sub-folder
    raw_table: str
    columns: tuple[str, ...]  # canonical columns, in raw table order
    required: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)
    checks: tuple[Check, ...] = ()
    needs_period: bool = True  # the period comes from the file name
    # read, checked and compared for repeats, but not stored: personal data no model uses
    # (names, addresses, birth place) stays in the source file; the raw row keeps its file and
    # row number. Less to write, and less to protect (data minimisation, UU PDP).
    not_stored: tuple[str, ...] = ()

    @property
    def stored(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.not_stored)


def normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lstrip("\ufeff").lower()).strip("_")


def _nik_checks(column: str, label: str) -> tuple[Check, ...]:
    """Structure of a NIK (or KK number): never repaired, only flagged."""
    value = f"trim({column})"
    return (
        Check(f"{label}_kosong", column, f"{column} is null or {value} = ''"),
        Check(f"{label}_notasi_ilmiah", column, f"regexp_matches({value}, '^[0-9.,]+[eE][+]?[0-9]+$')"),
        Check(f"{label}_format_salah", column, f"not regexp_matches({column}, '^[0-9]{{16}}$')"),
        Check(f"{label}_kode_provinsi_salah", column,
              f"substr({column}, 1, 2) not in (select kode_provinsi from ref_provinsi)"),
    )


def _birth_part_checks(column: str, label: str) -> tuple[Check, ...]:
    day = f"try_cast(substr({column}, 7, 2) as integer)"
    month = f"try_cast(substr({column}, 9, 2) as integer)"
    return (
        Check(f"{label}_tanggal_salah", column, f"not coalesce({day} between 1 and 31 or {day} between 41 and 71, false)"),
        Check(f"{label}_bulan_salah", column, f"not coalesce({month} between 1 and 12, false)"),
    )


def _kelurahan_checks(column: str) -> tuple[Check, ...]:
    code = f"replace(coalesce({column}, ''), '.', '')"
    return (
        Check("kode_kelurahan_tidak_dikenal", column, f"{code} not in (select code from ref_kelurahan)"),
        # a real code of another kab/kota: this warehouse reports on its own region only
        Check("kelurahan_di_luar_wilayah", column, f"{code} not in (select code from ref_own_kelurahan)"),
    )


def _date_checks(column: str, label: str) -> tuple[Check, ...]:
    return (
        Check(f"{label}_kosong", column, f"{column} is null or trim({column}) = ''"),
        Check(f"{label}_tidak_valid", column, f"try_strptime(trim({column}), '%Y-%m-%d') is null"),
    )


ABSURD_MONTHLY_INCOME = 1_000_000_000  # Rp 1 miliar a month: a typo, not a DTKS household
# Indonesia's extent, with a margin: a point outside is a swapped or mistyped coordinate
LATITUDE_RANGE, LONGITUDE_RANGE = (-11.5, 6.5), (94.5, 141.5)


def _gps_checks(latitude: str, longitude: str) -> tuple[Check, ...]:
    """An empty point is allowed (the map counts it as missing); half a point or text is not."""
    lat, lon = f"nullif(trim({latitude}), '')", f"nullif(trim({longitude}), '')"
    return (
        Check("gps_tidak_valid", latitude,
              f"({lat} is null) <> ({lon} is null)"
              f" or ({lat} is not null and (try_cast({lat} as double) is null or try_cast({lon} as double) is null))"),
        Check("gps_di_luar_indonesia", latitude,
              f"{lat} is not null and (try_cast({lat} as double) not between {LATITUDE_RANGE[0]} and {LATITUDE_RANGE[1]}"
              f" or try_cast({lon} as double) not between {LONGITUDE_RANGE[0]} and {LONGITUDE_RANGE[1]})"),
    )


REGISTER = SourceSpec(
    kind="dtks",
    raw_table="register_rows",
    columns=("id_dtks", "provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan", "alamat",
             "dusun", "rt", "rw", "nomor_kk", "nomor_nik", "nama", "tanggal_lahir", "tempat_lahir",
             "jenis_kelamin", "nama_ibu_kandung", "hubungan_keluarga", "pkh", "bpnt", "pbi_jk",
             "status_padan"),
    required=("id_dtks", "desa_kelurahan", "nomor_kk", "nomor_nik", "tanggal_lahir"),
    aliases={"nik": "nomor_nik", "nik_art": "nomor_nik", "no_nik": "nomor_nik", "no_kk": "nomor_kk",
             "nokk": "nomor_kk", "kk": "nomor_kk", "kabupatenkota": "kabupaten_kota",
             "kab_kota": "kabupaten_kota", "desakelurahan": "desa_kelurahan",
             "desakeluarahan": "desa_kelurahan", "kelurahan": "desa_kelurahan",
             "desa": "desa_kelurahan", "iddtks": "id_dtks", "sembako": "bpnt", "pbi": "pbi_jk",
             "pbijk": "pbi_jk", "status": "status_padan", "keterangan_padan": "status_padan"},
    checks=(
        Check("id_dtks_kosong", "id_dtks", "id_dtks is null or trim(id_dtks) = ''"),
        *_nik_checks("nomor_nik", "nik"),
        *_birth_part_checks("nomor_nik", "nik"),
        *_nik_checks("nomor_kk", "kk"),
        *_kelurahan_checks("desa_kelurahan"),
        *_date_checks("tanggal_lahir", "tanggal_lahir"),
    ),
    not_stored=("provinsi", "kabupaten_kota", "kecamatan", "alamat", "dusun", "rt", "rw", "nama",
                "tempat_lahir", "nama_ibu_kandung"),
)

ASSESSMENTS = SourceSpec(
    kind="assessments",
    raw_table="assessments",
    columns=("id_kunjungan", "tanggal_kunjungan", "petugas", "kode_kelurahan", "no_kk", "nik_kepala",
             "nama_kepala", "jumlah_art", "penghasilan_sebulan",
             *[f"k{i:02d}" for i in range(1, 15)],
             "foto_rumah", "latitude", "longitude", "keputusan", "alasan", "metode_pemilihan"),
    required=("id_kunjungan", "tanggal_kunjungan", "kode_kelurahan", "no_kk", "nik_kepala", "keputusan"),
    aliases={"nomor_kk": "no_kk", "nik": "nik_kepala", "nik_kk": "nik_kepala", "lat": "latitude",
             "lon": "longitude", "lng": "longitude", "foto": "foto_rumah", "keterangan": "alasan",
             "kelurahan": "kode_kelurahan", "desa_kelurahan": "kode_kelurahan",
             "jenis_sampel": "metode_pemilihan", "metode_sampel": "metode_pemilihan",
             "dasar_kunjungan": "metode_pemilihan"},
    checks=(
        Check("id_kunjungan_kosong", "id_kunjungan", "id_kunjungan is null or trim(id_kunjungan) = ''"),
        *_date_checks("tanggal_kunjungan", "tanggal_kunjungan"),
        *_nik_checks("nik_kepala", "nik"),
        *_nik_checks("no_kk", "kk"),
        *_kelurahan_checks("kode_kelurahan"),
        Check("keputusan_tidak_dikenal", "keputusan",
              "upper(trim(coalesce(keputusan, ''))) not in ('LAYAK', 'TIDAK LAYAK')"),
        Check("alasan_tidak_dikenal", "alasan",
              "nullif(upper(trim(coalesce(alasan, ''))), '') not in (select code from ref_alasan)"),
        Check("penghasilan_tidak_valid", "penghasilan_sebulan",
              "trim(coalesce(penghasilan_sebulan, '')) <> ''"
              " and coalesce(try_cast(penghasilan_sebulan as bigint), -1) < 0"),
        Check("penghasilan_tidak_wajar", "penghasilan_sebulan",
              f"try_cast(penghasilan_sebulan as bigint) > {ABSURD_MONTHLY_INCOME}"),
        *_gps_checks("latitude", "longitude"),
    ),
)

AGGREGATES = SourceSpec(
    kind="aggregates",
    raw_table="aggregate_counts",
    columns=("kode_wilayah", "nama_wilayah", "periode", "jumlah_jiwa", "jumlah_keluarga"),
    required=("kode_wilayah", "periode", "jumlah_jiwa"),
    aliases={"kode_kabkota": "kode_wilayah", "kabupaten_kota": "nama_wilayah", "bulan": "periode",
             "jiwa": "jumlah_jiwa", "keluarga": "jumlah_keluarga"},
    checks=(
        Check("kode_wilayah_tidak_dikenal", "kode_wilayah",
              "coalesce(trim(kode_wilayah), '') not in (select code from ref_kabkota)"),
        Check("periode_tidak_valid", "periode",
              "try_strptime(trim(periode) || '-01', '%Y-%m-%d') is null"),
        Check("jumlah_jiwa_tidak_valid", "jumlah_jiwa",
              "coalesce(try_cast(jumlah_jiwa as bigint), -1) < 0"),
    ),
    needs_period=False,
)

SPECS = {spec.kind: spec for spec in (REGISTER, ASSESSMENTS, AGGREGATES)}
