-- grain: one row per community of the division table or the lake's communities table (district → sub-district → community)
with divisions as (
    select * from division
),

communities as (
    select * from divisions where level = 'community'
),

subdistricts as (
    select * from divisions where level = 'subdistrict'
),

districts as (
    select * from divisions where level = 'district'
),

overrides as (
    select * from stg_communities
),

-- the built-in table, then the communities the lake adds (a parent sub-district from their code when not given)
all_communities as (
    select community.code, coalesce(override.community_full_name, community.name) as name, community.parent_code,
        community.urban_rural_code, community.longitude_gcj02, community.latitude_gcj02, community.agricultural_subdistrict,
        coalesce(override.is_in_program, community.agricultural_subdistrict) as is_in_program
    from communities as community
    left join overrides as override on override.community_code = community.code
    union all
    select override.community_code, override.community_full_name, coalesce(override.subdistrict_code, substr(override.community_code, 1, 9) || '000'),
        null, null, null, true, override.is_in_program
    from overrides as override
    where override.community_code not in (select code from communities)
),

final as (
    select
        community.code as community_code,
        -- the civil-affairs register swaps 碧鸡 (008) and 海口 (009) against the statistics bureau's codes
        case substr(community.code, 7, 3)
            when '008' then substr(community.code, 1, 6) || '009' || substr(community.code, 10)
            when '009' then substr(community.code, 1, 6) || '008' || substr(community.code, 10)
            else community.code
        end as community_code_civil_affairs,
        community.name as community_full_name,
        regexp_replace(community.name, '(社区居民委员会|社区居委会|村民委员会|村委会|居委会|社区)$', '') as community_name,
        -- a sub-district the built-in table does not know (a lake's division table names its communities only, e.g.
        -- the province's) goes by its code, its district by the code's first six digits: the community is kept
        coalesce(subdistrict.code, community.parent_code) as subdistrict_code,
        coalesce(regexp_replace(subdistrict.name, '办事处$', ''), community.parent_code) as subdistrict_name,
        coalesce(district.code, substr(community.parent_code, 1, 6) || '000000') as district_code,
        coalesce(district.name, substr(community.parent_code, 1, 6)) as district_name,
        community.urban_rural_code,
        community.longitude_gcj02,
        community.latitude_gcj02,
        community.agricultural_subdistrict as is_agricultural,
        community.is_in_program
    from all_communities as community
    left join subdistricts as subdistrict on community.parent_code = subdistrict.code
    left join districts as district on subdistrict.parent_code = district.code
)

select * from final
