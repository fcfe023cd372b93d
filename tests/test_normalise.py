import pytest

from kb.normalise import normalise, normalise_key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("斯托爾滕貝格", "斯托尔滕贝格"),
        ("Stoltenberg", "stoltenberg"),
        ("ＮＡＴＯ", "nato"),
        ("安東尼‧布林肯", "安东尼·布林肯"),
        ("安东尼•布林肯", "安东尼·布林肯"),
        ("費南多．奎維多", "费南多·奎维多"),  # a full stop between characters is a name's dot
        ("版本1.2", "版本1.2"),
        ("  北約  ", "北约"),
    ],
)
def test_keys(raw, key):
    assert normalise_key(raw) == key


def test_offsets_map_back_to_original():
    original = "北約秘書長  斯托爾滕貝格（Jens Stoltenberg）說"
    view = normalise(original)
    start = view.text.index("斯托尔滕贝格")
    assert view.original_slice(start, start + 6) == "斯托爾滕貝格"
    start = view.text.index("jens")
    assert view.original_slice(start, start + len("jens stoltenberg")) == "Jens Stoltenberg"


def test_lines_survive():
    assert normalise("a\nb").text == "a\nb"


def test_a_radical_typed_for_the_enumeration_comma_is_one():
    assert normalise("骆惠宁丶郑雁雄").text == "骆惠宁、郑雁雄"


def test_a_rare_character_typed_for_city_is_city():
    # 巿 (fú) looks like 市 and stands for it in news text; the stored text keeps it
    view = normalise("貝爾格勒巿中心")
    assert view.text == "贝尔格勒市中心"
    assert view.original == "貝爾格勒巿中心"


def test_straight_double_quotes_open_and_close_in_turn():
    view = normalise('他说"我们需要规划。"\n"一段引语没有结束\n"好的。"他说')
    assert view.text == "他说“我们需要规划。”\n“一段引语没有结束\n“好的。”他说"


def test_a_closing_mark_typed_after_a_colon_opens_the_quotation():
    view = normalise("纳伊姆说：”阿富汗战争已经结束。”他表示").text
    assert view == "纳伊姆说:“阿富汗战争已经结束。”他表示"  # (the colon folds to its ASCII form)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        # an opening mark typed where the quotation closes, right before its attribution
        ("“我们遇到了从未经历过的洪水“，班斯说。", "“我们遇到了从未经历过的洪水”,班斯说。"),
        # …not a term's marks, nor a mark that opens the next quotation
        ("他说“好“。", "他说“好“。"),
        ("“甲乙丙丁”，“戊己庚辛”。", "“甲乙丙丁”,“戊己庚辛”。"),
    ],
)
def test_an_opening_mark_typed_to_close_a_quotation_closes_it(text, view):
    assert normalise(text).text == view


def test_a_curly_apostrophe_inside_a_latin_word_is_an_apostrophe():
    assert normalise("快餐连锁店McDonald’s表示").text == "快餐连锁店mcdonald's表示"


def test_hong_kongs_variant_of_wei_reads_as_simplified():
    assert normalise("衞生防護中心").text == "卫生防护中心"


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("今年 7 月向众议院表示", "今年7月向众议院表示"),  # a date typed with spaces is one date
        ("1977 年吉米·卡特", "1977年吉米·卡特"),
        # between Latin words and Chinese too (敦促 G7 盟友: the verb and its object); between
        # Latin words, kept
        ("Devon Archer 今年", "devon archer今年"),
        ("敦促 G7 盟友今年加强制裁", "敦促g7盟友今年加强制裁"),
    ],
)
def test_spaces_around_numbers_in_chinese_go(text, view):
    normalised = normalise(text)
    assert normalised.text == view
    start = view.index("年")
    assert normalised.original_slice(start, start + 1) == "年"


def test_latin_accents_fold_in_the_view_and_stay_in_the_original():
    text = normalise("媒體Aktuálně記者Erdoğan")
    assert text.text == "媒体aktualne记者erdogan"
    assert text.original_slice(2, 10) == "Aktuálně"


def test_characters_of_no_width_are_no_part_of_the_view():
    text = normalise("据“Asia-Plus”\u200b\u200b报道，俄罗斯")
    assert text.text == "据“asia-plus”报道,俄罗斯"
    assert text.original_slice(0, len(text.text)) == "据“Asia-Plus”\u200b\u200b报道，俄罗斯"
