-- outlet_date_range.graphql in one statement (SQLite: timestamps are stored as UTC text).
-- The outlet as the API resolves a name (name, English or short name, key or domain), the
-- number of its articles in [2022-01-01, 2022-03-01) and the first page, newest first.
WITH found AS (
    SELECT o.id
    FROM outlet AS o
    WHERE lower(o.name) = 'rfi' OR lower(o.name_en) = 'rfi' OR lower(o.short_name) = 'rfi'
       OR o.key = 'rfi'
       OR o.id IN (SELECT d.outlet_id FROM outlet_domain AS d WHERE d.domain = 'rfi')
    LIMIT 1
)
SELECT (SELECT count(*) FROM article AS a
        WHERE a.outlet_id = f.id
          AND a.published_at >= '2022-01-01 00:00:00.000000'
          AND a.published_at < '2022-03-01 00:00:00.000000') AS total_count,
       page.title, page.published_at
FROM found AS f
LEFT JOIN (
    SELECT a.id, a.title, a.published_at
    FROM article AS a
    WHERE a.outlet_id = (SELECT id FROM found)
      AND a.published_at >= '2022-01-01 00:00:00.000000'
      AND a.published_at < '2022-03-01 00:00:00.000000'
    ORDER BY a.published_at DESC, a.id DESC
    LIMIT 20
) AS page ON true
ORDER BY page.published_at DESC, page.id DESC;
