-- Baseline: register stock, entries and exits per kelurahan and month, by hand in one DuckDB
-- statement, straight from the monthly DTKS extracts (no dbt, no ledger, no publish).
--
-- Placeholders, filled by duckdb_baseline.py:
--   {files}          a DuckDB file literal: a quoted glob or a list of quoted paths
--   {kelurahan_csv}  path of seeds/ref_wilayah.csv
--   {provinsi_csv}   path of seeds/ref_provinsi.csv
--   {output}         path of the parquet file written
-- The script has no other braces, so str.format() and plain replacement both fill it.
--
-- Output: one row per (loaded month, kelurahan of Kota Pasuruan 35.75) with anybody registered,
-- entering or leaving: period_month, kelurahan_code (35.75.01.1001), persons, entries, exits.

COPY (
    with

    -- valid NIK province codes (first two NIK / KK digits)
    provinces as (
        select kode_provinsi
        from read_csv('{provinsi_csv}', all_varchar = true)
    ),

    -- known kelurahan codes, undotted as in the extracts
    kelurahan_codes as (
        select replace(kode_kemendagri, '.', '') as code
        from read_csv('{kelurahan_csv}', all_varchar = true)
        where level = 'desa_kelurahan'
    ),

    -- every extract line as text; lines the parser cannot split into 21 fields are skipped
    extract_rows as (
        select *
        from read_csv(
            {files},
            all_varchar = true, filename = true, header = true,
            delim = '|', quote = '"', escape = '"', ignore_errors = true,
            names = ['id_dtks', 'provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan',
                     'alamat', 'dusun', 'rt', 'rw', 'nomor_kk', 'nomor_nik', 'nama',
                     'tanggal_lahir', 'tempat_lahir', 'jenis_kelamin', 'nama_ibu_kandung',
                     'hubungan_keluarga', 'pkh', 'bpnt', 'pbi_jk', 'status_padan']
        )
    ),

    -- the rows Pantau would load: every quarantine rule passes. A NULL (empty field) makes a
    -- condition NULL, which drops the row, as the "kosong" rules do. Sixteen digits already
    -- rule out empty values and scientific notation (3.57504E+15), so those need no test of
    -- their own. try_cast: WHERE conjuncts may run in any order, so the day/month casts
    -- must not fail on a NIK that is not all digits.
    valid_rows as (
        -- exact repeats of a line (Pantau quarantines them) carry the same NIK, ID and kelurahan,
        -- so they change no count below and need no removal here (removing them doubles the time)
        select *
        from extract_rows
        where trim(id_dtks) <> ''
            and length(nomor_nik) = 16 and regexp_full_match(nomor_nik, '[0-9]+')
            and substr(nomor_nik, 1, 2) in (select kode_provinsi from provinces)
            -- day of birth; women's is + 40
            and (try_cast(substr(nomor_nik, 7, 2) as integer) between 1 and 31
                 or try_cast(substr(nomor_nik, 7, 2) as integer) between 41 and 71)
            and try_cast(substr(nomor_nik, 9, 2) as integer) between 1 and 12
            and length(nomor_kk) = 16 and regexp_full_match(nomor_kk, '[0-9]+')
            and substr(nomor_kk, 1, 2) in (select kode_provinsi from provinces)
            and replace(desa_kelurahan, '.', '') in (select code from kelurahan_codes)
            and try_strptime(trim(tanggal_lahir), '%Y-%m-%d') is not null
    ),

    -- what the counts need: month (from the file name, ..._YYYY-MM.txt), person, row id, area
    -- (undotted digits; the dotted code is formed once per output row, at the end)
    register_rows as (
        select
            cast(regexp_extract(filename, '([0-9]+-[0-9]+)\.txt$', 1) || '-01' as date)
                as period_month,
            nomor_nik as nik,
            id_dtks,
            replace(desa_kelurahan, '.', '') as kelurahan
        from valid_rows
    ),

    -- one row per person and month; a person under several register IDs counts once, in the
    -- kelurahan of the row with the lowest ID
    people as (
        select
            period_month,
            nik,
            min_by(kelurahan, id_dtks) as kelurahan
        from register_rows
        group by period_month, nik
    ),

    -- loaded months in order: flows compare a month with the previous *loaded* month
    months as (
        select period_month, row_number() over (order by period_month) as period_index
        from (select distinct period_month from people)
    ),

    people_by_month as (
        select people.nik, months.period_index, people.period_month, people.kelurahan
        from people
        inner join months on months.period_month = people.period_month
    ),

    stock as (
        select period_month, kelurahan, count(*) as persons
        from people_by_month
        group by period_month, kelurahan
    ),

    -- each person's kelurahan in month i next to their kelurahan in month i-1 (NULL = absent)
    transitions as (
        select
            coalesce(now.period_index, before.period_index + 1) as period_index,
            before.kelurahan as kelurahan_before,
            now.kelurahan as kelurahan_now
        from people_by_month as now
        full outer join people_by_month as before
            on before.nik = now.nik
            and before.period_index = now.period_index - 1
    ),

    -- only real changes, and only for months 2..n: month 1 has nothing to compare with, and
    -- index n+1 (people of the last month paired with no later month) is not a loaded month
    moves as (
        select transitions.*, months.period_month
        from transitions
        inner join months on months.period_index = transitions.period_index
        where transitions.period_index > 1
            and kelurahan_before is distinct from kelurahan_now
    ),

    entries as (
        select period_month, kelurahan_now as kelurahan, count(*) as entries
        from moves
        where kelurahan_now is not null
        group by period_month, kelurahan_now
    ),

    exits as (
        select period_month, kelurahan_before as kelurahan, count(*) as exits
        from moves
        where kelurahan_before is not null
        group by period_month, kelurahan_before
    ),

    final as (
        select
            period_month,
            -- dotted form: 3575041013 -> 35.75.04.1013
            concat_ws('.', substr(kelurahan, 1, 2), substr(kelurahan, 3, 2),
                      substr(kelurahan, 5, 2), substr(kelurahan, 7, 4)) as kelurahan_code,
            cast(sum(persons) as bigint) as persons,
            cast(sum(entries) as bigint) as entries,
            cast(sum(exits) as bigint) as exits
        from (
            select period_month, kelurahan, persons, 0 as entries, 0 as exits from stock
            union all
            select period_month, kelurahan, 0, entries, 0 from entries
            union all
            select period_month, kelurahan, 0, 0, exits from exits
        )
        -- the marts cover the own region only (Pantau's own_region var); the seeds also list
        -- kelurahan of the neighbouring 35.28, which are valid codes but not reported on
        where kelurahan like '3575%'
        group by period_month, kelurahan
    )

    select * from final
    order by period_month, kelurahan_code
) TO '{output}' (FORMAT parquet);
