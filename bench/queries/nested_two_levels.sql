-- nested_two_levels.graphql in one statement (SQLite and PostgreSQL).
-- The 20 people with the most statements (the stored count; ties by id), and for each their
-- 5 newest statements (statement.published_at, the article's; ties by id, newest first)
-- with the article's title and the outlet's name. One row per statement, in page order; a
-- person without statements has one row with NULL statement columns.
WITH top AS (
    SELECT p.id, p.name, p.statement_count
    FROM person AS p
    ORDER BY p.statement_count DESC, p.id
    LIMIT 20
),
ranked AS (
    SELECT s.speaker_person_id AS person_id, s.text, s.article_id, s.outlet_id,
           row_number() OVER (PARTITION BY s.speaker_person_id
                              ORDER BY s.published_at DESC, s.id DESC) AS rank
    FROM statement AS s
    WHERE s.speaker_person_id IN (SELECT id FROM top)
)
SELECT t.id, t.name, r.text, a.title, o.name AS outlet
FROM top AS t
LEFT JOIN ranked AS r ON r.person_id = t.id AND r.rank <= 5
LEFT JOIN article AS a ON a.id = r.article_id
LEFT JOIN outlet AS o ON o.id = r.outlet_id
ORDER BY t.statement_count DESC, t.id, r.rank;
