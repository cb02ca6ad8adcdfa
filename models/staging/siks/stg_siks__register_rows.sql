-- One row per clean register row: pseudonymised person and family keys, region, programmes.
-- NIK and KK numbers become keyed hashes here; names, addresses and birth dates stop here.
with

source as (
    select * from {{ source('siks', 'register_rows') }}
),

pseudonym_key as (
    select key_value from {{ source('pantau_secret', 'pseudonym_key') }}
),

renamed as (
    select
        cast(source._period || '-01' as date) as period_month,
        source.id_dtks as register_id,
        {{ pseudonymise('source.nomor_nik', 'pseudonym_key.key_value', 'nik') }} as person_key,
        {{ pseudonymise('source.nomor_kk', 'pseudonym_key.key_value', 'kk') }} as family_key,
        -- kab/kota of first registration (NIK digits 1-4): an area, not an identifier
        substr(source.nomor_nik, 1, 4) as nik_region_code,
        substr(replace(source.desa_kelurahan, '.', ''), 1, 2) || '.'
            || substr(replace(source.desa_kelurahan, '.', ''), 3, 2) || '.'
            || substr(replace(source.desa_kelurahan, '.', ''), 5, 2) || '.'
            || substr(replace(source.desa_kelurahan, '.', ''), 7, 4) as kelurahan_code,
        case upper(trim(source.jenis_kelamin))
            when 'LAKI-LAKI' then 'L' when '1' then 'L' when 'L' then 'L'
            when 'PEREMPUAN' then 'P' when '2' then 'P' when 'P' then 'P'
        end as sex_code,
        {{ dbt.datediff('cast(source.tanggal_lahir as date)', "cast(source._period || '-01' as date)", 'year') }}
            as age_years,
        upper(trim(source.hubungan_keluarga)) as relationship,
        upper(trim(coalesce(source.pkh, ''))) in ('YA', 'Y', '1', 'TRUE') as is_pkh,
        upper(trim(coalesce(source.bpnt, ''))) in ('YA', 'Y', '1', 'TRUE') as is_bpnt,
        upper(trim(coalesce(source.pbi_jk, ''))) in ('YA', 'Y', '1', 'TRUE') as is_pbi_jk,
        upper(trim(source.status_padan)) = 'TIDAK PADAN' as is_nik_unmatched,
        source._source_file as source_file,
        source._loaded_at as loaded_at
    from source
    cross join pseudonym_key
)

select * from renamed
