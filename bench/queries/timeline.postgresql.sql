-- timeline.graphql in one statement (PostgreSQL).
-- The person (resolved as the API does: alias, most mentioned, id); per ISO week (Monday,
-- UTC), their statements (statement.published_at) and the articles naming them
-- (article_entity: one row per article and entity); every week from the first to the
-- last, zeros included.
WITH found AS (
    SELECT p.id
    FROM person AS p
    WHERE p.id IN (SELECT al.person_id FROM alias AS al WHERE al.normalised = '拜登')
    ORDER BY p.mention_count DESC, p.id
    LIMIT 1
),
said AS (
    SELECT CAST(date_trunc('week', s.published_at AT TIME ZONE 'UTC') AS date) AS week, count(*) AS n
    FROM statement AS s
    WHERE s.speaker_person_id = (SELECT id FROM found)
    GROUP BY week
),
named AS (
    SELECT CAST(date_trunc('week', ae.published_at AT TIME ZONE 'UTC') AS date) AS week, count(*) AS n
    FROM article_entity AS ae
    WHERE ae.person_id = (SELECT id FROM found)
    GROUP BY week
),
weeks AS (
    SELECT CAST(generate_series(min(week), max(week), interval '7 days') AS date) AS week
    FROM (SELECT week FROM said UNION ALL SELECT week FROM named) AS w
)
SELECT w.week AS start, coalesce(s.n, 0) AS statements, coalesce(n.n, 0) AS articles
FROM weeks AS w
LEFT JOIN said AS s ON s.week = w.week
LEFT JOIN named AS n ON n.week = w.week
ORDER BY w.week;
