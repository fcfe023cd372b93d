"""One person's statements as a pandas DataFrame — paste into a notebook, or run it.

    python examples/statements_dataframe.py Stoltenberg [--url http://127.0.0.1:8000/graphql]

Pulls every page with examples/statements_by_person.py and prints how many statements each
outlet published. Needs httpx and pandas (pip install httpx pandas).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statements_by_person import statements  # noqa: E402


def dataframe(name: str, url: str = "http://127.0.0.1:8000/graphql"):  # noqa: ANN201 - a pandas.DataFrame
    import pandas as pd

    frame = pd.json_normalize(list(statements(name, url)))  # article.outlet.name … become columns
    if not frame.empty:
        frame["article.publishedAt"] = pd.to_datetime(frame["article.publishedAt"])
    return frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name")
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    args = parser.parse_args()
    try:
        frame = dataframe(args.name, args.url)
    except ImportError:
        print("this example needs pandas: pip install pandas", file=sys.stderr)
        return 2
    if frame.empty:
        print(f"no statements by {args.name}")
        return 0
    print(frame.groupby("article.outlet.name").size().sort_values(ascending=False).to_string())
    print(f"{len(frame)} statements, {frame['article.publishedAt'].min():%Y-%m-%d} to "
          f"{frame['article.publishedAt'].max():%Y-%m-%d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
