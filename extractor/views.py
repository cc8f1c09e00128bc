"""SQL of the researcher views.

Pure data, imported by :mod:`extractor.store` (whose migrations create the
views of :data:`VIEWS`) and :mod:`extractor.queries`. The aggregating views
are :data:`TEMPLATES` with a ``{where}`` condition on the rows before
grouping: the view is the template with no filter (:func:`view_sql`), and the
canned query of the same name fills in the user's filters.
"""

#: an article's outlet: the page's publication name, else its URL's host, else its source
OUTLET = ("coalesce(nullif(a.outlet, ''), case when instr(a.url, '://') > 0 then nullif(substr(substr(a.url, in"
          "str(a.url, '://') + 3), 1, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1), '') end, nullif(a.source, ''), '(unknown)')")

#: aggregating views as templates with ``{where}`` (a condition on the rows before grouping)
TEMPLATES: dict[str, str] = {
    "events_by_week": """select week, province, kabupaten_code, kabupaten, type,
                  count(*) as events,
                  count(distinct story_key || '|' || coalesce(date, '') || '|' || coalesce(place_code, ''))
                      as events_unique,
                  count(distinct story_key) as stories,
                  count(distinct article_id) as articles,
                  group_concat(event_id) as event_ids
           from event_details d where {where}
           group by week, province, kabupaten_code, kabupaten, type
           order by week, province, kabupaten, type""",
    "official_positions": """select o.id as official_id, o.name, coalesce(m.institution, o.institution) as institution,
                  m.rank, m.position, m.unit, m.region, m.region_code,
                  rp.name as province, rk.code as kabupaten_code, rk.name as kabupaten,
                  min(substr(a.published, 1, 10)) as first_seen, max(substr(a.published, 1, 10)) as last_seen,
                  count(distinct m.article_id) as articles, count(*) as mentions,
                  group_concat(distinct m.article_id) as article_ids
           from official_mentions m
           join officials o on o.id = m.official_id
           join articles a on a.id = m.article_id
           left join regions rp on rp.code = substr(m.region_code, 1, 2)
           left join regions rk on length(m.region_code) >= 5 and rk.code = substr(m.region_code, 1, 5)
           where {where}
           group by o.id, coalesce(m.institution, o.institution), m.rank, m.position, m.unit, m.region, m.region_code
           order by o.name, o.id, first_seen""",
    "personnel_by_stage": """with deployments as (
               select province, kabupaten_code, kabupaten, schedule_election, schedule_stage, story_key, type, date,
                      place_code, max(personnel) as personnel, max(personnel_approx) as approx,
                      min(event_id) as event_id, max(election) as election, max(stage) as stage
               from event_details d where {where}
               group by province, kabupaten_code, kabupaten, schedule_election, schedule_stage, story_key, type, date,
                        place_code)
           select province, kabupaten_code, kabupaten, schedule_election, schedule_stage,
                  count(*) as events,
                  count(personnel) as events_with_personnel,
                  sum(personnel) as personnel,
                  max(personnel) as largest,
                  sum(case when personnel is not null and approx = 1 then 1 else 0 end) as approximate,
                  min(date) as first_date, max(date) as last_date,
                  group_concat(distinct election) as elections,
                  group_concat(distinct stage) as stages,
                  group_concat(event_id) as event_ids
           from deployments
           group by province, kabupaten_code, kabupaten, schedule_election, schedule_stage
           order by province, kabupaten, first_date""",
    "articles_by_outlet": f"""select {OUTLET} as outlet,
                  group_concat(distinct a.source) as sources,
                  count(*) as articles,
                  count(distinct coalesce('c' || a.cluster_id, 'a' || a.id)) as stories,
                  sum(a.extracted) as extracted,
                  round(avg(a.relevance), 3) as mean_relevance,
                  min(a.relevance) as min_relevance,
                  max(a.relevance) as max_relevance,
                  sum(coalesce(ev.n, 0)) as events,
                  sum(coalesce(om.n, 0)) as officials,
                  sum(coalesce(q.n, 0)) as quotes,
                  min(substr(a.published, 1, 10)) as first_published,
                  max(substr(a.published, 1, 10)) as last_published
           from articles a
           left join (select article_id, count(*) as n from events group by article_id) ev on ev.article_id = a.id
           left join (select article_id, count(distinct official_id) as n from official_mentions group by article_id) om
                  on om.article_id = a.id
           left join (select article_id, count(*) as n from quotes group by article_id) q on q.article_id = a.id
           where {{where}}
           group by {OUTLET}
           order by articles desc, outlet""",
}


def view_sql(name: str) -> str:
    """The view: the template of ``name`` with no filter."""
    return TEMPLATES[name].replace("{where}", "1")


#: Every researcher view as it is now, in creation order. Views hold no data, so they are
#: not frozen per schema version: a change to a view is an edit here plus a new migration
#: that makes them all again (``_create_views`` in :mod:`extractor.store.migrations`).
VIEWS: dict[str, str] = {
    # one row per article with its story: the near-duplicate cluster, or the article itself
    "article_stories": """
select a.id as article_id, a.cluster_id,
       coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
       row_number() over (partition by coalesce('c' || a.cluster_id, 'a' || a.id)
                          order by a.published is null, a.published, a.id) as copy_rank
from articles a""",
    "stories": f"""
select s.story_key, max(s.cluster_id) as cluster_id,
       max(case when s.copy_rank = 1 then a.id end) as article_id,
       max(case when s.copy_rank = 1 then a.title end) as title,
       max(case when s.copy_rank = 1 then a.url end) as url,
       max(case when s.copy_rank = 1 then {OUTLET} end) as outlet,
       min(substr(a.published, 1, 10)) as first_published,
       max(substr(a.published, 1, 10)) as last_published,
       count(*) as articles,
       count(distinct {OUTLET}) as outlets,
       group_concat(distinct {OUTLET}) as outlet_names,
       max(a.relevance) as relevance,
       max(a.extracted) as extracted,
       group_concat(a.id) as article_ids
from article_stories s join articles a on a.id = s.article_id
group by s.story_key""",
    "event_details": f"""
select e.id as event_id, e.article_id,
       coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
       coalesce(e.date, substr(a.published, 1, 10)) as date,
       case when e.date is not null then 'text' when a.published is not null then 'published' end as date_source,
       date(coalesce(e.date, substr(a.published, 1, 10)), 'weekday 0', '-6 days') as week,
       e.type, e.place, e.place_code,
       (select p.type from places p where p.code = e.place_code and p.name = e.place limit 1) as place_type,
       substr(e.place_code, 1, 2) as province_code,
       coalesce(rp.name, e.province) as province,
       rk.code as kabupaten_code, rk.name as kabupaten,
       case when length(e.place_code) >= 8 then substr(e.place_code, 1, 8) end as kecamatan_code,
       (select p.name from places p where length(e.place_code) >= 8 and p.code = substr(e.place_code, 1, 8)
          and p.type in ('kecamatan', 'distrik') limit 1) as kecamatan,
       e.election, e.stage, st.election as schedule_election, st.stage as schedule_stage,
       e.personnel, e.personnel_approx, e.forces, e.trigger, e.start, e.end,
       {OUTLET} as outlet, a.title, a.url, substr(a.published, 1, 10) as published
from events e
join articles a on a.id = e.article_id
left join regions rp on rp.code = substr(e.place_code, 1, 2)
left join regions rk on length(e.place_code) >= 5 and rk.code = substr(e.place_code, 1, 5)
left join election_stages st on st.id = (
    select s.id from election_stages s
    where coalesce(e.date, substr(a.published, 1, 10)) between s.start and s.end order by s.start desc limit 1)""",
    "events_by_week": view_sql("events_by_week"),
    "official_positions": view_sql("official_positions"),
    "personnel_by_stage": view_sql("personnel_by_stage"),
    "articles_by_outlet": view_sql("articles_by_outlet"),
    "acled_events": """
with x as (
    select d.*,
           (select case j.value when 'Polri' then 'Police Forces of Indonesia'
                                when 'Brimob' then 'Police Forces of Indonesia - Mobile Brigade (Brimob)'
                                when 'TNI' then 'Military Forces of Indonesia'
                                else j.value || ' (Indonesia)' end
            from json_each(case when json_valid(d.forces) then d.forces else '[]' end) j
            order by j.key limit 1) as force1,
           (select group_concat(name, '; ') from (
                select case j.value when 'Polri' then 'Police Forces of Indonesia'
                                    when 'Brimob' then 'Police Forces of Indonesia - Mobile Brigade (Brimob)'
                                    when 'TNI' then 'Military Forces of Indonesia'
                                    else j.value || ' (Indonesia)' end as name, j.key as k
                from json_each(case when json_valid(d.forces) then d.forces else '[]' end) j where j.key > 0
                union all
                select trim(coalesce((select m.rank from official_mentions m where m.official_id = ea.official_id
                                        and m.article_id = d.article_id and m.rank is not null limit 1) || ' ', '')
                            || ea.name
                            || coalesce(' (' || (select m.position from official_mentions m
                                                 where m.official_id = ea.official_id and m.article_id = d.article_id
                                                   and m.position is not null limit 1) || ')', '')) as name,
                       1000000 + ea.id as k
                from event_actors ea where ea.event_id = d.event_id and ea.kind = 'official'
                union all
                select ea.name, 2000000 + ea.id from event_actors ea where ea.event_id = d.event_id and ea.kind = 'unit'
                order by k)) as assoc
    from event_details d)
select event_id, article_id, story_key,
       date as event_date,
       cast(substr(date, 1, 4) as integer) as year,
       case type when 'protest' then 'Protests' when 'clash' then 'Riots' else 'Strategic developments' end
           as event_type,
       case when type = 'protest' then 'Peaceful protest'
            when type = 'clash' then 'Violent demonstration'
            when type in ('money_politics', 'disinformation', 'other') then 'Other'
            else 'Change to group/activity' end as sub_event_type,
       case type when 'protest' then 'Protesters (Indonesia)' when 'clash' then 'Rioters (Indonesia)'
                 else force1 end as actor1,
       case when type in ('protest', 'clash') then null else assoc end as assoc_actor_1,
       case when type in ('protest', 'clash') then force1 end as actor2,
       case when type in ('protest', 'clash') then assoc end as assoc_actor_2,
       province as admin1,
       case when kabupaten like 'Kabupaten Administrasi %' then substr(kabupaten, 24)
            when kabupaten like 'Kabupaten %' then substr(kabupaten, 11) else kabupaten end as admin2,
       kecamatan as admin3,
       coalesce(place, kecamatan, kabupaten, province) as location,
       case when place_type in ('venue', 'desa', 'kelurahan', 'desa_adat') then 1
            when place_code is not null and length(place_code) >= 5 then 2
            when place_code is not null or province is not null then 3 end as geo_precision,
       outlet as source,
       trim(coalesce(title, '') || ' | ' || coalesce(trigger, ''), ' |') as notes,
       type as pantau_type, personnel, personnel_approx, date_source, url
from x""",
}
