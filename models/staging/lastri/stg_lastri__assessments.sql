-- One row per household visit: pseudonymised keys, criteria met, income, evidence, decision.
with

source as (
    select * from {{ source('lastri', 'assessments') }}
),

pseudonym_key as (
    select key_value from {{ source('pantau_secret', 'pseudonym_key') }}
),

renamed as (
    select
        source.id_kunjungan as visit_id,
        cast(source.tanggal_kunjungan as date) as visit_date,
        source.petugas as enumerator_code,
        substr(replace(source.kode_kelurahan, '.', ''), 1, 2) || '.'
            || substr(replace(source.kode_kelurahan, '.', ''), 3, 2) || '.'
            || substr(replace(source.kode_kelurahan, '.', ''), 5, 2) || '.'
            || substr(replace(source.kode_kelurahan, '.', ''), 7, 4) as kelurahan_code,
        {{ pseudonymise('source.no_kk', 'pseudonym_key.key_value', 'kk') }} as family_key,
        {{ pseudonymise('source.nik_kepala', 'pseudonym_key.key_value', 'nik') }} as head_person_key,
        try_cast(source.jumlah_art as integer) as household_size,
        try_cast(source.penghasilan_sebulan as bigint) as household_income_month,
        (
            {% for i in range(1, 15) -%}
            cast(upper(trim(coalesce(source.k{{ '%02d' % i }}, ''))) = 'YA' as integer)
            {%- if not loop.last %} + {% endif %}
            {% endfor %}
        ) as bps_criteria_met,
        nullif(trim(coalesce(source.foto_rumah, '')), '') is not null as has_photo,
        try_cast(source.latitude as double) as latitude,
        try_cast(source.longitude as double) as longitude,
        upper(trim(source.keputusan)) = 'TIDAK LAYAK' as is_not_eligible,
        nullif(upper(trim(coalesce(source.alasan, ''))), '') as reason_code,
        coalesce(nullif(upper(trim(coalesce(source.metode_pemilihan, ''))), ''), 'TIDAK DICATAT')
            as selection_method,
        -- only a visit the export itself marks as drawn at random supports register-wide estimates
        coalesce(upper(trim(source.metode_pemilihan)) in ('SAMPEL ACAK', 'ACAK', 'RANDOM', 'UJI PETIK ACAK'),
                 false) as is_random_sample,
        source._source_file as source_file,
        source._loaded_at as loaded_at
    from source
    cross join pseudonym_key
),

-- A visit exported twice with edits (same ID): the most recently loaded row counts.
deduplicated as (
    select *
    from renamed
    qualify row_number() over (partition by visit_id order by loaded_at desc, source_file desc) = 1
)

select * from deduplicated
