-- timeline.graphql in one statement (SQLite: timestamps are stored as UTC text).
-- The person (resolved as the API does: alias, most mentioned, id); per ISO week (Monday),
-- their statements (statement.published_at) and the articles naming them (article_entity:
-- one row per article and entity); every week from the first to the last, zeros included.
WITH RECURSIVE found AS (
    SELECT p.id
    FROM person AS p
    WHERE p.id IN (SELECT al.person_id FROM alias AS al WHERE al.normalised = '拜登')
    ORDER BY p.mention_count DESC, p.id
    LIMIT 1
),
said AS (
    SELECT date(s.published_at, 'weekday 0', '-6 days') AS week, count(*) AS n
    FROM statement AS s
    WHERE s.speaker_person_id = (SELECT id FROM found)
    GROUP BY week
),
named AS (
    SELECT date(ae.published_at, 'weekday 0', '-6 days') AS week, count(*) AS n
    FROM article_entity AS ae
    WHERE ae.person_id = (SELECT id FROM found)
    GROUP BY week
),
span AS (
    SELECT min(week) AS first, max(week) AS last
    FROM (SELECT week FROM said UNION ALL SELECT week FROM named) AS w
),
weeks (week) AS (
    SELECT first FROM span WHERE first IS NOT NULL
    UNION ALL
    SELECT date(week, '+7 days') FROM weeks WHERE week < (SELECT last FROM span)
)
SELECT w.week AS start, coalesce(s.n, 0) AS statements, coalesce(n.n, 0) AS articles
FROM weeks AS w
LEFT JOIN said AS s ON s.week = w.week
LEFT JOIN named AS n ON n.week = w.week
ORDER BY w.week;
