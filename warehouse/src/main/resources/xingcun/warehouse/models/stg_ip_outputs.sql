-- grain: one row per IP output (output_id)
with source as (
    select * from src_ip_outputs
),

final as (
    select
        output_id,
        output_type,
        registration_no,
        title,
        talent_id,
        community_code,
        filed_on,
        granted_on,
        status,
        source_file,
        source_row,
        run_id
    from source
)

select * from final
