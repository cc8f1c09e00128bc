"""SQL of the researcher views that the canned queries also compute with filters.

Pure data, imported by :mod:`extractor.store` (which creates the views) and
:mod:`extractor.queries` (whose canned queries of the same name filter the rows
before they are aggregated). A template's ``{where}`` is the filter; the view
is the template with no filter (:func:`view_sql`).
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
