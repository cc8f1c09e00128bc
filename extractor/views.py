"""SQL of the researcher views.

Pure data, imported by :mod:`extractor.store` (which creates the views) and
:mod:`extractor.queries` (whose canned queries of the same name filter the rows
before they are aggregated). A template's ``{where}`` is the filter; the view
is the template with no filter (:func:`view_sql`). :data:`EVENT_DETAILS` (one
row per event, with its derived ``event_facts``) is what the others read;
:data:`DEPLOYMENTS` holds the counting rule of personnel figures (one per story
and figure, at its level: :mod:`extractor.counting`), which ``personnel_by_stage``
sums per level and never across levels; ``acled_events`` folds a story's copies
of an event into one row of ACLED's 31 columns.
"""

#: an article's outlet: the page's publication name, else its URL's host, else its source
OUTLET = ("coalesce(nullif(a.outlet, ''), case when instr(a.url, '://') > 0 then nullif(substr(substr(a.url, in"
          "str(a.url, '://') + 3), 1, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1), '') end, nullif(a.source, ''), '(unknown)')")

#: one row per event (issue 19: with its derived facts: coordinates, ACLED precisions, the
#: scope of the event and the level of its personnel figure, from ``event_facts``; the
#: date is never empty: the text's, else the publication's, else the day it was stored)
EVENT_DETAILS = f"""
select e.id as event_id, e.article_id,
       coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
       coalesce(f.event_date, e.date, substr(a.published, 1, 10)) as date,
       coalesce(f.date_source, case when e.date is not null then 'text' when a.published is not null then 'published' end)
           as date_source,
       date(coalesce(f.event_date, e.date, substr(a.published, 1, 10)), 'weekday 0', '-6 days') as week,
       e.type, e.place, e.place_code,
       (select p.type from places p where p.code = e.place_code and p.name = e.place limit 1) as place_type,
       substr(e.place_code, 1, 2) as province_code,
       coalesce(rp.name, e.province) as province,
       rk.code as kabupaten_code, rk.name as kabupaten,
       case when length(e.place_code) >= 8 then substr(e.place_code, 1, 8) end as kecamatan_code,
       rc.name as kecamatan,
       e.election, e.stage, st.election as schedule_election, st.stage as schedule_stage,
       e.personnel, e.personnel_approx, e.forces, e.trigger, e.start, e.end,
       {OUTLET} as outlet, a.title, a.url, substr(a.published, 1, 10) as published,
       f.time_precision,
       case when coalesce(f.date_source, 'text') = 'text' and e.date > substr(a.published, 1, 10) then 1 else 0 end
           as dated_after_article,
       f.latitude, f.longitude, f.geo_precision, f.location,
       f.scope_level, f.scope_code, f.figure_level, f.figure_code, f.figure_start, f.figure_end,
       (select count(*) from articles c where c.cluster_id = a.cluster_id and (c.published < a.published
            or c.published is a.published and c.id < a.id or c.published is not null and a.published is null))
           as copy_order
from events e
join articles a on a.id = e.article_id
left join event_facts f on f.event_id = e.id
left join regions rp on rp.code = substr(e.place_code, 1, 2)
left join regions rk on length(e.place_code) >= 5 and rk.code = substr(e.place_code, 1, 5)
left join regions rc on length(e.place_code) >= 8 and rc.code = substr(e.place_code, 1, 8)
left join election_stages st on st.id = (
    select s.id from election_stages s
    where coalesce(f.event_date, e.date, substr(a.published, 1, 10)) between s.start and s.end
    order by s.start desc limit 1)"""

#: the level of a figure (event_facts', else its place's) and its rank (0 the widest)
_FIGURE_LEVEL = ("coalesce(d.figure_level, case when length(d.place_code) >= 5 then 'kabupaten' "
                 "when d.place_code is not null then 'province' end)")
_LEVEL_RANK = "case {lvl} when 'national' then 0 when 'province' then 1 when 'kabupaten' then 2 else 3 end"

#: one row per deployment: a personnel figure counted once per story (the same figure on
#: several events or copies of one story is one deployment), at the widest level any of its
#: events gives it, placed where the first copy at that level places it
DEPLOYMENTS = f"""with figs as (
               select d.*, {_FIGURE_LEVEL} as level,
                      {_LEVEL_RANK.format(lvl=_FIGURE_LEVEL)} as level_rank,
                      coalesce(d.figure_code, d.place_code) as level_code
               from event_details d where d.personnel is not null and {{where}}),
           ranked as (
               select figs.*, row_number() over (partition by story_key, personnel
                                                 order by level_rank, copy_order, event_id) as rk
               from figs),
           agg as (
               select story_key, personnel, count(*) as events, count(distinct article_id) as articles,
                      group_concat(event_id) as event_ids, group_concat(distinct article_id) as article_ids
               from figs group by story_key, personnel)
           select r.story_key, r.personnel, r.personnel_approx as approximate,
                  case r.level_rank when 0 then 'national' when 1 then 'province' when 2 then 'kabupaten' end as level,
                  case when r.level_rank in (1, 2) then substr(r.level_code, 1, 2) end as province_code,
                  case when r.level_rank in (1, 2) then coalesce(rp.name, r.province) end as province,
                  case when r.level_rank = 2 then substr(r.level_code, 1, 5) end as kabupaten_code,
                  case when r.level_rank = 2 then rk.name end as kabupaten,
                  r.event_id, r.type, r.date, r.schedule_election, r.schedule_stage, r.election, r.stage,
                  agg.events, agg.articles, agg.event_ids, agg.article_ids,
                  r.article_id, r.url, r.title, r.outlet, r.figure_start, r.figure_end
           from ranked r join agg on agg.story_key = r.story_key and agg.personnel = r.personnel
           left join regions rp on rp.code = substr(r.level_code, 1, 2)
           left join regions rk on rk.code = substr(r.level_code, 1, 5)
           where r.rk = 1"""

#: aggregating views as templates with ``{where}`` (a condition on the rows before grouping)
TEMPLATES: dict[str, str] = {
    "deployments": DEPLOYMENTS + """
           order by case level when 'national' then 0 when 'province' then 1 else 2 end, province_code,
                    kabupaten_code, date, event_id""",
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
    "personnel_by_stage": f"""select level, province_code, province, kabupaten_code, kabupaten,
                  schedule_election, schedule_stage,
                  count(*) as deployments,
                  sum(personnel) as personnel,
                  max(personnel) as largest,
                  sum(approximate) as approximate,
                  min(date) as first_date, max(date) as last_date,
                  group_concat(distinct election) as elections,
                  group_concat(distinct stage) as stages,
                  group_concat(event_ids) as event_ids
           from ({DEPLOYMENTS})
           group by level, province_code, province, kabupaten_code, kabupaten, schedule_election, schedule_stage
           order by case level when 'national' then 0 when 'province' then 1 else 2 end, province, kabupaten,
                    first_date""",
    "acled_events": f"""with x as (
               select d.*, f.disorder_type, f.acled_event_type, f.acled_sub_event_type, f.actor1, f.actor1_source,
                      f.assoc_actor_1, f.inter1, f.inter1_code, f.actor2, f.assoc_actor_2, f.inter2, f.inter2_code,
                      f.interaction, f.interaction_code, f.civilian_targeting, f.admin1, f.admin2, f.admin3,
                      f.geo_code, f.fatalities, f.tags, f.officials, f.units,
                      ae.source as evidence_source, ae.source_scale as evidence_scale, ae.evidence_note,
                      ae.incident_event_id, ae.outlets as incident_outlets, ae.corroboration, ae.single_release,
                      ae.release_stories,
                      d.story_key || '|' || d.type || '|' || coalesce(d.date, '') || '|'
                          || coalesce(f.scope_code, d.place_code, '') as fold
               from event_details d left join event_facts f on f.event_id = d.event_id
               left join acled_evidence ae on ae.event_id = d.event_id where {{where}}),
           ranked as (select x.*, row_number() over (partition by fold order by copy_order, event_id) as rk from x),
           agg as (select fold, count(*) as copies, group_concat(event_id) as event_ids,
                          group_concat(distinct article_id) as article_ids,
                          max(fatalities) as fatalities, max(cast(strftime('%s', a.stored_at) as integer)) as stored
                   from x join articles a on a.id = x.article_id group by fold)
           select 'IDNP' || r.event_id as event_id_cnty,
                  r.date as event_date,
                  cast(substr(r.date, 1, 4) as integer) as year,
                  coalesce(r.time_precision, 2) as time_precision,
                  coalesce(r.disorder_type, 'Strategic developments') as disorder_type,
                  coalesce(r.acled_event_type, 'Strategic developments') as event_type,
                  coalesce(r.acled_sub_event_type, 'Other') as sub_event_type,
                  coalesce(r.actor1, 'Police Forces of Indonesia') as actor1,
                  coalesce(r.assoc_actor_1, '') as assoc_actor_1,
                  coalesce(r.inter1, 'State forces') as inter1,
                  coalesce(r.actor2, '') as actor2,
                  coalesce(r.assoc_actor_2, '') as assoc_actor_2,
                  coalesce(r.inter2, '') as inter2,
                  coalesce(r.interaction, 'State forces only') as interaction,
                  coalesce(r.civilian_targeting, '') as civilian_targeting,
                  360 as iso, 'South-eastern Asia' as region, 'Indonesia' as country,
                  coalesce(r.admin1, '') as admin1, coalesce(r.admin2, '') as admin2, coalesce(r.admin3, '') as admin3,
                  coalesce(r.location, r.place, '') as location,
                  r.latitude, r.longitude, r.geo_precision,
                  coalesce(r.evidence_source, r.outlet) as source,
                  coalesce(r.evidence_scale, 'Subnational') as source_scale,
                  'On ' || r.date || ', ' || coalesce(r.trigger, r.type) || ' (' || coalesce(r.title, '') || ').'
                      || coalesce(' Evidence: ' || r.evidence_note || '.', '') as notes,
                  coalesce(agg.fatalities, 0) as fatalities,
                  coalesce(r.tags, '[]') as tags,
                  coalesce(agg.stored, 0) as timestamp,
                  r.event_id, agg.event_ids, r.article_id, agg.article_ids, agg.copies, r.story_key, r.url,
                  'IDNP' || r.incident_event_id as incident_id_cnty, r.incident_outlets as outlets,
                  r.corroboration, r.release_stories, r.single_release, r.evidence_note,
                  r.type as pantau_type, r.place, r.place_code, r.geo_code,
                  r.province_code as admin1_code, r.province as admin1_kemendagri,
                  r.kabupaten_code as admin2_code, r.kabupaten as admin2_kemendagri,
                  r.kecamatan_code as admin3_code, r.kecamatan as admin3_kemendagri,
                  r.scope_level, r.personnel, r.personnel_approx, r.figure_level as personnel_level,
                  r.election, r.stage, r.schedule_election, r.schedule_stage,
                  r.date_source, r.published, r.dated_after_article, r.actor1_source,
                  r.inter1_code, r.inter2_code, r.interaction_code,
                  r.forces, r.officials, r.units, r.trigger, r.start, r.end
           from ranked r join agg on agg.fold = r.fold
           where r.rk = 1
           order by r.date, r.event_id""",
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
    "event_details": EVENT_DETAILS,
    "events_by_week": view_sql("events_by_week"),
    "official_positions": view_sql("official_positions"),
    "personnel_by_stage": view_sql("personnel_by_stage"),
    "articles_by_outlet": view_sql("articles_by_outlet"),
    "deployments": view_sql("deployments"),
    "acled_events": view_sql("acled_events"),
}
