"""SQL of the chain-of-command and evidence views (issue 20).

Pure data, imported by :mod:`extractor.store` (whose migration creates the
views) and :mod:`extractor.holders` / :mod:`extractor.queries` (canned queries
with filters). A template's ``{where}`` is a filter on the rows before they are
grouped; the view is the template with no filter (:func:`view_sql`).

- ``holder_evidence``: one row per dated piece of evidence that someone held a
  post of a unit: a mention of the official with the post (article date), or a
  handover (its date, else the article's) as incoming or outgoing holder.
- ``holders``: per (unit, position, official): first and last dated evidence,
  handover dates (``since``: took over; ``until``: handed over), the tenure
  they bound, the articles behind it.
- ``post_holders``: posts named without a holder, with the holder inferred for
  the article's date (``inferred = 1``; ``candidates`` > 1 when the evidence
  disagrees).
- ``event_command``: every event with the units it rolls up to.
- ``event_evidence``: every event with the articles, outlets and stories that
  report the same incident (same type, date and place at the event's scope: its
  kabupaten/kota, its province for a province-wide one, the country for a
  national one, as the ACLED file folds copies), how many rest on a press
  release, and the corroboration count (independent outlets).
"""

from __future__ import annotations

from .views import OUTLET

TEMPLATES: dict[str, str] = {
    "holder_evidence": """
select mu.unit_id, mu.unit_name, m.position, m.official_id, substr(a.published, 1, 10) as day, 'mention' as kind,
       m.article_id, m.id as mention_id, null as handover_id
from official_mentions m
join mention_units mu on mu.mention_id = m.id
join articles a on a.id = m.article_id
where m.position is not null and m.official_id is not null and a.published is not null
union all
select h.unit_id, h.unit, h.position, h.incoming_official_id, coalesce(h.date, substr(a.published, 1, 10)), 'handover_in',
       h.article_id, null, h.id
from handovers h join articles a on a.id = h.article_id
where h.unit_id is not null and h.incoming_official_id is not null
union all
select h.unit_id, h.unit, h.position, h.outgoing_official_id, coalesce(h.date, substr(a.published, 1, 10)), 'handover_out',
       h.article_id, null, h.id
from handovers h join articles a on a.id = h.article_id
where h.unit_id is not null and h.outgoing_official_id is not null""",
    "holders": """
with g as (
    select x.unit_id, max(x.unit_name) as unit_name, x.position, x.official_id,
           min(x.day) as first_seen, max(x.day) as last_seen,
           min(case when x.kind = 'handover_in' then x.day end) as since,
           max(case when x.kind = 'handover_out' then x.day end) as until,
           count(distinct x.article_id) as articles,
           sum(x.kind = 'mention') as mentions,
           sum(x.kind != 'mention') as handovers,
           group_concat(distinct x.article_id) as article_ids
    from holder_evidence x
    left join units u on u.id = x.unit_id
    join officials o on o.id = x.official_id
    left join regions rp on rp.code = substr(coalesce(u.province_codes, o.province), 1, 2)
    where {where}
    group by x.unit_id, x.position, x.official_id)
select g.unit_id, coalesce(u.name, g.unit_name) as unit, u.kind as unit_kind,
       coalesce(u.institution, o.institution) as institution, g.position,
       g.official_id, o.name,
       (select m.rank from official_mentions m join articles a on a.id = m.article_id
        where m.official_id = g.official_id and m.rank is not null
        order by a.published desc limit 1) as rank,
       g.first_seen, g.last_seen, g.since, g.until,
       coalesce(g.since, g.first_seen) as tenure_start,
       coalesce(g.until, g.last_seen) as tenure_end,
       g.articles, g.mentions, g.handovers, g.article_ids,
       coalesce(u.province_codes, o.province) as province_codes, rp.name as province, u.polda_id, u.kodam_id
from g
left join units u on u.id = g.unit_id
join officials o on o.id = g.official_id
left join regions rp on rp.code = substr(coalesce(u.province_codes, o.province), 1, 2)
order by unit, g.position, tenure_start, o.name""",
    "post_holders": """
with p as (
    select pm.*, substr(a.published, 1, 10) as day, a.title, a.url
    from post_mentions pm join articles a on a.id = pm.article_id
    where pm.unit_id is not null and {where})
select p.id as post_mention_id, p.article_id, p.day, p.position, p.unit_id, p.unit, p.text, p.start, p.end,
       (select h.official_id from holders h
        where h.unit_id = p.unit_id and h.position = p.position and h.tenure_start <= p.day
          and (h.tenure_end >= p.day or (h.until is null and not exists (
               select 1 from holders n where n.unit_id = h.unit_id and n.position = h.position
                 and n.official_id != h.official_id and n.tenure_start > h.tenure_start
                 and n.tenure_start <= p.day)))
        order by h.tenure_start desc limit 1) as official_id,
       (select o.name from officials o where o.id = (
            select h.official_id from holders h
            where h.unit_id = p.unit_id and h.position = p.position and h.tenure_start <= p.day
              and (h.tenure_end >= p.day or (h.until is null and not exists (
                   select 1 from holders n where n.unit_id = h.unit_id and n.position = h.position
                     and n.official_id != h.official_id and n.tenure_start > h.tenure_start
                     and n.tenure_start <= p.day)))
            order by h.tenure_start desc limit 1)) as name,
       1 as inferred,
       (select count(*) from holders h where h.unit_id = p.unit_id and h.position = p.position
          and h.tenure_start <= p.day and h.tenure_end >= p.day) as candidates,
       p.title, p.url
from p
order by p.day, p.id""",
    "event_command": """
select e.id as event_id, e.article_id, e.type, coalesce(e.date, substr(a.published, 1, 10)) as date,
       e.place, e.place_code, eu.how,
       eu.polsek_id, (select name from units where id = eu.polsek_id) as polsek,
       eu.polres_id, (select name from units where id = eu.polres_id) as polres,
       eu.polda_id, (select name from units where id = eu.polda_id) as polda,
       eu.koramil_id, (select name from units where id = eu.koramil_id) as koramil,
       eu.kodim_id, (select name from units where id = eu.kodim_id) as kodim,
       eu.korem_id, (select name from units where id = eu.korem_id) as korem,
       eu.kodam_id, (select name from units where id = eu.kodam_id) as kodam,
       a.title, a.url
from events e
join articles a on a.id = e.article_id
left join event_units eu on eu.event_id = e.id
where {where}
order by date, e.id""",
    "event_evidence": f"""
with ev as (
    select e.id as event_id, e.article_id, e.type,
           coalesce(e.date, substr(a.published, 1, 10)) as date,
           substr(coalesce(f.scope_code, e.place_code), 1, 5) as kab,
           coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
           {OUTLET} as outlet, a.published, coalesce(src.kind, 'report') as source_kind,
           case when src.kind = 'portal' then 'Other' else coalesce(f.source_scale, 'Subnational') end as scale
    from events e join articles a on a.id = e.article_id
    left join article_sources src on src.article_id = a.id
    left join event_facts f on f.event_id = e.id
    where {{where}}),
story as (
    select coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
           count(distinct {OUTLET}) as story_outlets,
           max(coalesce(src.kind, 'report') != 'report') as marked
    from articles a left join article_sources src on src.article_id = a.id
    group by coalesce('c' || a.cluster_id, 'a' || a.id)),
se as (
    select ev.*, st.story_outlets, st.marked,
           case when st.marked then 'release' when st.story_outlets > 1 then 'syndicated' else 'independent' end
               as story_kind,
           first_value(ev.date) over (partition by ev.story_key, ev.type, coalesce(ev.kab, '')
                                      order by ev.published is null, ev.published, ev.article_id) as story_date
    from ev join story st on st.story_key = ev.story_key),
inc as (
    select se.*, se.type || '|' || se.story_date || '|' || coalesce(se.kab, se.story_key) as incident_key from se)
select i.event_id, i.article_id, i.incident_key, i.story_key, i.source_kind, i.story_kind, i.outlet, i.scale,
       (select count(*) from inc j where j.incident_key = i.incident_key) as incident_events,
       (select count(distinct j.article_id) from inc j where j.incident_key = i.incident_key) as articles,
       (select count(distinct j.story_key) from inc j where j.incident_key = i.incident_key) as stories,
       (select count(distinct j.outlet) from inc j where j.incident_key = i.incident_key) as outlets,
       (select group_concat(distinct j.outlet) from inc j where j.incident_key = i.incident_key) as outlet_names,
       (select count(distinct j.story_key) from inc j where j.incident_key = i.incident_key
          and j.story_kind != 'independent') as release_stories,
       (select count(distinct j.outlet) from inc j where j.incident_key = i.incident_key
          and j.story_kind = 'independent') as corroboration,
       (select group_concat(distinct j.outlet) from inc j where j.incident_key = i.incident_key
          and j.story_kind = 'independent') as independent_outlets,
       case when (select count(distinct j.story_key) from inc j where j.incident_key = i.incident_key
                    and j.story_kind = 'independent') = 0
             and (select count(distinct j.story_key) from inc j where j.incident_key = i.incident_key) = 1
            then 1 else 0 end as single_release,
       (select min(j.event_id) from inc j where j.incident_key = i.incident_key) as incident_event_id
from inc i
order by i.incident_key, i.event_id""",
    # what the ACLED export's source, source_scale and notes say about an event's evidence: the incident's
    # outlets; its scales (an official portal Other, an outlet of taxonomy.toml's national_hosts National,
    # else Subnational) joined in ACLED's manner; one line on corroboration and releases
    "acled_evidence": """
with x as materialized (select * from event_evidence),
src as (select incident_key, group_concat(outlet, '; ') as source
        from (select distinct incident_key, outlet from x order by incident_key, outlet) group by incident_key),
scl as (select incident_key, group_concat(scale, '-') as source_scale
        from (select distinct incident_key, scale from x
              order by incident_key, case scale when 'Other' then 0 when 'Subnational' then 1 else 2 end)
        group by incident_key),
rel as (select incident_key, count(distinct case when story_kind != 'independent' then outlet end) as outlets
        from x group by incident_key)
select x.event_id, x.incident_event_id, src.source, scl.source_scale,
       x.outlets, x.corroboration, x.release_stories, x.single_release,
       case when x.corroboration > 0
            then 'reported independently by ' || x.corroboration || ' outlet' ||
                 case when x.corroboration > 1 then 's' else '' end || ' (' || x.independent_outlets || ')'
            when x.single_release = 1 then 'rests on a single press release'
            else 'no independent report' end
       || case when x.release_stories > 0 and (x.corroboration > 0 or x.single_release = 0)
            then '; ' || x.release_stories || ' press release' || case when x.release_stories > 1 then 's' else '' end
                 || ' carried by ' || rel.outlets || ' outlet' || case when rel.outlets != 1 then 's' else '' end
            when x.single_release = 1
            then ', carried by ' || x.outlets || ' outlet' || case when x.outlets != 1 then 's' else '' end
            else '' end as evidence_note
from x join src on src.incident_key = x.incident_key join scl on scl.incident_key = x.incident_key
join rel on rel.incident_key = x.incident_key
order by x.event_id""",
}

#: the views in creation order (each reads tables and the views before it)
VIEWS = ("holder_evidence", "holders", "post_holders", "event_command", "event_evidence", "acled_evidence")


def view_sql(name: str) -> str:
    return TEMPLATES[name].replace("{where}", "1")
