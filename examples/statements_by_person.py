"""Every statement by one person across outlets, page after page, from a kb server.

    python examples/statements_by_person.py Stoltenberg [--url http://127.0.0.1:8000/graphql] [--page 100]

Prints one JSON object per statement (JSON Lines), newest first. Any name works: 斯托尔滕贝格,
斯托爾滕貝格, Stoltenberg. Needs httpx (pip install httpx).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

import httpx

QUERY = """
query($name: String!, $first: Int!, $after: String) {
  person(name: $name) {
    name
    statements(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id text kind verb article { title url publishedAt outlet { name } } }
    }
  }
}
"""


def statements(name: str, url: str = "http://127.0.0.1:8000/graphql",
               page: int = 100) -> Iterator[dict[str, Any]]:
    """Yield the person's statements, following the cursors until the last page."""
    after = None
    with httpx.Client(timeout=30) as client:
        while True:
            response = client.post(url, json={"query": QUERY,
                                              "variables": {"name": name, "first": page, "after": after}})
            response.raise_for_status()
            body = response.json()
            if body.get("errors"):
                raise RuntimeError(body["errors"][0]["message"])
            person = body["data"]["person"]
            if person is None:
                return
            connection = person["statements"]
            for node in connection["nodes"]:
                yield {"speaker": person["name"], **node}
            if not connection["pageInfo"]["hasNextPage"]:
                return
            after = connection["pageInfo"]["endCursor"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name")
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--page", type=int, default=100, help="statements per request (at most 100)")
    args = parser.parse_args()
    count = 0
    for statement in statements(args.name, args.url, args.page):
        print(json.dumps(statement, ensure_ascii=False))
        count += 1
    print(f"{count} statements", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
