"""Extraction gives the same result in every process: Python salts string hashes per
process, so anything built from a set's order (a regex's alternatives) would differ between
two loads of the same files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.extract.rules import alternatives

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "dev" / "articles"

_DUMP = """
import json, sys
from pathlib import Path
from kb.extract import extract_all
from kb.parse import parse_file
paths = sorted(Path(p) for p in sys.argv[1:])
out = {}
for path, result in zip(paths, extract_all([parse_file(p) for p in paths])):
    out[path.name] = sorted(
        [f"{e.kind}:{e.key}:{e.name}" for e in result.entities.values()]
        + [f"{s.speaker_key}|{s.start}|{s.end}|{s.verb}" for s in result.statements]
    )
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.parametrize("words", [("发", "发表", "发布"), ("发布", "发", "发表"), ("发表", "发布", "发")])
def test_alternatives_try_the_longest_word_first_whatever_the_order(words):
    assert alternatives(set(words)) == "发布|发表|发"


def test_two_processes_with_different_hash_seeds_extract_the_same():
    files = [str(p) for p in sorted((ROOT / "seeds").iterdir()) if p.is_file()]
    files += [str(p) for p in sorted(DEV.iterdir())[:12]] if DEV.is_dir() else []
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _DUMP, *files], env=env, capture_output=True, text=True,
                              check=True, cwd=ROOT)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]


_RULES = """
import json, re
from kb.extract.rules import default_rules
rules = default_rules()
out = {}
for label, obj in (("rules", rules), ("lexicon", rules.lexicon), ("names", rules.names)):
    for name in dir(obj):
        if name.startswith("_"):
            continue
        value = getattr(obj, name)
        if isinstance(value, re.Pattern):
            out[f"{label}.{name}"] = value.pattern
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            out[f"{label}.{name}"] = list(value)
print(json.dumps(out, ensure_ascii=False))
"""


def test_the_rules_patterns_and_word_lists_are_the_same_in_every_process():
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _RULES], env=env, capture_output=True, text=True,
                              check=True, cwd=ROOT)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
