-- nested_two_levels.graphql in one statement (SQLite).
-- The 20 people with the most statements (the stored count; ties by id), and for each their
-- 5 newest statements (statement.published_at, the article's; ties by id, newest first)
-- with the article's title and the outlet's name. One row per statement, in page order; a
-- person without statements has one row with NULL statement columns.
-- SQLite has no LATERAL: a correlated IN (… LIMIT 5) reads each person's 5 rows off the index
-- on (speaker_person_id, published_at, id) the same way, instead of ranking all of their
-- statements with a window.
WITH top AS (
    SELECT p.id, p.name, p.statement_count
    FROM person AS p
    ORDER BY p.statement_count DESC, p.id
    LIMIT 20
)
SELECT t.id, t.name, s.text, a.title, o.name AS outlet
FROM top AS t
LEFT JOIN statement AS s ON s.id IN (
    SELECT s2.id
    FROM statement AS s2
    WHERE s2.speaker_person_id = t.id
    ORDER BY s2.published_at DESC, s2.id DESC
    LIMIT 5
)
LEFT JOIN article AS a ON a.id = s.article_id
LEFT JOIN outlet AS o ON o.id = s.outlet_id
ORDER BY t.statement_count DESC, t.id, s.published_at DESC, s.id DESC;
