-- search.graphql in one statement (PostgreSQL: a tsvector column `terms` of character bigrams
-- on article and statement, GIN-indexed, ranked by ts_rank; scores as double precision so
-- the kinds compare exactly).
-- As the API ranks: up to 10 name matches of each kind (outlets by name; people,
-- organizations and places by match quality — exact 3, prefix 2, substring 1 — then
-- mentions), scored 100 per quality step; then articles and statements, alternating, each
-- the 10 most relevant among the newest 2,000 matches (KB_SEARCH_WINDOW's default, newest
-- by id, from the GIN index through migration 0004's function, as the API reads it; ts_rank
-- reads each tsvector, so only the window is ranked). The first 10 of all that, with the
-- text the snippet is cut from (the name, or the article's or statement's text, fetched for
-- those 10 only).
WITH outlet_hits AS (
    SELECT 1 AS kind_order, 'Outlet' AS typename, o.id,
           CAST(100.0 * CASE WHEN lower(o.name) = '北约' OR lower(o.name_en) = '北约'
                          OR lower(o.short_name) = '北约' OR o.key = '北约' THEN 3 ELSE 1 END + 0.5
                AS double precision) AS score,
           o.name AS text, row_number() OVER (ORDER BY o.name, o.id) AS rank
    FROM outlet AS o
    WHERE lower(o.name) LIKE '%北约%' OR lower(o.name_en) LIKE '%北约%'
       OR lower(o.short_name) LIKE '%北约%' OR o.key LIKE '%北约%'
),
person_names AS (
    SELECT al.person_id AS id,
           max(CASE WHEN al.normalised = '北约' THEN 3
                    WHEN al.normalised LIKE '北约%' THEN 2 ELSE 1 END) AS quality
    FROM alias AS al
    WHERE al.person_id IS NOT NULL AND al.normalised LIKE '%北约%'
    GROUP BY al.person_id
),
person_hits AS (
    SELECT 2 AS kind_order, 'Person' AS typename, e.id,
           CAST(100.0 * n.quality + e.mention_count * 1.0 / (1 + e.mention_count) AS double precision)
               AS score,
           e.name AS text, row_number() OVER (ORDER BY n.quality DESC, e.mention_count DESC, e.id) AS rank
    FROM person_names AS n
    JOIN person AS e ON e.id = n.id
),
organization_names AS (
    SELECT al.organization_id AS id,
           max(CASE WHEN al.normalised = '北约' THEN 3
                    WHEN al.normalised LIKE '北约%' THEN 2 ELSE 1 END) AS quality
    FROM alias AS al
    WHERE al.organization_id IS NOT NULL AND al.normalised LIKE '%北约%'
    GROUP BY al.organization_id
),
organization_hits AS (
    SELECT 3 AS kind_order, 'Organization' AS typename, e.id,
           CAST(100.0 * n.quality + e.mention_count * 1.0 / (1 + e.mention_count) AS double precision)
               AS score,
           e.name AS text, row_number() OVER (ORDER BY n.quality DESC, e.mention_count DESC, e.id) AS rank
    FROM organization_names AS n
    JOIN organization AS e ON e.id = n.id
),
place_names AS (
    SELECT al.place_id AS id,
           max(CASE WHEN al.normalised = '北约' THEN 3
                    WHEN al.normalised LIKE '北约%' THEN 2 ELSE 1 END) AS quality
    FROM alias AS al
    WHERE al.place_id IS NOT NULL AND al.normalised LIKE '%北约%'
    GROUP BY al.place_id
),
place_hits AS (
    SELECT 4 AS kind_order, 'Place' AS typename, e.id,
           CAST(100.0 * n.quality + e.mention_count * 1.0 / (1 + e.mention_count) AS double precision)
               AS score,
           e.name AS text, row_number() OVER (ORDER BY n.quality DESC, e.mention_count DESC, e.id) AS rank
    FROM place_names AS n
    JOIN place AS e ON e.id = n.id
),
article_hits AS (
    SELECT 5 AS kind_order, 'Article' AS typename, m.id, m.score, NULL AS text,
           row_number() OVER (ORDER BY m.score DESC, m.id) AS rank
    FROM (SELECT w.id,
                 CAST(ts_rank(t.terms, CAST('(''北约'')' AS tsquery)) AS double precision) AS score
          FROM kb_newest_article_matches(CAST('(''北约'')' AS tsquery), 2000) AS w
          JOIN article AS t ON t.id = w.id) AS m
),
statement_hits AS (
    SELECT 6 AS kind_order, 'Statement' AS typename, m.id, m.score, NULL AS text,
           row_number() OVER (ORDER BY m.score DESC, m.id) AS rank
    FROM (SELECT w.id,
                 CAST(ts_rank(t.terms, CAST('(''北约'')' AS tsquery)) AS double precision) AS score
          FROM kb_newest_statement_matches(CAST('(''北约'')' AS tsquery), 2000) AS w
          JOIN statement AS t ON t.id = w.id) AS m
),
hits AS (
    SELECT 0 AS grp, outlet_hits.* FROM outlet_hits WHERE rank <= 10
    UNION ALL SELECT 0, person_hits.* FROM person_hits WHERE rank <= 10
    UNION ALL SELECT 0, organization_hits.* FROM organization_hits WHERE rank <= 10
    UNION ALL SELECT 0, place_hits.* FROM place_hits WHERE rank <= 10
    UNION ALL SELECT 1, article_hits.* FROM article_hits WHERE rank <= 10
    UNION ALL SELECT 1, statement_hits.* FROM statement_hits WHERE rank <= 10
),
first_hits AS (
    SELECT * FROM hits
    ORDER BY grp, CASE WHEN grp = 0 THEN -score ELSE rank END, kind_order, rank
    LIMIT 10
)
SELECT h.typename, h.id, h.score,
       CASE h.typename
           WHEN 'Article' THEN (SELECT a.text FROM article AS a WHERE a.id = h.id)
           WHEN 'Statement' THEN (SELECT s.text FROM statement AS s WHERE s.id = h.id)
           ELSE h.text
       END AS text
FROM first_hits AS h
ORDER BY h.grp, CASE WHEN h.grp = 0 THEN -h.score ELSE h.rank END, h.kind_order, h.rank;
