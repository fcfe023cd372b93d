"""Names no catalog lists: transliterations of a catalog person by their readings, and the
edges of names the tagger finds (table-driven, on sentences of no article)."""

import pytest

from kb.extract import extract
from kb.extract.entities import _english_agrees
from kb.extract.names import tagged_names
from kb.extract.readings import distance, syllables
from kb.extract.rules import default_rules
from kb.extract.tagger import Word
from kb.parse import parse_text


def _forms(view: str, words: list[Word], kind: str) -> list[str]:
    """The names of ``kind`` that ``tagged_names`` finds, with the catalog's kinds alone."""
    rules = default_rules()
    return [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == kind]

def _people_and_bodies(view: str, words: list[Word]) -> tuple[list[str], list[str]]:
    """The people and the organizations ``tagged_names`` finds, reading forms alone as kb does."""
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    return [n.form for n in names if n.kind == "person"], [n.form for n in names if n.kind == "organization"]

@pytest.mark.parametrize(
    ("written", "person"),
    [
        ("史托腾柏格", "jens-stoltenberg"),  # Taiwan's Stoltenberg, simplified
        ("斯托尔腾贝格", "jens-stoltenberg"),
        ("泽伦斯基", "volodymyr-zelenskyy"),
        ("拉夫洛夫", "sergey-lavrov"),
        ("马克宏", "emmanuel-macron"),
        ("王文斌", None),  # a Chinese name: a different person may read the same
        ("克里斯托夫", None),  # no catalog person sounds like it
        ("约翰生", None),  # several Johnsons: no guess
        ("斯特凡尼克", None),  # Stefanik, not Stefanchuk (斯特凡丘克): one syllable nothing alike
        ("马利克·阿格尔", None),  # Malik Agar, not Maliar (马利亚尔): a full name's surname must sound alike
        ("延斯·斯托尔腾贝格", "jens-stoltenberg"),  # …as a full name's does
    ],
)
def test_a_transliteration_is_matched_by_its_reading(written, person):
    assert default_rules().readings.match(written) == person


def test_filler_syllables_cost_less_than_others():
    stoltenberg = syllables("斯托尔滕贝格")
    assert distance(syllables("史托腾柏格"), stoltenberg) < distance(syllables("史托腾柏克"), stoltenberg)
    assert distance(stoltenberg, stoltenberg) == 0


def test_an_unknown_transliteration_in_an_article_is_the_catalog_person():
    body = "北约秘书长史托腾柏格表示，北约不会退让。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    assert [s.speaker_key for s in found.statements] == ["jens-stoltenberg"]


@pytest.mark.parametrize(
    ("key", "english", "agrees"),
    [
        ("bridget-brink", "Anne Renzenbrink", False),
        ("andrij-melnyk", "Yaroslav Melnyk", False),
        ("andrij-melnyk", "Andriy Melnyk", True),
        ("jens-stoltenberg", "Stoltenberg", True),
    ],
)
def test_an_english_name_in_brackets_must_fit_the_catalog_person(key, english, agrees):
    assert _english_agrees(default_rules().matcher.entry(key), english) is agrees


@pytest.mark.parametrize(
    ("view", "words", "name"),
    [
        ("拜登之子亨特在国外", [Word(0, 2, "PER"), Word(2, 3, "u"), Word(3, 6, "PER")], "亨特"),
        ("若普京决定入侵", [Word(0, 3, "PER"), Word(3, 5, "v")], None),
        ("家长林先生说", [Word(0, 5, "PER"), Word(5, 6, "v")], "林先生"),
        # the tagger joined the name's last character to the verb (林咏 | 能说)
        ("教授林咏能说，", [Word(0, 2, "n"), Word(2, 4, "PER"), Word(4, 6, "v"), Word(6, 7, "w")], "林咏能"),
        # a dateline: the tagger left the given name's last character before the place
        ("中央社记者林行健新德里11日专电", [Word(0, 3, "ORG"), Word(3, 5, "n"), Word(5, 7, "PER"), Word(7, 8, "a"),
                                          Word(8, 11, "LOC"), Word(11, 14, "TIME"), Word(14, 16, "n")], "林行健"),
        # a double surname after a hyphen, its second part read as a body
        ("主编吉塞拉·塞勒姆-拜耳写道", [Word(0, 2, "n"), Word(2, 9, "PER"), Word(9, 10, "w"), Word(10, 12, "ORG"),
                                     Word(12, 14, "v")], "吉塞拉·塞勒姆-拜耳"),
        # an adverb after the name, taken in with it
        ("阿德巴约又说，", [Word(0, 5, "PER"), Word(5, 6, "v"), Word(6, 7, "w")], "阿德巴约"),
        # a surname after a title of three characters, read as a word of its own
        ("发言人具炳杉表示", [Word(0, 3, "n"), Word(3, 4, "v"), Word(4, 6, "PER"), Word(6, 8, "v")], "具炳杉"),
        # a case named after the person (罗森案)
        ("证实罗森案已移送", [Word(0, 2, "v"), Word(2, 5, "PER"), Word(5, 6, "d"), Word(6, 8, "v")], "罗森"),
        # 等 (and others) after a name
        ("官房长官松野博二等4名阁僚", [Word(0, 4, "n"), Word(4, 9, "PER"), Word(9, 10, "m"), Word(10, 11, "q"),
                                    Word(11, 13, "n")], "松野博二"),  # (a name no catalog lists)
        # the name's last character read into 等 (and others)
        ("前部长陈时中等站台", [Word(0, 3, "n"), Word(3, 5, "PER"), Word(5, 7, "a"), Word(7, 9, "v")], "陈时中"),
        # a title the tagger took into the name
        ("王储威廉王子出席", [Word(0, 4, "PER"), Word(4, 6, "n"), Word(6, 8, "v")], "威廉"),
        # a hyphen inside a transliterated name joins its parts
        ("阿里-哈桑表示", [Word(0, 2, "PER"), Word(2, 3, "w"), Word(3, 5, "PER"), Word(5, 7, "v")], "阿里-哈桑"),
    ],
)
def test_the_edges_of_a_tagged_name(view, words, name):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    expected = [name] if name else []
    assert [f for f in found if f not in ("拜登",)] == expected


@pytest.mark.parametrize(
    ("view", "kept"),
    [
        ("美国咨询公司表示", False),  # a country and what the company does
        ("日本执政党表示", False),
        ("黑松公司表示", True),  # no country: a name
        ("中国田径协会表示", True),  # an institution named by its field
        ("挪威难民委员会表示", True),
    ],
)
def test_a_country_and_a_description_is_no_organization(view, kept):
    from kb.extract import _tags_alone

    rules = default_rules()
    end = view.index("表示")
    words = [Word(0, end, "ORG"), Word(end, end + 2, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == ([view[:end]] if kept else [])


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("新加坡南洋理工大学副教授Bhubhindar Singh指出，日本与东盟的关系最成熟。", "person:bhubhindar-singh"),
        ("澳大利亚苏丹活动人士Justice Amad认为，年轻人是目标。", "person:justice-amad"),
        ("该公司首席执行官Maria Lund周一表示，裁员已经结束。", "person:maria-lund"),  # a day before the verb
        # a form the catalog gives several people, explained by its bracket: this one
        ("议长约翰逊（Mike Johnson）表示，调查将继续。", "person:mike-johnson"),
        ("新任议员威尔逊（Jane Wilson）表示，调查将继续。", "person:jane-wilson"),  # 逊 transliterates
        # a title the catalog lacks, known by how it ends (…投资官, …策略师)
        ("该公司首席投资官Mark Haefele表示，市场可能触底。", "person:mark-haefele"),
        ("首席投资组合策略师Jack Janasiewicz说，市场可能触底。", "person:jack-janasiewicz"),
    ],
)
def test_a_latin_name_after_a_title_is_a_person(body, speaker):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    assert [s.speaker_key for s in extract(parse_text(text)).statements] == [speaker]


def test_a_latin_surname_alone_before_a_verb_is_the_person_named_in_full():
    body = "首席投资官Mark Haefele表示，市场可能触底。</p><p>“资金正在等待，”Haefele表示。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    assert [s.speaker_key for s in extract(parse_text(text)).statements] == ["person:mark-haefele"] * 2


def test_a_chinese_name_ending_like_a_town_after_a_title_is_a_person():
    text = "<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>客委会主委杨长镇出席活动。杨长镇致词表示，欢迎民众体验。</p>"
    found = extract(parse_text(text))
    assert found.entities["person:zh-杨长镇"].kind == "person"
    assert [s.speaker_key for s in found.statements] == ["person:zh-杨长镇"]


@pytest.mark.parametrize(
    ("view", "words", "organization"),
    [
        # a country, then common nouns ending in an organization's suffix: one organization
        ("韩国国家安保室表示", [Word(0, 2, "LOC"), Word(2, 4, "n"), Word(4, 7, "n"), Word(7, 9, "v")],
         "韩国国家安保室"),
        # a country's generic body is no organization of its own name
        ("加拿大法院表示", [Word(0, 3, "LOC"), Word(3, 5, "n"), Word(5, 7, "v")], None),
        # the tagger running into the next word (研究所 | 所公布)
        ("罗伯特科赫研究所所公布", [Word(0, 9, "ORG"), Word(9, 11, "v")], "罗伯特科赫研究所"),
        # one character before a suffix: the tagger cut a word (台大 | 学伦案)
        ("主导台大学伦案", [Word(0, 2, "v"), Word(2, 5, "ORG"), Word(5, 7, "n")], None),
        # who owns it, before its name
        ("国营埃及广播电视公司报道", [Word(0, 10, "ORG"), Word(10, 12, "v")], "埃及广播电视公司"),
    ],
)
def test_organizations_the_tagger_leaves_in_pieces(view, words, organization):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "organization"]
    assert found == ([organization] if organization else [])


@pytest.mark.parametrize(
    ("body", "people"),
    [
        ("美国此前将美国人Trevor Reed和Brittney Griner带回家。", {"person:trevor-reed", "person:brittney-griner"}),
        ("图片来源：Qilai Shen/Bloomberg News", {"person:qilai-shen"}),
        ("图片来源：FLORENCE LO/REUTERS", {"person:florence-lo"}),
    ],
)
def test_latin_names_after_a_nationality_in_a_list_or_in_a_credit(body, people):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>正文。</p><p>{body}</p>"
    found = {key for key, info in extract(parse_text(text)).entities.items() if info.kind == "person"}
    assert people <= found, found


def test_a_short_organization_vouched_for_by_its_latin_name():
    rules = default_rules()
    view = "美国芯片公司瑞芯达（ruixinda）表示"
    words = [Word(0, 2, "LOC"), Word(2, 6, "n"), Word(6, 9, "ORG"), Word(9, 19, "w"), Word(19, 21, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert ("瑞芯达", "organization") in [(n.form, n.kind) for n in names]


def test_the_agency_of_a_photo_credit_is_an_organization():
    text = "<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>正文。</p><p>图片来源：Getty Images</p>"
    found = extract(parse_text(text)).entities
    assert found["organization:getty-images"].kind == "organization"


@pytest.mark.parametrize(
    ("view", "words", "organization"),
    [
        ("感谢中国驻加拿大使馆的关注", [Word(0, 2, "v"), Word(2, 4, "LOC"), Word(4, 5, "v"), Word(5, 8, "LOC"),
                                  Word(8, 10, "n"), Word(10, 11, "u"), Word(11, 13, "n")], "中国驻加拿大使馆"),
        ("蔡英文办公室表示", [Word(0, 3, "PER"), Word(3, 6, "n"), Word(6, 8, "v")], "蔡英文办公室"),
    ],
)
def test_embassies_and_a_persons_office(view, words, organization):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "organization"]
    assert organization in found, found


def test_a_bracketed_english_name_goes_to_the_whole_chinese_name():
    body = "菲律宾交通部长包蒂斯塔（Jaime Bautista）表示，当局将调查停电原因。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    people = {info.name for info in found.entities.values() if info.kind == "person"}
    assert "包蒂斯塔" in people and "蒂斯塔" not in people, people


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # a form the catalog gives someone else (強生: Boris Johnson), glossed with another
        # English name, is that other person throughout the article
        ("英國貿易副大臣強生今天訪問香港。他強調，英國不會迴避對香港的責任。</p><p>強生（Dominic Johnson）是首位訪港的"
         "英國副大臣。", "person:dominic-johnson"),
        ("英國貿易副大臣強生（Dominic Johnson）今天訪問香港。他強調，英國不會迴避對香港的責任。", "person:dominic-johnson"),
    ],
)
def test_an_english_gloss_names_someone_other_than_the_catalogs(body, key):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    assert [s.speaker_key for s in found.statements] == [key], found.statements
    assert "boris-johnson" not in found.entities


@pytest.mark.parametrize(
    ("view", "words", "name"),
    [
        ("陈水扁上凯道请愿", [Word(0, 4, "PER"), Word(4, 6, "n"), Word(6, 8, "v")], "陈水扁"),
    ],
)
def test_a_chinese_name_does_not_take_the_next_words_character(view, words, name):
    from kb.normalise import normalise

    rules = default_rules()
    view = normalise(view).text
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert name in found, found


def test_party_descriptors_before_a_party_name():
    rules = default_rules()
    view = "在野党民生党表示"
    names = tagged_names(view, [Word(0, 6, "ORG"), Word(6, 8, "v")], rules.names, rules.catalog_kinds)
    assert [n.form for n in names if n.kind == "organization"] == ["民生党"]


def test_a_transliteration_split_by_the_tagger_is_joined():
    rules = default_rules()
    view = "谢尔盖-阿克谢诺夫表示"
    words = [Word(0, 6, "PER"), Word(6, 9, "PER"), Word(9, 11, "v")]
    names = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert names == ["谢尔盖-阿克谢诺夫"]


def test_a_company_named_once_after_a_word_of_its_sort():
    rules = default_rules()
    view = "中国电信巨头瑞讯高管表示"
    words = [Word(0, 2, "LOC"), Word(2, 4, "n"), Word(4, 6, "n"), Word(6, 8, "ORG"), Word(8, 10, "n"),
             Word(10, 12, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert ("瑞讯", "organization") in [(n.form, n.kind) for n in names]


def test_a_part_of_a_longer_name_in_the_article_is_that_person():
    rules = default_rules()
    view = "伊丽莎白·费勒表示，……费勒还说，"
    words = [Word(0, 7, "PER"), Word(7, 9, "v"), Word(12, 14, "PER"), Word(14, 15, "d"), Word(15, 16, "v")]
    names = {n.form: n.key for n in tagged_names(view, words, rules.names, rules.catalog_kinds)}
    assert names["费勒"] == names["伊丽莎白·费勒"] == "person:zh-伊丽莎白·费勒"


def test_a_two_character_name_takes_the_character_left_before_the_verb():
    rules = default_rules()
    view = "行政长官李家超重申，"
    words = [Word(0, 2, "n"), Word(2, 4, "n"), Word(4, 6, "PER"), Word(6, 7, "d"), Word(7, 9, "v")]
    names = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert names == ["李家超"]


def _kinds(body: str) -> dict[str, str]:
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    return {e.name: e.kind for e in extract(parse_text(text)).entities.values()}


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a place that only says whose councillor is no list of places
        ("民进党发言人张志明、立委郑国翰、新北市议员林美姗今天召开记者会。", "郑国翰"),
        # 至于 ends in 于 but puts no place after it
        ("被告为简梓明、邱俊雄及卓嘉文。至于邱俊雄所涉的暴动罪，法官徐美薇指他当时年轻。", "邱俊雄"),
        # a given name may end in a character places end in
        ("他也看重前董事长陈百州具有国际公司历练。陈百州表示，他会尽力。", "陈百州"),
        # …a two-character one too, right after a title (汪洋 ends as oceans do)
        ("现任政协主席汪洋被盛传可能接班，成为总书记。", "汪洋"),
        # a Japanese name after a title, then 等人 (and others)
        ("日本厚生劳动相田村宪久与全国知事会会长、德岛县知事饭泉嘉门等人举行在线会谈。", "饭泉嘉门"),
        # a Japanese given name ending in 和 after a title; a three-character surname the tagger
        # cut one short (佐佐 | 江贤一郎)
        ("日本经济团体联合会会长十仓雅和对媒体说，国际情势日趋复杂。", "十仓雅和"),
        # "and" the tagger ran into a name written alone later (邻居和 | 左勃 … 左勃回忆)
        ("佛兰斯华打了通电话给邻居和左勃。左勃回忆，佛兰斯华在电话里很绝望。", "左勃"),
        ("曾担任日本代表团首席代表的佐佐江贤一郎在接受《日本经济新闻》时称，日本深化与中国对抗并非上策。", "佐佐江贤一郎"),
    ],
)
def test_a_chinese_name_near_place_words_stays_a_person(body, person):
    assert _kinds(body).get(person) == "person"


@pytest.mark.parametrize(
    ("view", "words", "person"),
    [
        # a single transliterated word with nothing a person has: a town as often as a person
        ("士兵突袭卡兰迪亚难民营", [Word(0, 2, "n"), Word(2, 4, "v"), Word(4, 8, "PER"), Word(8, 11, "n")], None),
        ("游行人数卡兰迪亚最多", [Word(0, 4, "n"), Word(4, 8, "PER"), Word(8, 10, "d")], None),
        # …and with a title before it, a reporting verb in its clause, an age or a Latin name
        ("分析师卡兰迪亚表示", [Word(0, 3, "n"), Word(3, 7, "PER"), Word(7, 9, "v")], "卡兰迪亚"),
        ("卡兰迪亚周三在记者会上表示", [Word(0, 4, "PER"), Word(4, 6, "TIME"), Word(6, 13, "v")], "卡兰迪亚"),
        ("44岁的卡兰迪亚住在这里", [Word(0, 4, "m"), Word(4, 8, "PER"), Word(8, 12, "v")], "卡兰迪亚"),
        ("如今卡兰迪亚已经70岁了", [Word(0, 2, "TIME"), Word(2, 6, "PER"), Word(6, 12, "v")], "卡兰迪亚"),
        ("卡兰迪亚（alma kalandia）住在这里", [Word(0, 4, "PER"), Word(4, 19, "w"), Word(19, 23, "v")],
         "卡兰迪亚"),
        ("作者：卡兰迪亚", [Word(0, 2, "n"), Word(2, 3, "w"), Word(3, 7, "PER")], "卡兰迪亚"),
        # a name of several parts, or a Chinese name's shape, needs no more
        ("阿尔玛·卡兰迪亚住在这里", [Word(0, 8, "PER"), Word(8, 12, "v")], "阿尔玛·卡兰迪亚"),
        ("马克住在这里", [Word(0, 2, "PER"), Word(2, 6, "v")], "马克"),
    ],
)
def test_a_transliterated_person_needs_what_only_a_person_has(view, words, person):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert found == ([person] if person else []), found


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("韩美同盟加强", [Word(0, 2, "PER"), Word(2, 4, "n"), Word(4, 6, "v")]),  # two countries
        ("后果由加方承担", [Word(0, 3, "n"), Word(3, 5, "PER"), Word(5, 7, "v")]),  # a country's side
        ("侯则回应说", [Word(0, 2, "PER"), Word(2, 4, "v"), Word(4, 5, "v")]),  # a surname and 则
        ("荣休院长表示", [Word(0, 2, "PER"), Word(2, 4, "n"), Word(4, 6, "v")]),  # a word, not a name
        ("林姓养殖户说，鱼不耐寒", [Word(0, 2, "PER"), Word(2, 5, "n"), Word(5, 6, "v"), Word(6, 7, "w"),
                                  Word(7, 8, "n"), Word(8, 11, "v")]),  # the name withheld
        ("开放陆生来台就学", [Word(0, 2, "v"), Word(2, 4, "PER"), Word(4, 6, "v"), Word(6, 8, "v")]),  # students
        ("光是见面就乔了5小时", [Word(0, 2, "d"), Word(2, 4, "v"), Word(4, 5, "d"), Word(5, 7, "PER"),
                             Word(7, 10, "m")]),  # a surname's character and a particle
        ("法院认为陈男图利他人", [Word(0, 2, "n"), Word(2, 4, "v"), Word(4, 6, "PER"), Word(6, 8, "v"),
                              Word(8, 10, "r")]),  # Mr Chen: the name withheld
        ("他访问华沙后表示", [Word(0, 1, "r"), Word(1, 3, "v"), Word(3, 6, "PER"), Word(6, 8, "v")]),  # a city and 后
        # a garden glossed in Latin, though 邱 is a surname
        ("植物园邱园（kew gardens）分区", [Word(0, 3, "n"), Word(3, 5, "PER"), Word(5, 6, "w"), Word(6, 17, "nz"),
                                            Word(17, 18, "w"), Word(18, 20, "n")]),
    ],
)
def test_words_the_tagger_takes_for_people(view, words):
    rules = default_rules()
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"] == []


def test_a_person_word_after_a_name_is_no_part_of_it():
    rules = default_rules()
    view = "郑陈幼子正在读书"
    names = tagged_names(view, [Word(0, 4, "PER"), Word(4, 8, "v")], rules.names, rules.catalog_kinds)
    assert [n.form for n in names if n.kind == "person"] == ["郑陈"]


@pytest.mark.parametrize(
    ("view", "words", "organization"),
    [
        # a description in apposition to the name after it
        ("被英国跨国银行巴克雷银行接管", [Word(0, 1, "p"), Word(1, 7, "ORG"), Word(7, 12, "ORG"), Word(12, 14, "v")],
         "巴克雷银行"),
        # a form the tagger cut out of a title (国安 | 顾问)
        ("美国国安顾问与美国国安顾问会晤",
         [Word(0, 4, "ORG"), Word(4, 6, "n"), Word(6, 7, "p"), Word(7, 11, "ORG"), Word(11, 13, "n"),
          Word(13, 15, "v")], None),
    ],
)
def test_organizations_that_are_descriptions_or_parts_of_titles(view, words, organization):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    found = [n.form for n in names if n.kind == "organization"]
    assert found == ([organization] if organization else []), found


def test_another_transliteration_in_the_bracket_is_the_same_person():
    body = "反对派候选人艾里格里（Efraín Alegre，另译：阿列格雷）表示，他承认落败。阿列格雷说，他会继续努力。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    assert {s.speaker_key for s in found.statements} == {"person:efrain-alegre"}
    aliases = {alias for alias, _ in found.entities["person:efrain-alegre"].aliases}
    assert {"艾里格里", "阿列格雷", "Efraín Alegre"} <= aliases, aliases


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("纪思德级驱逐舰已经除役", [Word(0, 3, "PER"), Word(3, 7, "n"), Word(7, 11, "v")]),  # a class of ship
        ("根据“戈尔曼诊所”的说法", [Word(0, 2, "p"), Word(3, 6, "PER"), Word(6, 8, "n"), Word(9, 12, "n")]),
        ("她是艾尔文和平奖提名人", [Word(0, 2, "v"), Word(2, 7, "PER"), Word(7, 11, "n")]),  # a prize
    ],
)
def test_a_name_inside_a_things_name_is_no_person(view, words):
    rules = default_rules()
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"] == []


def test_a_long_title_fused_to_a_name_is_no_part_of_it():
    rules = default_rules()
    view = "最高领袖阿亚图拉阿里·哈桑尼表示"
    names = tagged_names(view, [Word(0, 4, "n"), Word(4, 14, "PER"), Word(14, 16, "v")], rules.names,
                         rules.catalog_kinds)
    assert [n.form for n in names if n.kind == "person"] == ["阿里·哈桑尼"]


def test_a_bodys_word_before_a_name_makes_it_a_body():
    rules = default_rules()
    view = "房地产分析机构睿而思表示，房价下跌"  # a verb after: bodies speak too
    words = [Word(0, 3, "n"), Word(3, 7, "n"), Word(7, 10, "PER"), Word(10, 12, "v"), Word(12, 13, "w")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert [(n.form, n.kind) for n in names] == [("睿而思", "organization")]


def test_a_description_before_a_catalog_organization_is_that_organization():
    from kb.extract import _tags_alone

    rules = default_rules()
    view = "据俄罗斯国家通讯社塔斯社报道"
    words = [Word(0, 1, "p"), Word(1, 12, "ORG"), Word(12, 14, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone,
                         catalog_keys=rules.catalog_keys)
    assert [(n.form, n.key) for n in names] == [("俄罗斯国家通讯社塔斯社", rules.catalog_keys["塔斯社"])]


@pytest.mark.parametrize(
    ("body", "person", "not_person"),
    [
        # a title's last character is a transliteration character too (党主席 | 萨伊德)
        ("印尼工党党主席萨伊德（Said Iqra）早前曾表示，游行将继续。", "萨伊德", "席萨伊德"),
        # a player's position is a title (后卫 | 米勒)
        ("克里夫兰骑士后卫米勒（Ron Miller）获选最佳阵容。", "米勒", "卫米勒"),
        # the tagger took the name's first character into the title (书记法 | 比安·鲁塞尔)
        ("法国共产党全国书记法比安·鲁塞尔表示欢迎。", "法比安·鲁塞尔", "比安·鲁塞尔"),
    ],
)
def test_a_bracketed_person_starts_after_a_title(body, person, not_person):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    people = {info.name for info in extract(parse_text(text)).entities.values() if info.kind == "person"}
    assert person in people and not_person not in people, people


def test_a_latin_name_with_a_bodys_word_is_no_person():
    text = ("<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n"
            "<p>新董事会由该公司的债权人Harbor Capital Management LP和Jane Doe组成。</p>")
    found = extract(parse_text(text)).entities
    assert not any(k.startswith("person:harbor") for k in found), sorted(found)


def test_a_name_only_in_the_headline_is_no_name_of_the_article():
    rules = default_rules()
    view = "柯侯赖交锋校园安全\n三位候选人今天再度同场交锋。"
    words = [Word(0, 3, "PER"), Word(3, 5, "v"), Word(5, 9, "n"), Word(10, 15, "n")]
    assert tagged_names(view, words, rules.names, rules.catalog_kinds) == []
    # …while a name the body uses again is one
    view = "柯文正交锋校园安全\n候选人柯文正今天表示，他会继续努力。"
    words = [Word(0, 3, "PER"), Word(3, 5, "v"), Word(13, 16, "PER"), Word(18, 20, "v")]
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds)] == ["柯文正"]


@pytest.mark.parametrize(
    ("view", "words", "person"),
    [
        # no surname first: a verb or a noun, unless a use shows a person
        ("集团旗下包括牧场、艺奇、陶板屋等品牌", [Word(0, 6, "n"), Word(6, 8, "n"), Word(8, 9, "w"), Word(9, 11, "PER"),
                                     Word(11, 12, "w"), Word(12, 15, "n")], None),
        ("兄弟队网罗右手重炮加入一垒竞争", [Word(0, 3, "ORG"), Word(3, 5, "PER"), Word(5, 9, "n")], None),
        ("会见自民党总部长萩生田光二。", [Word(0, 2, "v"), Word(2, 5, "ORG"), Word(5, 8, "n"), Word(8, 13, "PER")],
         "萩生田光二"),  # (a name no catalog lists)
        ("女亲王蕾欧诺儿公主出席典礼。", [Word(0, 3, "n"), Word(3, 7, "PER"), Word(7, 9, "n"), Word(9, 11, "v")],
         "蕾欧诺儿"),
    ],
)
def test_a_name_without_a_surname_needs_a_persons_use(view, words, person):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert found == ([person] if person else []), found


def test_a_place_and_a_title_is_no_organization():
    rules = default_rules()
    view = "台东立委选情激烈，台东立委参选人今天表示"
    words = [Word(0, 4, "ORG"), Word(4, 6, "n"), Word(9, 13, "ORG"), Word(13, 16, "n")]
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds)] == []


@pytest.mark.parametrize(
    ("view", "words", "person"),
    [
        ("柳婉文笑说，以前不用招商", [Word(0, 4, "PER"), Word(4, 5, "v"), Word(5, 6, "w")], "柳婉文"),  # 笑说 is a verb
        ("（中央社记者游凯文台北1日电）", [Word(0, 1, "w"), Word(1, 4, "ORG"), Word(4, 6, "n"), Word(6, 7, "v"),
                               Word(7, 9, "PER"), Word(9, 11, "LOC")], "游凯文"),  # the surname after 记者
    ],
)
def test_the_edges_of_a_name_beside_verbs_and_person_words(view, words, person):
    rules = default_rules()
    found = [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"]
    assert found == [person], found


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("韩美日戴维营峰会召开", [Word(0, 3, "LOC"), Word(3, 6, "PER"), Word(6, 8, "n"), Word(8, 10, "v")]),
        ("取得郭办授权的人才能缴交", [Word(0, 2, "v"), Word(2, 4, "PER"), Word(4, 6, "n")]),
    ],
)
def test_summits_and_offices_are_no_people(view, words):
    rules = default_rules()
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds) if n.kind == "person"] == []


def test_a_body_listed_among_towns_is_a_town():
    from kb.normalise import normalise

    rules = default_rules()
    view = normalise("卫生部表示，包括阿勒坡（Aleppo）、哈姆达（Hamda）、拉塔尼亚（Latania）等城市。").text
    start = view.index("拉塔尼亚")
    words = [Word(start, start + 4, "ORG")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert [(n.form, n.kind) for n in names] == [("拉塔尼亚", "place")]


@pytest.mark.parametrize(
    ("view", "words", "found"),
    [
        # a name the tagger read as a verb, in a list after a tagged person
        ("校长的李嗣文、杨泮山、管中华、台大医院院长", [Word(0, 2, "n"), Word(2, 3, "u"), Word(3, 6, "PER"), Word(6, 7, "w"),
                                    Word(7, 10, "PER"), Word(10, 11, "w"), Word(11, 14, "v"), Word(14, 15, "w"),
                                    Word(15, 19, "ORG"), Word(19, 21, "n")], "管中华"),
        # a person cue before a name outweighs 在 before it elsewhere
        ("律师余文明与太太许艳失踪。在余文明和许艳被拘捕期间，在余文明夫妻被失踪的一周，律师余文明说",
         [Word(0, 2, "n"), Word(2, 5, "PER"), Word(14, 15, "p"), Word(15, 18, "PER"), Word(27, 28, "p"),
          Word(28, 31, "PER"), Word(42, 45, "PER"), Word(45, 46, "v")], "余文明"),
    ],
)
def test_people_by_lists_and_person_cues(view, words, found):
    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert found in [n.form for n in names if n.kind == "person"], [(n.form, n.kind) for n in names]


def test_countries_abbreviations_are_no_organization():
    rules = default_rules()
    view = "扭曲台美关系，台美关系良好"
    words = [Word(0, 2, "v"), Word(2, 4, "ORG"), Word(4, 6, "n"), Word(7, 9, "ORG"), Word(9, 11, "n")]
    assert tagged_names(view, words, rules.names, rules.catalog_kinds) == []


def test_a_name_after_a_title_and_before_the_day_it_spoke():
    body = "公明党党首山田那津男5日在记者会上表示，党内讨论都还没展开。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text))
    assert [s.speaker_key for s in found.statements] == ["person:zh-山田那津男"], found.statements


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # a catalog name written with a hyphen for its dot
        ("克里姆林宫发言人德米特里-佩斯科夫周三表示，会谈没有进展。", "佩斯科夫", "德米特里-佩斯科夫"),
    ],
)
def test_names_edges_and_descriptions(body, present, absent):
    names = _kinds(body)
    assert absent not in names, names
    assert present is None or present in names, names


def test_a_chinese_name_beside_itself_and_the_next_words_character_is_that_name():
    rules = default_rules()
    view = "导演张伟志出席。张伟志特地到场"  # the tagger took 特 of 特地 into the second
    words = [Word(0, 2, "n"), Word(2, 5, "PER"), Word(5, 7, "v"), Word(7, 8, "w"), Word(8, 12, "PER"),
             Word(12, 13, "d"), Word(13, 15, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert [n.form for n in names if n.kind == "person"] == ["张伟志"]


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("调查由一家日本律师事务所负责", [Word(0, 3, "v"), Word(3, 5, "m"), Word(5, 12, "ORG"), Word(12, 14, "v")]),
        ("市场有34家东方包装公司获许可", [Word(0, 2, "n"), Word(2, 3, "v"), Word(3, 5, "m"), Word(5, 6, "q"),
                                        Word(6, 12, "ORG"), Word(12, 13, "v"), Word(13, 15, "n")]),
        ("美国航太公司计划发射", [Word(0, 6, "ORG"), Word(6, 8, "v"), Word(8, 10, "v")]),  # a country's sort of body
        ("多国政府与联合国发布声明", [Word(0, 4, "ORG"), Word(4, 5, "c"), Word(5, 8, "ORG"), Word(8, 12, "v")]),
        ("美俄政府相关人士表示", [Word(0, 4, "ORG"), Word(4, 8, "n"), Word(8, 10, "v")]),
        ("向墨国犯罪集团非法出售", [Word(0, 1, "p"), Word(1, 7, "ORG"), Word(7, 11, "v")]),
        ("增强了对芬兰银行业的信心", [Word(0, 4, "v"), Word(4, 8, "ORG"), Word(8, 9, "n"), Word(9, 10, "u"),
                                     Word(10, 12, "n")]),
    ],
)
def test_a_counted_body_or_a_sector_is_no_organization(view, words):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == []


def test_a_short_form_joins_the_full_name_written_where_the_tagger_did_not_read():
    from kb.extract import _tags_alone

    rules = default_rules()
    view = "首相会见了核爆受害者小仓桂子（85岁）。首相与小仓交谈。"
    first = view.index("首相与")  # the tagger read only the second sentence
    words = [Word(first, first + 2, "n"), Word(first + 2, first + 3, "p"), Word(first + 3, first + 5, "PER"),
             Word(first + 5, first + 7, "v"), Word(first + 7, first + 8, "w")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    people = {n.form: n.key for n in names if n.kind == "person"}
    assert people == {"小仓桂子": "person:zh-小仓桂子", "小仓": "person:zh-小仓桂子"}, people


@pytest.mark.parametrize(
    ("view", "organization"),
    [
        ("会见了中国国有钢铁公司宝武钢铁集团的高管", "宝武钢铁集团"),
        ("美国智库两党政策中心发布报告", "两党政策中心"),
    ],
)
def test_a_countrys_description_before_a_bodys_name_is_no_part_of_it(view, organization):
    rules = default_rules()
    start = 3 if view.startswith("会见了") else 0
    end = view.index(organization[-2:]) + 2
    words = [Word(0, start, "v"), Word(start, end, "ORG"), Word(end, len(view), "v")] if start else [
        Word(0, end, "ORG"), Word(end, len(view), "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert [n.form for n in names if n.kind == "organization"] == [organization]


def test_a_branch_keeps_its_banks_name():
    rules = default_rules()
    view = "中国银行香港分行发布报告"
    names = tagged_names(view, [Word(0, 8, "ORG"), Word(8, 12, "v")], rules.names, rules.catalog_kinds)
    assert "香港分行" not in [n.form for n in names]


def test_a_body_always_after_zhu_is_the_mission_named_in_full():
    rules = default_rules()
    view = "中华民国驻土耳其代表处表示，驻土耳其代表处将协助"
    words = [Word(0, 11, "ORG"), Word(11, 13, "v"), Word(13, 14, "w"), Word(14, 15, "v"), Word(15, 21, "ORG"),
             Word(21, 22, "d"), Word(22, 24, "v")]
    names = {n.form: n.key for n in tagged_names(view, words, rules.names, rules.catalog_kinds)}
    assert names == {"中华民国驻土耳其代表处": "organization:zh-中华民国驻土耳其代表处",
                     "土耳其代表处": "organization:zh-中华民国驻土耳其代表处"}, names


@pytest.mark.parametrize(
    ("view", "words", "expected"),
    [
        # a legal form before a foundation's name, and the name with its middle left out
        ("财团法人永丰健康基金会表示，永丰基金会将捐款",
         [Word(0, 2, "n"), Word(2, 11, "ORG"), Word(11, 13, "v"), Word(13, 14, "w"), Word(14, 19, "ORG"),
          Word(19, 20, "d"), Word(20, 22, "v")],
         {"永丰健康基金会": "organization:zh-永丰健康基金会", "永丰基金会": "organization:zh-永丰健康基金会"}),
        # a case and a title won are no bodies
        ("国台办证实罗森案已移送，队伍夺得中央联盟冠军",
         [Word(0, 3, "ORG"), Word(3, 5, "v"), Word(5, 8, "ORG"), Word(8, 9, "d"), Word(9, 11, "v"), Word(11, 12, "w"),
          Word(12, 14, "n"), Word(14, 16, "v"), Word(16, 22, "ORG")],
         {}),
    ],
)
def test_legal_forms_shortened_names_cases_and_titles_won(view, words, expected):
    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    found = {n.form: n.key for n in names if n.kind == "organization" and n.form != "国台办"}
    assert found == expected, found


def test_a_tagged_person_ending_like_a_body_is_a_body():
    rules = default_rules()
    view = "拜罗伊特侯爵歌剧院建于1750年"
    names = tagged_names(view, [Word(0, 9, "PER"), Word(9, 11, "v"), Word(11, 16, "TIME")], rules.names,
                         rules.catalog_kinds)
    assert [(n.form, n.kind) for n in names] == [("拜罗伊特侯爵歌剧院", "organization")]


@pytest.mark.parametrize(
    ("view", "words", "kept"),
    [
        # read as a body twice
        ("香港科技受认可，科技发展", [Word(0, 2, "LOC"), Word(2, 4, "ORG"), Word(4, 7, "v"), Word(7, 8, "w"),
                                   Word(8, 10, "ORG"), Word(10, 12, "vn")], []),
        # a common noun in quotation marks names a publication
        ("根据『政客』网站报道，政客说", [Word(0, 2, "p"), Word(2, 3, "w"), Word(3, 5, "ORG"), Word(5, 6, "w"),
                                       Word(6, 8, "n"), Word(8, 10, "v"), Word(10, 11, "w"), Word(11, 13, "ORG"),
                                       Word(13, 14, "v")], ["政客"]),
    ],
)
def test_a_common_noun_read_as_a_body_is_none(view, words, kept):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "organization"] == kept


@pytest.mark.parametrize("site", ["高雄港埠旅运中心", "绿岛游客中心"])
def test_a_building_or_a_site_is_no_name(site):
    rules = default_rules()
    view = f"{site}挤满旅客，{site}关闭"  # read as a body twice
    n = len(site)
    words = [Word(0, n, "ORG"), Word(n, n + 2, "v"), Word(n + 2, n + 4, "n"), Word(n + 4, n + 5, "w"),
             Word(n + 5, 2 * n + 5, "ORG"), Word(2 * n + 5, 2 * n + 7, "v")]
    assert tagged_names(view, words, rules.names, rules.catalog_kinds) == []


@pytest.mark.parametrize(
    ("view", "words", "people"),
    [
        # a word of the language, read alone, is no name for a verb after it (网志说, 约莫半数表示)
        ("陈茂波在网志说，计划会加速",
         [Word(0, 3, "PER"), Word(3, 4, "p"), Word(4, 6, "PER"), Word(6, 7, "v"), Word(7, 8, "w"),
          Word(8, 10, "n"), Word(10, 11, "v"), Word(11, 13, "v")], ["陈茂波"]),
        ("约莫半数表示，他们是个体户",
         [Word(0, 2, "PER"), Word(2, 4, "m"), Word(4, 6, "v"), Word(6, 7, "w"), Word(7, 9, "r"),
          Word(9, 10, "v"), Word(10, 13, "n")], []),
        # …but beside a person in a list, or as the surname of a full name written before, it is one
        ("校长李嗣涔、杨泮池、管中闵签名",
         [Word(0, 2, "n"), Word(2, 5, "PER"), Word(5, 6, "w"), Word(6, 9, "PER"), Word(9, 10, "w"),
          Word(10, 13, "PER"), Word(13, 15, "v")], ["李嗣涔", "杨泮池", "管中闵"]),
        ("穆罕默德·加利逃离。加利告诉记者，援助没有开始",
         [Word(0, 7, "PER"), Word(7, 9, "v"), Word(9, 10, "w"), Word(10, 12, "PER"), Word(12, 14, "v"),
          Word(14, 16, "n")], ["穆罕默德·加利", "加利"]),
    ],
)
def test_a_tagged_person_read_alone_as_a_word_needs_a_persons_use(view, words, people):
    from kb.extract import _tags_alone

    rules = default_rules()
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, tag_alone=_tags_alone)
    assert [n.form for n in names if n.kind == "person"] == people


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("标普500指数下滑0.7%，道琼斯指数下跌近287点。", "道琼斯"),  # 指 of 指数 is no reporting verb
        ("俄军说，它以金佳尔导弹实施打击，摧毁了一枚防空导弹。", "金佳尔"),  # a weapon's name
        # a withheld name (李男) the tagger ran into the next word, written alone elsewhere
        ("法院审酌李男图利金额非钜，判处徒刑。</p><p>李男另经营的农药行涉犯意图利罪。", "李男图利"),
    ],
)
def test_things_and_withheld_names_are_no_people(body, absent):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    people = {e.name for e in extract(parse_text(text)).entities.values() if e.kind == "person"}
    assert absent not in people, people


@pytest.mark.parametrize(
    ("view", "words", "people", "organizations"),
    [
        # a name and a common noun (上海 | 台商) describes that place's people, however often
        ("上海台商团体说，上海台商都很积极",
         [Word(0, 4, "ORG"), Word(4, 6, "n"), Word(6, 7, "v"), Word(7, 8, "w"), Word(8, 12, "ORG"),
          Word(12, 13, "d"), Word(13, 16, "a")], [], []),
        # the surname of a full name written in the article is that person, whatever the tag
        ("被拘记者格什科维奇以示支持。记者埃文·格什科维奇在莫斯科",
         [Word(0, 2, "v"), Word(2, 4, "n"), Word(4, 9, "ORG"), Word(9, 13, "v"), Word(13, 14, "w"),
          Word(14, 16, "n"), Word(16, 24, "PER"), Word(24, 25, "p"), Word(25, 28, "LOC")],
         ["格什科维奇", "埃文·格什科维奇"], []),
    ],
)
def test_descriptions_and_surnames_the_tagger_calls_bodies(view, words, people, organizations):
    assert _people_and_bodies(view, words) == (people, organizations)


@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        # a verb of two characters ends no name (沙兰达-杨 | 写道)
        ("白宫预算主任沙兰达-杨写道：“如果国会不采取行动，我们将没有资源。”", "person", "沙兰达-杨"),
        # a verb's character before a whole body's name in front of a bracket (获 | …协会（CQI）)
        ("109年及110年获国际咖啡品质协会（CQI）评比最高分。", "organization", "国际咖啡品质协会"),
        # what a body put out or did, after its name (…指挥部 | 工作汇报, …协会 | 官网)
        ("据报道，习近平听取东海海区指挥部工作汇报，并指示要有效维权执法。", "organization", "东海海区指挥部"),
        ("海峡两岸关系协会官网今天发布消息。", "organization", "海峡两岸关系协会"),
    ],
)
def test_the_words_a_name_runs_into_are_cut(body, kind, name):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = {e.name for e in extract(parse_text(text)).entities.values() if e.kind == kind and e.origin == "discovered"}
    assert found == {name}


@pytest.mark.parametrize(
    ("view", "words", "people", "organizations"),
    [
        # a name before a thing's number and word (罗素2000指数: an index)
        ("罗素2000指数上涨", [Word(0, 2, "PER"), Word(2, 6, "m"), Word(6, 8, "n"), Word(8, 10, "v")], [], []),
        # a name that runs into a catalog place (国义 | 大利: 义大利 is Italy)
        ("轮值主席国义大利等国忧心", [Word(0, 4, "n"), Word(4, 6, "PER"), Word(6, 8, "n"), Word(8, 9, "u"),
                                 Word(9, 10, "n"), Word(10, 12, "v")], [], []),
        # a surname before 姓: the name withheld (黎安里刘 | 姓里长), whatever the tag (李姓牙 | 医)
        ("黎安里刘姓里长交保", [Word(0, 4, "PER"), Word(4, 7, "n"), Word(7, 9, "v")], [], []),
        ("李姓牙医涉嫌诈领", [Word(0, 3, "ORG"), Word(3, 4, "n"), Word(4, 6, "v"), Word(6, 8, "v")], [], []),
        # a body's short form beside its whole name (卫健委, 国家卫健委) is no person
        ("卫健委开始征询意见，国家卫健委也组织专家",
         [Word(0, 3, "PER"), Word(3, 5, "v"), Word(5, 7, "v"), Word(7, 9, "n"), Word(9, 10, "w"),
          Word(10, 15, "ORG"), Word(15, 16, "d"), Word(16, 18, "v"), Word(18, 20, "n")], [], []),
        # a Chinese name after a title is a person, though the tagger called it a body
        ("台中市长卢秀燕执政成果带动下", [Word(0, 3, "LOC"), Word(3, 4, "n"), Word(4, 7, "ORG"),
                                    Word(7, 9, "v"), Word(9, 11, "n"), Word(11, 13, "v"), Word(13, 14, "f")],
         ["卢秀燕"], []),
    ],
)
def test_names_that_run_into_things_places_and_bodies(view, words, people, organizations):
    assert _people_and_bodies(view, words) == (people, organizations)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a dot and a surname the tagger read as punctuation (塞思 | ·克鲁姆里奇)
        ("退役上校塞思·克鲁姆里奇告诉半岛电视台记者，“美国大选会发生什么？”", "塞思·克鲁姆里奇"),
        # the characters between a tagged name and its Latin form (史坦利库柏 | 力克（Stanley Kubrick）)
        ("1975年，他主演由导演史坦利库柏力克（Stanley Kubrick）操刀的历史电影。", "史坦利库柏力克"),
        ("吐瓦鲁总理拿塔诺（Kausea Natano）表示，气候变迁威胁国家存亡。", "拿塔诺"),
        # a place and a title the tagger ran into a name (别尔哥罗德州州长 | 维亚切斯拉夫)
        ("据别尔哥罗德州州长维亚切斯拉夫·格拉德科夫的Telegram账户上的一篇帖子称，该市发布警报。",
         "维亚切斯拉夫·格拉德科夫"),
    ],
)
def test_a_transliterated_name_is_found_whole(body, name):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    people = {e.name for e in extract(parse_text(text)).entities.values() if e.kind == "person"}
    assert name in people, people


def test_a_full_chinese_name_does_not_take_the_next_words():
    rules = default_rules()
    view = "立委张宏陆江翠后援会成立，张宏陆表示"
    words = [Word(0, 2, "n"), Word(2, 7, "PER"), Word(7, 10, "n"), Word(10, 12, "v"), Word(12, 13, "w"),
             Word(13, 16, "PER"), Word(16, 18, "v")]
    names = tagged_names(view, words, rules.names, rules.catalog_kinds)
    assert [(n.form, n.known_as) for n in names if n.kind == "person"] == [("张宏陆", None)]


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("赖清德自己也讲过", [Word(0, 4, "PER"), Word(4, 5, "r"), Word(5, 6, "d"), Word(6, 8, "v")]),
        ("以习近平特使身分出席", [Word(0, 1, "p"), Word(1, 5, "PER"), Word(5, 6, "n"), Word(6, 8, "n"),
                              Word(8, 10, "v")]),
    ],
)
def test_a_catalog_name_does_not_take_the_next_words_character(view, words):
    rules = default_rules()
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds)] == []


@pytest.mark.parametrize(
    ("view", "words", "places"),
    [
        # a catalog place after another word's character (应 | 菲律宾), a currency, a catalog
        # place's area: no new place
        ("会议应菲律宾邀请举行", [Word(0, 2, "n"), Word(2, 6, "LOC"), Word(6, 8, "v"), Word(8, 10, "v")], []),
        ("埃镑兑美元贬值", [Word(0, 2, "LOC"), Word(2, 3, "v"), Word(3, 5, "n"), Word(5, 7, "v")], []),
        ("新疆地区发生地震", [Word(0, 4, "LOC"), Word(4, 6, "v"), Word(6, 8, "n")], []),
        # …but a direction before a catalog place makes a place of its own
        ("北爱尔兰举行选举", [Word(0, 4, "LOC"), Word(4, 6, "v"), Word(6, 8, "n")], ["北爱尔兰"]),
    ],
)
def test_places_run_into_other_words(view, words, places):
    assert _forms(view, words, "place") == places


@pytest.mark.parametrize(
    ("view", "words", "people"),
    [
        # a surname and a given name the tagger split into words after a title it read as a word
        ("创办人戴胜益之外，王国雄已离职",
         [Word(0, 3, "n"), Word(3, 4, "v"), Word(4, 6, "n"), Word(6, 8, "f"), Word(8, 9, "w"), Word(9, 12, "PER"),
          Word(12, 13, "d"), Word(13, 15, "v")], ["戴胜益", "王国雄"]),
        # …not a preposition and a country, nor a term of office (总统任内以及)
        ("发言人向德国表示抗议", [Word(0, 3, "n"), Word(3, 4, "p"), Word(4, 6, "LOC"), Word(6, 8, "v"),
                              Word(8, 10, "vn")], []),
        ("拜登在总统任内以及此前", [Word(0, 2, "PER"), Word(2, 3, "p"), Word(3, 5, "n"), Word(5, 6, "v"),
                                Word(6, 7, "f"), Word(7, 8, "p"), Word(8, 9, "c"), Word(9, 11, "t")], []),
    ],
)
def test_a_chinese_name_split_after_a_title(view, words, people):
    assert _forms(view, words, "person") == people


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        # a prize named after someone names the prize, not a person of the article
        ("全球卫生理事会授予高耀洁当年乔纳森·曼卫生及人权奖。", "乔纳森·曼", "高耀洁"),
        ("第37届吴舜文新闻奖今天颁奖，报导者获3奖项。", "吴舜文", None),
        # a hospital glossed in Latin between its name and 医院
        ("在哲宁难民营外的哈利勒苏莱曼（Khalil Suleiman）医院院区，以军杀害了一名男子。", "哈利勒苏莱曼", None),
        # a time word written across a name's start (上周 | 阿萨德) at each of its uses
        ("叙利亚总统阿萨德抵达吉达。上周阿萨德出席峰会。阿萨德表示，他很高兴。", "周阿萨德", "阿萨德"),
        # a given name's numeral before a date's digits (马英 | 九4月)
        ("与前总统马英九4月访问中国时的谈话立场完全一致。", "马英", "马英九"),
        # a Japanese surname the tagger read as a place, after a title (董事 | 增山 | 尚志)
        ("日生执行董事增山尚志在大阪市召开的记者会上表示，将参加。", "尚志", "增山尚志"),
        # a name's short particle the tagger read as punctuation (伊塔马尔 | ·本 | - | 格维尔)
        ("以色列国家安全部长伊塔马尔·本-格维尔表示，他反对停火。", "伊塔马尔", "伊塔马尔·本-格维尔"),
        # …but no hyphen is kept before a word that is no transliteration (阿卜杜勒 | - | 阿齐兹国王国际机场)
        ("当他踏上吉达的阿卜杜勒-阿齐兹国王国际机场的停机坪时，显得很轻松愉快。", "阿卜杜勒-", None),
        # a surname-like character, then a person word, at each use (向 | 叔公, 蔡 | 总统)
        ("他到花莲来祭祀叔公，向叔公告知，家人们都没有遗忘他。", "向叔", None),
        ("传蔡总统见军火商，总统府否认。", "蔡总", None),
    ],
)
def test_names_inside_prizes_and_glossed_bodies(body, absent, present):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    people = {e.name for e in extract(parse_text(text)).entities.values() if e.kind == "person"}
    if absent:
        assert absent not in people, people
    if present:
        assert present in people, people


@pytest.mark.parametrize(
    ("view", "form", "thing"),
    [
        ("哈利勒苏莱曼（khalil suleiman）医院院区", "哈利勒苏莱曼", True),  # a hospital, glossed
        ("本田汽车(honda motor)计划今年开始生产", "本田汽车", False),  # a company glossed, then a verb
        ("罗素2000指数上涨", "罗素", True),  # a number, then an index
        ("拜登计划访问北京，拜登说", "拜登", False),  # one use is no thing's
    ],
)
def test_a_name_inside_a_things_name(view, form, thing):
    from kb.extract.names import names_a_thing

    assert names_a_thing(view, form, default_rules().names) is thing


@pytest.mark.parametrize(
    ("view", "words"),
    [
        # a verb after a cue (就代表 | 观光客): the word the tagger calls a person is a verb read alone
        ("游客增多，就代表观光客回来了", [Word(0, 2, "n"), Word(2, 4, "v"), Word(4, 5, "w"), Word(5, 6, "d"),
                                  Word(6, 8, "v"), Word(8, 10, "PER"), Word(10, 11, "n"), Word(11, 14, "v")]),
    ],
)
def test_a_verb_after_a_title_word_is_no_person(view, words):
    people, _ = _people_and_bodies(view, words)
    assert people == [], people


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a surname and a reporting verb, a group's word or a follower's (曾 | 辩称, 挺郭 | 人士)
        ("当时的美国总统曾辩称，这项协议不足以阻止伊朗。", "曾辩称"),
        ("看在「拥郭派」的人眼中，结果令人不甘。但也有挺郭人士认为，谁都有希望。", "郭人士"),
        # a company among companies the list closes with (…在内的美国公司)
        ("王文涛在上海会见了包括强生、3M、陶氏、默克和霍尼韦尔在内的美国公司。", "陶氏"),
        # a Latin gloss, then a site's word: the name is the site's (…（Kongara Kalan）工业园区)
        ("动土典礼在泰伦加纳省康加拉·卡兰（Kongara Kalan）工业园区举行。", "康加拉·卡兰"),
        # a headline's dash before a place (战略要地-关岛): no name's hyphen, so no surname
        ("美国军事战略要地-关岛遭遇网袭。关岛一直保持着强大的军事部署。", "关岛"),
    ],
)
def test_verbs_groups_companies_and_sites_are_no_people(body, absent):
    assert _kinds(body).get(absent) != "person", _kinds(body)


def test_a_titles_last_character_read_as_the_names_first_is_the_titles():
    # 书记 | 长庄瑞雄: the tagger took 长 of 书记长 for the name's
    kinds = _kinds("民进党团书记长庄瑞雄说，民进党政府绝对不会护短。")
    assert kinds.get("庄瑞雄") == "person" and "长庄瑞雄" not in kinds, kinds


@pytest.mark.parametrize(
    ("body", "name", "absent"),
    [
        # a Japanese given name the tagger cut into words (植田 | 和 | 男)
        ("日本央行总裁植田和男说，日本将维持宽松。", "植田和男", "植田"),
        # or whose last numeral it read into a time word or left before the verb
        ("日本内阁官房长官松野博一周三对记者说，日本将抗议。", "松野博一", "松野博"),
        ("日本防卫大臣滨田靖一表示，日本将加强防卫。", "滨田靖一", "滨田靖"),
        # or read as two people side by side (小池 | 淳义)
        ("台积电日本子公司社长小池淳义表示，工厂将如期投产。", "小池淳义", "小池"),
    ],
)
def test_japanese_given_names_the_tagger_cut_are_whole(body, name, absent):
    kinds = _kinds(body)
    assert kinds.get(name) == "person" and absent not in kinds, kinds


def test_a_conjunction_after_a_japanese_surname_joins_no_name():
    # 岸田 | 和 | 美国: 和 joins the next name, no given name 和美
    assert "岸田和美" not in _kinds("岸田和美国总统拜登会面。")


def test_a_surname_the_tagger_split_across_tags_is_the_full_names():
    # 格什科/ORG | 维奇/PER after 埃文·格什科维奇: the surname again, no person 格什科
    kinds = _kinds("美国记者埃文·格什科维奇被捕。格什科维奇的律师说，他是无辜的。")
    assert kinds == {"美国": "place", "埃文·格什科维奇": "person"}, kinds


def test_a_married_name_with_two_surnames_after_a_title_is_whole():
    # 行政长官林 | 郑月娥: the tagger read the first surname into the title
    kinds = _kinds("時任行政長官林鄭月娥警告，所謂初選的目的，是阻撓政府所有政策。")
    assert kinds.get("林鄭月娥") == "person" and "鄭月娥" not in kinds, kinds


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        # a title inside a school's or a council's name cuts neither (国中 | 校长, 发展委员会)
        ("高雄市青年國中校長陳正憲告訴中央社，陪考家長人數大不如前。", "陳正憲", "person"),
        ("更獲行政院國家永續發展委員會「國家永續發展獎」最高榮譽肯定。", "行政院國家永續發展委員會", "organization"),
    ],
)
def test_titles_inside_names_cut_nothing(body, name, kind):
    kinds = _kinds(body)
    assert kinds.get(name) == kind and "中国" not in kinds, kinds


@pytest.mark.parametrize(
    ("body", "name", "absent"),
    [
        # the rest of a word before the name the tagger gave the name (亿 | 万富翁贝佐斯, 大 | 亨…)
        ("全球首富、億萬富翁貝佐斯表示，他將捐款。", "貝佐斯", "萬富翁貝佐斯"),
        ("賭場大亨謝爾登．艾德森表示，他將捐款。", "謝爾登．艾德森", "亨謝爾登．艾德森"),
        # a particle after a transliteration (卡姆 | 所说的) is no part of it
        ("正如卡姆所说的那样，局势紧张。卡姆是一名分析师。", None, "卡姆所"),
        # a kin word before a name with its Latin form (丈夫 | 加迪·哈盖（Gadi Haggai）)
        ("该集体农庄宣布她73岁的丈夫加迪·哈盖（Gadi Haggai）在类似情况下死亡。", "加迪·哈盖", "夫加迪·哈盖"),
        # the joiner before a transliterated name (哈利王子和 | 梅根)
        ("婚礼当天，哈利王子和梅根受封萨塞克斯公爵、公爵夫人。梅根如今受到英国人的欢迎。", "梅根", "和梅根"),
        # a currency after a number (1048 | 谢克尔)
        ("军队每月补贴高达1048谢克尔（约合283美元）的租金。", None, "谢克尔"),
        # …or after a number with its magnitude (1亿 | 谢克尔)
        ("以色列创新局宣布，将拨款1亿谢克尔（约合2670万美元），为初创公司提供资金。", None, "谢克尔"),
        # a body's Latin name in a credit (作者Central Tibetan Administration) is no person
        ("班禪喇嘛至今仍下落不明。（圖取自維基共享資源；作者Central Tibetan Administration，Fair use）", None,
         "Central Tibetan Administration"),
        # a people (菲裔) is no person
        ("菲裔選民表示支持。", None, "菲裔"),

    ],
)
def test_words_before_names_and_peoples_are_no_part_of_a_person(body, name, absent):
    kinds = _kinds(body)
    assert (name is None or kinds.get(name) == "person") and absent not in kinds, kinds


@pytest.mark.parametrize(("form", "cleaned"), [("柯签", None), ("时力提", None), ("赵配", None), ("柯文哲", "柯文哲")])
def test_a_headline_verb_after_a_short_name_is_no_part_of_it(form, cleaned):
    # 柯 | 签(…协议), 时力 | 提(名): the tagger's person in a headline's telegraphic words
    from kb.extract.names import _clean_person

    assert _clean_person(form, default_rules().names) == cleaned


def test_a_transliterated_town_after_a_place_word_is_a_place():
    # 渔港 | 格林达维克（Grindavik）: the tagger's body, a town by what is said of it
    kinds = _kinds("距離雷克雅內斯半島（Reykjanes peninsula）已疏散的漁港格林達維克（Grindavik）僅3公里。")
    assert kinds.get("格林達維克") == "place", kinds


def test_a_name_after_a_word_for_a_sort_of_place_is_a_place():
    # 城市 | 奥斯曼尼耶（Osmaniye）报道: the tagger's person, a city by the word before it, though
    # a verb of reporting follows
    kinds = _kinds("记者安娜·福斯特（Anna Foster）在土耳其城市奥斯曼尼耶（Osmaniye）报道，当地没有电。")
    assert kinds.get("奥斯曼尼耶") == "place", kinds


def test_a_titled_person_beside_their_office_stays_a_person():
    # 前总统马英九 beside 马英九办公室: not a body's short form (as 永龄 beside 永龄基金会 is)
    kinds = _kinds("国民党参选人侯友宜昨天拜会前总统马英九。马英九办公室发布新闻稿表示，马英九全力支持侯友宜。")
    assert kinds.get("马英九") == "person" and kinds.get("马英九办公室") == "organization", kinds


def test_a_subsidiary_after_a_name_is_that_companys_own():
    assert _kinds("三星电子公司表示，将扩大投资。").get("三星电子") == "organization"


def test_a_two_character_name_takes_its_third_character_before_a_time_word():
    # 陈俊 | 圣日前: the tagger read the given name's last character into the time word
    assert "陈俊圣" in _kinds("电脑品牌厂宏碁董事长暨执行长陈俊圣日前受访说，个人电脑会整合AI。")


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # a catalog person and the preposition after (拜登 | 向)
        ("5月1日星期一，美国总统拜登向到访的菲律宾总统小马科斯重申了美国对保卫菲律宾的承诺。", "拜登向"),
        # a work's title in quotes each time
        ("金马奖最佳新导演得主张吉安的电影企划案「金兰荖叶」也在2022的金马创投会议夺下「百万首奖」。", "金兰荖叶"),
    ],
)
def test_a_preposition_after_a_name_and_a_quoted_title_are_no_people(body, absent):
    assert absent not in _kinds(body), _kinds(body)


def test_a_name_marked_as_changed_is_a_persons():
    # 公司 | 欧文（化名）: a body's word before it, but a person's name, changed
    assert _kinds("华南某网约车公司欧文（化名）表示，目前的网约车行业还有许多小平台。").get("欧文") == "person"


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        # 对手 (a rival) describes people and bodies alike: the tagger's kind stands
        ("他批評對手柯文哲許多主張是錯的。", "柯文哲", "person"),
        ("他批评竞争对手柯文哲。", "柯文哲", "person"),
    ],
)
def test_a_word_for_people_and_bodies_alike_leaves_the_kind_to_the_tagger(body, name, kind):
    assert _kinds(body).get(name) == kind


@pytest.mark.parametrize(
    ("body", "person", "absent"),
    [
        # a verb's character before a bracketed foreign name (属于 | 杰瑞米·博伊文)
        ("這座公寓屬于杰瑞米·博伊文(Jeremy Boivin)。", "杰瑞米·博伊文", "于杰瑞米·博伊文"),
        # a title, a name the tagger reads, and the next word (部长王文涛 | 预定)
        ("中國商務部長王文濤預定25日在華府出席晚宴。", "王文濤", "王文濤預定"),
        # a two-character name and a one-character reporting verb, read alone (范云 | 指)
        ("民進黨籍立委范雲指中國國民黨籍立委陳雪生涉性騷擾。", "范雲", "范雲指"),
        # 和 ends a Japanese given name when no name follows it
        ("自民黨青年局長鈴木憲和（中）3日率團訪台。", "鈴木憲和", "鈴木憲"),
        # a given name's first characters the tagger read as a name of their own (沙夫 | 卡特·…)
        ("乌兹别克斯坦现任总统沙夫卡特·米尔济约耶夫表示，改革将继续。", "沙夫卡特·米尔济约耶夫", "沙夫"),
        # a verb the tagger ran into a transliterated name, read with the words after it
        ("阿根廷總統米雷伊婉拒加入金磚國家集團。", "米雷伊", "米雷伊婉拒"),
        # a numeral ending a Japanese given name before 等人
        ("国会对策委员长滨田靖一等人出席。", "滨田靖一", "滨田靖"),
    ],
)
def test_where_a_persons_name_starts_and_ends(body, person, absent):
    kinds = _kinds(body)
    assert kinds.get(person) == "person", kinds
    assert absent not in kinds, kinds


def test_the_mainlands_media_is_no_person():
    assert "陸媒" not in _kinds("陸媒第一財經分析，房地產將持續低迷。")



@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # 于 before countries' abbreviations is a preposition, no surname
        ("部署1500名部隊人員於美加邊界。", "於美"),
        # a word the tagger ran into a bracket (周知（) is no name
        ("這個觀念早已廣為周知（指廣泛宣導），民眾都知道。", "周知（"),
        # …or before a place the catalog knows
        ("台南市政府團隊於杜拜時間12月6日抵達。", "於杜拜"),
    ],
)
def test_prepositions_and_words_run_into_marks_are_no_person(body, absent):
    assert absent not in _kinds(body)



def test_a_place_glossed_in_latin_stays_a_place():
    # the tagger and the rules read a town; the bracket's two Latin words do not make a person
    kinds = _kinds("以色列空襲圖卡瑞姆鎮附近的努爾沙姆斯（Nur Shams）難民營，造成5人死亡。")
    assert kinds.get("努爾沙姆斯") == "place", kinds
    assert _kinds("大馬防長訪問越南。").get("马来西亚") == "place"


def test_a_title_then_a_word_ending_in_a_case_is_no_split_name():
    # 法官 | 任 | 命案: a surname-like character and a noun after a title, but no name ends in 案
    rules = default_rules()
    view = "聚焦于拜登的法官任命案，让拜登提名的法官增加"
    tags = ["v", "p", "PER", "u", "n", "v", "n", "w", "v", "PER", "v", "u", "n", "v"]
    ends = [2, 3, 5, 6, 8, 9, 11, 12, 13, 15, 17, 18, 20, 22]
    words = [Word(s, e, t) for s, e, t in zip([0, *ends[:-1]], ends, tags, strict=True)]
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds)] == []


def test_a_verb_the_tagger_ran_into_a_body_the_article_names_alone():
    # 会晤 | 国台办: the body, named on its own elsewhere in the article
    kinds = _kinds("国台办并未立即回应置评要求。知情人士告诉路透社，夏立言可能将会晤国台办官员。")
    assert kinds.get("国台办") == "organization" and "会晤国台办" not in kinds, kinds


def test_a_common_noun_before_a_person_word_is_no_bodys_short_form():
    # 朝野 beside 朝野立委: 立委 is a person word, no body's ending (永龄 beside 永龄基金会 is)
    kinds = _kinds("總統感謝朝野通過任內最後一本預算。總統蔡英文今天感謝朝野立委三讀通過總預算。總統感謝朝野立委的支持。")
    assert "朝野" not in kinds, kinds


def test_a_sector_head_before_two_names_describes_both():
    # 航运巨头马士基和赫伯罗特: the second company is no person, though the tagger says so
    kinds = _kinds("15日，两大航运巨头马士基和赫伯罗特均证实，最近红海冲突升级后，他们均已暂停了在红海的所有航行计划。")
    assert kinds.get("赫伯罗特") == "organization", kinds


@pytest.mark.parametrize(
    ("view", "words", "name"),
    [
        # 维姬 | ·肖特博尔特: a dot and a surname read as punctuation (肖 transliterates "Sho")
        ("总裁维姬·肖特博尔特表示", [Word(0, 2, "n"), Word(2, 4, "PER"), Word(4, 10, "w"), Word(10, 12, "v")],
         "维姬·肖特博尔特"),
        # 伊斯特万 | ·乌热伊警 | 告称: …with the next word's first character
        ("议员伊斯特万·乌热伊警告称", [Word(0, 2, "n"), Word(2, 6, "PER"), Word(6, 11, "w"), Word(11, 13, "v")],
         "伊斯特万·乌热伊"),
    ],
)
def test_a_surname_the_tagger_read_as_punctuation_is_joined(view, words, name):
    from kb.extract.names import _joined

    assert [view[s:e] for s, e, tag in _joined(view, words) if tag == "PER"] == [name]


@pytest.mark.parametrize(
    ("body", "kept", "absent"),
    [
        # the last of a list of fields is a ministry of its own (国防、卫生、国土 | 和 | 内政部)
        ("肯尼亚政府表示，国防、信息、卫生、国土和内政部的网站都遭到攻击。", None, "国土和内政部"),
        # a part of the body ends in 部 but names no body
        ("一名男子被罐中液體噴濺到下半身與臉部，受到輕傷。", None, "下半身與臉部"),
        # overseas communities of a place are a sort of body (台灣 | 僑團)
        ("菲律賓8大台灣僑團致函菲律賓外長，台灣僑團表示支持台灣。", None, "台灣僑團"),
        # countries are no field of the body after 和 ((欧)美国家 | 和 | 联合国人权事务委员会)
        ("香港国安法被欧美国家和联合国人权事务委员会等组织批评。", "联合国人权事务委员会", "美国家和联合国人权事务委员会"),
        # a place's media before an outlet's name (港媒 | 星島網) is no part of it
        ("據港媒星島網報導，湯曉鷗告別儀式19日在香港舉行。據港媒星島網報導，他享年55歲。", None, "港媒星島網"),
        # a think tank named for a region keeps its city (华盛顿 | 阿拉伯研究所)
        ("前白宫官员、华盛顿阿拉伯研究所专家查尔斯·邓恩表示，局势紧张。", "华盛顿阿拉伯研究所", "阿拉伯研究所"),
        # a business unit is a sort of body (业务和事业部); a cold air mass no body at all
        ("京東健康等各個業務和事業部的採銷團隊，都參與了直播。", None, "業務和事業部"),
        ("24日則有大陸冷氣團南下，預估持續影響至26日。", None, "大陸冷氣團"),
        # a verb that names what follows is no part of the name (一个叫 | 沙姆解放组织)
        ("这一区域由一个叫沙姆解放组织（HTS）的圣战联盟控制。", "沙姆解放组织", "叫沙姆解放组织"),
        # a member's party before a body (共和党籍 | 众议院议长) is no part of the body
        ("拜登與共和黨籍眾議院議長麥卡錫都表示，將會達成協議。", None, "共和黨籍眾議院"),
    ],
)
def test_words_around_a_body_that_are_no_part_of_it(body, kept, absent):
    # joined things, descriptors, places, sorts, naming verbs and a member's party
    kinds = _kinds(body)
    assert absent not in kinds and (kept is None or kinds.get(kept) == "organization"), kinds


@pytest.mark.parametrize(
    ("body", "kept", "absent"),
    [
        # a given name the tagger read as a noun, then a hyphen and the surname (皮塔 | - | 林贾罗恩拉特)
        ("他说：“我是皮塔-林贾罗恩拉特，泰国的下任总理。”皮塔表示将组建联合政府。", "皮塔-林贾罗恩拉特", "林贾罗恩拉特"),
        # …or as a body or a verb (海尔 | - | 塞拉西, 夸梅 | - | 恩克鲁玛)
        ("原因很简单：海尔-塞拉西在幕后斡旋。", "海尔-塞拉西", "塞拉西"),
        ("前者聚集在以摩洛哥夸梅-恩克鲁玛为首的集团。", "夸梅-恩克鲁玛", "恩克鲁玛"),
        # a monarch's number read as a numeral (卡尔 | 十六世 | · | 古斯塔夫)
        ("瑞典国王卡尔十六世·古斯塔夫出席了典礼。", "卡尔十六世·古斯塔夫", "古斯塔夫"),
    ],
)
def test_a_hyphenated_name_is_whole(body, kept, absent):
    kinds = _kinds(body)
    assert absent not in kinds and (kept is None or kinds.get(kept) == "person"), kinds


def test_a_title_before_a_name_the_tagger_read_as_a_place_makes_it_a_person():
    # 独裁总统 | 苏哈托: however often the tagger reads 苏哈托(政权) as a place, a title names a person
    rules = default_rules()
    view = "独裁总统苏哈托下台。苏哈托政权倒台。"
    words = [Word(0, 2, "n"), Word(2, 4, "n"), Word(4, 7, "LOC"), Word(7, 9, "v"), Word(9, 10, "w"),
             Word(10, 13, "LOC"), Word(13, 15, "n"), Word(15, 17, "v"), Word(17, 18, "w")]
    names = {n.form: n.kind for n in tagged_names(view, words, rules.names, rules.catalog_kinds)}
    assert names.get("苏哈托") == "person", names


def test_two_countries_one_character_each_before_two_nations_are_no_person():
    # 韩日 | 两国: the tagger's person is a pair of countries
    rules = default_rules()
    view = "期待这是韩日两国迈向未来合作"
    words = [Word(0, 2, "v"), Word(2, 3, "r"), Word(3, 4, "v"), Word(4, 6, "PER"), Word(6, 8, "n"),
             Word(8, 10, "v"), Word(10, 12, "TIME"), Word(12, 14, "v")]
    assert [n.form for n in tagged_names(view, words, rules.names, rules.catalog_kinds)] == []


@pytest.mark.parametrize(
    ("body", "kept", "kind", "absent"),
    [
        # a country before a short party or army is part of its name (越南 | 共产党)
        ("越南共产党总书记阮富仲在河内与来访的领导人会谈。", "越南共产党", "organization", "共产党"),
        ("习近平与越南共产党总书记阮富仲在河内举行正式会谈后举杯。", "越南共产党", "organization", "共产党"),
        # a list's item opens with no function word (果敢、德昂、若 | 开军（AA）)
        ("缅甸军方与果敢、德昂、若开军（AA）举行和谈，若开军（AA）表示愿意停火。", "若开军", "organization", "开军"),
        # a place and a number of a sort (班加罗尔 | 多所学校) is no body
        ("印度班加罗尔多所学校今天收到炸弹威胁，警方正在搜查。", None, None, "班加罗尔多所"),
        # a two-character verb before a place's government (联络 | 特区政府) is no part of it
        # (the catalog's 特区政府 is ambiguous: a place names whose)
        ("公署于7月联络香港特区政府，告知新的安排已经生效。", "香港特区政府", "organization", "联络香港特区政府"),
        # the newsroom's credit names each person whole, however the tagger cuts them
        ("美国德州通过法案。（译者：张茗喧/核稿：严思祺）", "张茗喧", "person", "张茗"),
        # a Japanese name after a title the tagger ran into it or read as a verb (知事(v) 铃木 | 直道(v),
        # 次 | 官船 | 越 | 健裕), in an article about Japan
        ("日本北海道知事铃木直道28日在道议会上表明了同意重启的想法。", "铃木直道", "person", "铃木"),
        ("日本外务事务次官船越健裕则于14日召见中国驻日大使。", "船越健裕", "person", None),
        # a title written after a transliterated name (尼克松 | 总统的) makes it a person's
        ("切尼曾任尼克松总统的白宫助理。", "尼克松", "person", None),
        # a title, a middle dot, a name, as Japanese and Korean outlets write them
        ("东京奥运会游泳金牌得主、体育厅长官·铃木大地（53岁）在11日表示，将辞职。", "铃木大地", "person", "铃木"),
        ("瑞穗综合研究所主任研究员·冈田丰认为，人口将净迁入。", "冈田丰", "person", None),
        # a place's own service company (台北 | 捷运公司) is a name, not a sort of company
        ("台北捷运公司表示，全线117站共290组免费充电座将升级。", "台北捷运公司", "organization", None),
        # a list's joiner the tagger ran into a body's name (爱德万及 | 软银集团) is no part of it
        ("半导体检测设备巨头爱德万及软银集团等的股票被抛售。", "爱德万", "organization", "爱德万及"),
        # a city's own office, named by the city (新北市 | 警局), is a name
        ("新北市警局今天表示，6日至14日执行扫黑。", "新北市警局", "organization", None),
        # a paper's title in 《》 that opens with a country's name is the paper's (《中国报》)
        ("当地《中国报》11月2日引述消息指，黄明志供称他与谢侑芯合作。", "中国报", "organization", None),
        # a given name ending in 和, then a verb: no conjunction (康京 | 和 | 表示)
        ("韩国外长康京和表示，韩国不会让步。", "康京和", "person", "康京"),
        ("日本农林水产大臣铃木宪和公开表示，水产品已经重新开始出货。", "铃木宪和", "person", "铃木宪"),
        ("蓬佩奥可能还会与韩国外交部长康京和举行会谈，讨论局势。", "康京和", "person", "康京"),
        # …or then a time (呂坤 | 和 | 今天參與): a conjunction joins no time to a name
        ("新任文化局長呂坤和今天參與破土祭拜。他表示，古蹟年久失修。", "呂坤和", "person", "呂坤"),
        # an activist is a person word too (数字权利活动家 | 达娜·马利科娃)
        ("哈萨克斯坦数字权利活动家达娜·马利科娃表示，监控很多。", "达娜·马利科娃", "person", "家达娜·马利科娃"),
        # a person word's last character is no part of the name after it (人权专家 | 达娜·马利科娃)
        ("哈萨克斯坦人权专家达娜·马利科娃表示，数千台监控摄像头覆盖了城市。", "达娜·马利科娃", "person", "家达娜·马利科娃"),
        # a Malaysian honorific is a title (总警长拿督 | 法迪尔)
        ("吉隆坡总警长拿督法迪尔表示，剖验报告预计需时三个月。", "法迪尔", "person", "督法迪尔"),
        # 许 after a time of day is "about" (1时许 | 才), no surname
        ("黄明志至11月5日凌晨1时许才在律师陪同下现身警局。", "黄明志", "person", "许才"),
        # a title and a name the tagger read as one place (山口县 | 知事村冈嗣政): the person
        ("日本山口县知事村冈嗣政29日在县议会表示，有意同意美军追加部署。", "村冈嗣政", "person", "知事村冈嗣政"),
        # …labels joined, the outlet written out before the name (RFI)
        ("刚果与法国签署协议。（ 翻译和编辑：RFI 法广电台 尼古拉 ）", "尼古拉", "person", None),
        # a Japanese given name of a numeral before a list's comma, of 和 before a title
        ("日本驻菲公使松田贤一、菲国外交部长马纳罗出席会议。", "松田贤一", "person", "松田贤"),
        ("访问团由青年局长铃木宪和众议员率领，今晚抵台。", "铃木宪和", "person", "铃木宪"),
        # a dot the tagger kept on a name's first part (乔治·w· | 布什)
        ("前总统乔治·W·布什在2001年9月11日袭击后发动战争。", "乔治·W·布什", "person", "乔治·W"),
        # a transliteration glossed, then a body's word: the body's place (旺沙玛朱（Wangsa Maju）警察局长)
        ("旺沙玛朱（Wangsa Maju）警察局长阿沙里（Ashari Abu Samah）表示，集会未获许可。", None, None, "旺沙玛朱"),
        # …or an airport's name (蓬塔韦特（Punta Huete）国际机场)
        ("资金将用于蓬塔韦特（Punta Huete）国际机场项目，靠近首都。", "蓬塔韦特", "place", None),
        # a person beside their office stays a person (吴欣盈 beside 吴欣盈办公室)
        ("民众党副总统候选人吴欣盈未接受风险分析。吴欣盈办公室表示，吴欣盈尊重外交部。", "吴欣盈", "person", None),
        # a list of people closed by a clause about them is no list of bodies (…参议员等，共4位议员)
        ("此行为参议员山东昭子第3度访台，访团成员包括：舟山康江（FUNAYAMA Yasue）参议员、岛尻安伊子（SHIMAJIRI Aiko）"
         "众议员、今井绘理子（IMAI Eriko）参议员等，共4位跨党派女性国会议员。",
         "今井绘理子", "person", None),
        # a body the tagger ends inside a word for bodies of two sorts (中央部 | 会研拟: 部会)
        ("其余4项待中央部会研拟后决定，陈建仁表示会协助处理。", None, None, "中央部"),
        # …not before a word of its own (统帅部 | 会议)
        ("泽连斯基主持最高统帅部会议，讨论前线局势。", "统帅部", "organization", None),
        # a dotted name's surname end the tagger read as a noun (奥列克桑德尔·克利 | 门科)
        ("反腐败检察官办公室主任奥列克桑德尔·克利门科补充称，其中包括价值一亿欧元的合同。",
         "奥列克桑德尔·克利门科", "person", "奥列克桑德尔·克利"),
        # a picture library in a photo credit is no person (Everett Collection)
        ("孩子们更爱看YouTube。 图片来源：Netflix/Everett Collection 流媒体服务商面临难题。", None, None,
         "Everett Collection"),
        # a cup played for, a law, a country's garrison, a camp: no body, no person
        ("112年华南金控杯全国少棒锦标赛21日为预赛首日，新北市队获胜。", None, None, "华南金控杯"),
        ("警方表示，集会未获许可，将依「和平集会法令」（Peaceful Assembly Act）展开调查。", None, None,
         "和平集会法令"),
        ("双方签约，确认德国驻军的路线图，明年派遣先遣部队。", None, None, "德国驻军"),
        ("市民在毗邻填埋现场的施瓦布军营门前集会，反对搬迁。", None, None, "施瓦布"),
        # a Latin name joined by "and" carries the Chinese name across its 和
        ("孟加拉服装制造商和出口商协会（Bangladesh Garment Manufacturers and Exporters Association）表示，订单减少。",
         "孟加拉服装制造商和出口商协会", "organization", "出口商协会"),
        # a transliteration the tagger read as two people (布塔 | 朱吉, 阿布都 | 雷赫曼)
        ("美国运输部长布塔朱吉（Pete Buttigieg）今天也说，夏季旅行将带来巨大压力。", "布塔朱吉", "person", "朱吉"),
        ("国际特赦组织要求香港当局交代维吾尔族学生阿布都雷赫曼的下落，这名学生失联。", "阿布都雷赫曼", "person",
         "雷赫曼"),
        # a legal form alone, what is left beside a bank the catalog knows, is no body
        ("中国银行股份有限公司(Bank Of China Ltd., 601988.SH, 简称﹕中国银行)和中国农业银行股份有限公司均下跌超过5%。",
         "中国银行", "organization", "股份有限公司"),
        # a country's forces are no body's name; a sort of maker before a company is no part of it
        ("俄罗斯国防部称，入侵者已被俄国安全部队击退。", None, None, "俄国安全部队"),
        ("（中央社旧金山16日综合外电报导）电动车商特斯拉（Tesla Inc）从未以传统打广告方式销售车辆。", "特斯拉",
         "organization", "电动车商特斯拉"),
        # a venue is no body (社区活动中心)
        ("鸿海创办人郭台铭下午在高雄左营果峰社区活动中心与民众座谈，提出构想。", None, None, "高雄左营果峰社区活动中心"),
        # two candidates of a ticket by a character of each name (侯康: 侯友宜 and 赵少康)
        ("国民党总统参选人侯友宜与副手赵少康今天造势，赵少康呼吁选民支持侯康。", None, None, "侯康"),
        # an adverb before a catalog body is no part of it (很快 | 美国在台协会)
        ("他说，一定要出来解释，很快美国在台协会（AIT）就会打电话问是怎么一回事。", "美国在台协会", "organization",
         "很快美国在台协会"),
        # a description with a place's name before a body of its own (美国智囊机构 | 亚洲协会)
        ("美国智囊机构亚洲协会的分析师莱尔-莫里斯（Lyle Morris）认为，局势紧张。", "亚洲协会", "organization",
         "美国智囊机构亚洲协会"),
        # a country's opposition is a description; a camp named after someone is no person
        ("所罗门群岛反对党议员彼得·凯尼洛雷亚表示，拖延反映了问题。", None, None, "所罗门群岛反对党"),
        ("它们是伊莎贝拉省的梅尔乔·德拉克鲁斯营地，以及卡加延省的机场。", None, None, "梅尔乔·德拉克鲁斯"),
        # a Japanese given name ending in a numeral before an adverb (谷川弥 | 一分别)
        ("众议员池田佳隆、谷川弥一分别收到逾4000万日圆。", "谷川弥一", "person", "谷川弥"),
        # a body the tagger started at 国 after two countries' first characters names neither
        ("（中央社台北6日电）加拿大保守党国会议员要求渥太华驱逐中国外交官一事引起北京不满，中国外交部发言人毛宁"
         "昨天回应说，中方对此坚决反对，已向加国外交部阐明严正立场，提出强烈抗议。</p><p>她说，中国驻加拿大大使已"
         "就此向加国外交部负责人阐明严正立场。", None, None, "国外交部"),
        # a catalog body but its last character (卫福 | 部长: 卫福部)
        ("「用菸捐做长照，要鼓励大家抽菸吗」，卫福部长薛瑞元说长照未来5年内都够用。", "薛瑞元", "person", "卫福"),
        # a Japanese given name's end the tagger read as a word (秋叶刚 | 男, 熊野英 | 生), where the
        # article is about Japan; not a word after a Chinese name (顾立雄 | 等人, 周珮如 | 再次)
        ("岸田文雄会见官房副长官木原诚二、栗生俊一，国家安全保障局长秋叶刚男、外务审议官山田重夫。", "秋叶刚男",
         "person", "秋叶刚"),
        ("日本第一生命经济研究所首席经济学家熊野英生日前汇总估算数据称，经济效应可达4.2万亿日元。", "熊野英生",
         "person", "熊野英"),
        ("总统接见日本访问团，国安会秘书长顾立雄等人陪同。", "顾立雄", "person", "顾立雄等人"),
        # a surname and a term of address, where the article names one person of that surname
        ("国宝级漆艺家王清霜说，漆艺需要耐心。王先生学成返台以后持续创作。", "王清霜", "person", "王先生"),
        # a headline's dash between two phrases joins no name (越夜越美丽-兰阳)
        ("「2023兰阳越夜越美丽-兰阳欢乐迎耶诞」装置艺术设立在宜兰县议会红砖广场上。", None, None, None),
        # a particle the tagger ran into a body's start (另 | 遠雄巨蛋…, 依 | 文化局): the rest is
        # written alone elsewhere, or the particle starts no body and joins no word
        ("公車班次增加，另遠雄巨蛋事業股份有限公司表示將配合。遠雄巨蛋事業股份有限公司說會加開班次。",
         "遠雄巨蛋事業股份有限公司", "organization", "另遠雄巨蛋事業股份有限公司"),
        ("台北市議會開會，依文化局資料，有10萬人參觀。台南市政府文化局表示歡迎。", "台南市政府文化局",
         "organization", "依文化局"),
        # …but a name that starts with such a character keeps it (和平基金會)
        ("和平基金會指出，捐款增加。", "和平基金會", "organization", "平基金會"),
        # a verb of founding inside a body: what was founded, or no name (萬那杜 | 開設 | 大使館)
        ("他說，美國計劃在萬那杜開設大使館，加強合作。", None, None, "萬那杜開設大使館"),
        ("艾爾段2001年創立正義發展黨（AKP），短短一年後就執政。", "正義發展黨", "organization", "創立正義發展黨"),
        # a title and a person the tagger ran into a body (自民党参院政审会长 | 松山政司): no body
        ("09:04 会见自民党参院政审会长松山政司。", None, None, "自民党参院政审会长松山政司"),
        # …but a title's characters inside a body's word end none (立法院内 | 政委 | 员会)
        ("立法院内政委员会今天审查法案，立法院内政委员会召委主持。", "立法院内政委员会", "organization", None),
        # the end of the word before a catalog body is no part of it (国会 | 中 | 民主党)
        ("國會中民主黨高層也將在場，共和黨則缺席。", None, None, "中民主黨"),
        # …nor a reporting verb after it (美军等 | 透露)
        ("据美军等透露，部署在嘉手纳基地的F-15战机将退役。", None, None, "美军等透露"),
        # a rate is no body (存款准备金 | 率); a school's level whose 中 begins 中国 is none (进口国 | 中国)
        ("中國下調存款准备金率，人民银行表示将继续支持。", None, None, "存款准备金率"),
        ("美國是最大的進口國中國則是第二大出口國。", None, None, "進口國中"),
        # a Japanese surname alone after the catalog's full name is that person (河野 after 河野太郎)
        ("日本数字大臣河野太郎出席发布会。河野表示，根据提示能够简单操作。", "河野太郎", "person", "河野"),
        # a city's name after a foreign given name and its dot is the surname (斯科特·波士顿)
        ("兰德公司高级国防分析师斯科特·波士顿表示，发射时，贫铀弹药很危险。", "斯科特·波士顿", "person", "波士顿"),
        # a count of a body's things before it is no part of it (三艘 | 菲律宾政府船只)
        ("中国海警称，三艘菲律宾政府船只闯入仁爱礁附近海域。", "菲律宾政府", "organization", "三艘菲律宾政府"),
        # 周 after a title starts a name (前行长周小川), though it starts none elsewhere (周一)
        ("中国的技术官僚发挥了关键作用。前行长周小川等改革者从2002年起领导央行。", "周小川", "person", None),
        # a person noun before a glossed name is no part of it (房客 | 席利（Tala Sili）)
        ("另一倖存房客席利（Tala Sili）說，他看到煙霧從門縫裡竄進房間。", "席利", "person", "房客席利"),
        # a reporter's name runs into no unknown city of the credit (陈家伦 | 富国市摄)
        ("越南總理出席活動。中央社記者陳家倫富國市攝 112年12月9日", "陳家倫", "person", "陳家倫富"),
        # a hospital named by its religion keeps its place (屏东 | 基督教医院)
        ("他同时亦赞助屏东基督教医院、怀海教育基金会。", "屏东基督教医院", "organization", "基督教医院"),
    ],
)
def test_edges_and_kinds_of_names_in_real_shapes(body, kept, kind, absent):
    kinds = _kinds(body)
    assert absent is None or absent not in kinds, kinds
    assert kept is None or kinds.get(kept) == kind, kinds
    assert kinds.get("兰阳") != "person", kinds


@pytest.mark.parametrize(
    ("body", "full", "short"),
    [
        ("南投縣府今天表示，將爭取經費。南投縣政府發布新聞稿。", "南投縣政府", "南投縣府"),
        ("南投縣政府農業處今天發布新聞稿。農業處指出，竹林面積很大。", "南投縣政府農業處", "農業處"),
        ("台中市觀旅局稽查人員到場。觀旅局表示會處理。", "台中市觀旅局", "觀旅局"),
        ("泰國觀光局在曼谷舉辦活動。觀光局說，遊客很多。", "泰國觀光局", "觀光局"),
    ],
)
def test_a_body_named_after_its_place_then_alone_is_one(body, full, short):
    # (the short form is the full one's: one body, and what it says is the full body's)
    found = extract(parse_text(f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"))
    keys = {m.key for m in found.mentions if m.surface in (full, short)}
    assert len(keys) == 1 and found.entities[keys.pop()].name == full, found.entities


@pytest.mark.parametrize(
    ("form", "people", "ticket"),
    [
        ("侯康", {"侯友宜", "赵少康"}, True),  # a surname, then the other's last character
        ("赖萧", {"赖清德", "萧美琴"}, True),  # two surnames
        ("侯康蒋", {"侯友宜", "赵少康", "蒋万安"}, True),
        ("侯康", {"侯友宜"}, False),  # one person alone is no ticket
        ("艾伦", {"伍迪·艾伦", "艾伦·马什"}, False),  # parts of foreign names
        ("高飞", {"高虹安", "高嘉瑜"}, False),  # no second person ends or starts with 飞
    ],
)
def test_a_ticket_is_candidates_by_a_character_each(form, people, ticket):
    from kb.extract.names import _ticket

    assert _ticket(form, people) is ticket


@pytest.mark.parametrize(
    ("view", "form", "thing"),
    [
        ("柏崎刈羽核电厂2021年因发现缺失被勒令停机。", "柏崎刈羽", True),  # a power plant's site
        ("梅尔乔·德拉克鲁斯营地，以及拉尔洛机场。", "梅尔乔·德拉克鲁斯", True),  # a camp named after someone
        ("蓬塔韦特（Punta Huete）国际机场项目", "蓬塔韦特", True),  # an international airport, glossed
        ("旺沙玛朱（Wangsa Maju）警察局长阿沙里表示", "旺沙玛朱", True),  # a police station's place
        ("米莱（Javier Milei）政府宣布改革。", "米莱", False),  # a government named after its leader
        ("卜睿哲（Richard Bush）所言", "卜睿哲", False),  # 所 of 所言, no body
    ],
)
def test_a_name_in_the_name_of_a_site_or_body(view, form, thing):
    from kb.extract.names import names_a_thing

    assert names_a_thing(view, form, default_rules().names) is thing


def _words(*pieces: tuple[str, str]) -> tuple[str, list[Word]]:
    """A view and the tagger's words for it, from (text, tag) pieces."""
    words, at = [], 0
    for text, tag in pieces:
        words.append(Word(at, at + len(text), tag))
        at += len(text)
    return "".join(text for text, _ in pieces), words


@pytest.mark.parametrize(
    ("pieces", "people"),
    [
        # the end of a longer transliteration, each time (布 | 赖吉: a camp), not a name after a title
        ((("以军", "ORG"), ("下令", "v"), ("中部", "f"), ("布", "n"), ("赖吉", "PER"), ("居民", "n"), ("迁移", "v")), []),
        ((("会议", "n"), ("主席", "n"), ("布朗", "PER"), ("进行", "v"), ("通话", "vn")), ["布朗"]),
        # a ticket by its candidates' characters (赖萧 | 配)
        ((("民进党", "ORG"), ("赖萧", "PER"), ("配", "v"), ("南北", "n"), ("催票", "v")), []),
        # a name and the verb a quote runs into (洪健益 | 批「…」)
        ((("议员", "n"), ("洪健益批", "PER"), ("「", "w"), ("你们", "r"), ("装傻", "v"), ("」", "w")), ["洪健益"]),
    ],
)
def test_tagged_people_that_are_parts_tickets_or_names_and_verbs(pieces, people):
    view, words = _words(*pieces)
    assert _people_and_bodies(view, words)[0] == people


def test_an_adverb_glued_to_a_transliterated_name_before_its_verb_is_no_part_of_it():
    text = ("<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n"
            "<p>贝宁总统休伯特-马加如是欢迎这个组织的诞生：会议取得了成功。</p>")
    people = [k for k, e in extract(parse_text(text)).entities.items() if e.kind == "person"]
    assert people == ["person:zh-休伯特-马加"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a Latin name after a title, then a time and an occasion before the verb, is a person
        ("欧洲议会贸易委员会主席Bernd Lange最近在布鲁塞尔的一次小组讨论中说：“我们确实处于进退两难的境地。”",
         "person:bernd-lange"),
        ("首席技术官Mo Elshenawy周三在一份备忘录中说，裁员将主要影响非工程类员工。", "person:mo-elshenawy"),
        # what the person does, then 的, a Latin name and a reporting verb with its mark
        ("在荷兰基金管理公司Robeco负责清洁能源基金业务的Roman Boner指出，大型项目通常有80%的资金来自于借贷。",
         "person:roman-boner"),
        ("“以前那种巨大的绿色溢价已经不复存在，”富达国际负责可持续发展基金的Velislava Dimitrova说。",
         "person:velislava-dimitrova"),
        # a title ending (主管) after a word the tagger reads as a verb (联席) is still a title
        ("环境战略部联席主管Ed Lees说，我们仍希望在年底前得到这些信息。", "person:ed-lees"),
    ],
)
def test_a_latin_name_after_a_title_or_what_the_person_does_speaks(body, speaker):
    found = extract(parse_text(f"<!--1643120102000-->\n[t](https://www.example.com/a/1)\n------\n<p>{body}</p>"))
    assert [s.speaker_key for s in found.statements] == [speaker]


@pytest.mark.parametrize(
    ("body", "name", "kind", "absent"),
    [
        # an adverb after a Japanese surname is no given name (植田 | 再次)
        ("日本央行行长植田再次表示将维持宽松。", "植田", "person", "植田再次"),
        # a catalog city inside a dotted surname is no city (塞西尔·布 | 里昂)
        ("医院儿科主任塞西尔·布里昂表示，病例并不罕见。", "塞西尔·布里昂", "person", "里昂"),
        # 答说 is the verb, not the name's last character
        ("被问及将来的梦想，周庭答说：「自由地活。」", "周庭", "person", "周庭答"),
        # a gloss between a name and the direction after it (希纳特万（Hinatuan）东北方)
        ("震央在民答那峨岛（Mindanao Island）希纳特万（Hinatuan）东北方约72公里处。", "希纳特万", "place", None),
        # a province glossed in Latin beside a company is no body (印尼亚齐省（Aceh）)
        ("埃克森美孚公司（ExxonMobil）与印尼亚齐省（Aceh）村民达成和解。", "印尼亚齐省", "place", None),
        # a company by its accounts over a period (大立光4月合并营收)
        ("大立光4月合并营收30亿元。大立光表示，客户拉货动能差。", "大立光", "organization", None),
        # a town after a word for it (历史名城马格德堡)
        ("运河流经历史名城马格德堡和舍讷贝克。", "马格德堡", "place", None),
        # a numeral ends a name before a person's time in office (马英九 | 时期, not 九时)
        ("台湾的GDP较前总统马英九时期的17.5兆元大幅成长。", "马英九", "person", "马英"),
        # a year's last character before a name (1977 年 | 吉米·卡特)
        ("文章称，1977 年吉米·卡特 (Jimmy Carter) 当选总统后，基辛格辞职。", "吉米·卡特", "person", "年吉米·卡特"),
        # a position in a team before a name (四分卫 | 马霍姆斯)
        ("酋长明星四分卫马霍姆斯（Patrick Mahomes）签下合约。", "马霍姆斯", "person", "卫马霍姆斯"),
    ],
)
def test_name_edges_and_kinds_from_their_surroundings(body, name, kind, absent):
    kinds = _kinds(body)
    assert (name is None or kinds.get(name) == kind) and (absent is None or absent not in kinds), kinds


@pytest.mark.parametrize(
    "body",
    [
        "迪士尼首席执行官艾格周二在与迪士尼季度财报相关的电话会议上表示，价格调整是成功的。",
        "日本驻华大使馆就广岛峰会公报发表三点说明。",
        "中心在都柏林市中心举行台湾美食盛会，代表杨子葆在会上分享经验。",
    ],
)
def test_documents_and_events_are_no_organizations(body):
    kinds = _kinds(body)
    assert not any(n.endswith(("财报", "公报", "盛会")) for n in kinds), kinds


@pytest.mark.parametrize(
    ("body", "organization", "absent"),
    [
        # a day the tagger ran into a body (明天 | 民进党中央党部), or into the next word (星期一中午)
        ("陈俊宇说，明天民进党中央党部要召开选策会。", "民进党中央党部", "明天民进党中央党部"),
        ("韶关市政府指出，一辆私家车星期一中午由南向北行驶。", "韶关市政府", "星期一中"),
        # 所 before a verb is no part of the body (海基会 | 所举办)
        ("大陆干预台商出席海基会所举办的活动。海基会表示不满。", "海基会", "海基会所"),
        # a descriptor inside a tagged or a glossed body: the name follows it
        ("华盛顿的中右翼智囊团美国企业研究所专家表示，国会拥有权力。", None, "中右翼智囊团美国企业研究所"),
        ("基里达欧鲁还获得国会第3大党人民民主党（HDP）支持。", "人民民主党", "大党人民民主党"),
        # a verb whose object the body is, run into its name (促使 | 联邦准备理事会)
        ("由于美国与其他地区物价飙涨，促使联邦准备理事会（Fed）与多国央行调升利率。", None, "促使联邦准备理事会"),
        # a description's cut that would leave a word's end first (中国银行 | 间…) keeps the name
        ("中国银行间市场交易商协会表示，将加强监管。", "中国银行间市场交易商协会", "间市场交易商协会"),
        # a company's board is the company's (新光金控 | 董事会)
        ("新光金控今天发布声明，指出ISS发布有关新光金控董事会选举建议。", None, "新光金控董事会"),
        # a region's description before a country's body (中美洲国家 | 危地马拉最高法院)
        ("中美洲國家瓜地馬拉最高法院昨天下令釋放前反貪檢察官拉帕拉（Virginia Laparra）。", None,
         "中美洲國家瓜地馬拉最高法院"),
        # a body's visitors after its name (访团), where it stands before it (市区)
        ("总统蔡英文今天接见「亚太坚韧研究基金会访团」。", "亚太坚韧研究基金会", "亚太坚韧研究基金会访团"),
        ("以中山路与成功东街口（位于沙鹿市区光田医院旁）为例，交通局指出，中山路为主要干道。", "光田医院",
         "沙鹿市区光田医院"),
        # a word's end and what follows it is no body (标志 | 性房地产集团)
        ("房地产业增长，但标志性房地产集团（恒大、碧桂园等）的财务困境正加剧购房者的不信任。", None, "性房地产集团"),
    ],
)
def test_the_edges_of_a_tagged_body(body, organization, absent):
    kinds = _kinds(body)
    assert (organization is None or kinds.get(organization) == "organization") and absent not in kinds, kinds


@pytest.mark.parametrize(
    ("body", "description"),
    [
        # words that say what sort of body, not which (亲政府, 官方, 人道), after a place or a body
        ("香港多个亲政府社团在铜锣湾举行活动。", "亲政府社团"),
        ("联合国人道机构周五表示，加沙至少有十万名流离失所者涌入拉法。", "联合国人道机构"),
        ("中国官方通讯社当时报道称，他建立了一个团体。", "中国官方通讯社"),
        # a sort's word alone, and a place, a sort's word and a bank, even with its shares
        ("两国同意组建军事联盟，军事联盟表示将加强合作。", "军事联盟"),
        ("美国区域银行股价大跌，投资者担心危机蔓延。", "美国区域银行"),
        # a body's own of some sort (台新金旗下银行)
        ("台新金旗下银行及证券11月获利表现稳健。", "台新金旗下银行"),
        # a site, though it ends like a body (购物中心, 拘留所)
        ("军方指控快速支援部队抢劫和焚烧阿夫拉购物中心。", "阿夫拉购物中心"),
    ],
)
def test_descriptions_and_sites_are_no_organizations(body, description):
    assert description not in _kinds(body)


def test_a_surname_like_character_and_a_noun_is_no_name():
    # 献 | 金疑云: the tagger's person is a character of 献金 and 疑云, a noun no given name is
    view = "官房长官陷政治献金疑云，不信任案未过关。\n官房长官陷政治献金疑云。"
    start = view.index("金疑云")
    words = [Word(0, start, "n"), Word(start, start + 3, "PER"), Word(start + 3, len(view), "w")]
    assert "金疑云" not in _people_and_bodies(view, words)[0]


@pytest.mark.parametrize(
    ("body", "organization", "absent"),
    [
        # a name after a word for its sort, before a reporting verb: a body of that sort
        ("中国媒体第一财经今天报导，地方财政吃紧。", "第一财经", None),
        # not a person of the body, common nouns, nor a descriptor running into the name
        ("公司发言人表示，产品没有问题。", None, "发言人"),
        ("公司高管说，新疆是禁区。", None, "高管"),
        ("电脑品牌厂华硕宣布，软件获得核准。", None, "厂华硕"),
    ],
)
def test_a_name_after_a_word_for_its_sort_speaking(body, organization, absent):
    kinds = _kinds(body)
    assert (organization is None or kinds.get(organization) == "organization") and absent not in kinds, kinds


@pytest.mark.parametrize(("body", "absent"), [
    ("香港法院宣布延期至明年1月29日进行。", "法国"),  # 香港 | 法院: no 港 and 法
    ("李家超批评美国向香港法官施压，破坏香港法治。", "法国"),
    ("中美洲国家危地马拉的法院昨天下令释放她。", "美国"),  # 中 | 美洲: Central America
    ("台股外资与本土法人同步卖超。", "土耳其"),  # 本土 | 法人: no Turkey and France
])
def test_a_word_a_countrys_character_begins_is_no_country(body, absent):
    assert absent not in _kinds(body)


@pytest.mark.parametrize(("body", "absent", "kept"), [
    # a sector, no ministry
    ("即中国的「军民融合」，即中国的民用研究和商业部门与国防部门之间相互促进。", "china-mnd", None),
    ("他与法国外交部门就此案取得了进展。", None, "france-mfa"),  # a country's ministry, written so
])
def test_a_ministry_and_men_is_a_department_of_some_sort(body, absent, kept):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    keys = set(extract(parse_text(text)).entities)
    assert (absent is None or absent not in keys) and (kept is None or kept in keys), keys


@pytest.mark.parametrize(
    ("body", "unit", "company_key"),
    [
        # a company the catalog knows, then its line of business: a unit with a name of its own,
        # whether the tagger reads it in one word, in pieces or not at all
        ("瑞穗证券高级分析师中根康夫表示，这很难。", "瑞穗证券", "mizuho"),
        ("网易游戏今天发布新品。", "网易游戏", "netease"),
        ("丰田通商已开始在福岛县生产电池。", "丰田通商", "toyota"),
        ("瑞银全球财富管理首席投资官说，市场太乐观。", "瑞银全球财富管理", "ubs"),
        # with the legal ending that follows
        ("法國巴黎銀行資產管理公司駐香港的高級投資策略師說，這很難。", "法國巴黎銀行資產管理公司", "bnp-paribas"),
    ],
)
def test_a_company_and_its_line_of_business_name_a_unit(body, unit, company_key):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    entities = extract(parse_text(text)).entities
    assert {e.name: e.kind for e in entities.values()}.get(unit) == "organization", entities
    assert company_key not in entities, entities


@pytest.mark.parametrize(
    ("body", "company", "absent"),
    [
        # the line starts a longer word: the trade, a shop, the company's investors
        ("网易游戏业务收入增长。", "网易", "网易游戏"),
        ("印度首家苹果零售店开业。", None, "苹果零售"),
        # the catalog's own name for the company ends like a line (渣打银行)
        ("渣打银行预计比特币价格将会下跌。", "渣打银行", "渣打"),
        # a body that is no company (北约) has no business lines
        ("北约安全会议今天召开。", "北约", "北约安全"),
    ],
)
def test_a_line_of_business_that_makes_no_unit(body, company, absent):
    kinds = _kinds(body)
    assert (company is None or kinds.get(company) == "organization") and (absent is None or absent not in kinds), kinds


def _keys(body: str) -> dict[str, str]:
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    return {k: e.name for k, e in extract(parse_text(text)).entities.items()}


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # a company's last word
        ("两家公司是太阳能公司Enphase Energy和SolarEdge Technologies，股价大跌。", "organization:solaredge-technologies"),
        ("“这很难，”管理着1.2万亿美元资产的Natixis Investment Managers首席经济学家说。",
         "organization:natixis-investment-managers"),
        # a ticker in brackets; the legal form is no part of the key (Target (TGT) is Target Corp.)
        ("家得宝和Target (TGT)的财报将相继发布。", "organization:target"),
        ("Target Corp.的财报将发布。", "organization:target"),
        # data a company publishes
        ("Numerator的数据显示，2023年头三个月增长。", "organization:numerator"),
        ("根据Wind显示，股价上涨。", "organization:wind"),
        # the catalog's company, written with its legal form
        ("JPMorgan Chase & Co.的股价上涨。", "jpmorgan-chase"),
        # a legal form is a word of its own (not Ban | corp)
        ("U.S. Bancorp的股价下跌。", "organization:u-s-bancorp"),
    ],
)
def test_a_latin_company_by_its_shape(body, key):
    assert key in _keys(body)


@pytest.mark.parametrize(
    "body",
    [
        "CPI数据显示，通胀回落。",  # a measure's letters
        "据John Smith称，这很难。",  # a person's words, not data
        "他说Apple (iPhone) 很好。",  # no ticker: lower case in brackets
    ],
)
def test_latin_words_that_name_no_company(body):
    assert not any(k.startswith("organization:") for k in _keys(body)), _keys(body)


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a title written in Latin letters before a Chinese name (CEO熊文), in any sentence
        ("此外，奇遇CEO熊文已彻底离职，暂代CEO白鹏扮演救火队长的角色。", "熊文"),
        ("此外，奇遇CEO熊文已彻底离职，暂代CEO白鹏扮演救火队长的角色。", "白鹏"),
        ("据雷锋网，图森未来CEO吕程在一封全员信中公布，技术副总裁离职。", "吕程"),
    ],
)
def test_a_latin_title_before_a_chinese_name(body, person):
    assert _kinds(body).get(person) == "person", _kinds(body)


def test_the_authors_a_page_links_are_people_of_the_article():
    body = ('<p>正文很长。</p><div><a href="https://www.wsj.com/news/author/jack-pitcher" rel="author">'
            "Jack Pitcher</a><time>2023年5月15日</time></div>")
    article = parse_text(f"<!--1643120102000-->\n[标题](https://cn.wsj.com/articles/x)\n------\n{body}")
    found = extract(article)
    mention = next(m for m in found.mentions if m.key == "person:jack-pitcher")
    assert found.entities["person:jack-pitcher"].kind == "person"
    assert article.text[mention.start : mention.end] == "Jack Pitcher"


@pytest.mark.parametrize(
    ("body", "person", "absent"),
    [
        # a Japanese name the tagger cut after a title, in an article about Japan
        ("日本企业很难。瑞穗证券高级分析师中根康夫表示，这很难。", "中根康夫", "根康夫"),
        ("日本松下控股宣布投资。松下控股（HD）社长楠见雄规本月宣布将集中投资车载电池。", "楠见雄规", None),
        ("日本政坛动荡。检方向前参院干事长世耕弘成实施了询问。", "世耕弘成", "世耕弘"),
        # …then where it was said (茂木敏充 | 在记者会上), a given name ending in 充
        ("【共同社5月9日电】日本首相岸田文雄7日访问韩国。8日自民党干事长茂木敏充在记者会上作出如上肯定。", "茂木敏充", "茂木敏"),
        # a minister's title the tagger cut too (担当 | 相 | 高 | 市 | 早苗), a woman's given name
        ("【共同社5月23日电】日本首相岸田文雄表示，好。此后，经济安全保障担当相高市早苗致辞时略开玩笑地说：“我听着。”",
         "高市早苗", None),
        # words of the language after a title are no name (首脑 | 声明 | 中 | 也)
        ("日本首相岸田文雄出席。七国集团正在协调在首脑声明中也敦促经合组织展开探讨。", "岸田文雄", "声明中"),
    ],
)
def test_a_japanese_name_after_a_title(body, person, absent):
    kinds = _kinds(body)
    assert kinds.get(person) == "person" and (absent is None or absent not in kinds), kinds


@pytest.mark.parametrize(
    ("body", "medium"),
    [
        # a source alone before a comma, in pieces but ending like a medium's name
        ("第一段。据界面新闻，5月22日，叮咚买菜暂停业务。", "界面新闻"),
        ("第一段。据智通财经，哔哩哔哩涨3%。", "智通财经"),
        ("第一段。据上证报，从网易获悉，网易发布模型。", "上证报"),
    ],
)
def test_a_bare_source_in_pieces_names_a_medium(body, medium):
    assert _kinds(body).get(medium) == "organization", _kinds(body)


def test_a_bare_source_word_names_no_medium():
    assert not any(k == "organization" for k in _kinds("第一段。据了解，很好。据报道，很好。").values())


@pytest.mark.parametrize(
    ("body", "name", "kind", "absent"),
    [
        # a time frame's 时 is no name's end (在会见…菲佐 | 时)
        ("第一段。斯托尔滕贝格周四在会见斯洛伐克总理菲佐时对记者说：“普京不会停止。”", "菲佐", "person", "菲佐时"),
        # a sort of body before the quoted name, with or without a space (荷兰大报「民众报」)
        ("第一段。據荷蘭大報「民眾報」（De Volkskrant），放話威脅的人自稱代表。", None, None, "荷兰大报"),
        ("第一段。犹太学生组织 “哈佛希勒尔”（Hillel）的领导人说，很好。", None, None, "犹太学生组织"),
        # a verb of hosting after a body's name (关岛总督府 | 合办)
        ("第一段。與關島總督府合辦關島大學平板電腦捐贈典禮。", "關島總督府", "organization", "關島總督府合辦"),
        # a country's sort of company, though what follows says company (中国科技公司 | 市值)
        ("第一段。在监管政策收紧的情况下，中国科技公司市值不断缩水。", None, None, "中国科技公司"),
        # a photographer's title before the name (摄影师 | 杜米)
        ("第一段。摄影师杜米说：“这个女人很坚强。”", None, None, "师杜米"),
    ],
)
def test_descriptions_and_words_around_a_name_are_no_part_of_it(body, name, kind, absent):
    kinds = _kinds(body)
    assert (name is None or kinds.get(name) == kind) and absent not in kinds, kinds


def test_a_foreign_given_name_and_surname_read_as_two_people_are_one():
    # 葛莉塔 | 潔薇: the tagger's two people side by side, no dot between, are one name
    kinds = _kinds("第一段。芭比導演葛莉塔潔薇將任2024坎城影展評審團主席。")
    assert kinds.get("葛莉塔潔薇") == "person" and "潔薇" not in kinds and "葛莉塔" not in kinds, kinds


@pytest.mark.parametrize("body", [
    "第一段。鄭文燦表示，桃園會展中心預計明年10月正式啟用，第一場活動將在桃園會展中心舉辦。",
    "第一段。活動地點選在集思台大會議中心，柯文哲場次為早上10時開始。",
])
def test_venues_are_no_bodies(body):
    kinds = _kinds(body)
    assert not any(n.endswith(("會展中心", "會議中心", "音樂廳")) for n in kinds), kinds


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # a catalog name, then a body's word: the body's own office, in a sentence no one speaks in
        ("欧盟统计局的数据显示，通胀下降。", {"欧盟统计局": "organization"}, ()),
        ("德国联邦总统府发布消息。", {"德国联邦总统府": "organization"}, ()),
        # a church the tagger reads as a place is a body by its suffix
        ("台灣基督長老教會發表聲明。", {"台灣基督長老教會": "organization"}, ()),
        # two bodies joined by 联同 are no one body
        ("保安局聯同律政司發表聲明。", {}, ("保安局聯同律政司",)),
        # countries' one-character forms together are no place
        ("中日韩三国领导人会晤，日韩关系改善。", {}, ("中日韩", "日韩")),
    ],
)
def test_bodies_named_by_their_word_and_compounds_of_countries(body, present, absent):
    kinds = _kinds(body)
    assert all(kinds.get(name) == kind for name, kind in present.items()), kinds
    assert not set(absent) & set(kinds), kinds


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # a second title after 兼 is no part of the name after it
        ("明報指出，中國國務委員兼外長秦剛1日在北京會晤了特使。", {"秦刚": "person"}, ("兼外長秦剛", "兼外长秦刚")),
        # a people, named by what its members are
        ("秦剛此行斡旋緬甸與孟加拉的關係，包括遊說緬、孟雙方進一步協調遣返及安置羅興亞難民的政策。", {},
         ("羅興亞", "罗兴亚")),
        # an army's word after 军 (军力, 军援): no army
        ("美國國防部最新「中國軍力報告」指出，中國軍力不斷增強。", {}, ("中國軍", "中国军")),
    ],
)
def test_titles_peoples_and_words_an_army_begins_are_no_names(body, present, absent):
    kinds = _kinds(body)
    assert all(kinds.get(name) == kind for name, kind in present.items()), kinds
    assert not set(absent) & set(kinds), kinds


def test_a_bracketed_acronym_names_a_body_whose_name_joins_two_fields():
    # 与 between two common nouns is inside the name, no joint of two bodies (CJPME)
    kinds = _kinds("加拿大中东正义与和平倡导组织（CJPME）副主席迈克尔·布克特说，加拿大应该谨慎。")
    assert kinds.get("加拿大中东正义与和平倡导组织") == "organization", kinds


def _outlet_kinds(url: str, body: str) -> dict[str, str]:
    text = f"<!--1643120102000-->\n[标题]({url})\n------\n<p>{body}</p>"
    return {k: e.kind for k, e in extract(parse_text(text)).entities.items()}


def test_a_local_outlets_short_form_is_its_own_citys_only_where_no_other_country_is_named():
    # an RTHK story that names no country: 教育局 and 特區政府 are Hong Kong's
    keys = _outlet_kinds("https://news.rthk.hk/rthk/ch/component/k2/1.htm",
                         "教育局提醒家長多關心子女。相信新一屆區議會在特區政府統籌領導下擔當橋樑。")
    assert "hk-education-bureau" in keys and "hong-kong-government" in keys, keys
    # a CNA story of Venezuela: its 總統府 is no Taiwanese body
    keys = _outlet_kinds("https://www.cna.com.tw/news/aopl/1.aspx", "委內瑞拉總統馬杜洛在卡拉卡斯總統府接見沙柏。")
    assert "taiwan-presidential-office" not in keys, keys


def test_latin_names_with_accents_after_a_title_and_a_space_and_hyphenated_names():
    kinds = _kinds("黎智英要求聘用英國御用大律師 Tim Owen 抗辯。土耳其官员Mesut Hançer说，好。")
    assert kinds.get("Tim Owen") == "person" and kinds.get("Mesut Hançer") == "person", kinds
    # a company's form inside a foreign name joined by a hyphen is no company (海尔-塞拉西)
    kinds = _kinds("非洲统一组织成立，海尔-塞拉西一世和夸梅-恩克鲁玛都出席。俄罗斯-乌克兰战争持续。")
    assert "海尔" not in kinds and kinds.get("俄罗斯") == "place", kinds


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a name the article gives a person instead of theirs (化名), after an age, a person
        # word or 的
        ("18歲少女阿思(化名)去年備戰文憑試，感到非常挫敗。", "阿思"),
        ("6歲男生健仔(化名)一度企圖爬窗。", "健仔"),
        ("17歲的阿俊(化名)在學校受到欺凌。", "阿俊"),
    ],
)
def test_a_pseudonym_is_a_person(body, person):
    kinds = _kinds(body)
    assert kinds.get(person) == "person", kinds


@pytest.mark.parametrize(
    "body",
    [
        "詹森派認為，人性本惡。",  # a school named after someone (派)
        "郭立場堅定，他說，不會改變。",  # a surname and a stance (立场), no given name
    ],
)
def test_no_person_in_a_faction_or_a_surname_and_a_word(body):
    assert "person" not in _kinds(body).values(), _kinds(body)


def _discovered(body: str) -> set[tuple[str, str]]:
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    return {(e.kind, e.name) for e in extract(parse_text(text)).entities.values() if e.origin == "discovered"}


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        # the body's word the tagger left after the name, each time (士林地方 | 法院)
        ("案經1年多的審理，士林地方法院今天做出一審判決。</p><p>士林地方法院新聞資料指出，林男犯貪污罪。",
         ("organization", "士林地方法院"), ("organization", "士林地方")),
        # a Japanese name after a person's word, whatever the tagger calls it
        ("日本隊總教練川口朋保表示，台灣的投手很厲害。</p><p>川口朋保賽後表示，他們的打線很強。",
         ("person", "川口朋保"), ("organization", "川口朋保")),
        # a Chinese name right after the school it belongs to: a student
        ("市府指出，台南應用科技大學陳珞綺在嬰兒時期經檢查發現為全盲。", ("person", "陳珞綺"), ("organization", "陳珞綺")),
        # a weapon's name before its kind most times: a thing, no body
        ("烏克蘭利用美國愛國者導彈系統擊落飛彈。</p><p>俄方稱摧毀了一個愛國者防空導彈系統，愛國者導彈的能力受到質疑。",
         None, ("organization", "愛國者")),
        # a company's Latin name with its legal form, punctuation and all, glosses no person
        ("零售商沃爾瑪(Walmart Inc., WMT)、家得寶(Home Depot Inc., HD)和Target公布財報。", None, ("person", "得寶")),
    ],
)
def test_the_kind_and_the_edges_of_a_tagged_name(body, present, absent):
    found = _discovered(body)
    assert present is None or present in found, found
    assert absent not in found, found


def test_a_title_and_its_verb_after_ju_name_no_body():
    found = _discovered("法国内政部长热拉尔-达尔马宁说，凶手已被判刑。据内政部长称，遇害者是一名德国游客。")
    assert not any(kind == "organization" for kind, _ in found), found


def test_two_known_places_joined_by_a_hyphen_are_no_third_place():
    found = _discovered("一项调查发现，53.3%的西班牙人认为他们的国家应该在解决以色列-巴勒斯坦战争方面发挥更积极的作用，"
                        "27.8%的人认为马德里应该远离冲突。")
    assert ("place", "以色列-巴勒斯坦") not in found, found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a credit line of its own names its photographer: agency/name, name/agency, name for the NYT
        ("鸿蒙发布会。</p><p>Reuters/Tingshu Wang</p><p>鸿蒙被视为华为的尝试。", "Tingshu Wang"),
        ("福建舰进行了首次海试。</p><p>Ding Ziyu/Xinhua, via Associated Press</p><p>海试很成功。", "Ding Ziyu"),
        ("好。</p><figure><figcaption>集团走私进入美国。 <cite>Daniele Volpe for The New York Times</cite>"
         "</figcaption></figure><p>走私很多。", "Daniele Volpe"),
        # …and BBC's 图片版权 before the name, then its caption's label
        ("故事。</p><p>图片版权ROB NORTHWAY Image caption 朱尔斯在家</p><p>好。", "ROB NORTHWAY"),
    ],
)
def test_credit_lines_name_their_photographers(body, person):
    kinds = _kinds(body)
    assert kinds.get(person) == "person", kinds


@pytest.mark.parametrize(
    ("body", "organizations"),
    [
        # a country and a word for bodies of a sort: that country's ones, no name
        ("该研究分析了在英国医院住院的496名患者的数据。", set()),
        ("荷兰俱乐部阿尔克马尔和埃因霍温的青年队将进行对战。", set()),
        # …but a city's hospital is one hospital
        ("北京医院表示，病人情况稳定。", {"北京医院"}),
        # a sort described (国际, 伊斯兰): no name
        ("中国证监会曾与主要国际投资银行高层召开线上会议。", {"中国证券监督管理委员会"}),
        # a name and a piece of the verb after it (所 | 说, 报 | 导): the medium before 报导
        ("正如巴索莱特所说，其中一些父亲是激进的宗教理论家。", set()),
        ("据信德海事网报导，梅山码头已发布通知。", {"信德海事网"}),
    ],
)
def test_descriptions_and_names_run_into_a_verb_are_no_organizations(body, organizations):
    found = {name for name, kind in _kinds(body).items() if kind == "organization"}
    assert found == organizations, found


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # two Latin words in Chinese text, one a romanized surname: a person's own Latin name
        ("在中国杭州一间公寓里，Baird Zhu看着Justin Gong的眼睛宣读他的结婚誓言。", {"Baird Zhu", "Justin Gong"}),
        ("犹他郡的书记官在Zoom上一起见证Xu Yanzhou和Zhu Xiaoming的结婚仪式。", {"Xu Yanzhou", "Zhu Xiaoming"}),
        # …not a place or a thing beside the surname, nor a gloss in brackets of the name before
        ("他前往Hong Kong出差，又去了Lee County。", set()),
        ("京东创始人刘强东(Richard Liu)表示，将继续投资。", {"刘强东"}),
        # a full Latin name whose surname alone speaks later (Jacob Rothman … Rothman说)
        ("在华经营工厂的Jacob Rothman已经在中国生活了30年。Rothman说，他一直在考察墨西哥的工厂。", {"Jacob Rothman"}),
    ],
)
def test_latin_names_with_a_romanized_surname_are_people(body, people):
    found = {name for name, kind in _kinds(body).items() if kind == "person"}
    assert found == people, found


def test_a_latin_name_listed_beside_a_romanized_one_is_a_person_and_its_surname_speaks_for_it():
    body = ("图为汇隆实业的同事Chen Jingqiu、Su Binchan和Jacob Rothman。</p><p>Rothman说，"
            "他还一直在考察墨西哥和土耳其的工厂。")
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    result = extract(parse_text(text))
    assert result.entities["person:jacob-rothman"].kind == "person"
    assert [(s.speaker_key, s.verb) for s in result.statements] == [("person:jacob-rothman", "说")]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a region's ending after text no catalog explains is a sign of a name the tagger reads,
        # in a sentence where no one speaks
        ("该党在旁遮普省和信德省都成为最大的反对党。", "旁遮普省"),
        ("西澳州的灾情严重，多条道路中断。", "西澳州"),
    ],
)
def test_a_region_no_catalog_lists_is_read_where_no_one_speaks(body, place):
    assert _kinds(body).get(place) == "place"


def test_a_federal_state_or_a_big_city_is_no_place_name():
    kinds = _kinds("德国各联邦州都在大城市设立了接待中心。")
    assert "联邦州" not in kinds and "大城市" not in kinds


def test_a_catalog_latin_name_inside_a_hyphenated_one_is_none():
    assert "亚洲" not in _kinds("据“Asia-Plus”报道，俄罗斯将向杜尚别提供赠款。")


def test_a_chinese_name_opening_with_a_place_is_a_person_before_a_verb():
    # 韩 is a surname and 韩国 a country: 韩国瑜 right before 表示 is a person, 韩国队 no one
    kinds = _kinds("国民党的韩国瑜表示，支持这个方案。")
    assert kinds.get("韩国瑜") == "person", kinds


def test_a_japanese_name_opening_with_a_place_and_its_family_name_alone_are_a_person():
    # 加纳 is Ghana in the catalog and a Japanese family name: after a person's word, with a
    # given name, it opens a name the tagger must read; alone later in that story, the person
    body = "日本选手加纳虹辉击败了对手。加纳在决赛中发挥出色。"
    kinds = _kinds(body)
    assert kinds.get("加纳虹辉") == "person" and "加纳" not in kinds, kinds
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    mentions = {m.surface: m.key for m in extract(parse_text(text)).mentions}
    assert mentions.get("加纳") == mentions.get("加纳虹辉"), mentions


def test_a_people_written_before_a_dotted_name_is_no_part_of_it():
    kinds = _kinds("在昆士兰州的一个工业区里，加米拉艾人雅各布·伯奇(Jacob Birch)忙碌于建立一个本地谷物产业。")
    assert kinds.get("雅各布·伯奇") == "person" and not any("人雅各布" in name for name in kinds), kinds


def test_a_person_the_article_names_wins_over_a_catalog_place_crossing_it():
    # 委员 | 林文耀: the catalog's 员林 (a town) straddles the title and the name
    kinds = _kinds("另一名领证的新加坡商会委员会委员林文耀说，申请过程顺畅。")
    assert kinds.get("林文耀") == "person" and "员林" not in kinds, kinds


def test_a_name_at_the_edge_of_what_the_tagger_reads_is_read_whole():
    kinds = _kinds("【共同社7月5日电】(记者:许欣斐)日本光雕艺术家古川游、中国皮影戏艺术家柴广义的“光影共鸣展”5日在东京拉开帷幕。")
    assert kinds.get("柴广义") == "person" and "柴广" not in kinds, kinds


def test_two_characters_ending_in_the_next_words_first_are_no_name():
    kinds = _kinds("身为不分区领头的黄珊珊、黄国昌投入参选机会高，其余不分区当选人也可转战小型的省辖市。")
    assert "余不" not in kinds, kinds


def test_brands_listed_before_a_sort_of_body_are_bodies():
    kinds = _kinds("一些用户抱怨无法入住中国城市的喜来登、万豪和凯悦等国际连锁酒店。")
    assert all(kinds.get(name) == "organization" for name in ("喜来登", "万豪", "凯悦")), kinds


def test_a_captions_credit_in_brackets_names_a_person_after_its_source():
    kinds = _kinds("伯奇希望本地谷物成为主食。(ABC Sunshine Coast: Jessica Ross)</p><p>这是一部纸牌游戏(Magic: The Gathering)。")
    assert kinds.get("Jessica Ross") == "person" and "The Gathering" not in kinds, kinds


def test_a_photo_credit_for_a_paper_and_a_credit_line_with_the_paper_name_people():
    kinds = _kinds("特朗普的许多支持者持怀疑态度。 图片来源：Sophie Park for WSJ</p><p>Damon Winter/The New York Times</p>"
                   "<p>拜登面临越来越大的压力。")
    assert kinds.get("Sophie Park") == "person" and kinds.get("Damon Winter") == "person", kinds


def test_a_latin_name_after_a_title_then_a_verb_that_ends_like_a_body_is_a_person():
    kinds = _kinds("会议由民主党州长协会主席、明尼苏达州州长Tim Walz组织。")
    assert kinds.get("Tim Walz") == "person" and "Tim Walz组织" not in kinds, kinds


def test_a_dotted_transliteration_after_a_person_word_is_read():
    kinds = _kinds("但是，由组织心理学家巴里·斯托领导的数十年研究发现，人们容易坚持下去。")
    assert kinds.get("巴里·斯托") == "person", kinds


def test_a_mission_the_tagger_read_as_a_place_is_none():
    kinds = _kinds("驻日本大使吴江浩会见俄罗斯驻日使馆临时代办奥维科，双方高度评价两国关系发展。")
    assert "日使馆" not in kinds and kinds.get("奥维科") == "person", kinds


def test_one_who_contributed_reporting_is_a_person():
    kinds = _kinds("柬埔寨否认中国有更大的意图。</p><p>Sun Narin自金边对本文有报道贡献。")
    assert kinds.get("Sun Narin") == "person", kinds


def test_a_japanese_name_before_a_comma_is_whole():
    # the view writes "，" as ","; a name that ends before it ends there
    kinds = _kinds("此前，中国外交部副部长孙卫东13日召见日本驻华大使金杉宪治，对高市早苗的说法提出交涉。")
    assert kinds.get("金杉宪治") == "person", kinds
