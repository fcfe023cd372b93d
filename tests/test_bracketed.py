"""Organizations introduced as ``中文名（Latin name）`` (kb/extract/bracketed.py): where the
Chinese name starts and what makes the pair a body rather than a person. Invented sentences."""

import pytest

from kb.extract import extract
from kb.parse import parse_text


def _entities(body: str) -> dict[str, tuple[str, str | None, set[str]]]:
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    return {e.name: (e.kind, e.name_en, {a for a, _ in e.aliases}) for e in found.entities.values()}


@pytest.mark.parametrize(
    ("body", "name", "english"),
    [
        # a descriptor before the name: the name starts after it
        ("消息人士说，咨询公司星河融智（Galaxy Partners）已关闭上海办公室。", "星河融智", "Galaxy Partners"),
        # the tagger's one word holding descriptor and name
        ("据研究公司青岚经讯（Qinglan Research）的数据，出口下降。", "青岚经讯", "Qinglan Research"),
        # a Chinese suffix (部队) with an acronym
        ("准军事组织蓝河支援部队（BRF）周五袭击了这座城市。", "蓝河支援部队", "BRF"),
        # a name in quotes
        ("救援组织「红帆」（Red Sails）则说，伤亡仍在增加。", "红帆", "Red Sails"),
        # a newspaper's suffix
        ("根据智利晨星报（La Estrella），政府将改组。", "智利晨星报", "La Estrella"),
    ],
)
def test_a_bracketed_body_is_an_organization_named_both_ways(body, name, english):
    kind, name_en, aliases = _entities(body)[name]
    assert (kind, name_en) == ("organization", english)
    assert english in aliases


@pytest.mark.parametrize(
    ("body", "chinese"),
    [
        # a person's name, even after a descriptor word inside a longer word
        ("企业家拉玛瓦米（Vivek Ramawami）周三说，他将参选。", "拉玛瓦米"),
        ("银行金融专家埃尔贝克（Mohamed El-Beik）认为，通胀将回落。", "埃尔贝克"),
    ],
)
def test_a_bracketed_person_is_no_organization(body, chinese):
    entities = _entities(body)
    assert not any(kind == "organization" for kind, _, _ in entities.values())
    assert any(chinese in aliases for kind, _, aliases in entities.values() if kind == "person")


@pytest.mark.parametrize(
    "body",
    [
        "今年的合计名义国内生产总值（GDP）增长了百分之三。",  # a term's acronym
        "他买的便是纯电动汽车（EV），而非混合动力车。",
    ],
)
def test_a_terms_acronym_is_no_organization(body):
    assert not any(kind == "organization" for kind, _, _ in _entities(body).values())
