"""Where the tagger runs (kb/extract/focus.py), and what it finds where it runs."""

import pytest

from kb.extract import extract
from kb.extract.entities import scan
from kb.extract.focus import focus
from kb.extract.names import tagged_names
from kb.extract.rules import Rules, default_rules
from kb.extract.tagger import Word, default_tagger
from kb.extract.text import sentence_spans
from kb.normalise import normalise
from kb.parse import parse_text


def stretches(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    rules = default_rules()
    view = normalise(text).text
    found = focus(view, sentence_spans(view), scan(view, rules.matcher), rules)
    return [view[a:b] for a, b in found.spans], [(view[w.start : w.end], w.tag) for w in found.words]


@pytest.mark.parametrize(
    ("text", "tagged", "known"),
    [
        # The catalog names the speaker and the lexicon the time: nothing for the tagger.
        ("北约秘书长斯托尔滕贝格周一表示，北约不会退让。", [], [("周一", "TIME")]),
        ("普京当地时间10月3日晚间说：“我们准备好了。”", [], [("当地时间10月3日晚间", "TIME")]),
        ("他随后强调，局势紧张。", [], [("他", "r"), ("随后", "c")]),
        # An unknown subject: its clause, up to the verb.
        ("一名不愿具名的官员透露，谈判已经破裂。", ["一名不愿具名的官员透露"], []),
        # A title before a name the catalog does not know: the clause around them.
        ("外交部发言人万明达说，中方反对制裁。", ["外交部发言人万明达说"], []),
        # Signs of a name: an honorific after it, a person word before it, transliteration.
        ("家长林先生带着孩子到场。", ["家长林先生带着孩子到场"], []),
        ("（编辑：张芷瑄）", ["(编辑:张芷瑄)"], []),
        ("格什科维奇仍被关押在莫斯科。", ["格什科维奇仍被关押在莫斯科"], []),
        ("被告为简梓滨、连俊雄及卓嘉豪。", ["被告为简梓滨、连俊雄及卓嘉豪"], []),
        # A verb run straight into its content: the words after it are read too.
        ("布林肯强调西方的团结非常重要。", ["布林肯强调西方的团结非常重要。"], []),
        # A clause without a subject of its own takes it from the sentence's start.
        ("共和国总统深表关切，并表示，需要集体努力。", ["共和国总统深表关切,并表示"], []),
        # A county's or city's own government (no verb in the sentence), but not a sort of
        # government (盟国政府) after words the catalog does not know.
        ("台东县政府5日举行说明会，邀集业者。", ["台东县政府5日举行说明会,邀集业者。"], []),
        ("盟国政府纷纷跟进。", [], []),
        # an age, or a relative's word, before a name no catalog lists
        ("92岁的林武云是军人。", ["92岁的林武云是军人"], []),
        ("其已逝妻子隋立松是军医。", ["其已逝妻子隋立松是军医"], []),
        # Neither speech nor a sign of an unknown name.
        ("北约与俄罗斯的会谈在布鲁塞尔举行。", [], []),
    ],
)
def test_focus(text, tagged, known):
    spans, words = stretches(text)
    assert spans == tagged
    assert words == known


def test_the_tagger_reads_each_span_whole_and_nothing_else():
    text = "斯托尔滕贝格说，北约不会退让。另一句没有人说话。"
    spans = [(0, 6), (8, 14)]
    words = default_tagger().tag(text, spans)
    for start, end in spans:
        inside = [w for w in words if start <= w.start < end]
        assert inside[0].start == start and inside[-1].end == end
        assert all(a.end == b.start for a, b in zip(inside, inside[1:], strict=False))
    assert all(any(s <= w.start and w.end <= e for s, e in spans) for w in words)


def test_texts_tagged_together_get_the_words_each_gets_alone():
    """The loader tags several articles in shared batches; a text's words must not depend on
    its neighbours (spans of one length from different texts share a batch here)."""
    texts = [
        ("斯托尔滕贝格说，北约不会退让。", [(0, 6), (7, 14)]),
        ("吴瑞北表示，台大将调查此事。外交部发言人说，会继续沟通。", [(0, 5), (6, 13), (14, 20)]),
        ("", []),
        ("拉夫罗夫敦促布林肯遵守协议。", [(0, 13), (3, 3)]),
    ]
    tagger = default_tagger()
    together = tagger.tag_many(texts)
    assert together == [tagger.tag(text, spans) for text, spans in texts]
    assert [len(words) > 0 for words in together] == [True, True, False, True]


def test_a_name_ends_where_a_reporting_verb_begins():
    """The tagger may take a verb's first character into a name (拉夫罗夫敦 | 促)."""
    view = "拉夫罗夫敦促布林肯遵守协议。"
    words = [Word(0, 5, "PER"), Word(5, 6, "v"), Word(6, 9, "PER"), Word(9, 11, "v")]
    names = {n.form for n in tagged_names(view, words, default_rules().names, {})}
    assert "拉夫罗夫敦" not in names and "拉夫罗夫" in names


def test_full_tagging_is_a_setting():
    assert Rules(default_rules().catalog, tagging="full").tagging == "full"
    with pytest.raises(ValueError):
        Rules(default_rules().catalog, tagging="sometimes")


@pytest.mark.parametrize("tagging", ["focused", "full"])
def test_both_taggings_find_the_unknown_speaker(tagging):
    rules = Rules(default_rules().catalog, tagging=tagging)
    body = "台湾大学教授吴瑞北表示，校方应该公开所有文件。"
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    found = extract(parse_text(text), rules)
    assert [(s.speaker_text, s.text) for s in found.statements] == [
        ("台湾大学教授吴瑞北", "校方应该公开所有文件")
    ]
