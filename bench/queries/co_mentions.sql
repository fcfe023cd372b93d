-- co_mentions.graphql in one statement (SQLite and PostgreSQL).
-- The person (resolved as the API does: alias, most mentioned, id), their 1,000 most
-- recent articles (KB_AGGREGATE_WINDOW's default; article_entity holds each entity an
-- article names, once, with the article's date), and the people and organizations named in
-- the most of those articles, the person excluded; ties by person id, then organization id.
WITH found AS (
    SELECT p.id
    FROM person AS p
    WHERE p.id IN (SELECT al.person_id FROM alias AS al WHERE al.normalised = '普京')
    ORDER BY p.mention_count DESC, p.id
    LIMIT 1
),
recent AS (
    SELECT ae.article_id
    FROM article_entity AS ae
    WHERE ae.person_id = (SELECT id FROM found)
    ORDER BY ae.published_at DESC, ae.article_id DESC
    LIMIT 1000
),
counted AS (
    SELECT other.person_id, other.organization_id, count(*) AS articles
    FROM article_entity AS other
    JOIN recent ON recent.article_id = other.article_id
    WHERE other.organization_id IS NOT NULL
       OR (other.person_id IS NOT NULL AND other.person_id <> (SELECT id FROM found))
    GROUP BY other.person_id, other.organization_id
)
SELECT c.articles AS article_count,
       CASE WHEN c.person_id IS NOT NULL THEN 'Person' ELSE 'Organization' END AS typename,
       coalesce(p.name, g.name) AS name
FROM counted AS c
LEFT JOIN person AS p ON p.id = c.person_id
LEFT JOIN organization AS g ON g.id = c.organization_id
ORDER BY c.articles DESC, coalesce(c.person_id, 0), coalesce(c.organization_id, 0)
LIMIT 10;
