-- grain: one row per IP output (output_id)
with outputs as (
    select * from stg_ip_outputs
),

communities as (
    select * from dim_community
),

final as (
    select
        outputs.output_id,
        outputs.output_type,
        outputs.registration_no,
        outputs.title,
        outputs.talent_id,
        outputs.community_code,
        communities.community_name,
        communities.subdistrict_name,
        outputs.filed_on,
        outputs.granted_on,
        -- the date an output counts in a period: when it was obtained or published, else when filed
        coalesce(outputs.granted_on, outputs.filed_on) as obtained_on,
        outputs.status
    from outputs
    left join communities using (community_code)
)

select * from final
