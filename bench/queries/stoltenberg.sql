-- stoltenberg.graphql in one statement (SQLite and PostgreSQL).
-- The person as the API resolves a name: an alias (English names are aliases too) whose
-- normalised form (lower case, simplified script) is the key; the most mentioned wins
-- (the stored count), ties by id. Then the total number of their statements (the count the
-- loader keeps on the person, as the API reads it) and the first
-- page, newest first (statement.published_at is the article's, copied; ties by id, newest
-- first), with the article's title and date and the outlet's name. One row per statement;
-- the name and the count repeat on each (one row with NULL statement columns if none).
WITH found AS (
    SELECT p.id, p.name, p.statement_count
    FROM person AS p
    WHERE p.id IN (SELECT al.person_id FROM alias AS al WHERE al.normalised = 'stoltenberg')
    ORDER BY p.mention_count DESC, p.id
    LIMIT 1
),
page AS (
    SELECT s.id, s.text, s.kind, s.verb, s.published_at, a.title, o.name AS outlet
    FROM statement AS s
    JOIN article AS a ON a.id = s.article_id
    JOIN outlet AS o ON o.id = s.outlet_id
    WHERE s.speaker_person_id = (SELECT id FROM found)
    ORDER BY s.published_at DESC, s.id DESC
    LIMIT 20
)
SELECT f.name,
       f.statement_count AS total_count,
       page.text, page.kind, page.verb, page.title, page.published_at, page.outlet
FROM found AS f
LEFT JOIN page ON true
ORDER BY page.published_at DESC, page.id DESC;
