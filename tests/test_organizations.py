"""Organizations no catalog lists: introduced as ``中文名（Latin name）`` (kb/extract/bracketed.py),
after their place, split by the tagger, or described rather than named. Invented sentences."""

import pytest

from kb.extract import extract
from kb.extract.names import tagged_names
from kb.extract.rules import default_rules
from kb.extract.tagger import Word
from kb.parse import parse_text


def _extract(body: str):
    return extract(parse_text(f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"))


def _entities(body: str) -> dict[str, tuple[str, str | None, set[str]]]:
    found = _extract(body)
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
        # a list that a descriptor introduces
        ("美国把两间芯片设计公司列入清单，即沐光科技（Muguang Tech）和深岩（Deeprock）。", "沐光科技", "Muguang Tech"),
        ("美国把两间芯片设计公司列入清单，即沐光科技（Muguang Tech）和深岩（Deeprock）。", "深岩", "Deeprock"),
        # a relay or reporting verb before the name is no part of it
        ("法新社今天引述国际独立油轮船东协会（INTERTANKO）负责人的话说，航道已经重开。", "国际独立油轮船东协会", "INTERTANKO"),
        # a name of two transliterated parts joined by a hyphen (罗伯特-科赫研究所)
        ("根据罗伯特-科赫研究所（Robert Koch Institute）的数据，有近八百万人患病。", "罗伯特-科赫研究所",
         "Robert Koch Institute"),
        ("这款机器人来自工艺公司（Engineered Crafts），重达30公斤。", "工艺公司", "Engineered Crafts"),
        # a body's founders, staff or clients after it
        ("凯盛融英(Capvision)的创始人们将一种商业模式引入中国。", "凯盛融英", "Capvision"),
        # a known body's own unit, its English name beginning with the body's (Wells Fargo …)
        ("富国银行投资研究所(Wells Fargo Investment Institute)认为，投资者应抓住机会。", "富国银行投资研究所",
         "Wells Fargo Investment Institute"),
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


def _organizations(body: str) -> dict[str, set[str]]:
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    return {e.name: {a for a, _ in e.aliases} for e in found.entities.values() if e.kind == "organization"}


@pytest.mark.parametrize(
    ("body", "name", "written"),
    [
        # a place before an institution with a name of its own: the institution
        ("台中市明德高中校长林志强表示，考场秩序良好。", "明德高中", "台中市明德高中"),
        ("新加坡南洋理工大学副教授陈国华表示，结果出人意料。", "南洋理工大学", "新加坡南洋理工大学"),
        # a university named by common words, written alone too: the same
        ("新加坡东岸理工大学副教授陈国华表示，东岸理工大学的排名上升。", "东岸理工大学", "新加坡东岸理工大学"),
    ],
)
def test_a_place_before_an_institution_is_no_part_of_its_name(body, name, written):
    organizations = _organizations(body)
    assert name in organizations and written in organizations[name]


@pytest.mark.parametrize(
    ("body", "without_place"),
    [
        ("香港教育大学校长李明华表示，学校将加强师资培训。", "教育大学"),  # its field alone
        # common words never written without the place: the place is part of the name
        ("台中的中国医药大学中药系传出将停招，校方驳斥。", "医药大学"),
        # an association the tagger splits from its place (台灣 | 媽祖魚保育聯盟)
        ("台灣媽祖魚保育聯盟今天表示，將持續監測白海豚。", "媽祖魚保育聯盟"),
        # a party's branch, named after the party (民進黨 | 雲林縣黨部)
        ("民進黨雲林縣黨部主委表示支持。", "雲林縣黨部"),
    ],
)
def test_an_institution_named_by_its_field_keeps_its_place(body, without_place):
    organizations = _organizations(body)
    assert without_place not in organizations and any(name.endswith(without_place) for name in organizations)


@pytest.mark.parametrize(
    ("body", "school"),
    [
        ("新北市石门国中学生家长王美玲表示，孩子考得不错。", "石门国中"),  # the tagger splits 石门国 | 中
        ("桃园市平镇高中校长林美华表示，考场秩序良好。", "平镇高中"),
    ],
)
def test_a_school_the_tagger_splits_is_found(body, school):
    assert school in _organizations(body)


def test_a_countrys_name_before_a_word_is_no_school():
    assert not any(name.endswith("国中") for name in _organizations("美国中部各州官员表示，风暴将至。"))


def test_a_company_written_with_different_endings_is_one():
    organizations = _organizations("鼎丰集团董事长陈大文表示，公司获利成长。鼎丰公司发言人则说，股价稳定。")
    assert len([n for n in organizations if n.startswith("鼎丰")]) == 1


@pytest.mark.parametrize(
    ("body", "described"),
    [
        ("援助组织和联合国机构也撤离了外籍人员，当地局势恶化。", "联合国机构"),
        ("数百人聚集在纽约联合国总部外抗议，要求停火。", "纽约联合国总部"),
    ],
)
def test_a_known_organization_and_a_description_is_no_new_one(body, described):
    assert described not in _organizations(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a direction opens a name of its own, not the catalog's body after it
        ("曾就职于西悉尼大学的顾问表示，影响显著。", "西悉尼大学"),
        ("南悉尼大学教授陈明表示，结果出人意料。", "南悉尼大学"),
    ],
)
def test_a_direction_before_a_known_body_names_another(body, name):
    assert name in _organizations(body)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # a country's institution of which it has one, however the tagger splits the words
        ("英国最高法院裁定，苏格兰政府不能举行公投。", "organization:united-kingdom-supreme-court"),
        ("巴基斯坦议会周四投票，选出新总理。", "organization:pakistan-parliament"),
    ],
)
def test_a_countrys_one_institution_is_a_body(body, key):
    assert key in {e.key for e in _extract(body).entities.values()}


def test_an_acronym_the_catalog_gives_another_body_names_a_new_one():
    # CECC is also Taiwan's epidemic command centre in the catalog
    entities = _entities("欧洲海岸城市合作委员会（CECC）周三发表声明，呼吁各方克制。")
    assert entities["欧洲海岸城市合作委员会"][:2] == ("organization", "CECC")


@pytest.mark.parametrize(
    ("form", "words", "name"),
    [
        ("遭到东非联合会", [("遭到", "v"), ("东非联合会", "ORG")], "东非联合会"),
        ("来自工艺公司", [("来自", "v"), ("工艺公司", "n")], "工艺公司"),
        ("瑞芳工艺公司", [("瑞芳", "LOC"), ("工艺公司", "n")], "瑞芳工艺公司"),
    ],
)
def test_a_verb_the_tagger_ran_into_an_organization_is_cut(form, words, name):
    from kb.extract.bodies import without_leading_verb as _without_leading_verb

    assert _without_leading_verb(form, lambda _: words) == name


def test_a_place_before_an_ambiguous_body_is_read_as_one_name():
    # 教育局 alone is several cities' bureau; 新竹市 before it says which, as one name
    assert "新竹市教育局" in _organizations("新竹市教育局表示，考场秩序良好，家长不必担心。")


@pytest.mark.parametrize(
    ("form", "described"),
    [("数字初创公司", True), ("投资代表团", True), ("科技投资银行", True), ("黑松公司", False), ("中信法律事务所", False)],
)
def test_a_body_of_common_words_is_described_not_named(form, described):
    from kb.extract import _tags_alone
    from kb.extract.bodies import described as _described
    from kb.extract.rules import default_rules

    rules = default_rules()
    assert _described(form, rules.names, rules.catalog_kinds, _tags_alone) is described


def test_a_part_of_a_countrys_institution_keeps_the_country():
    names = _entities("据央视报道，从中国科学院声学研究所获悉，团队取得新进展。中国科学院声学研究所表示，成果已经发表。")
    assert "声学研究所" not in names and "科学院声学研究所" not in names, list(names)


def test_a_citys_centre_is_a_place():
    names = _entities("新的总部大楼在汉诺威市中心落成，汉诺威市中心的交通因此受阻。")
    assert names.get("汉诺威市中心", ("place",))[0] == "place", names


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a qualifier before a catalog organization, or a description after one
        ("据官方新华社报道，会议由国家主席主持。", "官方新华社"),
        ("普京要求乌克兰不加入北约军事联盟。", "北约军事联盟"),
    ],
)
def test_terms_qualifiers_and_descriptions_are_no_organizations(body, absent):
    assert absent not in _entities(body)


@pytest.mark.parametrize(
    ("tags", "organization"),
    [
        ([("多核素", "nz"), ("去除", "v"), ("设备", "n")], False),  # a term: nz is no name
        ([("巴尔塔", "LOC"), ("共同体", "n")], True),  # a place's body
        ([("欧盟", "ORG"), ("碳关税", "n")], False),  # a body's term
        ([("中国", "LOC"), ("纯电动", "n"), ("汽车", "n")], False),
    ],
)
def test_an_acronym_needs_a_name_in_the_chinese_form(tags, organization):
    from kb.extract.bracketed import bracketed_organizations
    from kb.extract.rules import default_rules
    from kb.extract.tagger import Word
    from kb.normalise import normalise

    rules = default_rules()
    form = "".join(word for word, _ in tags)
    text = normalise(f"官员说{form}（ABCD）运作正常")
    words = [Word(0, 2, "n"), Word(2, 3, "v"), Word(3, 3 + len(form), "n")]
    found = bracketed_organizations(text, words, rules.brackets, rules.catalog_kinds, {}, {}, lambda _: tags)
    assert (form in found) is organization, found


def test_a_national_body_named_alone_is_the_articles_countrys():
    # the country is named in other paragraphs than the body's
    body = ("<p>台湾大学教授今天在台北表示，台大应公开捐赠契约。</p><p>高雄市的家长也有同感。</p>"
            "<p>他向教育部提起诉愿遭驳回，教育部表示将尊重法院判决。</p>")
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n{body}"
    found = extract(parse_text(text))
    assert "taiwan-moe" in {m.key for m in found.mentions}, {m.key for m in found.mentions}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a school's level and the owner written before it
        ("国立台南三中人员表示，今年陪考家长较少。", "国立台南三中"),
        ("新北市教育局说，平溪高工在考完第一节后曾短暂停电。", "平溪高工"),
        # a city's body, the city a catalog place
        ("因应恐吓信，台中市警察局今天也加派警力在各考场周边巡逻。", "台中市警察局"),
    ],
)
def test_schools_and_a_citys_bodies(body, name):
    assert _entities(body).get(name, ("",))[0] == "organization", list(_entities(body))


def test_a_universitys_unit_speaks_for_the_university():
    names = _entities("北川教育大学文化创意产业经营学系教授林咏能说，黄牛滥用退票机制。")
    assert names.get("北川教育大学", ("",))[0] == "organization", list(names)


@pytest.mark.parametrize(
    ("body", "name", "key"),
    [
        ("任正非在接受加拿大QTV电视网采访时说，他的女儿想辞职。", "QTV电视网", "organization:qtv"),
        ("苹果与Google公司都表示，新规定不影响用户。", "Google公司", None),  # the catalog's Google
    ],
)
def test_a_latin_name_and_a_bodys_word_is_a_body(body, name, key):
    from kb.extract.rules import default_rules

    found = extract(parse_text(f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"))
    keys = {m.surface: m.key for m in found.mentions}
    assert keys.get(name) == (key or default_rules().catalog.alias_index["google"].copy().pop()), keys


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("质疑碳市场成为企业「漂绿」（greenwashing）工具。", "漂绿"),  # a word in lowercase
        ("包括欧盟和东道国阿拉伯联合酋长国（UAE）在内的支持者希望纳入承诺。", "东道国阿拉伯联合酋长国"),  # a place's
        ("这项工程由公司（Acme Partners）负责。", "公司"),  # a descriptor alone
        ("各国领袖出席联合国气候峰会（COP99）并发言。", "联合国气候峰会"),  # an event
    ],
)
def test_brackets_that_name_no_new_body(body, absent):
    names = _entities(body)
    assert names.get(absent, ("",))[0] != "organization", names


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("东京拟取消排富，包括私立高中将实质免学费。私立高中家长表示欢迎。", "私立高中"),  # an owner and a level
        ("局长杨润雄出席香港酒店业主联会年度大会致辞时表示，旅游业复苏。", "香港酒店业主联会年度大会"),  # an event
        ("智库高级研究员席瓦（Diego Lopes da Silva）表示，需求放缓。", "高级研究员席瓦"),  # a title and a person
    ],
)
def test_schools_events_and_titled_people_are_no_bodies(body, absent):
    names = _entities(body)
    assert names.get(absent, ("",))[0] != "organization", names


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        # a company's legal ending is no name after its group's descriptor
        ("京东表示，起诉竞争对手星河集团控股有限公司（Xinghe Group Holding）的案件胜诉。", "控股有限公司", None),
        # a sector's head before a bracketed name describes it (法国石油巨擘 | 道达尔能源集团（…）)
        ("法国石油巨擘道达尔能源集团（TotalEnergies）今天召开年度大会。", "法国石油巨擘道达尔能源集团", "道达尔能源集团"),
        # countries' abbreviations, a bare suffix after a country, a generic party, an event
        ("外交部表示，在野党蓄意扭曲台美关系，台美关系良好。", "台美", None),
        ("中国党和国家领导人表示，中国党和国家领导人将出席。", "中国党", None),
        ("外交部：遗憾在野党刻意忽略事实，在野党应当道歉。", "在野党", None),
        ("预计举办的大阪关西世博会（Expo 2025）场地在人工岛。", "大阪关西世博会", None),
    ],
)
def test_legal_endings_abbreviations_and_events_are_no_bodies(body, absent, present):
    names = _entities(body)
    assert names.get(absent, ("",))[0] != "organization", names


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("这次地震是该国最严重的灾难。土灾难和应急管理署当天晚些时候说，死亡人数升至千人。", "土灾难和应急管理署"),
        ("立法院外交及国防委员会今天初审预算，外交及国防委员会召委表示支持。", "外交及国防委员会"),
    ],
)
def test_a_body_named_for_two_fields(body, name):
    assert _entities(body).get(name, ("",))[0] == "organization", list(_entities(body))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("根据『晨讯』网站报道，外交部长周二敦促对方放弃否决。", "晨讯"),
        ("据《北风》周刊报道，政府将增加国防预算。", "北风"),
        # a title in 《》 that ends like a publication, however long (年鉴, 月刊, 学报)
        ("著名的《股票交易者年鉴》(Stock Trader's Almanac)就指出，年底对股市特别有利。", "股票交易者年鉴"),
    ],
)
def test_a_publication_named_in_quotes(body, name):
    assert _entities(body).get(name, ("",))[0] == "organization", _entities(body)


@pytest.mark.parametrize(
    ("body", "name", "organization"),
    [
        # a body named in quotes right after what it is
        ("遇难者家属组织「天安门母亲」有七名成员逝世。「天安门母亲」发表周年祭文。", "天安门母亲", True),
        # a product's or brand's name, or a quotation after a body's word, is none
        ("知乎推出全新故事品牌“盐言故事”App。", "盐言故事", False),
        ("该机构宣布“因不可抗力”决定终止运营。", "因不可抗力", False),
        # a quoted name opening a clause before a reporting verb speaks: a body's
        ("在其公关代表发表的一份声明中，“零食很忙”表示，扩张是需求强劲的结果。", "零食很忙", True),
        # (a quoted phrase that is a quotation, not a name, says nothing of a body)
        ("“我们不会放弃”表示，他们将继续。", "我们不会放弃", False),
    ],
)
def test_a_body_named_in_quotes_after_what_it_is(body, name, organization):
    assert (_entities(body).get(name, ("",))[0] == "organization") is organization, _entities(body)


def test_an_acronym_after_the_end_of_its_catalog_name_is_that_entry():
    keys = set(_extract("首相曾在20國集團（G20）領袖峰會上表示，7大工业国集团（G7）会议将举行。").entities)
    assert {"g20", "g7"} <= keys and not any(k.startswith("organization:g") for k in keys), keys


@pytest.mark.parametrize("channel", ["法国电视二台", "德国电视一台"])
def test_a_countrys_numbered_television_channel_is_a_broadcaster(channel):
    body = f"病毒学家瓦茨勒对{channel}表示：“储备疫苗的行为短视。”"
    assert _entities(body).get(channel, ("",))[0] == "organization", list(_entities(body))


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("接种率已达91%，达世界卫生组织（WHO）建议标准。", "who"),  # WHO is also a word
        ("前美国中央情报局（CIA）中国分析师表示，局势复杂。", "cia"),
    ],
)
def test_a_catalog_name_after_a_word_before_its_acronym_is_the_catalog_entry(body, key):
    keys = set(_extract(body).entities)
    assert key in keys and f"organization:{key}" not in keys and not any("zh-" in k for k in keys), keys


def test_a_station_glossed_in_latin_is_no_body():
    names = _entities("大批乘客聚集在伦敦圣潘克拉斯车站（St Pancras International）等候。")
    assert not [n for n, (kind, *_) in names.items() if kind == "organization"], names



@pytest.mark.parametrize(
    ("view", "words", "organizations"),
    [
        # two bodies joined, the first already ending like one: two names, not one
        ("成立环境部和农业部来落实转型",
         [Word(0, 2, "v"), Word(2, 9, "ORG"), Word(9, 10, "v"), Word(10, 12, "v"), Word(12, 14, "n")], []),
        ("到台东基督教医院等肠病毒重症医院就医", [Word(0, 1, "p"), Word(1, 16, "ORG"), Word(16, 18, "v")], []),
        # a country's firm (美商) is no part of its name
        ("美商英科达科技（Incoda）宣布裁员", [Word(0, 7, "ORG"), Word(7, 15, "w"), Word(15, 17, "v"),
                                              Word(17, 19, "v")], ["英科达科技"]),
        # a body's local unit after a place is the body's (its key, below); a mission (驻…) is a body
        ("绿色和平北京办公室的负责人说",
         [Word(0, 4, "ORG"), Word(4, 9, "ORG"), Word(9, 10, "u"), Word(10, 13, "n"), Word(13, 14, "v")],
         ["绿色和平北京办公室"]),
        ("他说，驻以色列代表处会协助",
         [Word(0, 1, "r"), Word(1, 2, "v"), Word(2, 3, "w"), Word(3, 10, "ORG"), Word(10, 11, "v"),
          Word(11, 13, "v")], ["驻以色列代表处"]),
    ],
)
def test_joined_bodies_owners_and_local_units(view, words, organizations):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == organizations


@pytest.mark.parametrize(
    ("view", "words"),
    [
        # a catalog party qualified, then its people (国会共和党人): no body of its own
        ("国会共和党人阻碍援助", [Word(0, 5, "ORG"), Word(5, 6, "n"), Word(6, 8, "v"), Word(8, 10, "n")]),
        # a place and a school level: a sort of school
        ("计划由台北市高中轮流参与", [Word(0, 2, "n"), Word(2, 3, "p"), Word(3, 8, "ORG"), Word(8, 10, "d"),
                                  Word(10, 12, "v")]),
        # a body described after 该 (该联合国卫生机构)
        ("此后，该联合国卫生机构与以色列争执", [Word(0, 2, "c"), Word(2, 3, "w"), Word(3, 4, "r"), Word(4, 11, "ORG"),
                                          Word(11, 12, "p"), Word(12, 15, "LOC"), Word(15, 17, "v")]),
        # a sort of body, then the modal verb (中国企业 | 会 | 加大)
        ("中国企业会加大投资", [Word(0, 5, "ORG"), Word(5, 7, "v"), Word(7, 9, "n")]),
        # a site's name that runs into its ending each time (卡莱昆达空军 | 基地)
        ("卡莱昆达空军基地遇袭，卡莱昆达空军基地关闭",
         [Word(0, 6, "ORG"), Word(6, 8, "n"), Word(8, 10, "v"), Word(10, 11, "w"), Word(11, 17, "ORG"),
          Word(17, 19, "n"), Word(19, 21, "v")]),
        # a subsidiary told by its parent or how it is held (紫光集团 | 全资子公司), even in apposition
        ("紫光集团全资子公司西藏投资", [Word(0, 4, "ORG"), Word(4, 9, "ORG"), Word(9, 11, "LOC"), Word(11, 13, "v")]),
        ("全家为便利商店集团子公司", [Word(0, 2, "ORG"), Word(2, 3, "v"), Word(3, 12, "ORG")]),
    ],
)
def test_a_bodys_people_a_sort_of_school_and_a_body_described_are_no_names(view, words):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == []


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        # a part of a year before a body (今年初 | 民航局)
        ("今年初民航局已对外说明，无人机加装射频识别是安全管理上的重要一步。", "初民航局", "民航局"),
        # a word that describes a body written across the name's start (反对党 | 工党)
        ("议长相信，反对党工党领袖科尔宾确实出言不逊。", "党工党", None),
        # a parent and its relation before a bracketed name (外交部下属 | 中国国际问题研究院（…）)
        ("现为外交部下属中国国际问题研究院(China Institute of International Studies)研究员的某人说。",
         "外交部下属中国国际问题研究院", "中国国际问题研究院"),
        # a country's word that took the 驻 of its mission (中国驻 | 光洲领事馆)
        ("向基金会表达反对颁奖予邹幸彤的中国驻光洲领事馆官员共有三人。", "驻光洲领事馆", "中国驻光洲领事馆"),
        # a place and bodies of a sort (中国 | 地方政府), not one body (埃及 | 中央银行)
        ("欢迎并重视与中国地方政府的交流沟通。", "中国地方政府", None),
        # a clause ending in a preposition or a source verb, then a body the catalog knows
        ("美国国务院向半岛电视台证实，华盛顿希望通过外交途径解决。", "美国国务院向半岛电视台", None),
        ("麦考尔在寄给布林肯的信中援引路透社报导，要求提供资讯。", "中援引路透社", None),
        ("埃及中央银行周四宣布加息。", "中国地方政府", "埃及中央银行"),
        # two bodies joined by 及, not a body named for two fields (住房和城乡建设部 is one)
        ("呼吁市府及消防局重视，落实法院解释。", "市府及消防局", None),
        ("商业团体及华尔街公司都已经发出了警告。", "团体及华尔街公司", None),
        ("住房和城乡建设部表示，将加强管理。", "市府及消防局", "住房和城乡建设部"),
        # a word the lexicon says names nothing, and a sort of body (电信 | 集团), whatever the tagger reads
        ("这家总部位于英国的电信集团表示，将推行一项德国重振计划。", "电信集团", None),
        # a prize is no body, nor the name it is named after
        ("欧洲议会将萨哈罗夫奖追授伊朗女青年阿米尼。", "萨哈罗夫奖", None),
        ("欧洲议会将萨哈罗夫奖追授伊朗女青年阿米尼。", "萨哈罗夫", None),
        # a body counted after its place (四川省一间医院)
        ("图为四川省一间医院医护照顾新生儿。", "一间医院", None),
        ("图为四川省一间医院医护照顾新生儿。", "四川省一间医院", None),
        # a body's endings with no name (科技 | 有限公司); a forecast is no body's ending
        ("企业认证为与辉同行（北京）科技有限公司。", "科技有限公司", None),
        ("中央气象署预报，今天全台都是好天气。", "中央气象署预报", None),
        # a ruling coalition is a description (日本执政联盟)
        ("日本执政联盟自民党、公明党针对防卫装备出口的运用指针达成共识。", "日本执政联盟", None),
        # a verb of two characters is part of a bracketed body's name (保护记者委员会（CPJ）)
        ("保护记者委员会（Committee to Protect Journalists）也要求释放卡鲁特。", "记者委员会", "保护记者委员会"),
    ],
)
def test_periods_prizes_counted_bodies_and_bare_endings(body, absent, present):
    names = {e.name for e in _extract(body).entities.values() if e.kind == "organization"}
    assert absent not in names
    if present:
        assert present in names


@pytest.mark.parametrize(
    ("view", "words", "organizations"),
    [
        # named twice, which would vouch for a short form
        ("萨哈罗夫奖颁给阿米尼，萨哈罗夫奖", [Word(0, 5, "ORG"), Word(5, 7, "v"), Word(7, 10, "PER"),
                                      Word(10, 11, "w"), Word(11, 16, "ORG")], []),
        ("伙伴协定生效，伙伴协定", [Word(0, 4, "ORG"), Word(4, 6, "v"), Word(6, 7, "w"), Word(7, 11, "ORG")], []),
        ("认证为科技有限公司（kingnet）", [Word(0, 2, "v"), Word(2, 3, "v"), Word(3, 9, "ORG"), Word(9, 18, "w")],
         []),
        ("中央气象署预报，今天全台都是好天气", [Word(0, 7, "ORG"), Word(7, 8, "w"), Word(8, 10, "TIME"),
                                       Word(10, 12, "n"), Word(12, 14, "d"), Word(14, 15, "v"), Word(15, 18, "n")],
         ["中央气象署"]),
    ],
)
def test_prizes_agreements_and_bare_endings_are_no_bodies(view, words, organizations):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == organizations


def test_a_bodys_word_alone_before_a_bracket_leaves_the_latin_name():
    entities = _extract("生命未来研究所（Future of Life Institute）美国政策主任克雷恩表示，人工智能需要监管。").entities
    names = {e.name for e in entities.values() if e.kind == "organization"}
    assert "研究所" not in names
    assert "Future of Life Institute" in names or "生命未来研究所" in names


def test_a_bodys_word_alone_is_no_name_even_when_vouched_for():
    from kb.extract import _tags_alone

    rules = default_rules()
    view = "贸易和技术委员会（ttc）在瑞典举行，委员会讨论了芯片"
    words = [Word(0, 2, "n"), Word(2, 3, "c"), Word(3, 5, "n"), Word(5, 8, "ORG"), Word(8, 13, "w"), Word(13, 14, "p"),
             Word(14, 16, "LOC"), Word(16, 18, "v"), Word(18, 19, "w"), Word(19, 22, "ORG"), Word(22, 24, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert "委员会" not in [n.form for n in names]


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("就像前日本首相安倍晋三所说，台湾有事就是日本有事。", "安倍晋三所"),  # a person and 所(说)
        ("美国劳工部发现路易维尔一间麦当劳餐厅雇用童工，一间麦当劳餐厅", "麦当劳餐厅"),  # a restaurant counted
    ],
)
def test_a_person_and_a_character_and_a_counted_restaurant_are_no_bodies(body, absent):
    names = {e.name for e in _extract(body).entities.values() if e.kind == "organization"}
    assert absent not in names


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a common word that only ends like a body (情报 | 报, 与会 | 会)
        ("法国军事情报部门负责人周三表示，局势紧张。", "法国军事情报"),
        ("世卫组织排斥台湾与会的做法遭到批评。", "台湾与会"),
        # a numeral and a school's level (一名 | 高中) count a pupil
        ("警方表示，一名高中男生在校外受伤。", "一名高中"),
        # who owns it and a sort of body (美资 | 公司)
        ("商务部对中国针对美资公司的行动表示关切。", "美资公司"),
        # a sort of body before a bracket (非政府组织（NGO）)
        ("该团体以非政府组织（NGO）观察员名义报名参加。", "非政府组织"),
        # a verb's phrase before the tagger's body and its bracket (率团拜会 | …协会)
        ("观光局还率团拜会越南出境旅游协会（VTA）并交换资讯。", "率团拜会越南出境旅游协会"),
        # a descriptor's end and a body's word alone (…网络 | 研究中心); a place's bank's unit
        ("台湾智库台湾气候行动网络研究中心总监赵家纬指出，这样的排除也阻碍了台湾。", "研究中心"),
        ("德意志银行研究中心从5.3%下调至5%，野村证券维持不变。", "研究中心"),
        # a group of believers, in a prayer room and alone
        ("中和分馆同时设置有穆斯林祈祷室，家长指控教师「刻意惊吓穆斯林」。", "穆斯林"),
        # common words and a term's acronym, after a descriptor (官方 | 发展援助（ODA）)
        ("韩国承诺将把向太平洋岛国提供的官方发展援助（ODA）规模增至原先的2倍。", "发展援助"),
        # a place and one of a sort counted at the end (…披集府 | 一间小学)
        ("泰国北部披集府一间小学发生屋顶倒塌事件，造成6人死亡。", "北部披集府一间小学"),
        # a people (库德族)
        ("伊拉克北部的库德族与政府军发生冲突，库德族领袖表示不满。", "库德族"),
        # common nouns that end like a body (格局 in 局, 好处 in 处), after a place or joined by 与
        ("龐溟並指要適應中國城鎮化格局和房地產市場供求關係的變化。", "中國城鎮化格局"),
        ("他認為風險與好處應平衡。", "風險與好處"),
        # a thing's name glossed in Latin (…协议（…）) is no body
        ("歐盟邀請台灣加入臨時上訴仲裁多邊協議（Multi-Party Interim Appeal Arbitration Arrangement）。",
         "臨時上訴仲裁多邊協議"),
        # generic bodies: counties' and cities' governments, the caucuses, a police station
        ("教育部承諾，將盡速與法務部、縣市政府、相關團體研商。", "縣市政府"),
        ("內政部長林右昌表示，感謝朝野黨團支持順利修法。", "朝野黨團"),
        ("熟悉公安派出所運作的山東盧姓網民表示，當局不會緊縮。", "公安派出所"),
        # a place and a sort of paper before the paper's title (香港日报《南华早报》)
        ("据香港日报《南华早报》的报道，欧盟领导人可能会提供一些东西。", "香港日报"),
        # a body's part right after its parent's name: the tagger cut the whole name
        ("國際技能組織亞洲分會會長也傳遞會旗給勞動部長許銘春。", "亞洲分會"),
        # a sector before the word for its leader describes the company after them
        ("知情人士表示，中國科技巨擘騰訊已關閉在美國的遊戲工作室怪獸團隊。", "中國科技"),
        # a place's centre typed with 巿 for 市, an event (对话会), an index
        ("塞爾維亞首都貝爾格勒巿中心3日驚傳校園槍擊案。", "貝爾格勒巿中心"),
        ("他出席香格里拉對話會。", "香格里拉對話會"),
        ("KBW纳斯达克地区银行指数(KBW Nasdaq Regional Bank Index)下跌。", "KBW纳斯达克地区银行指数"),
        # a think tank's word after its name (研究中心 | 智囊团) is no part of it
        ("瑞士联邦理工学院安全研究中心智囊团的研究员表示，这很危险。", "瑞士联邦理工学院安全研究中心智囊团"),
        # 从…处: where a warning came from; 处 is no part of the body's name
        ("從美方和加拿大電信安全局處得到提醒。", "電信安全局處"),
        # a sort of body right before its quoted name describes it
        ("路透社報導，巴勒斯坦伊斯蘭武裝組織「哈瑪斯」（Hamas）表示，將繼續戰鬥。", "巴勒斯坦伊斯蘭武裝組織"),
    ],
)
def test_words_that_end_like_bodies_sorts_and_groups_are_no_bodies(body, absent):
    names = _entities(body)
    assert names.get(absent, ("",))[0] != "organization", names


def test_a_township_is_a_place_and_its_office_a_body():
    names = _entities("台东县绿岛乡疑遭船舶偷排废油，绿岛乡公所表示将追查。")
    assert names["绿岛乡"][0] == "place" and names["绿岛乡公所"][0] == "organization", names


def test_a_place_before_a_catalog_body_of_its_country_or_none_is_that_body():
    # 纽约 | 联合国安理会: an international body, written after where it met
    found = _extract("美国近期在纽约联合国安理会否决了呼吁加沙停火的决议草案。")
    assert [m.key for m in found.mentions if "安理会" in m.surface] == ["un-security-council"]
    assert not any(e.origin == "discovered" and e.kind == "organization" for e in found.entities.values())


def test_a_place_before_another_countrys_catalog_body_is_not_that_body():
    from kb.extract.bodies import placed_known

    rules = default_rules()
    known = {"法国": "place", "国务院": "organization", "纽约": "place", "联合国安理会": "organization"}
    countries = {"法国": "FR", "国务院": "CN", "纽约": "US", "联合国安理会": ""}
    assert placed_known("法国国务院", rules.names, known, countries) is None
    assert placed_known("纽约联合国安理会", rules.names, known, countries) == "联合国安理会"


@pytest.mark.parametrize(
    ("body", "name", "absent"),
    [
        # a number that begins the name (第一 | 共和银行), though the tagger left it out
        ("美国监管机构昨天宣布接管倒闭的第一共和银行（First Republic Bank）。", "第一共和银行", "共和银行"),
        # a descriptor before a place's body, or where its media are (工会 | 美国作家协会, 港媒 | 星岛日报)
        ("起因是编剧所属的工会美国作家协会（WGA）未能与雇主达成加薪协议。", "美国作家协会", "工会美国作家协会"),
        ("港媒星岛日报今天指出，分析师近日在研报中称经济放缓。", "星岛日报", "港媒星岛日报"),
        # a descriptor's last character the tagger read into the name (在 | 野共和人民党)
        ("总统大选仍是在野幸福党（SP）党魁基里达欧鲁的机会。", "幸福党", "野幸福党"),
        # a city's own school keeps its city (台北市立 | 成功高级中学, 纽约 | 州立大学)
        ("季军为台北市立成功高级中学的学生队伍。", "台北市立成功高级中学", "立成功高级中学"),
        ("纽约州立大学奥尔巴尼分校政治学教授陈澄指出，近年来关系日趋紧张。", "纽约州立大学", "州立大学"),
        # an institute named by common words keeps its place (中国 | 旅游研究院); a descriptor
        # inside the form is no part of the name (美国半导体生产商 | 美光科技公司)
        ("中国文化和旅游部数据中心（中国旅游研究院）最初推算，今年出游人次增加。", "中国旅游研究院", "旅游研究院"),
        ("大熊猫将在雅安的中国保护大熊猫研究中心开启为期一个月的隔离。", "中国保护大熊猫研究中心", "保护大熊猫研究中心"),
        ("针对中国将美国半导体生产商美光科技公司(Micron Technology)列入名单。", "美光科技公司",
         "美国半导体生产商美光科技公司"),
        # what is said of a body before its name (…和光市的 | 理化学研究所)
        ("位于埼玉县和光市的理化学研究所（RIKEN）今天宣布，新元素获得命名。", "理化学研究所", "埼玉县和光市的理化学研究所"),
        # countries counted (中俄两国军队)
        ("东京尤其关注中俄两国军队在日本海岸附近联合行动的增加。", None, "中俄两国军队"),
        # bodies counted at the start (八家 | 政党联盟); a launch site's pad is a site
        ("泰国选举中，八家政党联盟在这场选举中取得意外胜利。", None, "八家政党联盟"),
        ("卫星图像显示，朝鲜西海卫星发射站发射台区域的活动开始恢复。", None, "西海卫星发射站发射台"),
        # a clause ending in a verb, then the catalog's body (日本政府委托 | 国际原子能机构（IAEA）)
        ("日本政府委托国际原子能机构（IAEA）进行安全验证，预计最快6月发布报告。", None, "日本政府委托国际原子能机构"),
        # one of a body's committees, counted, names none; a full name's first part is a person's
        ("2月初，联合国一委员会裁定阿桑奇受到了不公正的拘禁。", None, "联合国一委员会"),
        ("比尔·盖茨表示支持，他的慈善基金会比尔及梅琳达·盖茨基金会接受捐款。", None, "比尔"),
    ],
)
def test_where_a_bodys_name_starts_and_ends(body, name, absent):
    names = _entities(body)
    assert name is None or names[name][0] == "organization", names
    assert names.get(absent, ("",))[0] != "organization", names


def test_the_taggers_short_form_of_a_bracketed_body_is_that_body():
    found = _extract("美国宣布接管倒闭的第一共和银行（First Republic Bank），共和银行的存款将转移。")
    assert {m.key for m in found.mentions if "银行" in m.surface} == {"organization:first-republic-bank"}


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # two sorts of place joined by 和 name no body; two fields before a ministry's ending do
        ("违规行为包括在社区和医院设置路障以及袭击银行、市场、商店和外交使团。", None, "社区和医院"),
        ("住房和城乡建设部表示，将加强监管。", "住房和城乡建设部", None),
        # words that go on to name an event (长三角科技产业创新论坛) are no body's name
        ("报导提到，上海市徐汇区副区长俞林伟在长三角科技产业创新论坛直言，最重要的是大模型。", None, "长三角科技"),
        # an office, then a case (办公室 | 对此案): the office stays a body
        ("法国反恐检察官办公室对此案展开了初步调查。", "法国反恐检察官办公室", None),
        # an institute named by a field's term keeps its place (武汉 | 病毒研究所)
        ("高教授还告诉BBC，中国政府对武汉病毒研究所进行了某种正式调查。", "武汉病毒研究所", "病毒研究所"),
        # the modal 会 before a verb (美国违约 | 会 | 扰乱) ends no body; a body's 会 speaks (消委会说)
        ("一些投资者担心美国违约会扰乱金融市场。", None, "美国违约会"),
        # many schools, a policy, a banker and a company's office are no bodies of their own
        ("许多高中表示支持。", None, "许多高中"),
        ("美國仍堅持一中政策，一中政策不變。", None, "一中"),
        ("约翰·劳是苏格兰银行家，苏格兰银行家约翰·劳说。", None, "苏格兰银行"),
        ("力高公司辦事處表示，已經撤離。", None, "力高公司辦事處"),
        # a body's field the tagger read as a body of its own, then 和 and the rest of the name
        ("中共中央黨史和文獻研究院發布了一份報告。", "中共中央黨史和文獻研究院", "文獻研究院"),
        # a school year and a level (110学年 | 高中) and two bodies joined by 与 name no one body
        ("110學年高中應屆畢業生人數減少。", None, "學年高中"),
        ("民進黨提名策略小組與決策委員會今天開會。", None, "小組與決策委員會"),
        # bodies counted (5个…协会, 三党联合政府), a country's band, each consulate: sorts, not names
        ("報導表示，最少5個台灣媽祖協會與中國大陸對口單位有聯繫。", None, "台灣媽祖協會"),
        ("三党联合政府的安全战略一再推迟。", None, "三党联合政府"),
        ("预计下半年来台的韓國樂團、歌手还有iKON。", None, "韓國樂團"),
        ("義大利駐中國大使館表示，使館以及義大利駐中各總領事館正常接收簽證。", "義大利駐中國大使館", "義大利駐中各總領事館"),
        # an event (见面会) and a planned office of a sort (代表人办事处) are no bodies; a bank the
        # catalog lists is one, though a country and a bank describe one as often
        ("侯友宜下午在國民黨高雄市黨部舉行高雄見面會並接受媒體聯訪。", None, "高雄見面會"),
        ("臺灣銀行今年也取得金管會核准，將向日本主管機關申設福岡代表人辦事處。", "台湾银行", "福岡代表人辦事處"),
        ("中國工商銀行表示，將下調利率。", "中国工商银行", None),
        # a generic body joined to a named one (检调单位及财政部) and a central bank unnamed
        ("檢調單位及財政部今天表示，將加強查核。", None, "單位及財政部"),
        ("世界上绝大多数国家的中央银行都提高了利率。", None, "中央银行"),
        # two countries' abbreviations (美菲) name no body
        ("双方讨论了加强美菲海岸警卫队伙伴关系和美菲海上合作的问题。", None, "美菲"),
        # a tagged word that ends inside a name the catalog knows (美国自由 | 亚洲电台)
        ("美國自由亞洲電台23日報導，近年來大批英國知名學府在中國開設國際學校。", "自由亚洲电台", "亞洲電台"),
        # a university named by its field keeps its place (台湾 | 体育运动大学)
        ("台灣體育運動大學表示，將擴大招生。", "台灣體育運動大學", "體育運動大學"),
    ],
)
def test_bodies_joined_by_and_and_bodies_running_into_events(body, present, absent):
    found = _entities(body)
    assert present is None or found.get(present, ("",))[0] == "organization", found
    assert absent is None or absent not in found, found


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # 前 (former) between a body and the title after it is the person's, not the body's
        ("中国前外交部发言人赵立坚被外界称为“战狼”外交官。", None, "中国前外交部"),
        ("中国人民银行前货币政策司司长孙国峰被判16年半有期徒刑。", "货币政策司", "前货币政策司"),
    ],
)
def test_former_before_a_title_is_no_part_of_a_bodys_name(body, present, absent):
    found = _entities(body)
    assert present is None or found.get(present, ("",))[0] == "organization", found
    assert absent not in found, found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a surname the tagger read as a place or a body, beside the full name
        ("日本NTT公司社长丸冈亨（65岁）接受共同社采访。</p><p>业务主要面向东京、大阪、名古屋等城市地区的大企业。"
         "丸冈表示，不少小规模的企业没有IT管理人员。</p><p>该公司已开始社招，丸冈称“希望让拥有专门技能的人成长”。", "丸冈"),
        # a given name and a surname joined by a dot name a person, even after 在
        ("在理查德·尼克松和杰拉尔德·福特总统执政期间，基辛格和福特告诉苏哈托，他们理解。", "理查德·尼克松"),
    ],
)
def test_a_surname_read_as_a_body_beside_the_full_name_is_that_person(body, person):
    found = _extract(body)
    kinds = {e.name: e.kind for e in found.entities.values()}
    assert kinds.get(person) in (None, "person"), kinds
    assert {m.kind for m in found.mentions if m.surface == person} == {"person"}, found.mentions


def test_a_descriptors_word_inside_a_bracketed_name_leaves_the_whole_name():
    # 企业 is a descriptor, but 咨询公司 after it is a sort of body: the name is the whole
    body = "我们可以从客户那里看到这一点，”安迈企业谘询公司(Alvarez & Marsal)亚洲全球交易主管说。"
    found = _entities(body)
    assert found.get("安迈企业谘询公司", ("",))[0] == "organization", found
    assert "谘询公司" not in found, found


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a government body's short name, the subject of a reporting verb
        ("考评局表示，考生需使用手机应用程序报到。", "organization:zh-考评局"),
        ("客委会今天表示，活动将持续两天。", "organization:zh-客委会"),
        ("工旅处指出，违规者将被罚款。", "organization:zh-工旅处"),
        # a county's or city's own government, named by the place and 府
        ("宜兰县府表示，明年将邀集有关单位讨论。", "organization:zh-宜兰县府"),
        ("台南市府今天指出，明年将邀集有关单位讨论。", "organization:zh-台南市府"),
        # a word that points back (该局) names no body
        ("该局表示，将会跟进。", None),
    ],
)
def test_a_body_by_its_short_name_speaks(body, speaker):
    found = _extract(body)
    assert {s.speaker_key for s in found.statements if s.speaker_key} == ({speaker} if speaker else set()), found
    assert speaker or not [k for k in found.entities if k.startswith("organization:")]


def test_a_country_and_its_body_read_as_one_place_is_the_catalog_body():
    found = _extract("据俄罗斯塔斯社报道，两国领导人讨论了能源合作。")
    assert [s.speaker_key for s in found.statements] == ["tass"]
    assert not [k for k in found.entities if k.startswith("place:")]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a source named alone before a comma (据X，) is a body, an outlet most often
        ("据雷锋网，图森未来CEO吕程在一封全员信中公布，技术副总裁王磊将离开。", "雷锋网"),
        ("据证券日报，知乎宣布其短故事业务独立分拆。", "证券日报"),
        ("据金融界，理想汽车CEO李想近日在社交媒体表示，销量下降。", "金融界"),
    ],
)
def test_a_source_named_alone_is_a_body(body, name):
    assert _entities(body).get(name, ("missing",))[0] == "organization", _entities(body)


@pytest.mark.parametrize("body", ["据了解，目前多个站点已公告停止服务。", "根据日美协议，训练仅限例外情况。"])
def test_words_after_ju_are_no_source_name(body):
    assert not [n for n, (kind, _, _) in _entities(body).items() if kind == "organization"], _entities(body)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # one word the tagger reads as a body, opening a clause before a reporting verb, speaks
        ("国联证券近期指出，预计该公司收入将增长。", "organization:zh-国联证券"),
        ("中芯預計，今季產能利用率及出貨量都高於首季。", "smic"),
        # …unless it holds a body the catalog knows: that body speaks
        ("中国央视报道称，公安部开展了专项整治。", "cctv"),
    ],
)
def test_a_name_read_as_a_body_before_a_reporting_verb_speaks(body, speaker):
    assert [s.speaker_key for s in _extract(body).statements] == [speaker]


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        # a Latin name right after a word for its sort is a body of that sort
        ("根据法国大宗商品追踪公司Kpler的船舶追踪数据，印度进口增加。", "Kpler", "organization"),
        ("节目委托民调机构YouGov进行的调查显示，民众广泛支持。", "YouGov", "organization"),
        # …but not a common word after it (公司CEO, 公司Logo)
        ("该公司CEO表示，业绩增长。", "CEO", None),
        ("总部大楼上的公司Logo被拆除。", "Logo", None),
    ],
)
def test_a_latin_name_after_a_word_for_its_sort_is_a_body(body, name, kind):
    assert _entities(body).get(name, (None,))[0] == kind, _entities(body)


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # names listed and counted in 家, the firms' classifier, as many as listed: bodies
        ("泰国政府透露，丰田汽车、本田、五十铃汽车、三菱汽车这4家日本车企将投资。", {"本田", "五十铃汽车", "三菱汽车"}),
        ("近期又有蔚来、阿维塔、极越三家新势力车企开通了法务部微博。", {"阿维塔", "极越"}),
        # a count that is not the list's, or a place in the list: no bodies
        ("该公司在上海和纽约开设两家办公室。", set()),
    ],
)
def test_names_counted_in_jia_are_bodies(body, names):
    found = {n for n, (kind, _, _) in _entities(body).items() if kind == "organization"}
    assert names <= found and not (names == set() and found), found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a country's army by its name or its one-character form and 军: one body that speaks
        ("以色列军队表示，地面攻势已扩大。以军还说，将继续行动。",
         [("organization:israel-armed-forces", "表示"), ("organization:israel-armed-forces", "说")]),
        ("韩国军方说，朝鲜向俄罗斯运送了火炮弹药。", [("organization:south-korea-armed-forces", "说")]),
        # the catalog's own armies stay the catalog's
        ("美军表示，将继续巡逻。", [("us-armed-forces", "表示")]),
        # 军 that goes on into a word (军事) or follows another word (可以军民…) is no army
        ("乌克兰军事援助将继续，可以军民融合。", []),
    ],
)
def test_a_countrys_army_is_one_body(body, expected):
    assert [(s.speaker_key, s.verb) for s in _extract(body).statements] == expected
    if not expected:
        assert not [k for k in _extract(body).entities if k.endswith("armed-forces")]


def test_will_after_a_bodys_name_is_no_part_of_it():
    # 土木工程拓展署 | 会(与相关部门跟进): 会 is "will", not a 会 (association)
    assert "土木工程拓展署" in _entities("土木工程拓展署會與相關部門跟進環保署署長的要求。")
    assert "土木工程拓展署會" not in _entities("土木工程拓展署會與相關部門跟進環保署署長的要求。")


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a body's word after a plural determiner each time (各国 | 奥委会) names many, no one
        ("各国奥委会表示，将派团参赛。", "奥委会"),
        # a sort of court, not one court
        ("此案由联邦法院审理，联邦法院表示，将在下月宣判。", "联邦法院"),
    ],
)
def test_bodies_of_a_sort_are_no_organization(body, absent):
    assert absent not in _entities(body), _entities(body)


def test_a_descriptor_that_begins_a_compound_keeps_the_whole_name():
    # 亚洲公司治理协会: 公司治理 (corporate governance) is the name's, 公司 no description of it
    body = "亞洲公司治理協會發布報告指出，台灣排名第二。"
    entities = _entities(body)
    assert "亞洲公司治理協會" in entities and "治理協會" not in entities, entities


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a country's or a city's government, whatever the sentence says of it
        ("多年来，秘鲁政府一直游说争取让这件文物回到利马。", "秘鲁政府"),
        ("为了应对这一挑战，葡萄牙政府增加了在安哥拉的驻军。", "葡萄牙政府"),
    ],
)
def test_a_places_government_is_a_body(body, name):
    assert _entities(body)[name][0] == "organization"


def test_a_continents_government_is_a_description():
    assert "欧洲政府" not in _entities("欧洲政府一度不愿意归还这些文物。")


@pytest.mark.parametrize(
    ("body", "written", "key"),
    [
        # the catalog's body, its branch in a place
        ("恒生银行上海办事处首席经济学家陈立说，价格仍在下跌。", "恒生银行上海办事处", "hang-seng-bank"),
        # a body no catalog lists, also written alone
        ("星河融智公司周一停业。警方检查了星河融智公司苏州分公司的办公室。", "星河融智公司苏州分公司",
         "organization:zh-星河融智公司"),
    ],
)
def test_a_bodys_branch_in_a_place_is_the_body(body, written, key):
    found = _extract(body)
    assert {m.key for m in found.mentions if m.surface == written} == {key}


def test_a_bodys_branch_keeps_the_key_its_bracket_gives():
    found = _extract("星河融智（Galaxy Partners）周一停业。警方检查了星河融智香港办事处。")
    keys = {m.key for m in found.mentions if m.surface.startswith("星河融智")}
    assert len(keys) == 1


def test_a_long_word_ending_in_a_bodys_word_joins_its_place():
    # the tagger reads 平等機會委員會 as one adjective after 香港
    assert _entities("香港平等機會委員會也在沒有任何證據下指出，事件不構成歧視。")["香港平等機會委員會"][0] == (
        "organization"
    )


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # an accented Latin name read whole
        ("捷克網路媒體Aktuálně記者王樂薇說，很多選民灰心。", "Aktuálně", "Aktu"),
        # a date after a Latin name is no part of it
        ("影音平台Netflix24日擴大掃蕩共享帳號的行為。", "Netflix", "Netflix24"),
        # a verb of taking somewhere the tagger ran into a hospital's name
        ("再救出1名老婦，但意識不清，送國泰醫院治療。", "國泰醫院", "送國泰醫院"),
    ],
)
def test_latin_names_whole_and_bodies_without_what_the_tagger_ran_in(body, present, absent):
    names = {n for _, _, aliases in _entities(body).values() for n in aliases}
    assert present in names and absent not in names, names


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a company's ending, then more of its English name: no company of the shorter name
        ("穆迪投資者服務公司（Moody's Investors Service）分析師陳立表示，利率下調。", "Moody's Investors"),
        # a place's courts, a tea party
        ("黎崇恩有意藉著英方向香港法庭施壓。", "香港法庭"),
        ("現場正在進行「總合政策研究會主辦的西村康稔茶話會」。", "西村康稔茶話會"),
    ],
)
def test_cut_english_names_courts_and_events_are_no_bodies(body, absent):
    assert absent not in _entities(body)


def test_an_institute_named_by_its_field_after_its_place_is_a_body():
    assert _entities("根據香港民意研究所最新調查顯示，特首的民望下跌。")["香港民意研究所"][0] == "organization"


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        # a firm's analyst after its Latin name: the Latin name is the firm's
        ("“我们继续认为安全性被低估，”Stifel的分析师Paul Matteis写道。", "Stifel"),
        ("Jefferies分析师Michael Yee表示，这是重磅消息。", "Jefferies"),
        # an agency of a photo credit, written after a comma (BBC's 图像来源，)
        ("图像来源，PA Media</p><p>英国首相苏纳克表示支持。", "PA Media"),
    ],
)
def test_a_firm_written_in_latin_before_its_people_or_in_a_credit_is_an_organization(body, firm):
    assert _entities(body).get(firm, ("",))[0] == "organization", _entities(body)



@pytest.mark.parametrize(
    ("body", "listed"),
    [
        # a short name the tagger calls a body, listed beside bodies: one of them, not a word
        ("包括蒂芙尼、特斯拉等很多品牌的加入，也让消费者有了更多选择。", "蒂芙尼"),
        # …and its own name, not a catalog group it starts like (华润 | 啤酒)
        ("快手、吉利汽车、华润啤酒、百度、腾讯等20余家公司已提交申请。", "华润啤酒"),
        # a list closed by its sort of body, though its count is not the list's (no 阿维塔和)
        ("阿维塔和极越等五家车企开通了微博。", "阿维塔"),
    ],
)
def test_a_name_listed_among_bodies_is_one(body, listed):
    assert listed in _organizations(body)


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        # a country's or its capital's authorities: its government, the catalog's or one named
        # by the country and 政府, so that both forms are one body
        ("以色列当局表示，将继续行动。以色列政府也称，行动有效。",
         {("organization:zh-以色列政府", "以色列当局"), ("organization:zh-以色列政府", "以色列政府")}),
        ("北京当局拒绝了这一要求。", {("china-government", "北京当局")}),
        ("香港当局表示，会严格执法。", {("hong-kong-government", "香港当局")}),
        # two places' authorities together are both governments, no one body
        ("中国和香港当局称，所有国家都需要此类法律。", {("china", "中国"), ("hong-kong", "香港")}),
    ],
)
def test_a_places_authorities_are_its_government(body, mentions):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = {(m.key, m.surface) for m in extract(parse_text(text)).mentions}
    assert found == mentions, found


def test_a_source_named_with_its_account_is_no_body_of_that_name():
    # 据美军的说法，: the army's account, not a body called 美军的说法
    assert not any("说法" in name for name in _organizations("据美军的说法，搜索面积约为2.25平方公里。"))


@pytest.mark.parametrize(("body", "service"), [
    ("韩国空军和美国空军周二举行联合演习。", "美国空军"),
    ("美国海军陆战队发言人表示，演习顺利。", "美国海军陆战队"),
    ("菲律宾海岸警卫队指责中方船只危险操作。", "菲律宾海岸警卫队"),
])
def test_a_countrys_service_of_arms_is_one_body(body, service):
    organizations = _organizations(body)
    assert service in organizations, organizations


def test_a_site_named_after_a_service_is_no_body():
    assert "美国空军" not in _organizations("抗议者聚集在美国空军基地外。")


def test_the_platform_weibo_is_named_by_its_short_name():
    assert "新浪微博" in _organizations("相关话题标签一度在微博上成为热搜词条。")
