"""The serving stage: a Strawberry GraphQL schema in a Starlette app. Reads the database
only; never parses files."""
