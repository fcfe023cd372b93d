"""Table-driven tests of the extractor on short texts (not the seeds' sentences)."""

from pathlib import Path

import pytest

from kb.extract import extract
from kb.parse import parse_text


def run(body: str):
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>{body}</p>"
    return extract(parse_text(text))


def statements(body: str):
    return [(s.speaker_key, s.verb, s.text, s.anonymous) for s in run(body).statements]


def speakers_and_verbs(body: str):
    return [(s.speaker_key, s.verb) for s in run(body).statements]


@pytest.mark.parametrize(
    ("body", "speaker", "verb", "content"),
    [
        ("普京周四表示，俄罗斯不会让步。", "vladimir-putin", "表示", "俄罗斯不会让步"),
        ("北約秘書長斯托爾滕貝格說：“北約不會退讓。”", "jens-stoltenberg", "說", "北約不會退讓。"),
        ("“我们准备好了，”拉夫罗夫说。", "sergey-lavrov", "说", "我们准备好了，"),
        # verbs of retort and of quoting (lexicon reporting_verbs)
        ("瓦格纳集团首脑普里戈任反讥，乌克兰的攻势在地面。", "yevgeny-prigozhin", "反讥", "乌克兰的攻势在地面"),
        # a noun phrase after a verb of saying, then its predicate: what was said (not a thing said of)
        ("资深社工梁文凯称身边人的赞赏和鼓励，有助青少年加强抗逆能力，寄语父母多表达正面意见。", "person:zh-梁文凯", "称",
         "身边人的赞赏和鼓励，有助青少年加强抗逆能力"),
        ("跳水运动员赵显峻说今日的风势，中间航道较有优势，他已尽量尝试紧贴。", "person:zh-赵显峻", "说",
         "今日的风势，中间航道较有优势，他已尽量尝试紧贴"),
        # the information a body issued says (X发布的信息称): the body
        ("中国外交部发布的信息称，双方同意保持沟通。", "china-mfa", "称", "双方同意保持沟通"),
        # a piece published under its quoted title (发表“…”一文指出): the publisher speaks
        ("德国《经济周刊》发表“中国利用墨西哥作为进入美国的门户”一文指出，中国也发现了墨西哥的地理优势。",
         "organization:zh-经济周刊", "指出", "中国也发现了墨西哥的地理优势"),
        # an outlet that learned something (路透社获悉) reports it; learned from no one named
        ("尽管欧盟方面并没有公布表决结果，但路透社仍获悉，法国和西班牙支持引入特别关税。", "reuters", "获悉",
         "法国和西班牙支持引入特别关税"),
        # a verb made a noun by a light verb (进行了嘲讽), then a colon, a space and the quotation
        ("《环球时报》还对互联网巨头进行了嘲讽: “一些国家坚持的模式可能造成新的安全威胁。”", "global-times", "嘲讽",
         "一些国家坚持的模式可能造成新的安全威胁。"),
        # verbs of stating hard (力陈, 痛陈)
        ("资深大律师彭耀鸿又力陈，声明内容只是重申当时的共识。", "person:zh-彭耀鸿", "力陈", "声明内容只是重申当时的共识"),
        ("“我们确认了目标，”美国总统拜登如是说。", "joe-biden", "如是说", "我们确认了目标，"),
        # a quotation before a subject that opens with a relative clause (管理资产的…)
        ("“技术面偏离正常水平，”管理资产的首席策略师王小明说。", "person:zh-王小明", "说", "技术面偏离正常水平，"),
        ("据白宫介绍，会谈持续了两个小时。", "white-house", "介绍", "会谈持续了两个小时"),
        ("美国国防部发言人柯比（John Kirby）说，美军已进入待命状态。", "john-kirby", "说", "美军已进入待命状态"),
        ("克里姆林宫说，普京将访问北京。", "kremlin", "说", "普京将访问北京"),
        # a place after 在, then a channel or a speech occasion before the verb (在教会致词提到)
        ("赖清德在教会致词提到，希望扛起更大责任。", "lai-ching-te", "提到", "希望扛起更大责任"),
        ("基辅市负责人波普科在社群媒体Telegram发表评论说，轰炸非常密集。", "person:zh-波普科", "说", "轰炸非常密集"),
        # a title chain bound by 驻 is one subject, whatever circumstance follows it
        ("中国驻加拿大大使卢沙野曾在事件发生后评价说，这是背叛。", "person:zh-卢沙野", "评价说", "这是背叛"),
        # a quoted publication's name with what it is: the source, past its quote marks
        ("根据『前线』网站报道，泰国总理赛塔周二敦促各方停火。", "organization:zh-前线", "报道", "泰国总理赛塔周二敦促各方停火"),
        ("据《星岛》周刊报道，赵立坚表示将访问北京。", "singtao", "报道", "赵立坚表示将访问北京"),
        # a capital speaks for its country; a city named as one (北京市) for itself
        ("北京表示，将加强合作。", "china", "表示", "将加强合作"),
        ("北京市表示，将加强防疫。", "beijing", "表示", "将加强防疫"),
        # 和 inside the subject's title chain joins regions, no circumstance (欧洲、中东和非洲地区副总裁)
        ("Trilex欧洲、中东和非洲地区副总裁费边·里奇（Fabian Ritchie）表示，市场正在复苏。", "person:fabian-ritchie",
         "表示", "市场正在复苏"),
        # a quoted outlet's name right before the verb speaks (「华尔街日报」报导)
        ("「華爾街日報」報導，蘋果將在印度擴產。", "wall-street-journal", "報導", "蘋果將在印度擴產"),
        # whose words a source clause cites, with no verb (按埃尔多安的说法，…)
        ("按埃尔多安的说法，这是土耳其80多年来最严重的灾难。", "recep-tayyip-erdogan", "说法", "这是土耳其80多年来最严重的灾难"),
        ("根据克里姆林宫的说法，普京与拉马福萨通了电话。", "kremlin", "说法", "普京与拉马福萨通了电话"),
        # the issuer of a document a source clause cites (据X发布的Y，…)
        ("另据韩国国家安保室第一次长金泰孝当天发布的上述会谈内容，两位领导人商定新设对话机制。", "person:zh-金泰孝",
         "发布", "两位领导人商定新设对话机制"),
        ("据国家统计局周一发布的数据，中国经济增长5%。", "nbs-china", "发布", "中国经济增长5%"),
        # a country, an office the title list names and its holder: the holder (总检察长)
        ("乌克兰总检察长科斯汀在社媒上表示，俄罗斯在夜间发动袭击。", "person:zh-科斯汀", "表示", "俄罗斯在夜间发动袭击"),
        # a place, a word the tagger misreads, a title and a name: the name speaks (台湾 | 联电 | 前董事长X)
        ("台灣聯電前董事長曹興誠5月1日在台灣人公共事務會（FAPA）40週年慶祝晚會上指出，中國說中華民國已經滅亡。",
         "person:zh-曹兴诚", "指出", "中國說中華民國已經滅亡"),
        # speaking as the channel before the verb (发言表示)
        ("国民党主席朱立伦发言表示，将团结一致。", "person:zh-朱立伦", "表示", "将团结一致"),
        # a title joined by 兼 to a role (记者兼政治分析家X)
        ("记者兼政治分析家胡德·法里德表示，议会将解散。", "person:zh-胡德·法里德", "表示", "议会将解散"),
        # 并称 after an act that is no speech: the act's subject says it
        ("南非对联合国大会的决议投了弃权票，并称它是公正的。", "south-africa", "称", "它是公正的"),
        # a verb that only goes on a statement, after a channel of speech (宣读声明，形容…)
        ("孟晚舟宣读声明，形容案件令她的生活翻天覆地。", "person:zh-孟晚舟", "形容", "案件令她的生活翻天覆地"),
        # a report word opening a paragraph (报导指) is the newspaper's that reported before, even
        # where the tagger reads 报 | 导指
        ("据英国《金融时报》报导称，央行的影响力已经减弱。</p><p>报导指，北京还成立了国家金融监督管理总局。",
         "financial-times", "指", "北京还成立了国家金融监督管理总局"),
        # in a newspaper's report, a body that acts before the verb speaks itself
        ("《金融时报》报导称，市场疲弱。</p><p>报导指，中国英国商会在立场文件中提出建议，称数据安全是首要挑战。",
         "organization:zh-中国英国商会", "称", "数据安全是首要挑战"),
        # the piece an article reviews (文章认为) speaks as its writer, where one is named
        ("瑞士《新苏黎世报》刊发了由退休驻华记者Urs Schoettli撰写的评论。</p><p>文章认为，美国离不开日本和印度。",
         "person:urs-schoettli", "认为", "美国离不开日本和印度"),
        # a name after a title, then the day and whom it was said to (党首泉健太8日向媒体强调), where
        # the tagger read the name short and the day in two
        ("立宪民主党党首泉健太8日向媒体强调：“希望能推进两国的理解。”", "kenta-izumi", "强调",
         "希望能推进两国的理解。"),
        # a relative clause before a titled name (莫斯科任命的…行政长官X（…）在…上表示): the name speaks
        ("莫斯科任命的克里米亚行政长官阿克索诺夫（Sergei Aksyonov）在社交媒体上表示，一枚导弹被击落。",
         "person:sergei-aksyonov", "表示", "一枚导弹被击落"),
        # a feeling shown before the verb (表达不快称) is manner, not the verb's subject or object
        ("自民党代理政调会长西田昌司接受采访时表达不快称：“日本不能采取让步的态度。”", "person:zh-西田昌司", "称",
         "日本不能采取让步的态度。"),
        # a name and its term of address (米德先生解释), after 因为
        ("改道不仅会影响石油。因为米德先生解释，全球有12%的贸易经由红海进行。", "person:zh-米德", "解释",
         "全球有12%的贸易经由红海进行"),
        # a body named in quotes speaks (“零食很忙”表示), though the quote is too short to be a quotation
        ("在其公关代表发表的一份声明中，“零食很忙”表示，扩张是需求强劲的结果。", "organization:zh-零食很忙", "表示",
         "扩张是需求强劲的结果"),
        # by whom, then the channel, right before 称 (他透过社工接受访问称…)
        ("6歲男生健仔(化名)一度企圖爬窗。</p><p>他透過社工接受訪問稱不喜歡上學的主因是「老師」。", "person:zh-健仔",
         "稱", "不喜歡上學的主因是「老師」"),
        # a post of two places (驻香港及澳门总领事) is one title chain to the name, glossed in Latin
        ("英國駐香港及澳門總領事戴偉紳（Brian Davidson）近日接受「南華早報」專訪時說，英國期待與港方互動。",
         "person:brian-davidson", "說", "英國期待與港方互動"),
        # a document (祭文) goes on (续称) as the body that issued it, named in quotes
        ("遇难者家属组织「天安门母亲」在网上发表周年祭文。</p><p>祭文续称，难属的遗愿依然与群体同在。",
         "organization:zh-天安门母亲", "续称", "难属的遗愿依然与群体同在"),
        # …or after an interview, the occasion it is said in (接受本台專訪，承認…)
        ("教育局首席助理秘書長何慕琪接受本台專訪，承認疫後難免有個別老師擔心進度。", "person:zh-何慕琪", "承認",
         "疫後難免有個別老師擔心進度"),
        # a clause opened by 因为 has a subject of its own (因为律政司长林定国…表明)
        ("议员需在两个月内完成程序，因为律政司长林定国昨在网志表明，希望暑假休会前完成立法程序。", "person:zh-林定国",
         "表明", "希望暑假休会前完成立法程序"),
        # an adverb (遂) before whom it is said to: the subject comes from the clause before
        ("廠長賓果眼見廠裡許多知識青年文采斐然，遂向總經理金開英建議「煉油不成、不妨鍊字！」", "person:zh-宾果", "建議",
         "煉油不成、不妨鍊字！"),
    ],
)
def test_attributed(body, speaker, verb, content):
    found = statements(body)
    assert (speaker, verb, content, False) in found, found


def test_nested_and_continued():
    found = statements("克里姆林宫说，普京警告拜登，制裁将导致关系破裂。布林肯指出，局势紧张，并强调，外交仍有空间。")
    speakers = [(k, v) for k, v, _, _ in found]
    assert ("kremlin", "说") in speakers and ("vladimir-putin", "警告") in speakers
    assert ("antony-blinken", "指出") in speakers and ("antony-blinken", "强调") in speakers
    blinken = next(t for k, v, t, _ in found if v == "指出")
    assert "外交仍有空间" not in blinken


@pytest.mark.parametrize(
    "body",
    [
        "一名美国官员说，制裁方案已经准备好。",
        "白宫官员表示，双方可能取得进展。",
        "北约一名官员说，对话必须对等。",
        "据悉，美军已进入待命状态。",
        # the tagger reads 知情, 熟悉…的, 不具名 as verbs: still an unnamed source
        "知情人士表示，苹果将在印度扩产。",
        "一位熟悉该讨论的消息人士称，双方接近达成协议。",
        "一名不具名官员说，美方将加征关税。",
        "法國總統府一名不具名官員表示，雙方接近達成協議。",
        # counted or plural people and a group led by a name (几位部长, 分析师们, 以X为首的反对派)
        "几位部长表示，将支持该法案。",
        "分析師們認為，央行將降息。",
        "以沙赫巴兹·谢里夫为首的反对派声称，将于周四对信任投票进行讨论。",
        # a count of people before a body's name: some of its members, unnamed (3名美軍)
        "3名美軍告訴法新社，他們一度卡在人群中。",
        # a verb that begins the noun of who does it (分析 | 人士): no verb of a body before it
        "中国将作出反应，但分析人士表示，任何举动都会经过精心调整。",
        # a place reports through its media, unnamed (援引新德里报道称), not its government
        "泰国媒体援引新德里报道称，莫迪周六在总统府欢迎朔尔茨。",
    ],
)
def test_anonymous_never_named(body):
    found = statements(body)
    assert found and all(anonymous and key is None for key, _, _, anonymous in found), found


@pytest.mark.parametrize(
    "body",
    [
        "批评者认为，这项法案将限制新闻自由。",
        # a report no one is named for, after a body named only in a named person's title
        "美國司法部副部長摩納可說過槍枝失竊情況氾濫。報告指出，改裝武器的數量增加5倍以上。",
    ],
)
def test_no_one_named_speaks_for_an_unnamed_source(body):
    assert all(key is None for key, _, _, _ in statements(body)), statements(body)


def test_pronoun_resolves_to_previous_subject():
    found = statements("泽连斯基在推特发文感谢拜登政府支持。他写道：“我们感谢美国的坚定支持。”")
    assert ("volodymyr-zelenskyy", "写道", "我们感谢美国的坚定支持。", False) in found


def test_title_only_speaker_resolves_in_context():
    found = statements("美国国务卿布林肯抵达基辅。美国国务卿表示，访问是在协调框架内进行的。")
    assert ("antony-blinken", "表示", "访问是在协调框架内进行的", False) in found


def test_discovery_from_english_name():
    result = run("新任发言人霍华德（Jane Howard）说，会谈将继续。")
    person = result.entities["person:jane-howard"]
    assert person.origin == "discovered" and person.name_en == "Jane Howard"
    assert ("Jane Howard", "parenthetical") in person.aliases
    assert result.statements[0].speaker_key == "person:jane-howard"


def test_mentions_have_offsets_into_stored_text():
    article = parse_text("<!--1643120102000-->\n[北约]( https://www.example.com/a )\n------\n"
                         "<p>德國總理蕭茲與北約秘書長史托騰柏格會面。</p>".replace("( ", "(").replace(" )", ")"))
    result = extract(article)
    found = {(m.key, m.surface) for m in result.mentions}
    assert ("olaf-scholz", "蕭茲") in found and ("jens-stoltenberg", "史托騰柏格") in found
    for mention in result.mentions:
        assert article.text[mention.start : mention.end] == mention.surface


@pytest.mark.parametrize("lead", ["", "𠀀。", "Ｎ　。"])  # BMP text, a character beyond it, width forms
def test_mention_offsets_hold_for_any_text(lead):
    result = run(lead + "北约秘书长斯托尔滕贝格说，北约不会退让。")
    assert ("jens-stoltenberg", "说", "北约不会退让", False) in [
        (s.speaker_key, s.verb, s.text, s.anonymous) for s in result.statements
    ]
    article = parse_text(f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n"
                         f"<p>{lead}北约秘书长斯托尔滕贝格说，北约不会退让。</p>")
    for mention in extract(article).mentions:
        assert article.text[mention.start : mention.end] == mention.surface


def test_ambiguous_short_form_needs_context():
    us = {m.key for m in run("美国国防部发言人说，国防部将确保部署。").mentions}
    assert "us-dod" in us
    alone = {m.key for m in run("国防部将确保部署。").mentions}
    assert not any(k.endswith("-dod") or k.endswith("mod") for k in alone)


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        ("中美关系紧张，法德两国表示关切。", {"china", "united-states", "france", "germany"}),
        # one character twice is no pair of countries (宪 | 法法 | 院)
        ("普拉伯沃回应，宪法法院有明确的规则。", set()),
    ],
)
def test_abbreviations_count_in_pairs_of_countries(body, countries):
    keys = {m.key for m in run(body).mentions}
    assert keys & {"china", "united-states", "france", "germany"} == countries


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        ("墨国总统访问美国。", "mexico", None),
        # a short form whose 国 begins another word: 参加国际, 以国籍, 著墨国民党
        ("他参加国际会议，并增加国防预算。", None, "canada"),
        ("联合国不应以国籍决定采访权。", None, "israel"),
        ("外媒着墨国民党候选人。", None, "mexico"),
    ],
)
def test_a_countrys_short_form_names_it_unless_its_guo_begins_a_word(body, present, absent):
    keys = {m.key for m in run(body).mentions}
    assert present is None or present in keys, keys
    assert absent is None or absent not in keys, keys


def test_unknown_domain_becomes_outlet():
    assert run("内容。").outlet.key == "example.com"


@pytest.mark.parametrize(
    ("body", "speaker", "verb", "content"),
    [
        # an addressee clause carries the speaker over from the clause before
        ("马克龙周三致电朔尔茨，但对拉夫罗夫说，对话必须继续。", "emmanuel-macron", "说", "对话必须继续"),
        # a relative clause headed by an organization
        ("刚刚扩员的北约说，新成员将参加演习。", "nato", "说", "新成员将参加演习"),
        # a newspaper qualified by its country speaks, not the country
        ("德国《明镜周刊》称，谈判已经破裂。", "der-spiegel", "称", "谈判已经破裂"),
        # 称 running straight into its content right after the speaker
        ("克里姆林宫发言人佩斯科夫称局势十分危险。", "dmitry-peskov", "称", "局势十分危险"),
        # a speech verb with its addressee between the speaker and 说
        ("拉夫罗夫警告布林肯说，北约东扩是红线。", "sergey-lavrov", "说", "北约东扩是红线"),
        # a framed adverbial long enough to hold other names
        ("布林肯周二在与北约和欧盟各国外长举行的视频会议中说，团结至关重要。", "antony-blinken", "说", "团结至关重要"),
        # a dateline or credit in brackets before the subject
        ("（德国之声中文网）布林肯周四说，谈判仍有空间。", "antony-blinken", "说", "谈判仍有空间"),
        # an aspect particle after the verb
        ("布林肯向我们承诺过，将继续提供援助。", "antony-blinken", "承诺", "将继续提供援助"),
        # 据称 names no source: the clause's own subject speaks
        ("据称此后布林肯又说，制裁不会解除。", "antony-blinken", "说", "制裁不会解除"),
        # a document noun with a verb suffix: the noun stays (a channel here), the suffix speaks
        ("美国商务部周日发表声明称，美国坚决反对限制。", "us-commerce-department", "称", "美国坚决反对限制"),
        # a verb suffix that starts a longer verb takes it whole
        ("布林肯首度回应指出，谈判仍有空间。", "antony-blinken", "回应指出", "谈判仍有空间"),
        # a report whose author is named in a relative clause before it
        ("中国官方新华社当天发自首尔的报道说，李强会见了尹锡悦。", "xinhua", "说", "李强会见了尹锡悦"),
        # a body's 当局 is the body; an action in the manner of speaking (跳着脚) is a circumstance
        ("民进党当局第二天跳着脚说，美国的承诺坚如磐石。", "dpp", "说", "美国的承诺坚如磐石"),
        # a name heading a relative clause is the subject, not part of a circumstance
        ("代表欧盟在华企业的布林肯在周一的一次简报会上说，改革势在必行。", "antony-blinken", "说", "改革势在必行"),
        # channels built of a channel verb and nouns
        ("台湾问题专家何溢诚发表评论文章指出，这给台独分子泼了冷水。", "person:zh-何溢诚", "指出", "这给台独分子泼了冷水"),
        ("惠文高中校长陈建铭接受中央社记者采访指出，陪考人数少了许多。", "person:zh-陈建铭", "指出", "陪考人数少了许多"),
        # a title chain read right to left from the verb
        ("美国驻联合国副大使伍德表示，美国不支持这项决议。", "person:zh-伍德", "表示", "美国不支持这项决议"),
        ("时任政府专家顾问、港大内科学系教授孔繁毅认为，仍要留意变种病毒。", "person:zh-孔繁毅", "认为",
         "仍要留意变种病毒"),
        # an adverb tagged as such (正式) between subject and verb
        ("古特雷斯正式向安理会示警，局势可能失控。", "antonio-guterres", "示警", "局势可能失控"),
        # a letter and its addressee between the speaker and the verb; the letter is no verb
        ("古特雷斯致函安理会表示，局势正在恶化。", "antonio-guterres", "表示", "局势正在恶化"),
        ("古特雷斯写信给安理会表示，局势正在恶化。", "antonio-guterres", "表示", "局势正在恶化"),
        ("拜登又发视频呼吁民众保持冷静。", "joe-biden", "呼吁", "民众保持冷静"),
        # an adverb of time (之前) between the speaker and the verb
        ("拜登之前承诺，将在年底前完成改革。", "joe-biden", "承诺", "将在年底前完成改革"),
        # a civil servant's title the tagger splits into verbs and nouns (简任技正)
        ("环保局简任技正许铭志表示，将加强稽查。", "person:zh-许铭志", "表示", "将加强稽查"),
        # a report, a survey or a court named by its sort: the body named before it
        ("路透社周一刊出一篇报导。报导指出，多家企业正在撤离。", "reuters", "指出", "多家企业正在撤离"),
        ("台北高等行政法院今天判决台大败诉。法院认为，台大不能回避监督。", "organization:zh-台北高等行政法院",
         "认为", "台大不能回避监督"),
        ("民进党今天召开记者会，民进党记者会也控诉，国民党抹黑。", "dpp", "控诉", "国民党抹黑"),
        # a letter is how the verb after it speaks (写信敦促, 写信给…，敦促)
        ("欧尔班写信敦促欧盟重新考虑。", "viktor-orban", "敦促", "欧盟重新考虑"),
        ("欧尔班写信给米歇尔，敦促他删除议程。", "viktor-orban", "敦促", "他删除议程"),
        # a title after 这位 refers back like 他; with a country, to that country's person
        ("欧尔班周一致函米歇尔。这位领导人敦促欧盟重新考虑。", "viktor-orban", "敦促", "欧盟重新考虑"),
        ("德国外长贝尔博克周二敦促匈牙利总理欧尔班放弃否决。贝尔博克周一对欧尔班的威胁做出反应。"
         "因为这位匈牙利领导人写信给米歇尔，敦促他删除议程。", "viktor-orban", "敦促", "他删除议程"),
        # 指 run straight into a personal pronoun opens what was said
        ("法官徐绮薇指他当时携有弹叉，明显有意参与暴动。", "person:zh-徐绮薇", "指", "他当时携有弹叉，明显有意参与暴动"),
        # a comma inside a bracketed Latin gloss ends no clause
        ("阿迪达斯(Adidas AG, ADDYY)认为，中国市场正在复苏。", "adidas", "认为", "中国市场正在复苏"),
        # a verb that begins an event's name (说明会) is none; 在…会 is a circumstance
        ("英业达总经理蔡枝安11月在法人说明会表示，伺服器仍缺料。", "person:zh-蔡枝安", "表示", "伺服器仍缺料"),
        # the manner of speaking before 地 (直言不讳地说); 直言不讳 is no verb of its own
        ("欧洲委员会观察员谢纳赫直言不讳地说，这不是一场公平的选举。", "person:zh-谢纳赫", "说", "这不是一场公平的选举"),
        # a city's 当局 is the city's, a capital's its country's government
        ("上海当局表示，他们将在调查结束后回应。", "shanghai", "表示", "他们将在调查结束后回应"),
        ("北京当局表示，他们将在调查结束后回应。", "china-government", "表示", "他们将在调查结束后回应"),
        # a date the tagger reads as a numeral (29日) between a source and its verb
        ("法新社（AFP）29日報導稱，流感正在蔓延。", "afp", "報導稱", "流感正在蔓延"),
        # a Latin name in half-width brackets with spaces, between the name and the verb
        ("德国工商大会主席彼得·阿德里安 (Peter Adrian)说，情况困难。", "person:zh-彼得·阿德里安", "说", "情况困难"),
        # 坚持 before the verb; a post (贴文) the tagger read into the name
        ("尼坦雅胡堅持說，戰爭將持續。", "benjamin-netanyahu", "說", "戰爭將持續"),
        ("律師黃帝穎貼文表示，這是造謠。", "person:zh-黄帝颖", "表示", "這是造謠"),
        # a speech (发表演说) before the verb: 说 there ends the channel's word, 指 speaks
        ("米佐塔基斯周日表示，希腊将重新选举。</p><p>他同日發表演說指，選舉是民主的勝利。", "person:zh-米佐塔基斯",
         "指", "選舉是民主的勝利"),
        # 继续 before the verb; 总结 with a suffix; 据X报告
        ("沃尔福斯继续说道，“他们试图分裂我们。”", "person:zh-沃尔福斯", "说道", "他们试图分裂我们。"),
        ("社长佐藤恒治总结称：“材料涨价影响很大。”", "person:zh-佐藤恒治", "总结称", "材料涨价影响很大。"),
        ("据欧洲央行报告，2021年共发现假钞。", "european-central-bank", "报告", "2021年共发现假钞"),
        # a filler the tagger cut in two (会 | 后) before a channel
        ("台積電董事長劉德音會後發布聲明指出，與日本政府會面。", "person:zh-刘德音", "指出", "與日本政府會面"),
        # an outlet's reporter reports for the outlet; a meeting speaks for the body that held it
        ("半岛电视台记者报道称，苏丹空军轰炸了喀土穆。", "al-jazeera", "报道称", "苏丹空军轰炸了喀土穆"),
        ("北约今天召开会议，会议指出，俄罗斯构成威胁。", "nato", "指出", "俄罗斯构成威胁"),
        # a notice (公告) and an assessment (评估) followed by what they say
        ("長沙市交通運輸局日前公告，自5月16日起暫停受理網約車運輸證。", "organization:zh-长沙市交通运输局", "公告",
         "自5月16日起暫停受理網約車運輸證"),
        ("北约评估，俄罗斯可能发动攻击。", "nato", "评估", "俄罗斯可能发动攻击"),
        # a body glossed in Latin inside a circumstance (在X（Latin）峰会上) is no subject
        ("桑托斯勝選後，曾在共和黨猶太聯盟（Republican Jewish Coalition）峰會上表示，他是猶太人。",
         "person:zh-桑托斯", "表示", "他是猶太人"),
        # the manner of speaking between a subject and its verb (感性, 激动地)
        ("联发科董事长蔡力行感性表示，回首这一路，自己非常幸运。", "person:zh-蔡力行", "表示", "回首这一路，自己非常幸运"),
        ("联发科董事长蔡力行出席。他激动地表示，自己非常幸运。", "person:zh-蔡力行", "表示", "自己非常幸运"),
        # 该 and a body's word the tagger reads as a verbal noun and a noun (该 | 管理 | 局): the body
        # named before whose name ends so
        ("美国麻醉品执法管理局表示，死亡人数上升。</p><p>该管理局称，芬太尼是主要原因。",
         "organization:zh-美国麻醉品执法管理局", "称", "芬太尼是主要原因"),
        # a document given to a body (向立法院所提…报告) is its author's, not the addressee's
        ("国防部日前向立法院所提「军审法评估报告」中提及，未来将推动修法。", "taiwan-mnd", "提及", "未来将推动修法"),
        # 作者 of a piece the article reviews: its writer, or the publication that ran it; a
        # title in quotes (以“…？”为题) and a publication's owner (X旗下的《Y》) end no subject
        ("瑞士《新苏黎世报》刊发了由退休驻华记者Urs Schoettli撰写的评论。作者指出，印度与美国正在接近。",
         "person:urs-schoettli", "指出", "印度与美国正在接近"),
        ("《明镜周刊》旗下的《经理人杂志》以“什么才是真正的学习？”为题，刊发评论指出，许多企业都在迎合。作者认为，厂商必须学习。",
         "organization:zh-经理人杂志", "认为", "厂商必须学习"),
        ("《明镜周刊》旗下的《经理人杂志》以“什么才是真正的学习？”为题，刊发评论指出，许多企业都在迎合。",
         "organization:zh-经理人杂志", "指出", "许多企业都在迎合"),
        # a quotation before a speaker whose verb ends the sentence, alone or with whom it was told
        ("彼得·希拉里来了。</p><p>“当我父亲还是个男孩时，他常常好奇，” 彼得·希拉里回忆说。", "person:zh-彼得·希拉里",
         "回忆说", "当我父亲还是个男孩时，他常常好奇，"),
        ("彼得·希拉里来了。</p><p>“这让人非常激动，”彼得·希拉里告诉BBC。", "person:zh-彼得·希拉里", "告诉",
         "这让人非常激动，"),
        # two fields of one office joined by 和 (经济和气候保护部长); a frame, then a manner
        ("德国经济和气候保护部长哈贝克表示，能源价格会下降。", "robert-habeck", "表示", "能源价格会下降"),
        ("日本首相岸田文雄致辞时略开玩笑地说：“我战战兢兢地听着。”", "fumio-kishida", "说", "我战战兢兢地听着。"),
        # a gesture while speaking (摇头说), a language spoken in (以台语), sharing and giving an example
        ("國民黨副總統候選人吳欣盈到場。她搖頭說，心情很平靜。", "person:zh-吴欣盈", "說", "心情很平靜"),
        ("吳欣盈以台語舉例說，還記得她小的時候，大家愛喝酒。", "person:zh-吴欣盈", "舉例說", "還記得她小的時候，大家愛喝酒"),
        ("蕭美琴也分享，去年駐美代表處有5名員工生小孩。", "person:zh-萧美琴", "分享", "去年駐美代表處有5名員工生小孩"),
        # a frame, then the channel (在接受…采访时发表评论称); a quoted outlet with its Latin name;
        # an adverb of time the tagger reads as a place word (以前); fields joined in a description
        ("巴基斯坦外长比拉瓦尔·布托·扎尔达里在接受今日印度新闻频道采访时发表评论称，伊斯兰堡愿意参与。",
         "person:zh-比拉瓦尔·布托·扎尔达里", "称", "伊斯兰堡愿意参与"),
        ("《华尔街日报》(The Wall Street Journal)上月底报道称，警方询问了其当地员工。", "wall-street-journal", "报道称",
         "警方询问了其当地员工"),
        ("中国政府以前曾警告，可能会采取措施。", "china-government", "警告", "可能会采取措施"),
        ("食品和保健品公司雀巢公司(Nestle SA, NSRGY)上周表示，销售额增长5.6%。", "nestle", "表示", "销售额增长5.6%"),
        # 在X看来，…: X's view
        ("瑞银(UBS)经济学家Paul Donovan表示，好。在瑞银(UBS)的Donovan看来，通胀时期可能即将结束。",
         "person:paul-donovan", "看来", "通胀时期可能即将结束"),
        ("瑞银(UBS)经济学家Paul Donovan表示，好。在他看来，通胀时期可能即将结束。",
         "person:paul-donovan", "看来", "通胀时期可能即将结束"),
        # a judgment speaks for the judge named before with a judicial title
        ("高等法院首席法官潘兆初今日頒下裁決。</p><p>判詞又指，申請人的理解是完全錯誤。", "person:zh-潘兆初", "指",
         "申請人的理解是完全錯誤"),
        ("高等法院首席法官潘兆初今日頒下裁決。</p><p>判詞指，法院無權。</p><p>國安委的工作專屬中央。</p>"
         "<p>國安法禁止公開。</p><p>判詞又指，申請人的理解是完全錯誤。", "person:zh-潘兆初", "指", "申請人的理解是完全錯誤"),
        # 接着 before the verb, 在 and a time, and a statement issued after them
        ("以色列记者埃纳夫·希夫（Einav Schiff）发表文章。他接着说，“媒体话语掩盖了事实。”", "person:einav-schiff", "说",
         "媒体话语掩盖了事实。"),
        ("谢赫穆罕默德表示，好。他在后来发表声明称，他们讨论了合作。", "person:zh-穆罕默德", "称", "他们讨论了合作"),
        # 时 after the verb begins a noun (时间), no clause of time (表示 | 时间为…)
        ("日方将此视为预告。海上保安厅表示时间为5月31日凌晨0点至6月11日凌晨0点。", "japan-coast-guard", "表示",
         "时间为5月31日凌晨0点至6月11日凌晨0点"),
        # a country's short form (墨国) with a title speaks as its holder
        ("墨西哥总统欧布拉多周五要求中国帮助。</p><p>墨国总统表示，今年三月他便向习近平致信。",
         "person:zh-欧布拉多", "表示", "今年三月他便向习近平致信"),
        # a reporter in the dateline is no one a 她 refers to
        ("（中央社記者陳韻聿倫敦15日專電）前英相特拉斯即將訪台，她今天說，北京企圖壓縮台灣活動空間。",
         "liz-truss", "說", "北京企圖壓縮台灣活動空間"),
        # a paragraph opening with 他 goes on with the last speaker, unless a paragraph since
        # opened with another name as its subject
        ("教授张峻豪指出，民调接近。</p><p>候选人赖清德的老家被指违建，引起热议。</p><p>他在政见会上回应说，"
         "老家没有特权。", "lai-ching-te", "回应说", "老家没有特权"),
        # …and a name after another person's in its clause is no subject (赖清德以总统 | 蔡英文…为例)
        ("赖清德说，要持续进步。</p><p>赖清德以总统蔡英文今天提到的倡议为例说，这就是努力。</p><p>他强调，"
         "台湾人民没有退却。", "lai-ching-te", "强调", "台湾人民没有退却"),
        # 县府 and 市府 speak for the county's or city's government the article named, either way
        ("南投縣府今天表示，將爭取經費。</p><p>縣府指出，計畫是縣府主動提案。", "organization:zh-南投县府", "指出",
         "計畫是縣府主動提案"),
        ("南投縣政府今天發布新聞稿。</p><p>縣府強調，此案依規定辦理。", "organization:zh-南投县政府", "強調",
         "此案依規定辦理"),
        # 安慰道 before a colon; an -ologist (病毒学家) is a person's word for 这位
        ("法兰克福病毒学家斯图尔默（Martin Stürmer）知道一项研究。</p><p>不过，斯图尔默同时安慰道：入院人数没有显著增加。",
         "person:martin-sturmer", "安慰道", "入院人数没有显著增加"),
        ("法兰克福病毒学家斯图尔默（Martin Stürmer）知道一项研究。</p><p>但是，这位病毒学家强调，一种新的毒株正在扩散。",
         "person:martin-sturmer", "强调", "一种新的毒株正在扩散"),
        # 指示 right before a clause: a directive, spoken; a naming gloss in brackets is none
        ("前首相宫泽喜一访华前下令。为了避免尖阁诸岛（中国称钓鱼岛）等问题上对立激化，宫泽指示不要让中方提出主张。",
         "kiichi-miyazawa", "指示", "不要让中方提出主张"),
        # 要求 after pressing someone (施压梅洛尼) or issuing a call (发出呼吁) speaks for the presser
        ("最近数月来，华盛顿加紧施压梅洛尼，要求意大利表态。", "united-states", "要求", "意大利表态"),
        ("柏林向北京发出呼吁，要求中国政府明确其立场。", "germany", "要求", "中国政府明确其立场"),
        # where a caption's photo shows them (（左）) and an occasion closed by its event (…的对谈)
        ("前英國首相特拉斯（左）15日在哥本哈根民主高峰會的對談表示，中國企圖阻止西方與台灣往來。", "liz-truss", "表示",
         "中國企圖阻止西方與台灣往來"),
        # to whom, then the feeling expressed, between subject and verb (向桥本 | 表达不满 | 称)
        ("1992年6月前首相中曾根康弘向桥本表达不满称“宫泽当面什么都没对我说”。", "yasuhiro-nakasone", "称",
         "宫泽当面什么都没对我说"),
        # the reporter's remark that the speaker left something out is no part of what was said
        ("日本电池制造商松下（Panasonic）表示，基于“多种因素”做出了该决定，但没有具体说明是哪些因素。", "panasonic", "表示",
         "基于“多种因素”做出了该决定"),
        ("德國外長貝爾博克表示，歐盟希望確保現有的制裁不被顛覆，但她拒絕透露任何具體措施。", "annalena-baerbock", "表示",
         "歐盟希望確保現有的制裁不被顛覆"),
        # …but a person's kin after them is (拜登的儿子 | 亨特·拜登)
        ("众议院投票授权调查。拜登的儿子亨特·拜登无视国会传票，他拒绝闭门作证，称他只会公开作证。",
         "person:zh-亨特·拜登", "称", "他只会公开作证"),
        # whom a verb urges is part of what it urges them (not an addressee left out, as after 告诉)
        ("布林肯警告美国企业，应谨慎遵守出口管制。", "antony-blinken", "警告", "美国企业，应谨慎遵守出口管制"),
        ("布林肯最后提醒大家，明年将是北约成立75周年。", "antony-blinken", "提醒", "大家，明年将是北约成立75周年"),
        ("布林肯敦促其盟友，应加强对投资的审查。", "antony-blinken", "敦促", "其盟友，应加强对投资的审查"),
        ("布林肯告诉路透社，谈判仍有空间。", "antony-blinken", "告诉", "谈判仍有空间"),
        # a place in the frame of where the speaker spoke, after a relative clause (附近的)
        ("BBC派驻中东记者安娜·福斯特（Anna Foster）在震中附近的土耳其城市奥斯曼尼耶（Osmaniye）报道，当地完全没有电。",
         "person:anna-foster", "报道", "当地完全没有电"),
        # …or reported from, described by a relative clause
        ("半岛电视台记者努尔·奥德也指出，停火脆弱。奥德从被占领的约旦河西岸城市拉马拉报道称，“以色列自行判断是否遵守协议。”",
         "person:zh-努尔·奥德", "报道称", "以色列自行判断是否遵守协议。"),
        # a programme's name in quotes after 向, however the tagger reads its words
        ("布林肯向CBS「面向全國」節目表示，美方擔心中國正考慮提供援助。", "antony-blinken", "表示",
         "美方擔心中國正考慮提供援助"),
        # a body's words that tell what a person did, and then said (并强调): the person's
        ("中國外交部週日發布聲明指出，王毅於18日應約會見了庫列巴，並強調中方始終站在和平一邊。", "wang-yi", "強調",
         "中方始終站在和平一邊"),
        # 正如X所说: what follows is X's, quoted or to the sentence's end, nested in another's too
        ("正如布林肯所指出的那样，“这种一致性基于伊斯坦布尔口音的标准化。”", "antony-blinken", "指出",
         "这种一致性基于伊斯坦布尔口音的标准化。"),
        ("正如布林肯所说，这种一致性是基于口音的标准化。", "antony-blinken", "说", "这种一致性是基于口音的标准化"),
        ("罗奇说，正如习近平在大会上所指出的，挑战显然是复杂的。", "xi-jinping", "指出", "挑战显然是复杂的"),
        # a document a body compiled, named right before the verb (汇总验证报告称): the body's
        ("厚生劳动省4月汇总验证报告称，主要原因是未开展测试。", "japan-mhlw", "称", "主要原因是未开展测试"),
        # a channel: a notice, an announcement filed, a piece run (发布通知称, 提交公告称, 刊文形容)
        ("美国国务院发布通知称，各地将有序恢复生产。", "us-state-department", "称", "各地将有序恢复生产"),
        ("埃隆·马斯克周四提交公告称，他预计融资将到位。", "elon-musk", "称", "他预计融资将到位"),
        ("新华社今天刊文形容，这是一次重大变化。", "xinhua", "形容", "这是一次重大变化"),
        # a quotation after a statement with another's nested in it goes on the one who tells it
        ("投资主管劳德（Sonja Laud）表示，英伟达说他们会履行软银的承诺。\n“但是软银的承诺马上就要过期，谁也不敢说。”",
         "person:sonja-laud", "表示", "但是软银的承诺马上就要过期，谁也不敢说。"),
        # a word for a sort of body before its name, though the tagger reads it as a verb (组织)
        ("国际人权组织人权观察表示，谈判已经破裂。", "human-rights-watch", "表示", "谈判已经破裂"),
        # the document a body spoke in, without 在 (报告中指出); a caucus's convener (总召)
        ("人权观察报告中指出，埃及也严重限制过境点。", "human-rights-watch", "指出", "埃及也严重限制过境点"),
        ("國民黨立法院黨團總召曾銘宗今天表示，這是好的開始。", "person:zh-曾铭宗", "表示", "這是好的開始"),
        # 这位 and the words a named person was written with (a body's spokesperson, named)
        ("德国政府发言人赛贝特周一说，局势紧张。这位德国政府发言人强调说，我们要求俄罗斯作出解释。", "person:zh-赛贝特",
         "强调说", "我们要求俄罗斯作出解释"),
        # an act right before a verb of plain saying tells how it was said (落泪说, 缅怀称)
        ("布林肯落泪说，很高兴能走到今天。", "antony-blinken", "说", "很高兴能走到今天"),
        ("布林肯缅怀称，他是一位伟大的领导人。", "antony-blinken", "称", "他是一位伟大的领导人"),
        # …but after a source's report (据X报导，Y说), the quotation after goes on Y
        ("据美国有线电视新闻网（CNN）报导，教授布瑞斯威特（Graham Braithwaite）说：“我松了一口气。”“他们确实做得可圈可点。”",
         "person:graham-braithwaite", "说", "他们确实做得可圈可点。"),
        # the document named before, whoever ran it (新华社刊登的该意见): its issuer's
        ("中共中央办公厅近日印发《关于加强统战工作的意见》。新华社刊登的该意见指出，新时代已经到来。", "cpc-general-office",
         "指出", "新时代已经到来"),
        # a surname alone after the full name with its Latin form, over a catalog person's short form
        ("西万·安德森（Siwan Anderson）发表了论文。安德森表示，财富增加也导致了嫁妆增加。", "person:siwan-anderson",
         "表示", "财富增加也导致了嫁妆增加"),
        # the addressee's name glossed in brackets is still whom it was told to
        ("瑞典乘客戴柏（Anton Deibe）告诉瑞典晚报（Aftonbladet），当时飞机内的情况比外面更恐怖。",
         "person:anton-deibe", "告诉", "当时飞机内的情况比外面更恐怖"),
        # a glossed name ending in a place's name (和田), after a word for a person
        ("28岁的机上乘客佐和田（Tsubasa Sawada）告诉路透社，他听到了爆炸声响。", "person:tsubasa-sawada",
         "告诉", "他听到了爆炸声响"),
        # a glossed name of characters that seldom transliterate, after a title
        ("安全中心主任盖立（Ed Galea）表示，这次疏散是奇迹般的作业。", "person:ed-galea", "表示",
         "这次疏散是奇迹般的作业"),
        # what the words rest on, as shown, between the speaker and the verb
        ("教授盖立（Ed Galea）发表了看法。他根据影像显示指出，当时客机前起落架塌陷。", "person:ed-galea", "指出",
         "当时客机前起落架塌陷"),
        # 引用X的话说: the paper relays, the one quoted speaks
        ("纽约时报引用公司执行长佛格森（Trisha Ferguson）的话说，机组员的反应速度惊人。",
         "person:trisha-ferguson", "说", "机组员的反应速度惊人"),
        # a name with the person's age in brackets after it is a person's, whatever the tagger read
        ("拍摄者是当时逗留的猎人大岛育雄（76岁）。大岛的日记中写道“他要用20个小时走约100公里”。",
         "person:zh-大岛育雄", "写道", "他要用20个小时走约100公里"),
        # a topic that is a short clause (就物价高涨称)
        ("岸田文雄出席会议。他就物价高涨称，对国民生活造成了很大影响。", "fumio-kishida", "称",
         "对国民生活造成了很大影响"),
        # a dateline in brackets is a clause of its own: the subject after it carries on
        ("【共同社6月15日电】日本首相岸田文雄15日在国会闭幕后召开记者会，透露将设置对策总部。",
         "fumio-kishida", "透露", "将设置对策总部"),
        # a description as a source, by a pronoun (据他描述)
        ("安倍回答说，中国军费扩张了约40倍。据他描述，特朗普对这一答案显得十分吃惊。", "shinzo-abe", "描述",
         "特朗普对这一答案显得十分吃惊"),
        # a pronoun opening what a person reports is that person, past another named before
        ("官员凯瑟琳·史莫德（Catherine Smallwood）说，死亡人数将会激增。</p><p>BBC派驻中东记者安娜·福斯特（Anna Foste）"
         "在土耳其城市奥斯曼尼耶报道，她描述了一个毁灭性的场景：“今晚该市完全没有电。”", "person:anna-foste",
         "描述", "一个毁灭性的场景：“今晚该市完全没有电。”"),
        # …and the one told of after 介绍, run straight into the pronoun
        ("菅义伟出席会议。菅义伟向媒体介绍他向特朗普表示，美日同盟是地区和平的基石。", "yoshihide-suga", "表示",
         "美日同盟是地区和平的基石"),
        # a dateline with the reporter in brackets is a clause of its own, not the subject
        ("新华社北京12月1日电（记者张晓明）国家主席习近平1日在人民大会堂会见基辛格时表示，中美关系十分重要。",
         "xi-jinping", "表示", "中美关系十分重要"),
        # …and a source after a dateline opens its clause (中新网12月1日电 据美联社报道)
        ("中新网12月1日电 据美联社报道，美国总统拜登表示，美国将继续支持乌克兰。", "associated-press", "报道",
         "美国总统拜登表示，美国将继续支持乌克兰"),
        # a website by its Latin name, as a source of what it disclosed (据Opex360网站披露：)
        ("据Opex360网站披露：这艘中国船只曾受到马来西亚方面的警告。", "organization:opex360", "披露",
         "这艘中国船只曾受到马来西亚方面的警告"),
        # a source verb closing a 据 phrase, however the tagger read it after the name (央视新闻 | 报道)
        ("据央视新闻报道，国家卫健委新闻发言人米锋表示，疫情总体平稳。", "cctv", "报道",
         "国家卫健委新闻发言人米锋表示，疫情总体平稳"),
        # a part of a body named (安全部门) speaks for it
        ("俄罗斯联邦安全局安全部门表示，其逮捕了一名白俄罗斯男子。", "fsb", "表示", "其逮捕了一名白俄罗斯男子"),
        # a transliteration of two characters glossed by one Latin word, after a person's word,
        # is a person's name though the tagger read a body (专家纽曼(Newman))
        ("研究新闻的英国专家纽曼(Newman)对法新社表示，许多记者恐怕难以舍弃推特。", "person:zh-纽曼", "表示",
         "许多记者恐怕难以舍弃推特"),
        # a transliterated surname and a term of address is the one named in full (迪斯蒂法诺先生)
        ("发起请愿的是卢克·迪斯蒂法诺（Luke Di Stefano）。</p><p>迪斯蒂法诺先生说，悉尼应该有自己的场地。",
         "person:luke-di-stefano", "说", "悉尼应该有自己的场地"),
        # a forecast as a source (据X预测)
        ("德国各地降雨。据德国气象局（DWD）预测，12月28日基本没有降雨。", "organization:dwd", "预测",
         "12月28日基本没有降雨"),
        # a named one's statement, or writing, as the subject (普京的声明中称)
        ("普京发表讲话。普京的声明中称，俄罗斯不会让步。", "vladimir-putin", "称", "俄罗斯不会让步"),
        # a reaction (对此) between the speaker and the verb
        ("普京对此表示，俄罗斯不会让步。", "vladimir-putin", "表示", "俄罗斯不会让步"),
        # a named source's news, relayed (援引美联社消息报道): the source's words
        ("世界报援引美联社消息报道，会谈已经推迟。", "associated-press", "报道", "会谈已经推迟"),
        # 预期 with a comma is a verb of saying what one expects
        ("经济学家王强表示，通胀有所缓解。</p><p>他又预期，明年经济会好转。", "person:zh-王强", "预期", "明年经济会好转"),
        # a verb before a saying verb (补充 | 表示，…): the content follows both
        ("王强补充表示，明年经济会好转。", "person:zh-王强", "补充", "明年经济会好转"),
        # unnamed authorities inside what he said are no one 他 goes on with
        ("王强表示，立法原意是防止外国干预，当局提出释法主要希望人大常委会，补充法律一些不清楚地方。</p><p>他表示，"
         "法庭有酌情權。", "person:zh-王强", "表示", "法庭有酌情權"),
        # nor are the unnamed people he spoke of (一般市民)
        ("王强指出，一般市民不会觉得这是特殊安排。</p><p>他又预期，这次修例只限于有关条文。", "person:zh-王强", "预期",
         "这次修例只限于有关条文"),
        # a quotation paragraph after a sentence opening with a relative clause, then the person
        ("在悉尼大学就读的留学生陈明也表达了类似的担忧。</p><p>“回去要隔离，机票也很贵。”", "person:zh-陈明", "",
         "回去要隔离，机票也很贵。"),
        # a piece issued under its title in marks, then what it says (公布「…」，指…); 过去 is a word
        ("總部位於日內瓦的「國際記者協會」1日公布「年度新聞自由報告」，指過去5年多數案件未破。", "organization:zh-国际记者协会",
         "指", "過去5年多數案件未破"),
        # one something befell, inside a statement, is no new speaker (聲明中說，X遭槍殺…，呼籲…)
        ("對於漫畫家卡馬爾遇害，菲律賓記者協會今天發布聲明譴責。</p><p>聲明中說，卡馬爾遭槍殺構成重大威脅，呼籲各界伸張正義。",
         "organization:zh-菲律宾记者协会", "呼籲", "各界伸張正義"),
        # a transliteration the tagger cut before its Latin gloss runs to the gloss (尼克拉 | 叙（…）)
        ("州立银行的尼克拉叙（Jen-Oliver Niklasch）说，我们正在从谷底上升。", "person:zh-尼克拉叙", "说", "我们正在从谷底上升"),
        ("黑客詹姆斯·钟（James Zhong）承认于2012年盗取这笔资金。", "person:zh-詹姆斯·钟", "承认", "于2012年盗取这笔资金"),
        # 他 is no woman the article names as one (新娘名叫X), 她 no man
        ("板球明星萨米·汗（Sami Khan）2018年第三次举行婚礼，新娘名叫Sara Malik（图中）。他说，新娘是他的指路人。",
         "person:zh-萨米·汗", "说", "新娘是他的指路人"),
        # a manner with 地 the tagger read as a verbal noun (不无担心地指出)
        ("《晨报》在报道抗议活动的消息时不无担心地指出：抗议将引发怎样的结果，尚难预测。", "organization:zh-晨报", "指出",
         "抗议将引发怎样的结果，尚难预测"),
        # one's answer, then its words in quotes (他的回答：“…”)
        ("马斯克问粉丝如何赚钱。他的回答：“从一大笔钱开始。”", "elon-musk", "回答", "从一大笔钱开始。"),
        # a space between the verb and its colon (Julia Faure 总结道 ：)
        ("研究员Julia Faure 总结道 ：我们什么都不做，就没有希望。", "person:julia-faure", "总结道",
         "我们什么都不做，就没有希望"),
        # 自称 and light verbs with a noun of speech, before punctuation (发出警告，…)
        ("俄罗斯当局自称，该男子身上未发现毒剂。", "russian-government", "自称", "该男子身上未发现毒剂"),
        ("王毅同时发出警告，美国不要为台湾提供支持。", "wang-yi", "发出警告", "美国不要为台湾提供支持"),
        # a document issued, or a suit filed, then what it asks (发布通知，要求…; 入稟，要求…)
        ("国家药监委员会于本周一发布通知，要求企业严格遵守法规。", "organization:zh-国家药监委员会", "要求",
         "企业严格遵守法规"),
        ("黎智英早前入稟，要求法院宣布決定無效。", "person:zh-黎智英", "要求", "法院宣布決定無效"),
        # a quotation after a conjunction alone goes on the statement (…。但还“B”。)
        ("印度国防部表示，初步评估“指向一场无人机袭击”。但还“需要进一步的技术分析”。", "organization:zh-印度国防部", "表示",
         "需要进一步的技术分析"),
        # a committee written short (安委会) issuing a notice, which then speaks (通知指出)
        ("省政府安委會印發通知，部署開展排查行動。</p><p>通知指出，這次排查要重點整治易燃材料。", "organization:zh-省政府安委会",
         "指出", "這次排查要重點整治易燃材料"),
        # a title written after the name and its gloss (所长沃克（Walker）教授告诉…); 与 before a second
        # name is no circumstance of the first body's
        ("伦敦大学学院风险与灾难防治所所长乔安娜·沃克（Joanna Walker）教授告诉BBC：“十年中只有两次。”",
         "person:joanna-walker", "告诉", "十年中只有两次。"),
        # two names joined, each with its gloss, speak together (A（…）和B（…）也表示); so do two
        # places with an adverb after the second (马来西亚与越南也表示)
        ("两位创办人豪泽（Hermann Hauser）和布朗（Tudor Brown）也表示，公司应该维持中立。", "person:hermann-hauser",
         "表示", "公司应该维持中立"),
        ("两位创办人豪泽（Hermann Hauser）和布朗（Tudor Brown）也表示，公司应该维持中立。", "person:tudor-brown",
         "表示", "公司应该维持中立"),
        ("马来西亚与越南也表示，与中国船只发生了摩擦。", "vietnam", "表示", "与中国船只发生了摩擦"),
        # a source by its Latin name in quotes after 据, hyphenated (no catalog's Asia in Asia-Plus)
        ("据“Pamir-News”报道，俄罗斯将向杜尚别提供赠款。", "organization:pamir-news", "报道", "俄罗斯将向杜尚别提供赠款"),
        # a quotation with one nested in it in the same marks (“…“逃犯”之名，”X称)
        ("“不要走一条不归的路，一生背负“逃犯”之名，”英国首相苏纳克称。", "rishi-sunak", "称",
         "不要走一条不归的路，一生背负“逃犯”之名，"),
        # a paragraph opening with a quotation of whole sentences, then a sentence opening with a
        # person's name, as a lead writes (“Q。”X社长Y本月宣布…)
        ("“尚未接到任何通知。”日本内阁官房长官松野博一1日召开记者会。", "hirokazu-matsuno", "", "尚未接到任何通知。"),
        # a quotation of several paragraphs, each opened and only the last closed
        ("陈明同时表示，留学生更加谨慎了。</p><p>“封城对经济影响很大。</p><p>“他们必须考虑学什么课程。”", "person:zh-陈明",
         "表示", "封城对经济影响很大。"),
        # a person named in full, then by the surname alone before the verb (Hong Kong's and
        # Taiwan's courts and councils), with an adverb the tagger runs into it or none
        ("律师邓家豪代表被告求情。法官问及案情；邓就指被告并非主谋。", "person:zh-邓家豪", "指", "被告并非主谋"),
        ("律师邓家豪代表被告求情。法官问及案情；邓遂引述被告的信，指他深感后悔。", "person:zh-邓家豪", "指",
         "他深感后悔"),
        ("议员苏伟文出席会议。主席宣布休会后，苏称绝对同意。", "person:zh-苏伟文", "称", "绝对同意"),
        # a quotation after a colon, over paragraphs each opened and only the last closed
        ("环保人士陈明指出了问题。</p><p>他说：“他们似乎领先我们五十年。</p><p>“社区里的人收割稻米。”", "person:zh-陈明",
         "说", "他们似乎领先我们五十年。"),
        # quotation paragraphs after a sentence opening with a name, a photo's credit between
        ("环保人士陈明希望谷物成为主食。(ABC: Jessica Ross)</p><p>“他们把这些食物卖到市场。</p><p>“他们主张自己有权控制。”",
         "person:zh-陈明", "", "他们主张自己有权控制。"),
        # 她 after several unnamed people questioned her: still the woman named before
        ("特勤局局长金伯莉·切特尔出席听证会，会上多名委员会成员对她进行了质询。</p><p>她在听证会上表示，此次事件是严重失误。",
         "person:zh-金伯莉·切特尔", "表示", "此次事件是严重失误"),
        # “A，”X told a paper. “B.”: both quotations are X's
        ("“基地是柬埔寨的，”基地指挥官陈明告诉《纽约时报》。“说基地由中国控制是不对的。”", "person:zh-陈明", "告诉",
         "说基地由中国控制是不对的。"),
        ("“基地是柬埔寨的，”基地指挥官陈明告诉《纽约时报》。“说基地由中国控制是不对的。”", "person:zh-陈明", "告诉",
         "基地是柬埔寨的，"),
        # 他们 after a sentence whose subject is a body: that body
        ("胡塞叛军向油轮发射了四枚导弹。尽管他们此前曾表示不会袭击中国船只。", "houthis", "表示", "不会袭击中国船只"),
        # as X pointed out in a book (正如X在其著作中指出的那样，…): what follows is X's
        ("正如著名哲学家汉娜·阿伦特在其著作中指出的那样，欧洲的帝国主义投射有助于调和国内的不平等。", "person:zh-汉娜·阿伦特",
         "指出", "欧洲的帝国主义投射有助于调和国内的不平等"),
        # 告诉人 is a complainant, but 告诉人群 told the crowd
        ("美国总统拜登在集会上告诉人群，“我知道该怎么说真话！”", "joe-biden", "告诉", "我知道该怎么说真话！"),
        # delivering a report (进行…报告) is the channel the speaker spoke in, not the report speaking
        ("行政院长卓荣泰在会中进行施政报告指出，要为老问题找出新方法。", "person:zh-卓荣泰", "指出", "要为老问题找出新方法"),
        # a Latin name of two words after what the person is and 的, then when, then the verb
        ("前贸易官员、现任投资银行高级董事总经理的Sarah Bianchi在周三给客户的一份报告中写道：“退出的可能性已经上升。”",
         "person:sarah-bianchi", "写道", "退出的可能性已经上升。"),
        # 他 after a sentence whose subject beat a named other: the subject, not its object
        ("日本选手加纳虹辉击败了东道主法国的主力选手博雷尔，夺得金牌。他说：“很庆幸能从事击剑。”", "person:zh-加纳虹辉",
         "说", "很庆幸能从事击剑。"),
    ],
)
def test_attribution_mechanisms(body, speaker, verb, content):
    assert (speaker, verb, content, False) in statements(body), statements(body)


def test_a_candidates_campaign_speaking_is_a_body_not_the_candidate():
    said = statements("美国总统拜登接受了采访。拜登竞选团队指出，提出问题建议是业界常见的做法。")
    assert ("organization:zh-拜登竞选团队", "指出", "提出问题建议是业界常见的做法", False) in said, said
    # spoken to, or whose spokesperson: the campaign is no speaker, the candidate stays named
    said = statements("美国总统拜登接受了采访。议员彼得斯向拜登的竞选团队发出警告，暗示可能会有后果。")
    assert all(speaker != "organization:zh-拜登竞选团队" for speaker, *_ in said), said


def test_a_speech_given_then_what_it_held_is_one_statement():
    said = statements("日本前驻华大使宫本雄二在开幕式上致辞，认为此次展览是互相学习的平台。")
    assert [verb for _, verb, _, _ in said] == ["认为"], said


def test_they_after_two_people_who_spoke_together_are_both_again():
    said = statements("两位共同创办人豪泽（Hermann Hauser）和布朗（Tudor Brown）也表示，公司应该维持中立。</p>"
                      "<p>这是因为存在利益冲突。</p><p>另外他们也表示，美国政府会阻挡中国公司使用其技术。")
    speakers = {speaker for speaker, verb, content, _ in said if content.startswith("美国政府")}
    assert speakers == {"person:hermann-hauser", "person:tudor-brown"}, said


def test_both_sides_are_the_two_who_met_not_a_summit_spoken_of():
    said = statements("5月17日，驻日本大使吴江浩会见俄罗斯驻日使馆临时代办奥维科，双方高度评价两国关系，"
                      "并就七国集团广岛峰会交换看法。</p><p>双方注意到，七国集团广岛峰会在即，对透露出的信息深表关切。")
    speakers = {speaker for speaker, verb, _, _ in said if verb == "注意到"}
    assert speakers == {"person:zh-吴江浩", "person:zh-奥维科"}, said
    # …and a sentence opening with 一致认为 goes on with both
    said = statements("驻日本大使吴江浩会见俄罗斯驻日使馆临时代办奥维科，双方高度评价两国关系。</p>"
                      "<p>双方注意到，峰会在即。一致认为，七国集团企图假借国际社会名义。")
    speakers = {speaker for speaker, verb, _, _ in said if verb == "认为"}
    assert speakers == {"person:zh-吴江浩", "person:zh-奥维科"}, said


def test_a_report_by_its_word_alone_is_the_outlet_last_quoted():
    said = statements("路透社报导，密西根州最高法院将不会开审。</p><p>报道称，科罗拉多州最高法院暂缓其裁决。")
    assert ("reuters", "报道称", "科罗拉多州最高法院暂缓其裁决", False) in said, said
    # no outlet quoted before: reports, unnamed
    said = statements("报道称，科罗拉多州最高法院暂缓其裁决。")
    assert [(speaker, anonymous) for speaker, _, _, anonymous in said] == [(None, True)], said


def test_an_assessment_carried_out_is_no_statement():
    said = statements("委员会建议美国政府应成立一个协调办公室，针对潜在冲突进行评估，并准备好因应措施。")
    assert all(verb != "评估" for _, verb, _, _ in said), said


def test_a_disclosure_that_shows_is_a_noun_no_verb():
    said = statements("马斯克的未经审计的信息披露显示，用户数有望远超2.66亿。")
    assert all(verb != "披露" for _, verb, _, _ in said), said


def test_a_verb_inside_a_quotation_says_nothing_after_it():
    said = statements("“人们越来越担心，”一位民主党议员说。")
    assert [verb for _, verb, _, _ in said] == ["说"], said


def test_what_two_named_things_have_between_them_shows_is_neither_ones_statement():
    said = statements("尽管柬埔寨否认，但柬埔寨与中国的密切关系表明，云壤可能是军事基地。")
    assert all(speaker != "cambodia" for speaker, *_ in said), said


def test_a_surname_alone_speaks_for_the_one_person_of_that_surname_only():
    # two people of one surname: the surname alone is neither's
    said = statements("律师邓家豪与邓美玲出庭。法官问及案情；邓就指被告并非主谋。")
    assert all(speaker is None for speaker, *_ in said), said
    # a surname's character inside a word (桥梁) or before the full name is no one's
    said = statements("梁说，桥梁安全。议员梁志明出席会议。")
    assert all(speaker != "person:zh-梁志明" for speaker, *_ in said), said


def test_a_summing_up_of_a_thing_and_what_is_hard_to_predict_are_no_statements():
    said = statements("习近平总结了中国在太空计划方面取得的成就，包括载人航天飞行。")
    assert said == [], said
    said = statements("《晨报》指出：抗议将引发怎样的结果，尚难预测，因为警察的部署可以非常迅速。")
    assert [verb for _, verb, _, _ in said] == ["指出"], said


def test_a_verb_of_supplementing_without_punctuation_is_no_statement():
    said = statements("王强表示，立法原意是防止外国干预，当局提出释法主要希望人大常委会，补充法律一些不清楚地方。")
    assert [verb for _, verb, _, _ in said] == ["表示"], said


def test_an_unnamed_official_of_one_body_is_not_the_named_one_of_another():
    said = statements("悉尼长城旅行社负责人告诉记者，航班很少。</p><p>澳大利亚耕欣教育的负责人魏华告诉记者，学生更谨慎了。")
    assert said[0][0] is None and said[0][3], said


def test_a_verb_inside_what_a_speaker_asks_for_is_no_second_statement():
    said = statements("华盛顿施压梅洛尼，要求意大利澄清对其中国竞争对手的立场。")
    assert said == [("united-states", "要求", "意大利澄清对其中国竞争对手的立场", False)], said


def test_a_document_of_a_countrys_unnamed_officials_is_anonymous():
    said = statements("俄罗斯官员以及政治和军事分析人士的声明表明，由于乌克兰未能发动反击，莫斯科现在感到更有信心。")
    assert said and all(speaker is None and anonymous for speaker, _, _, anonymous in said), said


def test_a_counted_group_of_people_speaks_as_the_people_named_last():
    said = statements("根据经济学教授Isabella Weber和她同事Evan Wasner撰写的一篇论文，企业能够提价。"
                      "</p><p>这两位经济学家表示，对企业财报的分析就体现出了这种模式。")
    speakers = {speaker for speaker, verb, _, _ in said if verb == "表示"}
    assert speakers == {"person:isabella-weber", "person:evan-wasner"}, said


def test_what_another_side_calls_a_thing_in_brackets_is_no_statement():
    said = statements("为了避免尖阁诸岛（中国称钓鱼岛）等问题上对立激化，双方同意对话。")
    assert said == [], said


def test_a_county_government_no_article_names_is_no_one():
    # (縣府 with no county government named: not the dateline's agency, the nearest body)
    said = statements("（中央社記者管瑞平苗栗縣28日電）苗栗縣南庄首驗出狂犬病鼬獾。</p><p>縣府呼籲，民眾避免接觸野生動物。")
    assert all(speaker != "cna" for speaker, *_ in said), said


def test_joint_speakers_each_get_the_statement():
    found = statements("马克龙与朔尔茨在会谈后均表示，外交仍是唯一出路。")
    speakers = {k for k, v, t, _ in found if v == "表示"}
    assert speakers == {"emmanuel-macron", "olaf-scholz"}


def test_continuation_keeps_speaker_but_a_new_clause_subject_wins():
    found = statements("据塔斯社报道，普京与卢卡申科举行会谈，均表示两国将加强合作。")
    assert {k for k, v, _, _ in found if v == "表示"} == {"vladimir-putin", "alexander-lukashenko"}


def test_names_inside_titles_are_not_mentions():
    keys = {m.key for m in run("各方重申将遵守《明斯克协议》的全部条款。").mentions}
    assert "minsk" not in keys


@pytest.mark.parametrize("body", ["拜登因被指控泄露机密而遭调查。", "拜登遭指责隐瞒病情。", "拜登怪他造成债务增加。"])
def test_a_passive_verb_or_a_blame_is_no_statement(body):
    assert statements(body) == []


@pytest.mark.parametrize("body", ["古特雷斯写信给安理会表示，局势正在恶化。", "古特雷斯写信给安理会，表示局势正在恶化。"])
def test_a_letter_written_to_someone_is_no_statement_of_its_own(body):
    found = statements(body)
    assert "写信" not in [verb for _, verb, _, _ in found], found


def test_noun_uses_of_speech_verbs_are_not_statements():
    assert statements("拜登曾向俄罗斯发出警告。") == []


@pytest.mark.parametrize(("body", "verbs"), [
    ("何胜丰不曾表态支持国民党总统候选人侯友宜。", []),  # denied
    ("分析人士指，该组织在未先知会盟友的情况下不太可能要求扩张。", ["指"]),  # judged unlikely
    # a verb before 时 is a clause of time, before 的 an attribute: the statement's verb is later
    ("赖清德致词时表示，选举倒数时刻很感谢得到大家的支持。", ["表示"]),
    ("美国广播公司新闻网引述的多名执法单位消息人士则提到，凶嫌名叫波里托。", []),
    # a bracketed aside naming a thing (（中国称钓鱼岛）)
    ("如何应对中国在尖阁诸岛（中国称钓鱼岛）附近海域设置浮标成为议题。", []),
    # a verb made a noun by 予以 (指控予以否认); a stance verb answering a claim (否认…的说法)
    ("莫斯科对暴行指控予以否认。", []),
    ("普京否认约翰逊有关他曾威胁要用导弹袭击英国的说法。", []),
    # …also after a gloss in the same bracket
    ("菲律宾船只在仁爱礁(Second Thomas Shoal，中国称仁爱礁)的水域频繁遭遇中国海警。", []),
    # a speech verb the tagger reads as the head noun of what comes before it (联合调查提议)
    ("李洛渊在脸书上发文敦促朝鲜接受韩方的联合调查提议，表示“韩朝公布的内容存在差别”。", ["敦促", "表示"]),
    # what someone may do is not what they said (可能会作出回应)
    ("北京可能会作出回应，这将使双方关系恶化。", []),
    # a stance shown (表明决心…), a concession's verb (虽然…否认，但…)
    ("但北京已表明决心快速掌握这项技术。", []),
    ("虽然中国政府对此否认，但这两个非法警察机构仍在运作。", []),
    # no act before 说 (比如说), nor a wish to say (打算说)
    ("布林肯比如说，这项调查并不公正。", []),
    ("布林肯打算说，这项调查并不公正。", []),
    # a quotation, then a paper explaining the matter (就上述问题进行了解释): no topic clause
    ("“这些手段都很糟糕，但与违约相比，它们风险程度如何？”《华尔街日报》就上述问题进行了解释。", []),
    # an apology made (表示道歉): 道 begins the next word, no verb of saying
    ("该节目制作人霍金则在YouTube影片下方表示道歉，表示“因制作上的疏忽，造成部分内容不敬”。", ["表示"]),
    # what a thing shows (它表明), no one's words, whatever body was named before
    ("航运公司Kpler的数据显示，原油数量下降。这种结构被称为现货溢价，它表明交货时将出现供应紧张的状态。", []),
    # an opinion given, then the verb that says which: one statement
    ("王志安针对台湾大选发表看法，批评台湾造势晚会的舞台像演唱会现场。", ["批评"]),
    # a citation of a report (引用…的报导): 引用 speaks only with whose words it relays
    ("川普对纽时引用逾20年报税资料的报导不屑一顾。", []),
    # a writer rephrasing (或者说, 换句话说) is no one speaking
    ("美国向盟友提供了哪些专业知识，或者说提供了哪些支持？", []),
    ("布林肯访问了非洲。换句话说，美国重视非洲。", []),
    # a verb of speaking whose content is the same speaker's 称 and what follows: one statement
    ("柯文哲发出一封公开信对党内同志喊话，称要义无反顾地团结。", ["称"]),
])
def test_denied_verbs_and_verbs_made_times_or_attributes_are_no_statements(body, verbs):
    assert [verb for _, verb, _, _ in statements(body)] == verbs, statements(body)


@pytest.mark.parametrize(("body", "verbs"), [
    # a verb and its addressee, then 说: one statement, by 说
    ("基辅分析师伊加尔·泰什科维奇告诉半岛电视台说，“这是俄罗斯在前线搞砸的风险。”", ["说"]),
    # …but a second act joined by 并 is a statement of its own
    ("普拉伯沃在辩论时否认曾侵犯人权并说：“我坚定捍卫人权。”", ["否认", "说"]),
])
def test_a_verb_with_its_addressee_before_a_saying_is_one_statement(body, verbs):
    assert [verb for _, verb, _, _ in statements(body)] == verbs, statements(body)


def test_byline_journalist_is_a_person():
    text = "---\ntitle: t\ndate: 2022-01-01T00:00:00Z\nauthor: 观察者网\n---\n<p>【文/观察者网 王五】正文内容。</p>"
    result = extract(parse_text(text))
    assert any(m.surface == "王五" and m.kind == "person" for m in result.mentions)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("韦斯特伯格周二表示，谈判没有进展。", "韦斯特伯格"),
        ("据报道，卡琳娜·马丁内斯说，援助将在下月到位。", "卡琳娜·马丁内斯"),
    ],
)
def test_unknown_speaker_is_discovered_before_a_speech_verb(body, name):
    result = run(body)
    person = result.entities.get("person:zh-" + name)
    assert person is not None and person.origin == "discovered"
    assert any(s.speaker_key == person.key for s in result.statements)


def test_ordinary_words_before_verbs_are_not_names():
    assert not [k for k in run("有人表示，形势严峻。多国表示支持。").entities if k.startswith("person:zh-")]


@pytest.mark.parametrize(
    ("body", "speaker", "anonymous"),
    [
        ("塔斯社援引佩斯科夫的话说，会谈将在明斯克举行。", "dmitry-peskov", False),
        ("路透社援引一名美国官员的话说，制裁即将公布。", None, True),
    ],
)
def test_relayed_speech_belongs_to_the_quoted(body, speaker, anonymous):
    found = statements(body)
    assert any(k == speaker and a == anonymous and v == "说" for k, v, _, a in found), found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Advice and opinion going on a statement without punctuation after the verb.
        ("布林肯指出，局势十分紧张，建议各方保持克制。", [("指出", "局势十分紧张"), ("建议", "各方保持克制")]),
        ("布林肯说，谈判仍有空间，又相信外交能够成功。", [("说", "谈判仍有空间"), ("相信", "外交能够成功")]),
        # The same advice said twice is one statement.
        ("布林肯建议，各方保持克制，如有必要，建议暂停行动。", [("建议", "各方保持克制，如有必要，建议暂停行动")]),
        # Thanks are no continuation; nor is a bare verb with no statement before it.
        ("布林肯说，谈判仍有空间，感谢各方支持。", [("说", "谈判仍有空间，感谢各方支持")]),
        ("局势十分紧张，建议各方保持克制。", []),
    ],
)
def test_a_statement_goes_on_with_a_bare_verb_of_advice(body, expected):
    assert [(v, t) for _, v, t, _ in statements(body)] == expected


def test_a_pronoun_is_not_a_name_listed_as_an_object():
    found = statements("王清鹏表示，当局针对李和平、王全璋和周世锋等律师施压。她呼吁，外界关注人权捍卫者。")
    assert ("person:zh-王清鹏", "呼吁") in [(k, v) for k, v, _, _ in found]


def test_a_pronoun_goes_on_with_the_speaker_not_a_name_in_the_speakers_words():
    found = statements("一位武汉居民说，他记得李文亮，李文亮是一名医生。\n他说，他经常和朋友谈论疫情。")
    last = [f for f in found if f[2].startswith("他经常")]
    assert last and last[0][0] is None and last[0][3], found


def test_say_clearly_is_no_statement():
    assert [v for _, v, _, _ in statements("布林肯质疑，若不说清楚，凭什么参选。")] == ["质疑"]


def test_a_listed_subject_speaks_for_each_of_its_members():
    found = statements("比利时、波兰、西班牙、芬兰也说准备派员协助。")
    assert {k for k, v, _, _ in found if v == "说"} == {"belgium", "poland", "spain", "finland"}


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # a readout goes on in the speaker's own first person, up to the next verb
        ("習近平強調，總統先生剛才又重申，美方無意同中國發生衝突。對於你的這些表態，我是十分重視的。習近平指出，中美關係仍有困境。",
         "總統先生剛才又重申，美方無意同中國發生衝突。對於你的這些表態，我是十分重視的"),
        # not in a writer's 我们, 我国 or in 自我
        ("王毅表示，中方不会让步。我们注意到，我国的立场没有变化。", "中方不会让步"),
        ("葛林表示，中国的胁迫将威胁第一岛链。因此，台湾自我防卫的决心至关重要。", "中国的胁迫将威胁第一岛链"),
    ],
)
def test_reported_speech_goes_on_in_the_speakers_first_person(body, content):
    assert statements(body)[0][2] == content, statements(body)


@pytest.mark.parametrize(
    ("body", "contents"),
    [
        # a colon opens the speaker's words: each first-person sentence after it is one more entry
        ("岸田首相指出：关于俄罗斯的侵略，我们不能允许。 我们还确认，我们将支持乌克兰。 关于中国，我们将密切关注。日本外务省表示，会谈顺利。",
         ["关于俄罗斯的侵略，我们不能允许", "我们还确认，我们将支持乌克兰", "关于中国，我们将密切关注",
          "会谈顺利"]),
        # without the colon, a writer's 我们 is not the speaker's
        ("王毅表示，中方不会让步。我们注意到，立场没有变化。", ["中方不会让步"]),
        # a sentence with no first person ends the block
        ("岸田首相指出：我们不能允许。会谈持续两小时。我们还确认合作。", ["我们不能允许"]),
    ],
)
def test_a_colon_opens_a_block_of_the_speakers_first_person_sentences(body, contents):
    assert [content for _, _, content, _ in statements(body)] == contents


def test_it_is_the_body_that_spoke_before_not_a_channel():
    # 它补充道 after 土耳其总统府表示: the presidency (总统府 ends a body's name)
    found = statements("土耳其总统府表示，两国总统通了电话。它补充道，两国总统强调了合作的重要性。")
    assert [(k, v) for k, v, _, _ in found] == [
        ("organization:zh-土耳其总统府", "表示"), ("organization:zh-土耳其总统府", "补充道")
    ], found
    # 推特 in 在推特上 is where it was said, never whom 它 means
    found = statements("北约周一在推特上表示，会议顺利。它说，各方同意加强合作。")
    assert [k for k, _, _, _ in found] == ["nato", "nato"], found


@pytest.mark.parametrize(("body", "speaker"), [
    ("美国总统拜登周二与中国国家主席习近平会谈，后者表示，中方愿意合作。", "xi-jinping"),
    ("拜登与习近平会谈，前者表示，美方愿意合作。", "joe-biden"),
])
def test_the_latter_and_the_former_are_the_last_two_named(body, speaker):
    assert [k for k, _, _, _ in statements(body)] == [speaker], statements(body)


def test_the_two_of_them_are_the_last_two_people_named():
    found = statements("拜登与习近平会谈后，两人均表示，双方将加强沟通。")
    assert sorted(k for k, _, _, _ in found) == ["joe-biden", "xi-jinping"], found


def test_a_group_joined_by_and_stays_one_unnamed_subject():
    assert statements("一些美国议员和企业认为这是一个漏洞。") == [(None, "认为", "这是一个漏洞", True)]


def test_two_sources_joined_by_and_right_before_the_verb_both_report():
    found = statements("綜合法新社和路透社報導，這是古特瑞斯首度援引聯合國憲章第99條。")
    assert {k for k, _, _, _ in found} == {"afp", "reuters"}, found


def test_a_pronoun_takes_the_last_person_who_spoke_over_an_earlier_name():
    body = "刘宇龙：病毒伤害性已减低\n在疫情期间，出任政府顾问的、中大教授许树昌认为，调低级别是合适的。但他指出，变种病毒仍在传播。"
    found = statements(body)
    assert ("person:zh-许树昌", "指出") in [(k, v) for k, v, _, _ in found], found


def test_a_counted_group_speaks_for_the_bodies_named_before():
    found = statements("北约、欧盟和联合国都派了代表。这3个组织在共同声明中表示，局势必须降温。")
    assert {k for k, v, _, _ in found if v == "表示"} == {"nato", "european-union", "united-nations"}, found


def test_a_quotation_before_the_speaker_is_theirs_even_when_more_follows():
    found = statements("“我们不会让步。”布林肯说，谈判仍有空间。")
    assert {(v, t) for k, v, t, _ in found if k == "antony-blinken"} == {
        ("说", "我们不会让步。"), ("说", "谈判仍有空间")
    }, found


def test_one_article_writing_a_foreign_name_two_ways_names_one_person():
    found = statements("商会前主席柯伊尔说，拘留时间太长。\n“五个月过去了，我们还在等，”科伊尔说。")
    assert {k for k, _, _, _ in found} == {"person:zh-柯伊尔"}, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a stance verb right after its subject, before a clause, speaks without punctuation
        ("孟晚舟承认曾就华为的业务误导银行。", [("孟晚舟", "承认", "曾就华为的业务误导银行")]),
        # but not a plan (预计前往)
        ("王文涛预计将前往美国参加会议。", []),
        # announcing a run or a decision (宣布角逐…, 宣布，将…) is no statement, with a comma or not
        ("特朗普已宣布争取共和党下届总统提名。", []),
        ("特朗普宣布，将争取共和党下届总统提名。", []),
        # a verb inside a time frame reports nothing
        ("在中国宣布放宽限制后，企业的信心有所回升。", []),
    ],
)
def test_bare_stance_verbs_and_time_frames(body, expected):
    assert [(t, v, c) for _, v, c, _ in statements(body) for t in [run(body).statements[0].speaker_text]] == expected


def test_a_verb_inside_a_circumstance_frame_reports_nothing():
    # 在日本谴责…的现状下: 表示 reports; 谴责 is the circumstance's, not a nested statement
    body = "俄罗斯副外长鲁登科表示，在日本谴责俄罗斯进攻乌克兰的现状下，继续谈判是不可能的。"
    assert [v for _, v, _, _ in statements(body)] == ["表示"], statements(body)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a country, an office and the holder's name: the holder speaks (贸易代表, 行长)
        ("美國貿易代表戴琪在聲明中說，美方將持續與台灣協商。", "person:zh-戴琪"),
        ("日本央行行长植田和男说，日本将维持宽松。", "person:zh-植田和男"),
    ],
)
def test_an_office_holder_not_the_country_speaks(body, speaker):
    assert [k for k, _, _, _ in statements(body)] == [speaker], statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # whom it was told to (告诉…记者，) is no content; 据报道 inside it is no one's of the sentence
        ("斯图潘告诉乌克兰电视台记者，战斗非常激烈，据报道，俄军发动了610次炮击。",
         [("person:zh-斯图潘", "告诉", "战斗非常激烈，据报道，俄军发动了610次炮击"),
          (None, "据报道", "俄军发动了610次炮击")]),
        # 他 inside a quotation may be one the quotation reports (拜登承诺…。他还告诉我们…)
        ("“美国总统拜登向我们承诺过，将救回埃文。他还告诉我们，他与我们感同身受，”埃文的母亲米尔曼说。",
         [("person:zh-米尔曼", "说", "美国总统拜登向我们承诺过，将救回埃文。他还告诉我们，他与我们感同身受，"),
          ("joe-biden", "承诺", "将救回埃文"), ("joe-biden", "告诉", "他与我们感同身受")]),
        # 指 and 称 opening a clause after a comma speak for the clause before (出示租约，指…)
        ("发言人陈世凯出示租约，指潘孟安是租屋。", [("person:zh-陈世凯", "指", "潘孟安是租屋")]),
        ("中方召见美国大使，称美方的行为严重违反国际法。", [("china", "称", "美方的行为严重违反国际法")]),
        ("他举起右手，指向远方。", []),
        # a quoted title inside a clause opens none: 他 is the one named before it
        ("潘孟安上午出席「反贿选记者会」记者会。他在会后受访时表示，他只是跑腿者。",
         [("person:zh-潘孟安", "表示", "他只是跑腿者")]),
    ],
)
def test_addressees_unsourced_reports_and_pronouns_inside_quotations(body, expected):
    assert [(k, v, c) for k, v, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a second plain verb of saying after the first (回应表示，…): the content follows it
        ("赖清德回应表示，他参选总统是为守护台湾。", [("lai-ching-te", "回应", "他参选总统是为守护台湾")]),
        # a verb after 相关 is a noun (相关指控表示反对): only 表示 reports, then 称
        ("商汤科技对相关指控表示强烈反对，并称将提出上诉。",
         [("sensetime", "表示", "强烈反对"), ("sensetime", "称", "将提出上诉")]),
        # a quotation that ends its own sentence inside its marks: the writer's next one is no part
        ("德国航运巨头的一名发言人表示：“我们将继续评估局势。”该公司将继续绕道好望角。",
         [(None, "表示", "我们将继续评估局势。")]),
        # …or inside the content, with the writer's next sentence run on after it
        ("王毅表示，中方不會讓步，「我們呼籲各方參加論壇。」但一名北京代表隨後對此提出異議。",
         [("wang-yi", "表示", "中方不會讓步，「我們呼籲各方參加論壇。」")]),
        ("王毅表示，中方不會讓步。（編輯：張三）1121204", [("wang-yi", "表示", "中方不會讓步")]),
        # a name that modifies the subject (伊朗支持的…叛军表示) is no speaker of a clause after
        ("伊朗支持的叛军团体今天表示，在海岸攻击两艘船，强调将以色列船舶当作目标。", []),
    ],
)
def test_second_verbs_nouns_closed_quotations_and_modifying_names(body, expected):
    assert [(k, v, c) for k, v, c, _ in statements(body)] == expected, statements(body)


def test_he_inside_a_quotation_is_not_the_one_quoted():
    body = "阿马德告诉记者：“我的朋友和其他几个人跳了出去。”\n“他认为有两个人被子弹击中。”"
    found = statements(body)
    assert all(not (k == "person:zh-阿马德" and c.startswith("有两个人")) for k, _, c, _ in found), found


def test_a_paragraph_opening_with_he_said_goes_on_with_the_last_speaker():
    body = "一位武汉居民说，他记得李文亮。李文亮后来受到调查。</p><p>他说，他经常和朋友谈论疫情。"
    last = [f for f in statements(body) if f[2].startswith("他经常")]
    assert last and last[0][0] is None and last[0][3], last


def test_an_unnamed_person_becoming_the_subject_takes_the_next_verb():
    body = "陪考的沈小姐表示，女儿当初无人陪考，但女儿考出最好成绩，也表示考场很安静。"
    last = [f for f in statements(body) if f[2].startswith("考场很安静")]
    assert last and last[0][0] is None and last[0][3], statements(body)


def test_about_before_a_number_ends_no_name():
    found = run("袭击发生在哈尔科夫以北约50公里处。")
    assert not any(m.key == "nato" for m in found.mentions)


def test_an_editorial_is_the_newspapers():
    body = "华尔街日报发表社论评论美国众议院议长的访问。社论指称，议长曾考虑访问台湾。"
    found = statements(body)
    assert ("wall-street-journal", "指称") in [(k, v) for k, v, _, _ in found], found


def test_a_title_with_a_term_of_address_is_its_holder():
    body = "美国总统拜登与习近平通话。习近平强调，总统先生刚才重申，美方不寻求新冷战。"
    found = statements(body)
    assert ("joe-biden", "重申") in [(k, v) for k, v, _, _ in found], found


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        ("中国和香港当局则表示，所有国家都需要此类法律。", {"china-government", "hong-kong-government"}),
        ("美国当局表示，制裁将继续。", {"us-government"}),
        ("民进党当局说，美国的承诺坚如磐石。", {"dpp"}),
    ],
)
def test_authorities_are_the_governments_of_the_places_named(body, speakers):
    assert {k for k, _, _, _ in statements(body)} == speakers


def test_two_titled_people_joined_speak_together():
    found = statements("美国总统拜登和俄罗斯总统普京宣读了联合声明，双方同意继续谈判。")
    assert {k for k, v, _, _ in found if v == "宣读"} == {"joe-biden", "vladimir-putin"}, found


def test_a_places_government_the_catalog_lacks_is_named_by_the_text():
    found = statements("委内瑞拉政府发表声明称，埃塞奎博地区属于委内瑞拉。")
    assert [k for k, _, _, _ in found] == ["organization:zh-委内瑞拉政府"], found


@pytest.mark.parametrize(
    "body",
    [
        "美联储周三宣布再加息3码。",  # a decision announced
        "中国政府宣布审查美光的产品。",
        "孟晚舟对多项指控表示不认罪。",  # a set phrase
    ],
)
def test_announced_decisions_and_set_phrases_are_no_statements(body):
    assert statements(body) == []


def test_a_verb_right_after_a_quoted_term_is_a_noun():
    assert statements("拜登的“四不一无意”表态，着实泼了冷水。") == []


def test_a_document_described_after_its_issuers_is_theirs():
    found = statements("公司董事长王建民和工会主席李秀英周一发表的声明，该声明称：“我们会共同面对困难。”")
    speakers = {key for key, verb, _, _ in found if verb == "称"}
    assert speakers == {"person:zh-王建民", "person:zh-李秀英"}, found


def test_a_name_after_a_verb_of_thinking_is_the_subject_a_pronoun_refers_to():
    body = "他的前任王建国被认为与印度关系密切。相比之下，许多人认为李志强与中国关系更密切：他承诺，将加强两国合作。"
    found = statements(body)
    assert [key for key, verb, _, _ in found if verb == "承诺"] == ["person:zh-李志强"], found


def test_titled_names_in_a_list_speak_together():
    found = statements("工党发言人王志豪、议员李申翰、市议员赵玮珊今天召开记者会，质疑市长整顿垃圾山后造成新问题。")
    speakers = {key for key, verb, _, _ in found if verb == "质疑"}
    assert speakers == {"person:zh-王志豪", "person:zh-李申翰", "person:zh-赵玮珊"}, found


def test_reported_speech_goes_on_past_a_semicolon_unless_another_statement_begins():
    found = statements("克里姆林宫表示，正在评估这一结论；期待继续与有关部门讨论。")
    assert ("kremlin", "表示", "正在评估这一结论；期待继续与有关部门讨论", False) in found, found
    found = statements("克里姆林宫表示，正在评估这一结论；普京则强调，制裁无效。")
    assert ("kremlin", "表示", "正在评估这一结论", False) in found, found


def test_a_second_verb_joined_by_bing_has_the_first_ones_subject():
    found = statements("普京否认曾干预选举并说：“我们尊重每个国家的选择。”")
    assert ("vladimir-putin", "说", "我们尊重每个国家的选择。", False) in found, found


def test_quotations_side_by_side_are_statements_apart():
    found = statements("普京表示，“我们不想看到这种情况”，“这没有理由发生，外交官正在参与此事。”")
    texts = [text for key, _, text, _ in found if key == "vladimir-putin"]
    assert texts == ["我们不想看到这种情况", "这没有理由发生，外交官正在参与此事。"], found


def test_a_part_of_a_bracketed_name_goes_with_the_brackets_person():
    result = run("英国3岁女童麦德琳．麦坎（Madeleine McCann）失踪。检方说，麦德琳当时与家人在度假。")
    people = {k for k, e in result.entities.items() if e.kind == "person"}
    assert people == {"person:madeleine-mccann"}, people


@pytest.mark.parametrize("body", ["叙利亚南部的特古莱布（Tel Qulaib）遭到空袭。", "大雨淹没了贝吉舍施兰（Bergisches Land）。"])
def test_a_place_glossed_in_latin_is_no_person(body):
    assert not [k for k, e in run(body).entities.items() if e.kind == "person"]



def test_a_quotation_ends_where_it_closes_when_another_speaker_follows():
    found = statements("在会谈后的联合记者会上，林芳正强调：“为了让侵略早日结束，将开展合作。”拉乌表示：“希望共同实现重建。”")
    texts = {verb: text for _, verb, text, _ in found}
    assert "拉乌" not in texts["强调"] and "将开展合作" in texts["强调"], found


def test_a_photo_credit_names_no_one_a_later_pronoun_refers_to():
    found = statements("咨询公司董事总经理林大卫称，赴华人员应当仔细考虑。图片来源：Tingshu Wang/REUTERS "
                       "如果被问到对政治话题的看法，一个稳妥的回答是：没有看法。“简单的回答是：我对中国一无所知，”他说。")
    assert [key for key, verb, _, _ in found if verb == "说"] == ["person:zh-林大卫"], found


def _lexicon() -> dict:
    import yaml

    lexicon = Path(__file__).resolve().parent.parent / "kb" / "data" / "lexicon.yaml"
    return yaml.safe_load(lexicon.read_text("utf-8"))


def _reporting_verbs() -> list[str]:
    return _lexicon()["reporting_verbs"]


@pytest.mark.parametrize("verb", _reporting_verbs())
def test_every_reporting_verb_of_the_lexicon_reports(verb):
    # each verb the lexicon lists, in the plainest shape news writes it: subject, verb, comma
    # (a verb that speaks only with a quotation after it, 称之为, with one)
    # (a verb that only relays, 引用, with whose words it relays: 引用发言人的话说)
    quoted = verb in _quote_only_verbs()
    relayed = verb in _lexicon()["relay_only_verbs"]
    body = f"王毅{verb}“中方不会让步”。" if quoted else f"王毅{verb}，中方不会让步。"
    content = "中方不会让步"
    if relayed:
        body, content = f"王毅{verb}发言人的话说，中方不会让步。", "发言人的话说，中方不会让步"
    if verb in _lexicon()["learning_verbs"]:  # (learned from someone: 记者从王毅处获悉)
        body = f"记者从王毅处{verb}，中方不会让步。"
    assert ("wang-yi", verb, content) in [(k, v, c) for k, v, c, _ in statements(body)], statements(body)


def _quote_only_verbs() -> list[str]:
    return _lexicon()["quote_only_verbs"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # straight quotes read as curly ones; a quotation after reported speech, in its
        # paragraph or as the next paragraph, goes on with its speaker
        ('德国工商会会长阿德里安表示，总体情况仍将困难。"我们需要尽快制定中期规划。"</p><p>'
         '"德国工业正处于危急境地。"他说，"一些公司将不得不裁员。"',
         [("person:zh-阿德里安", "总体情况仍将困难"), ("person:zh-阿德里安", "我们需要尽快制定中期规划。"),
          ("person:zh-阿德里安", "德国工业正处于危急境地。"), ("person:zh-阿德里安", "一些公司将不得不裁员。")]),
        # a quoted subheading ends no sentence in its marks: no one's words
        ("中国和香港当局则拒绝西方的批评，称中国尊重人权。</p><p>“新疆是禁区”</p><p>两位主管告诉路透社，官员曾来访。",
         None),
        # 他 after a long title chain before a name, not the name of an earlier paragraph
        ("武契奇一行人依然隐身、沉默。</p><p>首先，奥地利议会议员、欧洲委员会选举观察员负责人斯特凡·谢纳赫"
         "在镜头前发表讲话。他直言不讳地说，这不是一场公平的选举。",
         [("person:zh-斯特凡·谢纳赫", "这不是一场公平的选举")]),
    ],
)
def test_quotations_that_go_on_and_pronouns_after_titles(body, expected):
    found = [(key, text) for key, _, text, _ in statements(body)]
    if expected is None:
        assert all("新疆是禁区" not in text for _, text in found), found
    else:
        assert found == expected, found


def test_a_document_whose_issuer_no_one_could_name_is_not_the_nearest_bodys():
    # 新闻稿 issued by a body the extractor does not know: not the agency of the dateline
    body = ("（中央社記者林長順台北1日電）地方檢審協會晚間發布新聞稿指出，雙方達成共識。"
            "新聞稿表示，5項共識為檢察獨立。")
    assert all(key != "cna" for key, *_ in statements(body)), statements(body)


def test_reported_speech_inside_anothers_ends_where_a_clause_turns_against_it():
    found = statements("林俊憲批評，趙少康還說嫌貴不要租，但文大在陽明山，交通不便，只好咬牙承租。")
    assert ("person:zh-赵少康", "說", "嫌貴不要租", False) in found, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what a fact shows (a clause without a subject of its own) is no one's statement
        ("苹果公司周一宣布新品。本月Apple Watch停售是一个最明显迹象，表明这家科技公司在中国走得小心翼翼。", []),
        # papers of no named body (这些文件还表明) are no one's statement either
        ("白宫表示，美国正在调查。</p><p>这些文件还表明，美国一直在窃听其盟友。", [("white-house", "美国正在调查")]),
        # …but a speaker's own 表明 is
        ("外交部发言人汪文斌表明，中方立场没有改变。", [("wang-wenbin", "中方立场没有改变")]),
        # 称 after 亦/简/俗 tells what a thing is called
        ("苏丹军与达加洛（亦称“哈米德提”）率领的快速支援部队交战。", []),
        ("世界卫生组织（简称世卫）表示，疫情严重。", [("who", "疫情严重")]),
        # …but a title before 称 (总统称, 发言人称) is the speaker's
        ("美国总统拜登称，谈判仍有空间。", [("joe-biden", "谈判仍有空间")]),
    ],
)
def test_evidence_verbs_and_what_a_thing_is_called_speak_only_with_a_subject(body, expected):
    assert [(k, t) for k, _, t, _ in statements(body)] == expected


def test_a_clause_after_a_relay_is_not_the_relays_statement():
    # 央视引述会议内容指，要求…: the meeting asks; the relay only cites it
    found = statements("央視引述會議內容指，要求加快完善市場准入。")
    assert ("cctv", "要求", "加快完善市場准入", False) not in found, found


def test_a_report_refers_to_the_news_outlet_named_before_not_the_nearest_body():
    body = ("美國之音（VOA）11月30日報導，中國醫院人滿為患。報導說，北京兒童醫院每天接診上千人。</p>"
            "<p>報導表示，中國政府否認有新病毒。")
    found = statements(body)
    assert ("voa", "表示", "中國政府否認有新病毒", False) in found, found


@pytest.mark.parametrize(
    "body",
    [
        # a condition (如果…认为) and a charge named after 其他 report nothing
        "分析人士指出，如果拜登政府认为以色列违反国际法，援助将暂停。",
        "桑托斯憤怒地否認其他指控。",
    ],
)
def test_conditions_and_nouns_report_nothing(body):
    found = statements(body)
    assert all(key is None or key.startswith("person:zh-分析") for key, *_ in found), found
    assert all(verb not in ("认为", "指控") for _, verb, *_ in found), found


@pytest.mark.parametrize(
    ("body", "speaker_text"),
    [
        # 有 opening an unnamed subject; a party's cadres (干部) are people, not a body
        ("有公明党干部表示“岸田称之为痛心”。", "公明党干部"),
        # a person who names a faction (安倍派) is no person of the phrase; manner before 地
        ("自民党的安倍派骨干人士放心地表示：“守住了。”", "自民党的安倍派骨干人士"),
        # people "concerned" (相关人士), a court's sides (辩方), also after 据 and with a suffix
        ("外务省相关人士分析称：“她不引人注目。”", "外务省相关人士"),
        ("据相关人士透露，首相岸田文雄5日指示幕僚。", "相关人士"),
        ("辯方指出，條例中的「開始」字眼有歧義。", "辯方"),
        # 有人 and 还有人: someone unnamed
        ("后来还有人指出，在首都北部发生了巷战。", "人"),
        # a country's media (日本媒体) is no outlet and no country
        ("日本媒體昨天報導，台積電將在熊本設廠。", "日本媒體"),
    ],
)
def test_unnamed_sources_speak_anonymously(body, speaker_text):
    found = [s for s in run(body).statements if s.speaker_text == speaker_text]
    assert found and all(s.anonymous and s.speaker_key is None for s in found), run(body).statements


def test_a_person_noun_alone_names_the_one_person_it_was_written_before():
    body = "被告鄺港智今天沒有律師代表。法官問他是否明白，被告確認，並透露打算自費聘請律師。"
    found = statements(body)
    assert ("person:zh-邝港智", "透露", "打算自費聘請律師", False) in found, found
    # …but a person noun never written before a name stays an unnamed source
    assert statements("一名女子表示，她很害怕。") == [(None, "表示", "她很害怕", True)]


def test_a_document_is_its_issuers_even_with_words_between_verb_and_document():
    # 发表题为《…》的文章 names the issuer, though no one could name it: not the dateline's outlet
    body = "（自由亚洲电台）中共江苏省委组织部6日发表题为《加强基层治理》的文章。文章表示，要加强管控。"
    assert all(key != "rfa" for key, *_ in statements(body)), statements(body)
    body = "白宫周一发表了一份措辞强硬的声明。声明说，谈判破裂。"
    assert ("white-house", "说", "谈判破裂", False) in statements(body), statements(body)


def test_a_short_act_ending_in_hou_is_the_time_of_what_follows():
    assert statements("立法院長游錫堃宣布散會後，行政院長陳建仁進入議場。") == []
    assert [t for _, _, t, _ in statements("游錫堃宣布，散會後將開記者會。")] == ["散會後將開記者會"]


def test_a_four_character_names_family_name_alone_is_that_person():
    body = ("日本自民党前干事长二阶俊博8日在河内与越南国家主席武文赏举行会谈。据日本驻越南大使馆透露，"
            "这是武文赏就任后首次与日本议员会谈。</p><p>二阶8日接受采访时透露，此次访问达成协议。"
            "他强调希望促进农业领域的技术合作。")
    found = [(k, t) for k, _, t, _ in statements(body)]
    assert ("toshihiro-nikai", "此次访问达成协议") in found, found
    assert ("toshihiro-nikai", "希望促进农业领域的技术合作") in found, found


def test_a_meeting_no_one_held_speaks_for_no_body():
    found = statements("北约发言人表示，局势紧张。会议指出，俄罗斯构成威胁。")
    assert all(key != "nato" for key, *_ in found), found


def test_a_sort_of_body_no_one_named_is_no_other_body():
    # 当地法院 with no court named before: not the government named before it
    body = "中國政府表示，將加強管理。當地法院曾於2020年作出一項判決，指清真寺部分改建屬於違法。"
    assert ("china-government", "指", "清真寺部分改建屬於違法", False) not in statements(body)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 蔡总统 after 总统蔡英文: the one person of that surname the article named
        ("總統蔡英文今晚出席活動時表示，副總統賴清德經過歷練。賴清德說，他想坐火車環島。"
         "蔡總統認為，第3題會說蔡政府大撒幣。", "tsai-ing-wen"),
        # …who holds the title: not a scholar of that surname
        ("學者王大明今天說，他支持。王部長認為，改革必須繼續。", None),
        # …and never a guess when two hold it (部长王大明, 部长王小华)
        ("部長王大明今天說，他支持。部長王小華說，政府會努力。王部長認為，改革必須繼續。", None),
    ],
)
def test_a_surname_and_a_title_name_the_one_person_of_that_surname(body, speaker):
    found = [s for s in run(body).statements if s.text.startswith(("第3題", "改革"))]
    assert [s.speaker_key for s in found] == ([speaker] if speaker else [])


def test_a_joint_report_is_no_newspaper():
    # 聯合報告 is a joint report, not 聯合報 (udn) and 告
    found = statements("兩個人權組織在一份聯合報告中指出，伊朗去年至少有582人遭處決。")
    assert all(speaker != "udn" for speaker, *_ in found), found
    assert statements("聯合報報導，伊朗去年至少有582人遭處決。")[0][0] == "udn"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the view relayed in the clause before (引述Y说法，指…) is Y's, titled or glossed
        ("路透社引述首爾梨花大學教授李雷夫（Leif-Eric Easley）說法，指岸田雖未再次道歉，但態度明確。",
         "person:leif-eric-easley"),
        ("路透社引述李雷夫說法，指岸田雖未再次道歉，但態度明確。", "person:zh-李雷夫"),
        # a relay verb ends the subject: the titled name after it is the one relayed
        ("世界报引述历史学家汤姆·霍兰德的话表示：“这就像去野生动物园观光，遇到了猛犸象一样。”", "person:zh-汤姆·霍兰德"),
    ],
)
def test_a_relayed_view_is_the_relayed_persons(body, speaker):
    found = [s for s in run(body).statements if s.text.startswith(("岸田", "这就像"))]
    assert [s.speaker_key for s in found] == [speaker]


def test_a_name_after_a_title_the_tagger_reads_as_a_verb_is_a_subject_for_a_pronoun():
    # 总司令 | 扎卢日内: 司令 may read as a verb, but a title makes no object of the name
    found = statements("烏克蘭陸軍司令瑟爾斯基日前表示反攻將很快開始。烏克蘭武裝部隊總司令扎盧茲尼今天公布了精心製作的影片。"
                       "他寫道：「是時候奪回屬於我們的東西了。」")
    assert [s for s, v, *_ in found if v == "寫道"] == ["valerii-zaluzhnyi"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a police rank the tagger splits (总督 | 察) is a title: the unit and rank before the name
        ("警方網絡安全組總督察葉卓譽表示，受害人一般沒有與騙徒見過面。", "person:zh-叶卓誉"),
        ("警務處高級警司陳思敏說，案件仍在調查。", "person:zh-陈思敏"),
        ("營長中尉魯斯蘭說，前線的情況很困難。", "person:zh-鲁斯兰"),
    ],
)
def test_ranks_of_police_and_army_are_titles_before_a_name(body, speaker):
    assert [s for s, *_ in statements(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 会见 | 美国国务卿 | 布林肯: the object of a meeting, past its titles, is no subject for 他
        ("泽连斯基周一会见美国国务卿布林肯。他说，乌克兰需要更多武器。", "volodymyr-zelenskyy"),
        # …and a titled subject stays one (美国国务卿布林肯周一表示)
        ("泽连斯基上周访问华盛顿。美国国务卿布林肯周一抵达基辅。他说，美国将继续支持乌克兰。", "antony-blinken"),
    ],
)
def test_a_titled_name_after_a_verb_of_meeting_is_its_object(body, speaker):
    found = [s for s, v, *_ in statements(body) if v in ("说",)]
    assert found == [speaker]


def test_a_clause_after_a_document_subject_is_the_documents_not_the_speakers():
    # 专家认为，尽管该份文件并未点名，但间接提到…: the document mentions; the experts' view goes on
    found = statements("專家認為，儘管該份文件並未直接點名，但間接提到中國「經濟脅迫」所帶來的挑戰。")
    assert [(v, t) for _, v, t, _ in found] == [("認為", "儘管該份文件並未直接點名，但間接提到中國「經濟脅迫」所帶來的挑戰")]


def test_a_speakers_words_keep_their_title_marks_closed():
    found = run("《华尔街日报》报导，据知情人士透露，拜登政府一直在考虑一个报复方案。").statements
    assert [s.speaker_text for s in found if s.speaker_key == "wall-street-journal"] == ["《华尔街日报》"]


def test_this_title_is_its_one_holder_named_before_though_another_was_named_since():
    found = statements("电视评论家兼记者埃纳夫·希夫（Einav Schiff）发表文章，承认内塔尼亚胡政府举棋不定。"
                       "这位记者解释称，以色列军队暴露了严重的行动失败。")
    assert [(k, v) for k, v, _, _ in found if v == "解释称"] == [("person:einav-schiff", "解释称")], found


def test_this_title_after_an_unnamed_speaker_of_that_title_stays_unnamed():
    found = statements("中国外交官李辉访问欧洲。一位曾与李辉交谈的外交官表示，冻结冲突不符合利益。"
                       "这位外交官称，李辉被告知欧洲不会撤回支持。")
    assert "li-hui" not in {k for k, _, _, _ in found}, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a sentence opening with a verb (after 还) goes on with the speaker of the one before
        ("市长王大明表示，经济正在好转。还强调，政府应该介入。",
         [("person:zh-王大明", "表示", "经济正在好转"), ("person:zh-王大明", "强调", "政府应该介入")]),
        # a clause framing the topic (对于…的中国) holds no subject: the speaker before it urges
        ("美国总统拜登在记者会上发言，对于支持俄罗斯的中国，则敦促其停止提供武器。",
         [("joe-biden", "敦促", "其停止提供武器")]),
        # a pronoun right after a comma is a pronoun, whatever the tagger read (她说这4年…)
        ("陳美玲致詞時細數政績，她說這4年提出多項政見，呼籲選民選會做事的人。",
         [("person:zh-陈美玲", "說", "這4年提出多項政見"), ("person:zh-陈美玲", "呼籲", "選民選會做事的人")]),
        # the event attended (出席「…」启动礼) stands between the titled speaker and the verb
        ("律政司司長林定國出席「全港學界國家安全常識挑戰賽」啟動禮致辭說，國家安全關乎每個人的生活。",
         [("person:zh-林定国", "致辭說", "國家安全關乎每個人的生活")]),
        # a circumstance closed by 下 (在沒有任何證據下) stands between the subject and the verb
        ("香港平等機會委員會也在沒有任何證據下指出，事件不構成歧視。",
         [("organization:zh-香港平等机会委员会", "指出", "事件不構成歧視")]),
    ],
)
def test_zero_subjects_topic_frames_pronouns_and_attended_events(body, expected):
    assert [(k, v, c) for k, v, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a person's team speaks for them, and the team named again is theirs (团队说)
        ("港大讲座教授袁国勇团队在报章撰文表示，病毒不会完全消失。团队说，疫苗未臻完美。",
         [("person:zh-袁国勇", "表示"), ("person:zh-袁国勇", "说")]),
        # a proposal compiled before speaks by its verbs (建议再次要求, 建议就疫苗指出, 建议还强调)
        ("日本全国知事会20日汇总了致中央政府的紧急建议。从危机感出发，表达了不满。建议再次要求，应探讨封城措施。"
         "</p><p>建议就疫苗指出，有些地区分配量骤减。</p><p>建议还强调，有必要增加交付金。",
         [("organization:zh-日本全国知事会", "要求"), ("organization:zh-日本全国知事会", "指出"),
          ("organization:zh-日本全国知事会", "强调")]),
        # …but 建议 with its own object is the verb (他建议市民…: advice, said)
        ("港大讲座教授袁国勇表示，疫苗有效。他建议市民尽早接种疫苗。", [("person:zh-袁国勇", "表示"), ("person:zh-袁国勇", "建议")]),
        # a reason given before the verb (以“…”为由) is circumstance
        ("大阪府知事吉村洋文以“保健所无法全部应对”为由呼吁应构建上门诊疗机制。", [("person:zh-吉村洋文", "呼吁")]),
        # a name, then 等 (and others unnamed): the one named speaks
        ("海通证券宏观分析师梁中华等认为，本轮疫情对工业生产的影响或相对有限。", [("person:zh-梁中华", "认为")]),
        # the person a relative clause describes, then when and where (…的代表谭耀宗周五在会议闭幕后指)
        ("人大常委会唯一来自香港的代表谭耀宗周五在会议闭幕后指，人大常委会的做法更有效果。", [("person:zh-谭耀宗", "指")]),
        # two bodies joined, the second with its short form in brackets: both speak
        ("塔利班和北大西洋公约组织（北约）表示，机场内外已有12人丧生。", [("nato", "表示"), ("taliban", "表示")]),
        # what the speaker calls a thing, quoted (将…称之为“…”), and all a body puts forward, quoted
        ("美国总统拜登将这次撤离行动称之为“历史上最困难的撤离行动之一”。", [("joe-biden", "称之为")]),
        ("中国央行近日召开货币信贷座谈会，提出“保持信贷平稳增长仍需努力”。", [("peoples-bank-of-china", "提出")]),
        ("外界称之为新冷战。", []),
        # 作者 before a name introduces the writer; 作者 later is that writer
        ("在彭博社网站上发布的报告中，作者安迪·穆克吉表示，未来的金融系统将基于互联网。</p><p>作者认为，智能编程是最佳方式。",
         [("person:zh-安迪·穆克吉", "表示"), ("person:zh-安迪·穆克吉", "认为")]),
        # what is expected if a condition holds, with no subject of its own, is no one's
        ("英国也已成立了一个数字货币工作组，如果一切正常，预计“数字欧元”将很快发行。", []),
        # 该组织 after a sentence a body opened: that body (not a body named as an object since)
        ("以往每年六月四日，香港支联会都会在香港发起烛光晚会。该组织称，决定以海外众筹方式重新开办博物馆。",
         [("hk-alliance", "称")]),
        # an interview cited as a source (根据X的专访，…): X's, and the one interviewed's inside
        ("根據澎湃新聞的專訪，劉尚希認為「人的能力」包含教育。", [("thepaper", "專訪"), ("person:zh-刘尚希", "認為")]),
        # a relay of someone's words and the verb they said them with (援引…的话说，…)
        ("路透社援引一名高级官员的话说，美国地面指挥官正在与塔利班协调。", [("reuters", "援引"), (None, "说")]),
        # acts, the last addressing someone, then the verb of speech (走近并鼓励野田称)
        ("安倍晋三走近并鼓励野田佳彦称，“野田先生颇具稳定感”。", [("shinzo-abe", "称")]),
        # a pronoun's words that address by name the one it would take: the one who spoke before
        ("野田佳彦说道：“他是一位战斗的政治家。”安倍晋三持续当了7年的首相。就此，他略带不甘地说：“怎么能做到一直常胜呢，安倍先生。”",
         [("yoshihiko-noda", "说道"), ("yoshihiko-noda", "说")]),
        # the holders of one title on both sides (两国总理), then 双方 after them: the same two
        ("新加坡总理李显龙与澳大利亚总理阿尔巴尼斯在堪培拉举行会谈。两国总理重申，将致力建设印太地区。双方也重申，反对单边行动。",
         [("anthony-albanese", "重申"), ("person:zh-李显龙", "重申"), ("anthony-albanese", "重申"), ("person:zh-李显龙", "重申")]),
        # how the speaker looked (一脸茫然又疲惫地) between the name and the verb
        ("美军泰勒与2名战友昨天休假。泰勒一脸茫然又疲惫地在现场告诉法新社：“人上面叠着人，叠了好几层。”",
         [("person:zh-泰勒", "告诉")]),
        # a verb's suffix that begins a word of naming (发文 | 称之为“…”): the name given, quoted
        ("王丹在推特发文称之为“北京四通桥勇士事件”并表示，做出这样的举动需要很大勇气。",
         [("person:zh-王丹", "称之为"), ("person:zh-王丹", "表示")]),
        # a source that relays another (据中央社引述金融时报称): the source's relay, the other's words
        ("据中央社今天引述金融时报称，习近平连任，中国富豪精英赶紧逃出国。", [("cna", "引述"), ("financial-times", "称")]),
        ("据路透社引述知情人士称，谈判已经破裂。", [("reuters", "引述"), (None, "称")]),
        # a surname, then a title that begins with 副 (赖副总统): the one named with that title
        ("副总统赖清德今天为陈其迈站台。赖副总统提到，陈其迈团队推动高雄券。", [("lai-ching-te", "提到")]),
        # a source named with others like it (据《解放军报》等官方媒体报道): the one named
        ("据《解放军报》等官方媒体报道，这艘航母于周三入列。", [("organization:zh-解放军报", "报道")]),
        # answering in an assembly (答辩称), views given with a quotation (发表了看法“…”)
        ("知事铃木直道在一般质询中答辩称：“我认为利用核电是现实性选择。”", [("person:zh-铃木直道", "答辩称")]),
        # a publication named by its sort right before its title (美国杂志《外交政策》), a common
        # phrase as its name may be, speaks by the piece it ran
        ("美国杂志《外交政策》发表了一篇有关俄罗斯前总统梅德韦杰夫的报道，认为他已经变成了一个鹰派好战人士。",
         [("organization:zh-外交政策", "认为")]),
        # the piece a paper ran, summarized paragraphs on (报道指出 after 《外交政策》发表了一篇…的报道):
        # the paper's, not a medium named since
        ("美国杂志《外交政策》发表了一篇有关梅德韦杰夫的报道，认为他已经变成了一个鹰派。</p><p>去年他在《生意人报》上发表了一篇文章。"
         "</p><p>报道指出，梅德韦杰夫近来倾向于使用社交媒体平台。",
         [("organization:zh-外交政策", "认为"), ("organization:zh-外交政策", "指出")]),
        # a document of a sort after 的 (发布的警情 | 通报称): the noun names the document, its
        # issuer speaks
        ("丹东市公安局振兴分局发布的警情通报称，两人驾车往返交通卡口时闯卡。",
         [("organization:zh-丹东市公安局振兴分局", "称")]),
        # a handle in quotes after a user's word (微博网民“睡到七点半ming”说); not a manner word
        ("微博网民“睡到七点半ming”说：“河南大规模篡改健康码都没有任何的处罚。”", [("person:zh-睡到七点半ming", "说")]),
        ("有网友“打趣”说这是好事。", []),
        # a quotation, then who said it in brackets (（新潟县知事花角英世语）), the name whole
        ("由于“可预想学校重新开学将导致疫情扩大、停课增加”（新潟县知事花角英世语），要求政府给出指针。",
         [("person:zh-花角英世", "语")]),
    ],
)
def test_a_team_a_proposal_and_a_speaker_in_brackets_after_the_quotation(body, expected):
    said = [(s.speaker_key, s.verb) for s in run(body).statements]
    assert said == expected, said


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        # a document issued under its title in 《》 (印发《…意见》提出): the issuer speaks by it
        ("世卫组织近日印发《关于加强新时代疫苗工作的意见》提出，各国要加快接种。", "who", "提出"),
        ("世卫组织印发的《意见》要求，各国要落实责任。", "who", "要求"),
        # a notice issued in the sentence before (印发通知 … 通知指出): the issuer's
        ("世卫组织印发通知，部署开展排查行动。</p><p>通知指出，这次排查要重点排查医院。", "who", "指出"),
    ],
)
def test_a_document_issued_under_its_title_or_as_a_notice_is_its_issuers(body, speaker, verb):
    said = [(s.speaker_key, s.verb) for s in run(body).statements]
    assert said == [(speaker, verb)], said


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 声明中强调: the document read inside is the one the body issued before
        ("七国集团周五发表声明表示，将继续支持乌克兰。</p><p>声明中强调，各国将加强对俄制裁。", "g7"),
        ("賓士在聲明中確認有2人死亡。</p><p>聲明中說：「我們深感震驚和悲傷。」", "mercedes-benz"),
        # the statement is the one its spokesman gave 在声明中, not the agency's that reported others
        ("美國國務院發言人米勒今天在聲明中表示：「這項承諾代表重要的信心建立措施。」</p><p>法新社報導，"
         "兩國在聯合聲明中說，雙方同意交換戰俘。</p><p>聲明還說：「我們讚許兩國領導人的努力。」", "matthew-miller"),
    ],
)
def test_a_document_read_again_is_its_issuers(body, speaker):
    found = run(body).statements
    said = [(s.speaker_key, s.speaker_text, s.text) for s in found]
    assert found[-1].speaker_text.startswith(("声明", "聲明")) and found[-1].speaker_key == speaker, said


def test_quotation_paragraphs_in_a_row_all_go_on_with_the_speaker():
    body = "演员张美丽接受采访。“我们不会放弃，”她说。</p><p>“这是我们的家。”</p><p>“我们会留下来。”</p><p>她补充说，局势很困难。"
    found = [(k, t) for k, _, t, _ in statements(body)]
    assert ("person:zh-张美丽", "我们会留下来。") in found, found


def test_a_quotation_paragraph_with_speech_nested_in_it_still_goes_on_with_the_speaker():
    body = "“父亲常常好奇，”詹姆林回忆说。</p><p>“喇嘛的预言激励着他，他说佛教徒会首先登顶。”</p><p>探险队出发了。"
    found = [(k, t) for k, _, t, _ in statements(body)]
    assert ("person:zh-詹姆林", "喇嘛的预言激励着他，他说佛教徒会首先登顶。") in found, found


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # a company's shares and accounts after its name (沃尔玛股价); 市场 after it is no city
        ("美国沃尔玛（Walmart U.S.）周二公布财报，沃尔玛股价上涨3%。", "organization"),
        ("沃尔玛周二公布财报，沃尔玛市场份额上升。", "organization"),
    ],
)
def test_a_company_is_known_by_its_shares_and_accounts(body, kind):
    entities = run(body).entities
    assert [e.kind for e in entities.values() if e.name == "沃尔玛"] == [kind], entities
    assert not any(e.kind == "person" for e in entities.values()), entities


def test_an_interviews_answers_are_the_interviewees_words():
    body = ("记者采访了渔业协会常务理事高桥一郎，询问了产地的现状。</p><p>问：具体情况怎么样？</p>"
            "<p>答：出口受到沉重打击。</p><p>我们无法保持乐观。</p><p>问：您怎么看？</p><p>答：希望消费者更关注饮食文化。（完）")
    found = [(k, v, t) for k, v, t, _ in statements(body)]
    assert found == [("person:zh-高桥一郎", "答", "出口受到沉重打击"), ("person:zh-高桥一郎", "答", "我们无法保持乐观"),
                     ("person:zh-高桥一郎", "答", "希望消费者更关注饮食文化")], found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # turns labelled with names: the one labelled in turn with the interviewer speaks, and
        # an unlabelled paragraph after a turn is still the same turn
        ("国务卿安东尼·布林肯接受本台专访。</p><p>本台：美国会提供什么援助？</p><p>布林肯：这还有待观察。我们的重点是具体援助。</p>"
         "<p>我们可以恢复合作。</p><p>本台：你怎么看中国？</p><p>布林肯：这不是选择的问题。",
         [("antony-blinken", "：", "这还有待观察。我们的重点是具体援助"), ("antony-blinken", "：", "我们可以恢复合作"),
          ("antony-blinken", "：", "这不是选择的问题")]),
        # a lead and a subheading labelled with one name, no one else's label between: no interview
        ("众议院周三通过对拜登总统的弹劾调查。</p><p>美国总统拜登：弹劾调查是政治闹剧</p><p>共和党人支持调查。</p>"
         "<p>拜登：毫无根据的政治噱头</p><p>众议院议长约翰逊：调查将继续。", []),
        # a label before words that make no sentence is a subheading
        ("记者采访了拜登。</p><p>记者：你怎么看？</p><p>拜登：毫无根据的政治噱头</p><p>记者：还有吗？</p>"
         "<p>拜登：毫无根据</p>", []),
    ],
)
def test_an_interviews_named_turns(body, expected):
    found = [(k, v, t) for k, v, t, _ in statements(body)]
    assert found == expected, found


def test_no_questions_no_answers():
    assert statements("答：出口受到沉重打击。") == []


def test_a_publication_in_title_marks_writes():
    found = statements("《新苏黎世报》写道：“观察人士想要旁听庭审。”</p><p>文章写道：“广州是广东的省会。”")
    assert [k for k, _, _, _ in found] == ["organization:zh-新苏黎世报"] * 2, found


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 该公司 after a company whose name does not end in 公司 is that company
        ("沃尔玛周四公布财报，沃尔玛股价上涨。该公司表示，其市场份额继续增长。", "walmart"),
        # …not the agency that reported it, nor a government named since
        ("据路透社报道，沃尔玛股价上涨，美国政府公布了通胀数据。该公司表示，其市场份额继续增长。", "walmart"),
        # …though a company named 公司 comes after it, and an armed force is named between
        ("马士基公司表示，航行已暂停。胡塞武装称将继续袭击。该公司表示，其市场份额继续增长。赫伯罗德公司也改道。", "maersk"),
    ],
)
def test_the_company_is_the_last_company_named(body, speaker):
    found = [(k, t) for k, _, t, _ in statements(body)]
    assert (speaker, "其市场份额继续增长") in found, found


def test_a_bare_verb_goes_on_with_the_body_the_sentence_before_opened_with():
    body = ("【共同社5月21日电】七国集团（G7）首脑20日发表首脑声明，汇总了在广岛召开的峰会成果。"
            "强调为维护基于法治的国际秩序，将加强与新兴市场国家的合作。")
    assert speakers_and_verbs(body) == [("g7", "强调")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quotation closing on a sentence's end ends the sentence: the clause after it is not
        # the quoted speaker's (安理会通过决议，呼吁… has a subject of its own)
        ("卡尚说道：“真主党正在战后寻找当地盟友。”2006年战争后，联合国安理会通过了第1701号决议，呼吁建立非军事区。",
         [("person:zh-卡尚", "说道"), ("un-security-council", "呼吁")]),
        # …unless it goes on with 并 (…。」並做出警告，稱…: the same speaker)
        ("譚德塞在談話中說：「我們不能再拖延下去了。」並做出警告，稱下一波疫情勢必會來襲。",
         [("tedros-adhanom", "說"), ("tedros-adhanom", "稱")]),
    ],
)
def test_a_quotation_ending_a_sentence_ends_its_speakers_clauses(body, expected):
    assert speakers_and_verbs(body) == expected, statements(body)


def test_a_source_that_quotes_frames_the_words_of_those_it_quotes():
    # 据X引述，…: X is the source; the speaker inside speaks too
    found = statements("據路透社引述，馬克宏在該專訪內表示：「俄國事實上已開始附庸於中國。」")
    assert [(k, v) for k, v, _, _ in found] == [("reuters", "引述"), ("emmanuel-macron", "表示")], found


def test_a_profession_in_a_lead_names_the_one_person_written_with_it_next():
    body = ("不過醫師31日提醒，民眾在活動現場情緒激昂恐發生昏倒情形。</p>"
            "<p>開業醫師高偉峰今天接受媒體採訪表示，自己參與過跨年緊急醫療10多年。")
    assert [k for k, _, _, _ in statements(body)] == ["person:zh-高伟峰", "person:zh-高伟峰"]
    # …not a group's word (示威者), nor when two people are written with it
    assert statements("示威者呼籲修改憲法。</p><p>示威者米龍說，她很失望。")[0][0] is None
    two = statements("醫師提醒，要注意保暖。</p><p>醫師王大明和醫師李小華都表示，要多喝水。")
    assert two[0][0] is None, two


def test_a_hedged_group_subject_is_no_earlier_speakers():
    # 有人或會認為: 或會 stands between the group and its verb; the group is no one in particular,
    # and the speaker before it does not think what it thinks
    found = statements("陳國基表示，投票很重要。他又說，雖然有人或會認為，候選人「個個都一樣」，但這是錯誤觀念。")
    assert [v for _, v, _, _ in found] == ["表示", "說"], found


def test_a_clause_after_relaying_unnamed_sources_is_theirs():
    # 法新社引述烏克蘭官員的消息，稱…: the officials say it, unnamed; the agency relays
    found = statements("但法新社15日引述烏克蘭官員的消息，稱李輝16日將到烏克蘭停留2日。")
    assert [(k, v, anon) for k, v, _, anon in found] == [(None, "稱", True)], found


def test_and_said_after_a_closed_quotation_is_the_new_subjects():
    # X称「…」，对此Y表示谴责，并称…: Y goes on, not X whose quotation closed
    found = statements("法國總統馬克宏日前稱「俄羅斯已屈從於中國」，對此俄國官員週一表示譴責，並稱西方各國必須習慣這個世界。")
    assert [(k, v, anon) for k, v, _, anon in found] == [
        ("emmanuel-macron", "稱", False), (None, "稱", True)], found


def test_a_countrys_reports_are_its_media_unnamed():
    found = statements("据以色列报道，加沙南部的情况更为复杂。")
    assert [(k, v, anon) for k, v, _, anon in found] == [(None, "报道", True)], found


def test_an_answers_closing_note_is_the_outlets():
    body = "記者專訪了理事高橋一郎。</p><p>問：您怎麼看？</p><p>答：出口受到打擊。（編輯：張三）1121215"
    assert [t for _, _, t, _ in statements(body)] == ["出口受到打擊"]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # 文章写道 paragraphs after the paper was named, with other bodies named between
        ("《世界报》写道：“德国没有对华战略。”</p><p>文章写道：“执政党约定制定战略。”</p><p>文章写道：“绿党要求批评北京。”"
         "</p><p>文章写道：“经济与人权挂钩。”</p><p>总理希望与北京保持和谐。他支持中国中远集团入股汉堡港。"
         "</p><p>文章写道：“德国可能无法发出一致的声音。”", ["die-welt"] * 5),
        # 报纸说 after the paper's article was named
        ("这是今天法国世界报就法国政治发的一篇文章。报纸说，左派联盟陷入乱局。", ["le-monde"]),
        # a medium named after a word for its sort, and its report read again (报导说)
        ("（中央社台北8日电）中国媒体第一财经今天报导，地方财政吃紧。</p><p>报导说，土地收入减少。",
         ["organization:zh-第一财经"] * 2),
        # a report is a medium's: not the outlet of the dateline, nor the nearest body that is none
        ("（中央社台北8日电）中国国家统计局公布数据。</p><p>报导说，土地收入减少。", []),
    ],
)
def test_reports_and_articles_read_again_are_their_mediums(body, speakers):
    assert [k for k, _, _, _ in statements(body)] == speakers


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a directive verb opening a sentence after one that read the document again
        ("七国集团首脑20日发表首脑声明，汇总了峰会成果。</p><p>声明中写进将继续支援乌克兰。要求中国敦促俄罗斯撤军。",
         ["g7"]),
        # a sentence that opens with a purpose goes on with the subject of the one before
        ("七国集团首脑20日发表首脑声明，汇总了峰会成果。</p><p>声明中写进将继续支援乌克兰。为实现和平，呼吁与乌克兰对话。",
         ["g7"]),
        # …not the people a poll counts
        ("共同社实施了民调。对于在国会讨论修宪，认为“需要加紧”的占49%。", []),
    ],
)
def test_sentences_without_a_subject_after_a_documents_sentence(body, speakers):
    assert [k for k, _, _, _ in statements(body)] == speakers


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # an answer's verb, then one that only says: one statement
        ("外交部对此回应，称中方坚决反对。", [("china-mfa", "称", "中方坚决反对")]),
        # 做出回应 with a colon and a quotation
        ("拜登总统也对周三的投票做出回应：“他们没有采取任何措施。”", [("joe-biden", "做出回应", "他们没有采取任何措施。")]),
    ],
)
def test_answers_said_once(body, found):
    assert [(k, v, t) for k, v, t, _ in statements(body)] == found


@pytest.mark.parametrize(("body", "content"), [
    # a quotation after the addressee and a comma or a colon is what was said, all of it
    ("第一段。迈克尔·杨告诉半岛电视台，“今天，基督徒被完全边缘化。”", "今天，基督徒被完全边缘化。"),
    ("第一段。迈克尔·杨告诉半岛电视台：“今天，基督徒被完全边缘化。”", "今天，基督徒被完全边缘化。"),
    # (a clause after the addressee as before)
    ("第一段。拉夫罗夫告诉布林肯，美国必须撤军。", "美国必须撤军"),
])
def test_what_was_told_starts_after_the_addressee(body, content):
    assert [text for _, verb, text, _ in statements(body) if verb == "告诉"] == [content], statements(body)


@pytest.mark.parametrize(("body", "speaker"), [
    # a catalog surname shared by several people: a title none of them holds makes a person
    # of the article's own …
    ("第一段。众议院议长约翰逊表示，这是投票。", "person:zh-约翰逊"),
    # … and the catalog's own title keeps the catalog's person
    ("第一段。英国首相约翰逊表示，这是投票。", "boris-johnson"),
    # the surname alone after the full name the article wrote first (not another 约翰逊 named later)
    ("第一段。议长迈克·约翰逊周二召开记者会。只有三名总统被弹劾：安德鲁·约翰逊等。“这不是弹劾投票，”约翰逊表示。",
     "person:zh-迈克·约翰逊"),
])
def test_a_shared_surname_is_read_from_the_article(body, speaker):
    assert [key for key, verb, _, _ in statements(body) if verb == "表示"] == [speaker], statements(body)


@pytest.mark.parametrize(("body", "speaker", "anonymous"), [
    # a demonstrative and a description of a person: the one who spoke before, like 他
    ("第一段。军事分析师阿莫斯·哈雷尔表示：“疑虑开始侵蚀。”这位军事分析人士补充道，局势可能恶化。",
     "person:zh-阿莫斯·哈雷尔", False),
    # …but the same unnamed source stays unnamed, though a person was named before it
    ("第一段。局长王小明表示，很好。一名知情人士表示，很难。这名知情人士说，很难。", None, True),
    # …and with no one to refer to, the description is an unnamed source
    ("第一段。这位工作人员表示，学生安全逃生。", None, True),
])
def test_a_described_person_is_the_last_one_who_spoke(body, speaker, anonymous):
    assert statements(body)[-1][0] == speaker and statements(body)[-1][3] == anonymous, statements(body)


def test_a_sentence_opening_with_its_verb_goes_on_with_the_document_the_sentence_before_opened_with():
    body = ("【共同社5月21日电】七国集团（G7）首脑20日发表首脑声明，汇总了峰会成果。</p><p>"
            "与新兴市场国家等的合作相关，首脑声明还写进了维护国际秩序。强调无论国家大小，必须尊重《联合国宪章》。")
    assert ("g7", "强调", "无论国家大小，必须尊重《联合国宪章》", False) in statements(body), statements(body)


@pytest.mark.parametrize(("body", "expected"), [
    # a body named alone as the source of the sentence that follows: a source with no verb
    ("第一段。据路透社，美国将加息。", [("reuters", "据", "美国将加息", False)]),
    # …but a word after 据 names none, and a source with its verb stays one statement
    ("第一段。据了解，美国将加息。", [(None, "据了解", "美国将加息", True)]),
    ("第一段。据路透社报道，美国将加息。", [("reuters", "报道", "美国将加息", False)]),
])
def test_a_source_named_alone_before_a_comma(body, expected):
    assert statements(body) == expected


@pytest.mark.parametrize(("body", "speaker", "content"), [
    # a topic between the subject and its verb, however long, with a relative clause inside
    ("第一段。日本首相岸田文雄访问韩国。岸田就包括原被征劳工问题在内的历史认识强调称：“对此感到痛心。”",
     "fumio-kishida", "对此感到痛心。"),
    # …after a frame of time and place
    ("第一段。韩国总统尹锡悦出席。尹锡悦在会谈后的联合记者会上就原劳工问题表示，这是唯一的解决措施。",
     "yoon-suk-yeol", "这是唯一的解决措施"),
    # a Japanese minister's title (经产相) before the name
    ("第一段。日本经产相斋藤健在记者会上强调，这将促进供应链的多样化。", "person:zh-斋藤健", "这将促进供应链的多样化"),
])
def test_a_topic_or_a_title_between_subject_and_verb(body, speaker, content):
    assert (speaker, content) in [(key, text) for key, _, text, _ in statements(body)], statements(body)


def test_then_is_no_topic():
    # 今天就自爆…说: 就 is "then" before a verb, and what follows is the speaker's words
    body = "第一段。卓冠廷表示，國民黨昨天才提名侯友宜，今天就自爆7月換侯說，究竟是什麼日子。"
    assert [verb for _, verb, _, _ in statements(body)] == ["表示"], statements(body)


@pytest.mark.parametrize(("body", "expected"), [
    # a weak verb (称 with no mark after it) after a frame that closes itself
    ("第一段。美国总统拜登出席。拜登在就任总统前称将遵守不首先使用核武器政策。", ["称"]),
    # …but not after a frame that holds another verb of saying
    ("第一段。美国总统拜登出席。拜登在记者表示反对后称将遵守政策。", []),
])
def test_a_weak_verb_after_a_closed_frame(body, expected):
    assert [verb for key, verb, _, _ in statements(body) if key == "joe-biden" and verb == "称"] == expected, statements(body)


@pytest.mark.parametrize(("body", "expected"), [
    # a body's official account speaks for the body, and is no person
    ("第一段。蔚来官博宣布，2023年11月全球新增3家蔚来中心。", [("nio", "宣布", "2023年11月全球新增3家蔚来中心", False)]),
    # …and is the source, named alone before a comma
    ("第一段。据蔚来公众号，全球新增3家蔚来中心。", [("nio", "据", "全球新增3家蔚来中心", False)]),
])
def test_a_bodys_official_account_is_the_body(body, expected):
    assert statements(body) == expected
    assert not any(k.startswith("person:") for k in run(body).entities)


@pytest.mark.parametrize(
    "body",
    [
        "美国总统拜登批评以色列的强硬政府。",
        "德国财长林德纳强调重新均衡对华关系的必要性。",
    ],
)
def test_a_verb_before_a_noun_phrase_with_no_verb_is_no_statement(body):
    assert not statements(body), statements(body)


def test_sharing_an_experience_is_no_statement():
    assert not [s for s in statements("蔡力行致詞分享半導體職涯的各個轉捩點。") if s[1] == "分享"]


def test_the_authors_of_a_study_a_medium_reports_are_no_ones():
    body = ("法新社報導，這項研究由以色列魏茲曼科學研究院執行，結果刊登於美國期刊。雖然實驗僅採用女性的眼淚，"
            "但作者指出，研究結果並非由性別決定。")
    said = [s for s in statements(body) if s[1] == "指出"]
    assert said and all(key is None for key, *_ in said), said


def test_a_quotation_of_its_own_after_a_sentence_about_a_person_is_theirs():
    body = ("彼得·希拉里來了。</p><p>彼得·希拉里贊同部分觀點。“我們從大本營到山頂有很多繩索。”</p>"
            "<p>“可是山還是老樣子。”</p><p>這說法較為保守。</p><p>“這座山教會你尊重自然。”")
    said = statements(body)
    assert [(k, t) for k, _, t, _ in said] == [
        ("person:zh-彼得·希拉里", "我們從大本營到山頂有很多繩索。"), ("person:zh-彼得·希拉里", "可是山還是老樣子。"),
    ], said
    # (他: whom it stands for, the quotation leaves open)
    assert not statements("公鹿總管霍斯特說，很難。</p><p>他感謝球隊。</p><p>“這是個艱難的決定。”")[1:]


@pytest.mark.parametrize(
    ("url", "body", "speaker"),
    [
        # 政府 alone: the outlet's own country's, where the article names it (共同社: Japan's)
        ("https://china.kyodonews.net/news/2023/05/1.html", "日本首相岸田文雄表示，好。政府表示增税的时机是明年。",
         "japan-government"),
        # …or the government of the country the article is about
        ("https://www.rfi.fr/cn/1", "法国总统马克龙表示，好。政府表示，将推出一项发展骑自行车活动的计划。", "france-government"),
    ],
)
def test_government_alone_is_the_outlets_own_or_the_articles_countrys(url, body, speaker):
    text = f"<!--1643120102000-->\n[标题]({url})\n------\n<p>{body}</p>"
    said = [s.speaker_key for s in extract(parse_text(text)).statements if s.speaker_text == "政府"]
    assert said == [speaker], said


@pytest.mark.parametrize(
    ("body", "speaker_text"),
    [
        # a publication's title marks are written whole in the speaker's words
        ("据英国《金融时报》报导称，央行的影响力已经减弱。", "英国《金融时报》"),
        ("《华尔街日报》报道称，警方询问了员工。", "《华尔街日报》"),
    ],
)
def test_speaker_words_keep_both_title_marks(body, speaker_text):
    assert [s.speaker_text for s in run(body).statements] == [speaker_text]


@pytest.mark.parametrize(
    "body",
    [
        # two sources of one report, one of them in title marks, after 根据 or before the verb
        "根据美联社和《纽约时报》报道，德桑蒂斯已在至少18个州进行招聘。",
        "美联社和《纽约时报》报道称，德桑蒂斯已在至少18个州进行招聘。",
    ],
)
def test_a_report_of_two_outlets_is_each_ones(body):
    assert {s.speaker_key for s in run(body).statements} == {"associated-press", "new-york-times"}



@pytest.mark.parametrize(
    ("body", "surface"),
    [
        # a Latin body's name without its legal form, written alone later, is the same body
        ("尽职调查公司Mintz Group的办事处遭到检查。Mintz表示，该公司获得许可。", "Mintz"),
        ("零售商Target Corp.周二公布财报。Target表示，销售额增长。", "Target"),
    ],
)
def test_a_latin_bodys_short_form_is_the_same_body(body, surface):
    found = run(body)
    said = [(s.speaker_key, s.speaker_text) for s in found.statements]
    keys = {m.key for m in found.mentions if m.surface == surface}
    assert len(keys) == 1 and said == [(keys.pop(), surface)], (said, found.mentions)


def test_a_sentence_the_article_prints_twice_is_one_statement():
    # a photo caption repeating the body's sentence (BBC, CNA) or a lead repeated in the body
    body = ("马士基公司表示，目前尚不清楚何时将恢复航行，将视情况评估。</p><p>马士基公司表示，目前尚不清楚何时将恢复航行。"
            "</p><p>马士基公司表示，船只绕道好望角。")
    found = [t for _, _, t, _ in statements(body)]
    assert found == ["目前尚不清楚何时将恢复航行，将视情况评估", "船只绕道好望角"], found


def test_each_author_of_a_header_byline_is_a_person():
    text = ("---\ntitle: t\ndate: 2023-05-02 18:11:53 +08:00\nlink: https://cn.wsj.com/articles/a\n---\n"
            "<p>Dan Strumpf / Selina Cheng</p><p>2023年5月12日17:15 CST 更新</p><p>凯盛融英的创始人们说，好。</p>")
    found = extract(parse_text(text))
    assert {e.name for e in found.entities.values() if e.kind == "person"} >= {"Dan Strumpf", "Selina Cheng"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 据X，: a source named alone — a channel of a known body, or an account
        ("据新浪科技，爱奇艺奇遇VR正在启动新一轮裁员。", "新浪科技"),
        ("据小鹏汇天公众号，研究院预订了100台飞行汽车。", "小鹏汇天"),
        ("据“腾讯安全”公号，标准启动会在深圳召开。", "腾讯安全"),
        # (a body and the verb of its report is that body, no channel of its own)
        ("据白宫介绍，通话持续了1小时20分钟。", "白宫"),
    ],
)
def test_a_source_named_alone_is_a_body(body, speaker):
    found = run(body)
    said = [(s.speaker_text, found.entities[s.speaker_key].kind) for s in found.statements if s.speaker_key]
    assert said == [(speaker, "organization")], said


@pytest.mark.parametrize(
    ("url", "body", "key"),
    [
        # a legislature by its short name is the one of the country the article is about
        ("https://china.kyodonews.net/news/2023/05/1.html", "日本自民党内期待尽快解散众院。立宪民主党在国会提出决议案。",
         "national-diet-japan"),
        ("https://china.kyodonews.net/news/2023/05/1.html", "日本自民党内期待尽快解散众院。立宪民主党在国会提出决议案。",
         "house-of-representatives-japan"),
        ("https://www.voacantonese.com/a/1.html", "美国总统拜登签署法案。众院议长约翰逊表示，国会将继续审议。", "us-congress"),
    ],
)
def test_a_legislatures_short_name_is_its_countrys(url, body, key):
    text = f"<!--1643120102000-->\n[标题]({url})\n------\n<p>{body}</p>"
    assert key in {m.key for m in extract(parse_text(text)).mentions}


def test_whom_something_is_said_to_is_not_who_says_it():
    # the tagger reads 向斯特凡尼克 as one name: the preposition is cut off, and the people
    # before it speak, to her
    found = run("在聽證會中，3位校長向斯特凡尼克表示，呼籲對猶太人進行種族滅絕的行為才會違反校規。")
    assert all(s.anonymous and s.speaker_text == "3位校長" for s in found.statements), found.statements
    assert {e.name for e in found.entities.values() if e.kind == "person"} == {"斯特凡尼克"}


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        # a quotation right after a sentence that opens with a titled name, or an age, what
        # the person is and the name; an ellipsis may end it
        ("美国总统拜登周二访问了工厂。“这是一个伟大的日子。”", "joe-biden", "这是一个伟大的日子。"),
        ("18歲少女阿思(化名)去年備戰文憑試，感到非常挫敗。「我覺得很挫敗，然後我回到家就進行了這件事……」",
         "person:zh-阿思", "我覺得很挫敗，然後我回到家就進行了這件事……"),
    ],
)
def test_a_quotation_after_a_sentence_about_someone_is_theirs(body, speaker, text):
    found = [(k, t) for k, _, t, _ in statements(body)]
    assert (speaker, text) in found, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # whom it was told, a paper in its marks, then a comma: what follows is said
        ("博雷尔告诉《金融时报》，任何限制都需要由各国当局实施。",
         [("josep-borrell", "告诉", "任何限制都需要由各国当局实施")]),
        # a directive after pressure put on someone is the presser's (23 | 日向: the date apart)
        ("首相李大同5日向财政部长王小明施压，要求他削减开支。", [("person:zh-李大同", "要求", "他削减开支")]),
        # …after a document presented; 又 opens a second proposal
        ("醫務衞生局向立法會提交《醫生註冊修例草案》，建議引入非本地醫生；又建議將培訓訂為先決條件。",
         [("hk-health-bureau", "建議", "引入非本地醫生"), ("hk-health-bureau", "建議", "將培訓訂為先決條件")]),
        # a body named in quotes after its sort, a time between it and its verb
        ("研究机构“天空实验室”周五表示，卫星图像显示，活动开始恢复。",
         [("organization:zh-天空实验室", "表示", "卫星图像显示，活动开始恢复")]),
        ("韩国监测网站“Sky Watch”周三表示，卫星图像显示，活动开始恢复。",
         [("organization:sky-watch", "表示", "卫星图像显示，活动开始恢复")]),
        # a Japanese agency the catalog knows, as a source
        ("据气象厅称，台风将于周五登陆。", [("japan-meteorological-agency", "称", "台风将于周五登陆")]),
        # a Japanese name whose surname ends in 濑, its given name cut by the tagger
        ("研究员长濑和男表示，经济将复苏。", [("person:zh-长濑和男", "表示", "经济将复苏")]),
    ],
)
def test_addressees_pressure_documents_quoted_bodies_and_japanese_names(body, expected):
    assert [(k, v, c) for k, v, c, _ in statements(body)] == expected, statements(body)


def test_a_quoted_phrase_after_a_bodys_sort_that_opens_with_a_preposition_is_no_body():
    assert "organization:zh-抗力" not in {m.key for m in run("该机构宣布“因不可抗力”决定终止运营。").mentions}


def test_a_handle_that_posts_speaks_and_its_post_runs_to_the_paragraphs_end():
    found = statements("网友@林间小鹿发帖说：春天来了。山上的花开了，不说违心之话。我们都很高兴。"
                       "网友@tree_frog发帖说：天气很好。")
    assert [(k, v, c) for k, v, c, _ in found] == [
        ("person:zh-林间小鹿", "发帖说", "春天来了。山上的花开了，不说违心之话。我们都很高兴"),
        ("person:tree-frog", "发帖说", "天气很好"),
    ], found


def test_words_after_a_colon_and_a_plain_verb_end_with_their_sentence():
    found = statements("布林肯明确说：如果冒险发动战争，将重蹈覆辙。美国知道中共一直在关注战争的走向。")
    assert [c for _, _, c, _ in found] == ["如果冒险发动战争，将重蹈覆辙"], found


def test_a_set_phrase_is_no_statement_of_its_verb():
    assert statements("王毅有言在先，中方不会让步。") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a second verb after 因此 or 但 is a second statement of the same speaker
        ("王毅指出，有人很早就去排队，因此建议大家带足够的食物和水。",
         [("王毅", "指出", "有人很早就去排队"), ("王毅", "建议", "大家带足够的食物和水")]),
        ("王毅确认中方正在访问，但强调此行与高层无关。",
         [("王毅", "确认", "中方正在访问"), ("王毅", "强调", "此行与高层无关")]),
        # …and after a pronoun that is the speaker again
        ("王毅表示，流标8次确实有点多，他指出医院预算要一次提足。",
         [("王毅", "表示", "流标8次确实有点多"), ("他", "指出", "医院预算要一次提足")]),
        # (not when what comes before it is a time or a frame only)
        ("王毅说，2021年5月，他向政府表示愿意采购疫苗。",
         [("王毅", "说", "2021年5月，他向政府表示愿意采购疫苗"), ("他", "表示", "愿意采购疫苗")]),
    ],
)
def test_a_new_verb_of_the_same_speaker_is_a_new_statement(body, expected):
    found = run(body).statements
    assert [(s.speaker_text, s.verb, s.text) for s in found] == expected, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # two titled people joined, then 都: one utterance of each
        ("波兰总统杜达和澳大利亚总理阿尔巴内斯都表示他们计划出席。",
         [("anthony-albanese", "他们计划出席"), ("andrzej-duda", "他们计划出席")]),
        # inside a report, a turn (但) is still the reported speaker's
        ("美国NBC新闻报导，布林肯表示，美中关系仍然复杂，但华盛顿并不寻求冲突。",
         [("nbc", "布林肯表示，美中关系仍然复杂，但华盛顿并不寻求冲突"),
          ("antony-blinken", "美中关系仍然复杂，但华盛顿并不寻求冲突")]),
    ],
)
def test_joint_speakers_across_titles_and_turns_inside_a_report(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # whom the subject spoke to, named after a relative clause, is no speaker
        ("王毅外长曾对到访的法国外交部长科隆纳表示，风险是泛政治化。", [("wang-yi", "风险是泛政治化")]),
        # (the head of a relative clause before the verb still speaks)
        ("倡导对话的博雷利认为，风险很大。", [("josep-borrell", "风险很大")]),
        # 对于…来说 frames a topic; its 说 reports nothing
        ("外交官王大明表示，这次访问对于印度来说“不会是一个容易接受的迹象”。",
         [("person:zh-王大明", "这次访问对于印度来说“不会是一个容易接受的迹象”")]),
    ],
)
def test_addressees_after_a_relative_clause_and_topic_frames(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


def test_the_company_a_description_refers_to_is_not_one_included_or_glossed():
    # 该公司 after a company named as included (包括X在内) and glossed in English: the one before
    body = ("美国沃尔玛(Walmart U.S.)的电商业务同比增长27%。但包括山姆会员店(Sam's Club)和国际业务在内的利润增长。"
            "</p><p>这表明沃尔玛的电商业务更加高效。值得注意的是，该公司表示，广告业务增长了40%。")
    assert [(k, c) for k, _, c, _ in statements(body)] == [("walmart", "广告业务增长了40%")], statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 本人 (himself) after a name: the name speaks
        ("普京本人表示，俄罗斯不会让步。", [("vladimir-putin", "俄罗斯不会让步")]),
        # 持续 (keeps on) between a subject and its verb
        ("国民党则持续表明，若赢得大选，将重启对话。", [("kmt", "若赢得大选，将重启对话")]),
        ("新浪科技引述马杰本人回应表示，“是的，我已经离开百度。”",
         [("organization:zh-新浪科技", "马杰本人回应表示，“是的，我已经离开百度。”"),
          ("person:zh-马杰", "是的，我已经离开百度。")]),
    ],
)
def test_a_name_then_benren_speaks(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a student's Latin name after the word for what they study, as a source that explains
        ("据巴黎大学的博士生Ayrton Aubry解释说，委员会成立了。", [("person:ayrton-aubry", "委员会成立了")]),
        ("据王毅解释，中方不会让步。", [("wang-yi", "中方不会让步")]),
    ],
)
def test_students_latin_names_and_sources_that_explain(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 他们 right after a country's statement, no one named between: the country again
        ("英国表示，不打算将石雕归还。他们表示，每年有400万人参观。",
         [("united-kingdom", "不打算将石雕归还"), ("united-kingdom", "每年有400万人参观")]),
        # (a group's 他们 is no one's)
        ("学生们很高兴。他们表示，考试很难。", []),
        # (nor 他们 inside the words a body said)
        ("白宫声明说：“拜登与欧洲领导人通话。他们重申了对边境局势的关注。”",
         [("white-house", "拜登与欧洲领导人通话。他们重申了对边境局势的关注。")]),
    ],
)
def test_they_after_a_countrys_statement(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 据该报道，: the report named before, its medium's
        ("据澳大利亚天空新闻今天报道，成蕾已加入天空新闻台。据该报道，成蕾曾是一名会计师。",
         [("sky-news", "成蕾已加入天空新闻台"), ("sky-news", "成蕾曾是一名会计师")]),
        # 奉告 and whom it is addressed to
        ("外交部驻港公署再次奉告个别国家，立即停止政治作秀。",
         [("organization:zh-外交部驻港公署", "立即停止政治作秀")]),
    ],
)
def test_a_report_described_as_a_source_and_official_warnings(body, expected):
    assert [(k, c) for k, _, c, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "speakers", "verb"),
    [
        # a joint communiqué of a summit: the body whose summit issued it
        ("七国集团峰会周六发布了峰会联合公报，关注乌克兰问题。联合公报谴责俄罗斯违反国际法，并且重申将加强支持。",
         {"g7"}, "谴责"),
        ("北约周六发表了公报。公报表示，俄罗斯违反国际法。", {"nato"}, "表示"),
        # a body's sort word alone (工会, 工会方面) after a body named with that word before it
        ("德国服务业工会Verdi指责中远集团违反了协定。工会方面称，中远集团计划让自家船员完成工作。",
         {"organization:verdi"}, "称"),
        # 双方 after a meeting: the two who met, across a title chain after the joiner
        ("日本国家安全保障局长秋叶刚男今天已跟美国白宫国家安全顾问苏利文（Jake Sullivan）电话会谈，双方确认将进行紧密合作。",
         {"person:zh-秋叶刚男", "jake-sullivan"}, "确认"),
        # 两位研究人员 with no 这: the two people that word introduced
        ("研究人员丹尼尔·拜曼（Daniel Byman）和德莱尼·达夫（Delaney Duff）发表文章。</p><p>两位研究人员认为，巴勒斯坦问题已成为首要问题。",
         {"person:daniel-byman", "person:delaney-duff"}, "认为"),
        # 他们 after two people joined in its own sentence
        ("研究人员丹尼尔·拜曼（Daniel Byman）和德莱尼·达夫（Delaney Duff），前者是教授，后者是硕士生，他们认为这是有用的。",
         {"person:daniel-byman", "person:delaney-duff"}, "认为"),
        # a person's own document (…在向最高法院提出的申请文件指出), not the body it went to
        ("特别检察官史密斯（Jack Smith）在向最高法院提出的申请文件指出，此案代表一个基本问题。", {"person:jack-smith"}, "指出"),
    ],
)
def test_speakers_named_before_by_a_document_a_sort_or_a_pair(body, speakers, verb):
    said = statements(body)
    assert {k for k, v, _, _ in said if v == verb} == speakers, said


@pytest.mark.parametrize(
    "body",
    [
        "两位专家表示，局势紧张。",  # no one introduced as 专家: two unnamed people
        "张三和李四来到现场。他们表示很高兴。",  # 他们 in another sentence: not the pair
        "李辉访问欧洲。双方一致认为，应共同努力。",  # 双方 with no meeting named: no one
    ],
)
def test_groups_with_no_named_referent_name_no_one(body):
    assert all(k is None for k, *_ in statements(body)), statements(body)


def test_reportedly_after_a_conjunction_is_no_ones():
    said = statements("虽然苹果公司不公开披露回报率，但据报道，其年均回报率约为20%。")
    assert said == [(None, "据报道", "其年均回报率约为20%", True)], said


@pytest.mark.parametrize("body", ["法院审酌他坦承犯行，并与被害人或告诉人达成和解，依法量刑。"])
def test_a_verb_that_begins_a_noun_is_no_statement(body):
    assert statements(body) == [], statements(body)


def test_a_later_pronoun_goes_on_with_the_speaker_not_one_reported_inside():
    said = statements("讲师拉扎鲁斯认为，“拜登总统的声明表达了他的失望，并且坚称哈马斯不会统治加沙。”</p>"
                      "<p>他继续说道，“拜登总统可能会迫使内塔尼亚胡做出选择。”")
    assert [k for k, v, _, _ in said if v == "说道"] == ["person:zh-拉扎鲁斯"], said


@pytest.mark.parametrize(
    ("body", "speakers", "verb"),
    [
        # the issuer with a Latin gloss, a date aside and its summit's word, in the paragraph before
        ("于广岛举办的七国集团（G7）峰会周六（5月20日）发布了峰会联合公报，不仅关注乌克兰问题。</p>"
         "<p>联合公报谴责俄罗斯违反国际法。", {"g7"}, "谴责"),
        # two people introduced by a word, paragraphs before the counted pair
        ("研究人员丹尼尔·拜曼（Daniel Byman）和德莱尼·达夫（Delaney Duff）发表文章。</p><p>文章很长。</p><p>以色列回应。</p>"
         "<p>美国回应。</p><p>欧洲回应。</p><p>两位研究人员认为，巴勒斯坦问题已成为首要问题。",
         {"person:daniel-byman", "person:delaney-duff"}, "认为"),
        # where it was written (在她的推特账户上) is no speaker; the clause's subject is
        ("联合国特使汉娜·泰特（Hanna Tetteh）表达了她的担忧，并于周四在她的推特账户上写道：“战斗仍在继续。”",
         {"person:hanna-tetteh"}, "写道"),
    ],
)
def test_speakers_across_paragraphs_glosses_and_places(body, speakers, verb):
    said = statements(body)
    assert {k for k, v, _, _ in said if v == verb} == speakers, said


def test_a_verb_in_an_attribute_with_its_complement_is_no_statement():
    assert statements("双方注意到，峰会在即，对迄今透露出的信息深表关切。") == []


def test_a_title_written_after_the_name_is_the_named_persons():
    said = statements("虽然此前有很多猜测，萨塞克斯公爵哈里王子（Prince Harry, Duke of Sussex）确认将出席，但他的妻子不会出席。")
    assert [v for k, v, _, _ in said if k and "哈里" in k] == ["确认"], said


@pytest.mark.parametrize(
    ("body", "verb", "content"),
    [
        # someone else after 而, with a verb of saying: no longer the first speaker's content
        ("美国国家情报总监海恩斯表示，威胁将持续到2030年，而前美军司令菲利普·戴维森上将表示，中国可能在2027年之前攻击台湾。",
         "表示", "威胁将持续到2030年"),
        # the same speaker going on with a new verb (又促请), or named again (监察院要求)
        ("保安局局长邓炳强强调，国安法有域外效力，又促请英美等国，不要再包庇逃犯。", "强调", "国安法有域外效力"),
        ("监察院指出，今年4月新北市连续发生多起枪击案，监察院要求警政署落实相关法令。", "指出", "今年4月新北市连续发生多起枪击案"),
        # …but 而他 is the same speaker's own clause, and 之道 no verb
        ("柯文哲提到，许多人对此很有意见，而他已经想到解决之道，当选后会处理。", "提到",
         "许多人对此很有意见，而他已经想到解决之道，当选后会处理"),
    ],
)
def test_content_ends_where_a_new_attribution_begins(body, verb, content):
    said = statements(body)
    # (the new attribution may be a statement of its own: 菲利普·戴维森上将表示, …)
    assert [c for _, v, c, _ in said if v == verb][:1] == [content], said


def test_a_couple_after_a_name_is_not_that_person_speaking():
    said = statements("立委参选人张美慧透过影片指出，国民党立委傅崐萁夫妇「农地争议」这三大争议，呼吁傅崐萁接受邀请公开辩论。")
    assert {k for k, v, _, _ in said if v == "呼吁"} == {"person:zh-张美慧"}, said


def test_a_title_in_book_marks_opening_a_clause_before_its_report_is_a_publication():
    said = statements("根据路透社获得的倡议概述，英国政府曾指中国试图进行胁迫。《东亚经济周刊》报导则称，七国集团希望统一战线。")
    assert [(k, v) for k, v, _, _ in said if v == "称"] == [("organization:zh-东亚经济周刊", "称")], said


@pytest.mark.parametrize(
    ("body", "speaker", "verb", "content"),
    [
        # a medium's service in a language (法广法文) is the medium; a language is no person
        ("本台法广（RFI）法文报道指出，发生袭击的地区里活动着多个分离主义团伙。", "rfi", "报道指出",
         "发生袭击的地区里活动着多个分离主义团伙"),
        # 说到 before a colon: said, the quotation after it
        ("黎智英接受采访时曾经说到：“为自由而奋斗，都是值得的。”", "person:zh-黎智英", "说到", "为自由而奋斗，都是值得的。"),
    ],
)
def test_a_language_service_and_shuo_dao(body, speaker, verb, content):
    assert (speaker, verb, content, False) in statements(body), statements(body)


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        # who published the paper, not where they work
        ("英属哥伦比亚大学（University of British Columbia）的西万·安德森（Siwan Anderson）发表的另一篇论文认为，嫁妆在别处消失了。",
         "person:siwan-anderson", "认为"),
        # a declaration signed (签署了一份宣言), then 该宣言
        ("导演佩德罗·阿尔莫多瓦尔（Pedro Almodovar）与350名电影人在上个月签署了一份宣言，谴责恐怖行为，但该宣言补充说，这不能成为理由。",
         "person:pedro-almodovar", "补充说"),
    ],
)
def test_a_document_is_its_issuers(body, speaker, verb):
    said = statements(body)
    assert [k for k, v, _, _ in said if v == verb] == [speaker], said


def test_a_verbal_noun_an_adjective_qualifies_after_de_is_no_verb():
    said = statements("韦弗和奇普伦卡表示，他们的研究发现，关于嫁妆习俗兴起的传统解释几乎没有证据。")
    assert {v for _, v, _, _ in said} == {"表示"}, said
    assert all(c == "他们的研究发现，关于嫁妆习俗兴起的传统解释几乎没有证据" for _, _, c, _ in said), said


def test_information_someone_put_out_unattributed_is_no_ones():
    said = statements("有信息称，他已离开北京。")
    assert said == [(None, "有信息称", "他已离开北京", True)], said


def test_a_latin_surname_alone_is_the_person_named_in_full_before():
    said = statements("首席执行官Allan Koltin说，员工规模快速增加。</p><p>“各处的交易数量都下降了，” Koltin说。")
    assert [k for k, v, c, _ in said if c.startswith("各处")] == ["person:allan-koltin"], said


def test_a_body_several_places_have_is_the_one_of_the_place_written_before_it():
    said = statements("密西根州高等法院在简短裁决中表示，最高法院不认为我们应该审查上诉提出的问题。")
    assert [k for k, v, _, _ in said if v == "表示"] == ["organization:zh-密西根州高等法院"], said


def test_a_latin_first_word_alone_is_the_body_named_in_full_before():
    said = statements("根据数据提供商Revelio Labs的分析，离职人数增加43%。</p><p>Revelio称，今年离职人数创新高。")
    assert [k for k, v, _, _ in said if v == "称"] == ["organization:revelio-labs"], said


@pytest.mark.parametrize(
    ("body", "speaker", "verb", "content"),
    [
        ("习近平将中越关系描述为“同志加兄弟”。", "xi-jinping", "描述为", "同志加兄弟"),
        ("联合国环境规划署将此类弹药描述为“具有化学和放射毒性的重金属”。", "unep", "描述为", "具有化学和放射毒性的重金属"),
    ],
)
def test_describing_something_as_a_quotation_is_a_statement(body, speaker, verb, content):
    assert (speaker, verb, content, False) in statements(body), statements(body)


def _statements_at(url: str, body: str):
    text = f"<!--1643120102000-->\n[标题]({url})\n------\n<p>{body}</p>"
    return [(s.speaker_key, s.verb, s.anonymous) for s in extract(parse_text(text)).statements]


@pytest.mark.parametrize(
    ("url", "body", "speakers"),
    [
        # 当地警方 before the force is named, and the place's force itself: one body, by its name
        ("https://www.bbc.com/zhongwen/a", "当地警方于5月28日通报称，案件仍在调查。通海县警方在周日的通报中称，将严厉打击。",
         ["organization:zh-通海县警方", "organization:zh-通海县警方"]),
        # a country's police is a body of its own, by its name (not the country, not anonymous)
        ("https://www.cna.com.tw/a", "泰國警方昨天告訴媒體，將在曼谷部署警力。", ["organization:zh-泰国警方"]),
        # 检方 after 澳洲检方: the prosecutors named before
        ("https://www.dw.com/zh/a", "澳洲檢方向陪審團表示，被告接觸頻繁。檢方指出，他試圖施加影響。",
         ["organization:zh-澳洲检方", "organization:zh-澳洲检方"]),
        # a catalog force named before (香港警方)
        ("https://www.bbc.com/zhongwen/a", "香港警方发布声明称，这是不负责行为。警方呼吁当事人回头。",
         ["hk-police-force", "hk-police-force"]),
        # 警方 alone in a Hong Kong outlet's story of Hong Kong: the home force
        ("https://news.rthk.hk/a", "警方表示，演唱會門票騙案今年上升。", ["hk-police-force"]),
        # …but not in its story of another country's police, nor in another outlet's
        ("https://news.rthk.hk/a", "日本長野縣發生襲擊事件。警方表示，疑兇已被捕。", [None]),
        ("https://www.dw.com/zh/a", "警方表示，疑兇已被捕。", [None]),
    ],
)
def test_the_police_said_alone_is_the_force_the_article_names_or_the_outlets_own(url, body, speakers):
    found = _statements_at(url, body)
    assert [key for key, _, _ in found] == speakers
    assert all(anonymous == (key is None) for key, _, anonymous in found)


def _dw(body: str):
    """A DW press review: its own credit opens the article."""
    paragraphs = "</p><p>".join(body.split("|"))
    text = f"<!--1643120102000-->\n[德语媒体](https://www.dw.com/zh/a)\n------\n<p>{paragraphs}</p>"
    return [(s.speaker_key, s.verb, s.text) for s in extract(parse_text(text)).statements]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a colon ending a paragraph opens the next one; a quotation there that runs on over
        # paragraphs (DW's straight quotes) is the paper's to the paragraph that closes it
        ('（德国之声中文网）《明镜》周刊发表评论称，西方越来越团结。这篇题为《要强硬，但不要傲慢》的评论写道：|"毫无疑问，这是好事。|但不应傲慢。"',
         [("der-spiegel", "称", "西方越来越团结"), ("der-spiegel", "写道", "毫无疑问，这是好事"),
          ("der-spiegel", "写道", "但不应傲慢。")]),
        # 评论 alone, and a paper in title marks before 杂志, whose comment it is
        ('（德国之声中文网）《明镜》周刊发表评论称，西方越来越团结。评论指出，西方有权自豪。|上周，《资本》杂志发表评论，表示失望。这篇评论写道：|"这是错误的信号。"',
         [("der-spiegel", "称", "西方越来越团结"), ("der-spiegel", "指出", "西方有权自豪"),
          ("organization:zh-资本", "写道", "这是错误的信号。")]),
        # the outlet's own credit is not the paper it reviews
        ('（德国之声中文网）柏林出版的日报写道，峰会选在西安。文章写道：|"苏联解体令中国震惊。"', []),
        # a paragraph that is no one's words (an audio player's title) is not taken
        ("法国国际广播电台记者采访了艾尔曼·卡姆瓦（Herman Kamwa），他说：|cultures francophonie Episode 2023", []),
    ],
)
def test_a_colon_at_a_paragraphs_end_opens_the_next_and_a_papers_piece_is_the_papers(body, expected):
    assert [s for s in _dw(body) if s[0] is not None] == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the act of speech after the name, and the time of it (申论时, 致词时, 发言后)
        ("賴清德申論時批評對手許多主張都是上個時代的政策。", "lai-ching-te"),
        ("賴清德申論指出，他仔細聆聽對手發言。", "lai-ching-te"),
        ("賴清德致詞時表示，台灣要守護民主。", "lai-ching-te"),
        ("拜登在白宫讲话后表示，美国将支持乌克兰。", "joe-biden"),
    ],
)
def test_the_act_of_speech_and_its_time_between_name_and_verb(body, speaker):
    assert [k for k, *_ in statements(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a clause with no subject goes on with the one before's own subject, not the head of a
        # relative clause that is its object
        ("澳洲警方2年前以違反《反外國干預法》逮捕來自越南的華裔男子楊怡生，指控他協助中國共產黨拉攏澳洲前聯邦部長。",
         "organization:zh-澳洲警方"),
        # …but a place opening that clause is where the head is from
        ("印度泰倫加納省新上任的省長芮迪，26日會見鴻海印度團隊的代表，並承諾將為鴻海的投資計畫提供一切必要協助。",
         "person:zh-芮迪"),
    ],
)
def test_a_clause_goes_on_with_the_subject_not_the_object_before_it(body, speaker):
    assert [k for k, *_ in statements(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a lone dash sets off a clause with a subject of its own; a pair of dashes encloses an aside
        ("周庭透露，她被多伦多一所大学录取。但为了取回护照，她前往中国内地——她表示，这是一次她无权拒绝的行程。",
         [("person:zh-周庭", "透露"), ("person:zh-周庭", "表示")]),
        ("一名线人——拜登担任副总统时——说：“支付给了一个人5百万。”", []),  # (not 拜登's)
        # 提出 speaks before a comma, not before what it puts forward
        ("林定國提出，必須制定新法律或更新現有法律。", [("person:zh-林定国", "提出")]),
        ("柯文哲提出「台灣自主、兩岸和平」的政策。", []),
        # an expression of thanks or congratulation, then what it says of them
        ("俄罗斯瓦格纳集团立即向他表示祝贺，形容他是一个正义勇敢的人。", [("wagner-group", "形容")]),
        # a second title the tagger cut, after 兼, then the name
        ("联合国副秘书长兼紧急救济协调员格里菲思在社交媒体上警告称，加沙的人们正在挤入越来越小的地界。",
         [("martin-griffiths", "警告称")]),
        # local news, no paper named: unnamed, not the paper named before
        ("据《泰晤士报》报道，典礼将在周六举行。当地新闻报道说巴基斯坦总理也将出席。",
         [("the-times", "报道"), (None, "说")]),
    ],
)
def test_dashes_proposals_thanks_and_second_titles(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 前夕, the eve of something, frames the time
        ("英国外交部在开庭前夕呼吁港府立即释放黎智英。", [("uk-fcdo", "呼吁")]),
        # 这家 + what describes the company + its sort: the company named before, as 该公司
        ("力拓(Rio Tinto)未来最大的投资是一个铁矿石项目。这家全球市值第二大的矿商周三表示，预计将出资约62亿美元。",
         [("rio-tinto", "表示")]),
        ("世界卫生组织发布报告。这个组织表示，疫情仍在持续。", [("who", "表示")]),
        # where the speaker stood, and an aside between dashes
        ("奥斯汀在新闻发布会上站在米利身边表示，乌克兰的支持者讨论了训练问题。", [("lloyd-austin", "表示")]),
        ("乌克兰能源部——没有透露该发电厂名称——表示，其两台发电机组被摧毁。",
         [("organization:zh-乌克兰能源部", "表示")]),
        # a titled name ending the clause before, with its gloss and the day; a topic holding a quoted term
        ("美国众议院监督和问责委员会主席科默（James Comer）21日，就坠落的美国空军CV-22“鱼鹰”运输机指出“存在安全性的担忧”。",
         [("person:james-comer", "指出")]),
        # a description, then its name in quotes, heads the relative clause
        ("总部位于美国的朝鲜监测项目“38 North”在本周早些时候表示，朝鲜发射台区域的活动开始恢复。",
         [("organization:38-north", "表示")]),
        # what a quoted term means, in brackets, is no one's speech
        ("法院对「二选一」（即要求商家不得在京东开店）案做出判决。", []),
    ],
)
def test_frames_descriptions_postures_asides_and_glosses(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_press_review_gives_each_papers_comment_to_the_paper():
    body = ('（德国之声中文网）慕尼黑出版的《南德意志报》以"乌克兰真正需要的东西"为题，刊发评论指出，'
            '不愿意臣服于北京的国家，并不一定就会成为西方的盟友。|'
            '柏林出版的《世界报》以"西方的新角色"为题，刊发评论指出，这次G7峰会就新对华政策达成了共识。')
    assert [(k, v) for k, v, _ in _dw(body)] == [("suddeutsche-zeitung", "指出"), ("die-welt", "指出")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a name glossed in Latin after a term of address (弗尔女士（Julia Faure）): the person,
        # whom the Latin name alone then names
        ("创始人弗尔女士（Julia Faure）表示，时尚很重要。Julia Faure 解释说：“互联网促进心理操纵以增加消费。”",
         [("person:julia-faure", "表示"), ("person:julia-faure", "解释说")]),
        # the manner between the name and the verb (干劲十足地)
        ("东大副教授宫川治干劲十足地表示：“观测引力波是梦想。”", [("person:zh-宫川治", "表示")]),
        # a post (发贴), the channel of speech
        ("乌克兰外长库列巴（Dmytro Kuleba）发贴表示，“我希望全世界都能听到乌克兰的爆炸声。”", [("dmytro-kuleba", "表示")]),
    ],
)
def test_names_after_address_and_before_manner(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 评论 commenting on something, not a piece: the subject goes on (国台办…评论台湾选举时曾说)
        ("國台辦未立即回應置評請求，但先前評論台灣選舉時曾說，尊重台灣「社會制度」。", [("taiwan-affairs-office", "說")]),
        # a body's unit in quotes between the body and the titled name
        ("美國眾院「中國問題特別委員會」主席蓋拉格（前）25日表示，因美債協商仍未達成協議，將延後訪台計畫。",
         [("person:zh-盖拉格", "表示")]),
    ],
)
def test_a_comment_on_something_and_a_quoted_unit_before_a_title(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_country_s_title_is_no_holder_the_catalog_places_in_another_country():
    # 前总统莫拉莱斯 (Bolivia's, by the catalog) holds no 智利总统
    found = statements("前总统莫拉莱斯曾推动锂国有化。4月，智利总统提出，如果私营公司想开采锂矿，就必须与国有企业合作。")
    assert "person:evo-morales" not in [k for k, v, _, _ in found if v == "提出"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 被 and a short agent: the subject is spoken of, not speaking
        ("中国一直被外界认为暗中支持俄罗斯。", []),
        ("他被美方指控窃取机密。", []),
        # a country's official media are no one named; who they quote speaks
        ("中国官媒报道还引述米舒斯京称，今年3月的访问非常成功。", [(None, "引述"), ("mikhail-mishustin", "称")]),
        # 卜 in a transliterated name (阿卜杜拉希安)
        ("伊朗外交部长侯赛因·阿米拉卜杜拉希安呼吁塔利班尊重条约。", [("person:zh-侯赛因·阿米拉卜杜拉希安", "呼吁")]),
    ],
)
def test_passives_official_media_and_long_transliterations(body, expected):
    assert speakers_and_verbs(body) == expected


def test_an_ambiguous_name_a_title_ties_to_a_person_is_that_person_at_each_use():
    # 张军 is a common name; 中国常驻联合国代表张军 says which, for the bare 张军 after it too,
    # whose 一边纵容…，一边声称… tells of others' doings, no statement of its own
    found = statements("中國常駐聯合國代表張軍表示，極大失望。張軍指出，一邊縱容戰事延續，一邊聲稱關心加沙民眾的安全，是自相矛盾。")
    assert [(k, v) for k, v, _, _ in found] == [("zhang-jun", "表示"), ("zhang-jun", "指出")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a source named alone in title marks, after a space, or after 根据, with its website
        ("据 《南华早报》，作为阿里巴巴组织变革的一部分，该集团已取消CTO一职。", [("scmp", "据")]),
        ("根據外交部網站，李輝闡述中方的立場。", [("china-mfa", "根據")]),
        # 谈及 and 注意到 before a comma or colon
        ("美国大使馆发表声明。声明中谈及，尽管存在零星枪声，但情况有所改善。", [("organization:zh-美国大使馆", "谈及")]),
        ("他注意到这个问题。", []),
    ],
)
def test_sources_named_alone_and_verbs_of_mention(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_sources_report_after_de_is_its_statement():
    # 根据X的报道，…: the report of X; not 他的报道 outside a clause that 据 opens
    found = statements("根据朝鲜中央通讯社的报道，金正恩16日在察看卫星之前举行了会晤。他的报道，很长。")
    assert [(k, v) for k, v, _, _ in found] == [("kcna", "报道")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a body's document as the source (据美国国务院简报，…)
        ("据白宫声明，拜登将访问日本。", [("white-house", "据")]),
        # an event's quoted name inside a 在…上 frame does not end the clause
        ("国务院副总理丁薛祥在“全国高校毕业生等青年就业创业工作”电视电话会议上讲话强调，要全面落实就业优先政策。",
         [("person:zh-丁薛祥", "强调")]),
    ],
)
def test_a_bodys_document_as_source_and_an_events_name_in_a_frame(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_consulate_written_short_is_a_mission_that_speaks():
    # 总领馆, short for 总领事馆
    found = statements("中国驻多伦多总领馆发表声明称，加方无中生有。")
    assert [(k, v) for k, v, _, _ in found] == [("organization:zh-中国驻多伦多总领馆", "称")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 这家 + a relative clause + the body's sort: the body of that sort named before
        ("基尔研究所的一项追踪显示，援助已降至最低。这家总部位于德国的研究所表示，援助减少了近90%。",
         [("organization:zh-基尔研究所", "表示")]),
        ("阿里巴巴发布财报。据这家总部位于杭州的公司称，它的营收增长了。", [("alibaba", "称")]),
    ],
)
def test_a_demonstrative_body_described_by_a_relative_clause(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 指 right after its subject and before a clause speaks, as Hong Kong's news writes it
        ("李惟宏說，有持牌公司反映官方網站被模仿。他指現有虛擬資產監管並無出現問題。",
         [("person:zh-李惟宏", "說"), ("person:zh-李惟宏", "指")]),
        # …not 指着 (pointing), 指派 (assigning) or 指的是 (meaning)
        ("拜登指着地图说道，“这一切都属于乌克兰。”", [("joe-biden", "说道")]),
        ("中國領導人習近平指派國安部長陳一新負責對外。", []),
        ("这个数字指的是去年。", []),
    ],
)
def test_zhi_after_its_subject_speaks(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_decision_announced_after_a_comma_is_no_statement():
    # 宣布，将禁止…: what will be done, announced, as 宣布将禁止… is
    assert statements("美国商务部宣布，将禁止在美国境内下载微信。") == []
    assert [v for _, v, _, _ in statements("美国商务部宣布，微信威胁国家安全。")] == ["宣布"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the act whose time frames the verb of speech (回应相关提问时说) reports nothing itself
        ("中国外交部发言人汪文斌在例行记者会上回应相关提问时说，美国和英国说三道四。", [("wang-wenbin", "说")]),
        # answering a condemnation or a question is no statement
        ("中国回应美国和英国对黎智英受审的谴责。", []),
        ("岸田在首相官邸回答了媒体提问。", []),
        # the end of a quoted name is no verb (违反“中英联合声明“；…)
        ("卡梅伦发表声明称，香港国安法明显违反“中英联合声明“；该法显示中国违背承诺。", [("person:zh-卡梅伦", "称")]),
    ],
)
def test_frames_of_answering_and_contents_of_marks_alone(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_person_described_before_a_title_after_this_is_the_titles_holder():
    # 这位 + age + a party's member (民主党 | 人) + 总统: the president named before, not the party
    found = statements("拜登的支持率接近最低水平。这位今年81岁的民主党人总统在马萨诸塞州举行的筹款活动中表示，“我也不确定是否会参选。”")
    assert [(k, v) for k, v, _, _ in found] == [("joe-biden", "表示")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a document of the speaker's, with its own modifier, before the verb (X(的)最新报告称)
        ("高盛的最新报告称，市场出现分歧。", [("goldman-sachs", "称")]),
        ("高盛最新报告称，市场出现分歧。", [("goldman-sachs", "称")]),
        # …a commentary or a view of a body the tagger found (华侨银行最新点评称)
        ("华侨银行最新点评称，美元在6.81元附近获得较强支撑。", [("organization:zh-华侨银行", "称")]),
        # a notice as the subject: the body that issued it (发布通知…。通知同时督促…)
        ("中国国家禁毒委员会于本周一发布通知。通知同时督促中国企业核查境外采购方资质。",
         [("organization:zh-中国国家禁毒委员会", "督促")]),
        # a view there is (有观点认为) is no one's
        ("蔚来公司申请多枚商标。有观点认为，在未来，主机厂可能都需要结合AI大模型。", [(None, "有观点认为")]),
    ],
)
def test_a_bodys_document_speaks_for_it(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a Latin name glossed by the name the article knows speaks as that name
        ("谢侑芯经纪人Chris（克里斯）表示，他会委托私人调查人员。", [("person:zh-克里斯", "表示")]),
        # whose agent the name is (谢侑芯经纪人 | Chris) is no subject for a later 他
        ("谢侑芯经纪人Chris（克里斯）对于黄明志的回应表示质疑，他说委托私人调查人员。", [("person:zh-克里斯", "说")]),
        # (another person opening the clause still is: 赖清德以总统蔡英文为例)
        ("赖清德以总统蔡英文为例，他说台湾很好。", [("lai-ching-te", "说")]),
    ],
)
def test_a_glossed_name_and_whose_relation_it_is(body, expected):
    assert speakers_and_verbs(body) == expected


def test_a_view_answered_as_a_noun_is_no_statement_and_she_is_who_answered():
    # 批评蓬佩奥认为…的论点: Pompeo's view, named as the argument criticised; 她 is the critic
    body = ("中国外交部发言人华春莹在例行记者会上严词批评美国国务卿蓬佩奥认为TikTok有国安疑虑的论点。"
            "她说:「在网络安全问题上，他每天都在撒谎。」")
    assert speakers_and_verbs(body) == [("hua-chunying", "说")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a verb of saying takes no thing: a noun phrase, then a clause of its own, is its topic
        ("赵显臻在赛后表示，对赛果感到可惜。赵显臻在决赛排在第一线道，他说今日的风势，中间航道较有优势。",
         [("person:zh-赵显臻", "表示"), ("person:zh-赵显臻", "说")]),
        # (a verb of stance may: 谴责美国的行为 is an act)
        ("普京谴责美国的行为，俄罗斯不会让步。", []),
    ],
)
def test_a_topic_before_what_was_said(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # when, then the document it spoke in (今天 | 新闻稿 | 表示)
        ("台南市政府文化局今天新闻稿表示，台南市不仅是文化古都。", [("organization:zh-台南市政府文化局", "表示")]),
        # the channel: a joint interview taken (接受媒体联访), an interview given (受访)
        ("民进党立法院党团书记长庄瑞雄受访表示，行政院推出新策略。", [("person:zh-庄瑞雄", "表示")]),
        ("雄女校长郑文仪今天接受媒体联访表示，耶诞树主题是圣诞红。", [("person:zh-郑文仪", "表示")]),
        # an adverb the tagger splits (稍 | 早), a platform named in Latin (社群媒体X平台), a post
        ("乌克兰总统泽伦斯基稍早于社群媒体X平台发文指出：「今天，俄罗斯几乎动用了所有武器。」",
         [("volodymyr-zelenskyy", "指出")]),
        # a surname the tagger read as a verb, then a title (赖(v) | 副总统): the titled person
        ("副总统赖清德今天出席活动。赖副总统说，现阶段的国际情势十分复杂。", [("lai-ching-te", "说")]),
        # a matter named by what happened (就检察放弃上诉一事): a topic, clause and all
        ("韩国法务部长官郑成湖就检察放弃上诉一事表示：“判定不上诉也没有问题”。", [("person:zh-郑成湖", "表示")]),
        # a report published (公布报告指出): the document, then the verb
        ("美国商务部周二公布报告指出，消费者信心反弹。", [("us-commerce-department", "指出")]),
        # a dotted name whose last character the tagger read as a verb before a time (奥纳努 | 加 | 周三)
        ("尼日利亚总统发言人巴约·奥纳努加周三发表声明称，蒂努布总统推迟了行程。", [("person:zh-巴约·奥纳努加", "称")]),
        # an office's side (署方): the office named before
        ("运输署宣布新安排。署方表示，市民如有怀疑，可致电核实。", [("hk-transport-department", "表示")]),
    ],
)
def test_circumstances_documents_and_sides_before_the_verb(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 作者 of a piece whose writer was named as its author (X的一篇文章)
        ("美国杂志《外交事务》在其记者梅赫琳·扎赫拉·马利克的一篇文章中分析巴基斯坦局势。作者认为，军方已经掌权。",
         [("person:zh-梅赫琳·扎赫拉·马利克", "认为")]),
        # …or introduced as its writer (（作者是…陈品高）)
        ("《光明日报》刊发评论文章（作者是光明日报副总编陈品高）。作者认为，每个人都应该努力。",
         [("person:zh-陈品高", "认为")]),
    ],
)
def test_the_author_of_a_piece(body, expected):
    assert speakers_and_verbs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # whom a judging verb names before a comma is what it judges, not an addressee
        ("瓦希德与苏哈托关系一向紧张。他曾公开批评苏哈托，但也在政治上保持务实合作。", []),
        # (警告拜登，…: an addressee, then what was said)
        ("普京警告拜登，俄罗斯不会让步。", [("vladimir-putin", "警告")]),
        # a feeling shown as the whole object (表明严重关切) is no statement
        ("日本外务事务次官船越健裕召见中国驻日大使，表明严重关切。", []),
        # a noun that ends in 说 is no verb (演说, 学说)
        ("去年，其前女婿普拉博沃当选总统。普拉博沃在胜选演说中赞扬苏哈托政权。", []),
        # 评论 as a noun after 发表 or 口头: the verb is the suffix
        ("国民之力党发言人裴俊英发表口头评论称，“把朝鲜领导人的一句道歉看得比天还重”。", [("person:zh-裴俊英", "称")]),
    ],
)
def test_objects_nouns_and_addressees(body, expected):
    assert speakers_and_verbs(body) == expected


def test_the_head_an_administration_is_named_after_is_mentioned_too():
    # 特朗普政府表示: the administration speaks; 特朗普 is named, a mention of the person
    result = run("特朗普政府表示，将加征关税。")
    assert [(s.speaker_key, s.verb) for s in result.statements] == [("trump-administration", "表示")]
    assert {m.key for m in result.mentions} >= {"trump-administration", "donald-trump"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quotation over paragraphs: each paragraph is the speaker's, to the one that closes it;
        # a subheading inside says nothing; a paragraph quoting someone else is still the paper's
        ("《商报》发表评论称，德国的影响力在下降：|“德国的份量一向以经济实力为基础。|“角色互换”|"
         "角色互换已经露出了端倪。克林拜尔表示，德国经济也有贡献。|有必要考虑使用保护主义工具。”|"
         "这是另一回事。",
         [("organization:zh-商报", "称", "德国的影响力在下降"),
          ("organization:zh-商报", "称", "德国的份量一向以经济实力为基础。"),
          ("organization:zh-商报", "称", "角色互换已经露出了端倪。克林拜尔表示，德国经济也有贡献。"),
          ("person:zh-克林拜尔", "表示", "德国经济也有贡献"),
          ("organization:zh-商报", "称", "有必要考虑使用保护主义工具。")]),
        # the paragraph after a statement opening a quotation that runs on, without a colon
        ("《明镜》周刊指出，设计有缺陷。|“中国的第四艘航母将采用核动力。|它将同美国的航母具有同等规模。”",
         [("der-spiegel", "指出", "设计有缺陷"), ("der-spiegel", "指出", "中国的第四艘航母将采用核动力。"),
          ("der-spiegel", "指出", "它将同美国的航母具有同等规模。")]),
        # closed inside a paragraph and named after it: someone else's words, not the paper's
        ("《明镜》周刊指出，设计有缺陷。|“中国的航母将采用核动力。|它将同美国的航母同等规模”，一名专家说。",
         [("der-spiegel", "指出", "设计有缺陷")]),
        # never closed: no quotation to trust
        ("《明镜》周刊指出，设计有缺陷。|“中国的航母将采用核动力。|它将同美国的航母同等规模。",
         [("der-spiegel", "指出", "设计有缺陷")]),
    ],
)
def test_a_quotation_over_paragraphs_is_its_speakers_paragraph_by_paragraph(body, expected):
    assert [s for s in _dw(body) if s[0] is not None] == expected


def test_a_form_its_article_settled_once_is_the_same_body_where_nothing_near_says():
    body = ("（德国之声中文网）德国《世界报》报道写道，航母是中国的骄傲。|中国的航母还在试航。|"
            "《世界报》指出，设计缺陷使起降量减半。")
    assert [s[:2] for s in _dw(body)] == [("die-welt", "写道"), ("die-welt", "指出")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a paper's commentary as the subject: the paper's (评论 is its piece, not a verb here)
        ("（德国之声中文网）《南德意志报》评论认为，美国对TikTok下重手，对美国企业有利。",
         [("suddeutsche-zeitung", "认为")]),
        # 这篇评论 after a paper named with its piece (《商报》评论则…), not the paper reviewed before
        ("（德国之声中文网）《南德意志报》发表评论称，禁令会有后果。|"
         "《商报》评论则对这项法案表示赞赏。这篇评论称，鉴于TikTok可以获取用户数据，这一步是合理的。",
         [("suddeutsche-zeitung", "称"), ("organization:zh-商报", "称")]),
    ],
)
def test_a_papers_piece_speaks_for_the_paper_that_ran_it(body, expected):
    assert [s[:2] for s in _dw(body)] == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a ministry's bare name, in a list beside China's other ministry: China's
        ("中國文化和旅遊部、教育部16日也相繼公告，呼籲中國公民近期避免前往日本旅遊。", "moe-china"),
        # …and in a story of Taiwan's schools, Taiwan's
        ("台北市立大學校長表示，教育部今天宣布，台灣的大學將擴大招生。", "taiwan-moe"),
    ],
)
def test_a_ministrys_bare_name_is_its_countrys(body, speaker):
    assert speaker in {s.speaker_key for s in run(body).statements}


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        # a title the lexicon lacked left the name out of subject position, and 他 went elsewhere
        ("朔尔茨周一表示，德国不会参战。比如，欧洲外交事务委员会项目协调员拉斐尔-洛斯便证实了这一点。"
         "他说，德国不是参战方。", "person:zh-拉斐尔-洛斯", "说"),
        # 这位 + a party + a person noun: the person named before, as 他
        ("委员会主席斯特拉克齐默尔曼呼吁大家谨慎行事。这位自民党政治家在德国电视二台表示，人们应小心谨慎。",
         "person:zh-斯特拉克齐默尔曼", "表示"),
        # a regulator described, then named: the body named
        ("本月早些时候，美国监管部门联邦航空管理局表示，对波音公司的生产流程进行了审计。", "faa", "表示"),
        # a topic that is a verb (就磋商), then whom it was said to
        ("公明党政调会长高木阳介8日举行了会谈。高木就磋商向媒体介绍称：“下周将敲定内容。”",
         "person:zh-高木阳介", "介绍称"),
        # raising a doubt is a channel of speech
        ("公明党政调会长高木阳介8日举行了会谈。高木提出质疑称：“无原则地转移合适吗？”", "person:zh-高木阳介", "称"),
        # a Japanese name with a given name of three characters, after a title; its surname alone
        ("日本政府8日向自公两党提出方案。自民党政调会长渡海纪三朗8日举行了会谈。渡海对媒体表示：“理解有了进展。”",
         "person:zh-渡海纪三朗", "表示"),
    ],
)
def test_speakers_named_before_by_title_description_or_surname(body, speaker, verb):
    assert (speaker, verb) in [s[:2] for s in speakers_and_verbs(body)]


def test_a_lists_and_before_a_bracketed_name_is_no_part_of_it():
    entities = {e.name for e in run("据 Centcom 和英国海事安全局（UKMTO）报告，船上发生火灾。").entities.values()}
    assert "英国海事安全局" in entities and "和英国海事安全局" not in entities


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # how it was said, right before the verb without 地: no circumstance that hides the subject
        ("黃萬隆打趣表示，自己很討厭輸球，不過很多事情不是完美的。", "person:zh-黄万隆"),
        ("特朗普笑着说，他会赢得大选。", "donald-trump"),
    ],
)
def test_a_manner_right_before_the_verb(body, speaker):
    assert [s[0] for s in statements(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "person", "not_person"),
    [
        # 因 ("because") after a Chinese name is the next word's; a transliteration may end in it
        ("此前，周庭因“勾结外国势力”而受到调查。香港社运人士周庭表示，不会回去。", "周庭", "周庭因"),
        ("萨达姆·侯赛因政权倒台。侯赛因曾说，他不会离开。", "萨达姆·侯赛因", "萨达姆·侯赛"),
    ],
)
def test_because_after_a_chinese_name(body, person, not_person):
    people = {e.name for e in run(body).entities.values() if e.kind == "person"}
    assert person in people and not_person not in people


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what an answer was to, then how it was said: the content after both
        ("環保局長郭建成回答議員的質詢表示，廠外看板顯示的是即時監測數據。",
         [("person:zh-郭建成", "廠外看板顯示的是即時監測數據")]),
        # words reported inside someone's statement end where the reporter reacts to them
        ("李家超表示，國務院總理李強在政府工作報告提到，支持香港發展經濟、改善民生，對此感到鼓舞。",
         [("person:zh-李家超", "國務院總理李強在政府工作報告提到，支持香港發展經濟、改善民生，對此感到鼓舞"),
          ("li-qiang", "支持香港發展經濟、改善民生")]),
        # …but a speaker's own reaction goes on with their words
        ("美方称，中方的举动不负责任，对此表示强烈不满。", [("united-states", "中方的举动不负责任，对此表示强烈不满")]),
    ],
)
def test_answers_and_reactions(body, expected):
    assert [(s[0], s[2]) for s in statements(body)] == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 报道 after a medium that reported (香港01报导…) and a station named nearer: the medium's
        ("香港01報導引述電台內部消息指，自由亞洲電台已決定撤出香港。報導提到，香港辦公室預計在4月中以前正式關閉。",
         "hk01"),
        # a piece a paper ran, written by someone named: the writer's, not the paper's
        ("《纽约时报》刊登了国务卿布林肯的文章，指出美国将继续支持乌克兰。", "antony-blinken"),
    ],
)
def test_a_report_is_its_reporters_and_a_piece_its_writers(body, speaker):
    assert speaker in [s[0] for s in statements(body)][-1:]


def test_a_catalog_company_written_with_its_ending_is_found_by_that_name():
    entities = run("日本的铁路JR东海公司2日表示，决定3日加开临时列车。").entities
    assert ("JR东海公司", "written") in entities["jr-central"].aliases, entities["jr-central"]


def test_a_charter_the_tagger_reads_as_a_body_is_none():
    entities = run("路透社報導，古特瑞斯（Antonio Guterres）首度援引聯合國憲章第99條，提請安理會注意。"
                   "發言人杜雅里克（Stephane Dujarric）說，聯合國憲章第99條已有數十年未被引用過。").entities
    assert not any("憲章" in e.name or "宪章" in e.name for e in entities.values()), entities


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a piece published, by its quoted title or counted (发表"…"一文, 发表一篇文章), then the verb
        ('德国《经济周刊》发表"中国利用墨西哥作为门户"一文指出，中国也发现了墨西哥的地理优势。',
         [("organization:zh-经济周刊", "指出", "中国也发现了墨西哥的地理优势")]),
        ("《金融时报》发表一篇评论文章说，中国也发现了墨西哥的地理优势。",
         [("financial-times", "说", "中国也发现了墨西哥的地理优势")]),
        # a quotation paragraph whose sentence ends right after its marks ("…"。) goes on the statement
        ('《金融时报》发表评论。</p><p>文章写道，奖励势在必行。</p><p>"类似的问题处处可见。欧洲面临重大威胁"。',
         [("financial-times", "写道", "奖励势在必行"), ("financial-times", "写道", "类似的问题处处可见。欧洲面临重大威胁")]),
        # …a quoted subheading, no sentence after it, does not
        ("普京表示，奖励势在必行。</p><p>“新疆是禁区”</p><p>记者前往当地。", [("vladimir-putin", "表示", "奖励势在必行")]),
        # a verb pointing back (这样问道) with nothing after it: the quotation paragraph before
        ('"我们需要自己的太阳能电池板吗？"</p><p>《金融时报》日前发表评论这样问道。德国需要能源转型。',
         [("financial-times", "问道", "我们需要自己的太阳能电池板吗？")]),
    ],
)
def test_pieces_published_and_the_quotations_around_them(body, expected):
    found = [(k, v, t) for k, v, t, _ in statements(body)]
    assert found == expected, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a catalog body named with its country, then without it: the same body
        ("中国国家安全部发文称，该人士是一名外籍人员。</p><p>国家安全部介绍称，漫画讲述了反间谍的故事。",
         [("mss-china", "发文称"), ("mss-china", "介绍称")]),
        # …not a name bodies of other places share, written after another place too
        ("中国国家安全部发文称，该人士是一名外籍人员。越南国家安全部也表示，将加强合作。</p><p>"
         "国家安全部介绍称，漫画讲述了反间谍的故事。", [("mss-china", "发文称")]),
    ],
)
def test_a_body_written_without_its_country(body, expected):
    found = [(k, v) for k, v, _, _ in statements(body)]
    assert [f for f in found if f[0] == "mss-china"] == expected, found


def test_places_that_describe_who_speaks_are_no_speakers():
    found = statements("北京、上海等中国多座主要城市的抗议者走上街头，他们手举白纸，高呼“不要核酸要自由”。")
    assert [(k, anonymous) for k, _, _, anonymous in found] == [(None, True)], found


def test_criticism_received_speaks_for_unnamed_critics():
    found = statements("在这些事故发生后，波音面临广泛的指责，批评其将利润置于乘客安全之上。")
    assert [(k, v, anonymous) for k, v, _, anonymous in found] == [(None, "批评", True)], found
    assert statements("拜登面临压力，表示将考虑撤军。")[0][0] == "joe-biden"


def test_a_diary_with_no_one_named_speaks_for_no_body():
    assert statements("北海道大学发布消息。日记中称，他要用20个小时走约100公里。") == []


@pytest.mark.parametrize(
    ("body", "body_key", "not_bodies"),
    [
        # a Latin name, then what the post is of and the post (Natixis高级经济学家, IG市场策略师)
        ("Natixis高级经济学家Gary Ng认为，市场仍然低迷。", "organization:natixis", ["Gary Ng"]),
        ("IG市场策略师Jun Rong Yeap表示，市场仍然低迷。", "organization:ig", ["Jun Rong Yeap"]),
        ("UPYO中东营销部门负责人易卜拉欣表示，市场仍然低迷。", "organization:upyo", []),
        # an example of a sort of body (电池厂商如Northvolt)
        ("欧洲正在资助欧洲电池厂商如Northvolt在德国建厂。", "organization:northvolt", []),
        # …not a person before a circumstance that holds a staff word
        ("英伟达首席财务官Colette Kress上周三在与分析师举行的电话会议上说，需求强劲。", None, ["Colette Kress"]),
    ],
)
def test_latin_firms_told_by_their_staff_and_sort(body, body_key, not_bodies):
    entities = run(body).entities
    bodies = {k: e.name for k, e in entities.items() if e.kind == "organization"}
    assert body_key is None or body_key in bodies, entities
    assert not set(not_bodies) & set(bodies.values()), entities


def test_a_bodys_unit_written_after_it_is_found_by_the_whole_name():
    entities = run("美國眾議院中國問題特別委員會表示，國會要求政府制定計劃。").entities
    unit = next(e for e in entities.values() if e.name == "中國問題特別委員會")
    assert ("美國眾議院中國問題特別委員會", "written") in unit.aliases, unit


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a document named by its title, then by its word alone, speaks for whoever issued it
        ("中共中央办公厅近日印发《关于加强统战工作的意见》提出，深化改革。</p><p>市场人士关注此事。</p>"
         "<p>意见要求，要深入开展调查研究。", [("cpc-general-office", "提出"), ("cpc-general-office", "要求")]),
        # a quotation opening the paragraph, then the speaker after a relative clause: theirs too
        ("“电子航海图并不恰当。”租用该货轮的商船三井公司社长池田润一郎透露，船员可能没有使用精细的航海图。",
         [("person:zh-池田润一郎", "透露"), ("person:zh-池田润一郎", "透露")]),
    ],
)
def test_documents_by_title_and_quotations_before_a_described_speaker(body, expected):
    assert [(k, v) for k, v, _, _ in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # reported speech ending its paragraph with a colon opens a text of the speaker's: each
        # paragraph after it in the first person, past a subheading, up to one that is not
        ("G7峰会广岛共同宣言说，作为合作伙伴，我们在以下方面团结一致：</p><p>我们随时准备与中国建立稳定的关系。</p>"
         "<p>经济</p><p>我们不是在脱钩或向内转。</p><p>分析人士对此看法不一。",
         ["作为合作伙伴，我们在以下方面团结一致", "我们随时准备与中国建立稳定的关系。", "我们不是在脱钩或向内转。"]),
        # …not a quotation the colon opens on the next line, which is one statement
        ("这篇评论写道：</p><p>“毫无疑问，我们现在的处境很尴尬。</p><p>我们必须改变战略。”", None),
    ],
)
def test_a_text_a_colon_opens(body, expected):
    found = [t for k, _, t, _ in statements(body) if k == "g7" or k is not None]
    if expected is None:
        assert len(statements(body)) <= 1, statements(body)
    else:
        assert found == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "kept", "dropped"),
    [
        # "and others" after the last body listed (新光網等4家企業)
        ("邀請13家新創團隊和崇越科技、高雄榮總及新光網等4家指標性企業，針對智慧製造進行交流。", "新光網", "新光網等"),
        # "some" of a government's bureaus (台南市政府部分局處)
        ("許忠信以樂活基金會承接台南市政府部分局處案子痛批黃偉哲，他說，市長品行非常重要。", "台南市政府", "台南市政府部分局"),
        # a leader's era is no one's name (習近平時代)
        ("更有人拿江時代與現任中共總書記習近平時代作對照，直指如今方向相反。", "習近平", "習近平時代"),
        # a disease's Latin name is no body (COVID-19)
        ("上市櫃公司陸續公布10月營收，受中國官方COVID-19疫情動態清零影響，台塑營收下滑。", None, "COVID-19"),
    ],
)
def test_names_without_what_the_tagger_ran_into(body, kept, dropped):
    surfaces = {m.surface for m in run(body).mentions}
    assert (kept is None or kept in surfaces) and dropped not in surfaces, surfaces


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a body's official by a title no one named holds: unnamed (有关负责人 read as one title)
        ("中国人民银行有关负责人就降准答记者问时表示，此次降准将释放资金约5000亿元。", [(None, True)]),
        # …but the same words as written before a named one: that one
        ("外交部发言人汪文斌表示，中方将采取必要措施。外交部发言人还表示，美方应当纠正。",
         [("wang-wenbin", False), ("wang-wenbin", False)]),
    ],
)
def test_a_bodys_officials_named_and_unnamed(body, expected):
    assert [(k, anonymous) for k, _, _, anonymous in statements(body)] == expected, statements(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what a reporter learned from a body is its word (记者从X获悉)
        ("记者从国家统计局获悉，10月份全国居民消费价格同比下降0.2%。", [("nbs-china", "获悉")]),
        ("本报记者从警方处了解到，嫌犯已被逮捕。", [(None, "了解到")]),
        # …learned from no one named, it is no one's
        ("记者获悉，10月份全国居民消费价格同比下降0.2%。", []),
        ("他得知消息后十分震惊。", []),
    ],
)
def test_what_a_reporter_learned_from_someone(body, expected):
    found = _statements_at("http://www.xinhuanet.com/2022-12/01/c_1.htm", body)
    assert [(k, v) for k, v, _ in found] == expected, found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a group's leaders speak as the group (七国集团领导人)
        ("七国集团领导人在一份声明中表示，这项倡议将对经济胁迫采取早期预警机制。", [("g7", "表示")]),
        # "among which" goes on with what the clause before said (…作出表态，其中提到)
        ("在公报中，七国集团就对华关系作出表态，其中提到：「我们准备与中国建立建设性和稳定的关系。」", [("g7", "提到")]),
        # a summit's joint communiqué, issued paragraphs before, speaks for the summit's group
        ("七国集团（G7）峰会周六发布了峰会联合公报，关注乌克兰。</p><p>联合公报谴责俄罗斯的侵略战争违反国际法。</p>"
         "<p>关于印太，联合公报强调了印太地区的重要性，称必须确保主权。",
         [("g7", "谴责"), ("g7", "称")]),
    ],
)
def test_a_group_its_leaders_and_its_documents(body, expected):
    assert [(k, v) for k, v, _, _ in statements(body)] == expected, statements(body)


def test_a_website_is_named_by_its_latin_name_alone():
    names = {e.name for e in run("据Opex360网站披露：这艘中国船只曾受到马来西亚方面的警告。").entities.values()}
    assert "Opex360" in names and "Opex360网站" not in names, names


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a meeting named with the body whose it is: that body, not who chaired it
        ("国务院总理李强主持召开国务院常务会议。会议指出，要稳定经济。", "china-state-council"),
        # …a body not named in it: who chaired it
        ("习近平主持召开中央全面深化改革委员会第一次会议。会议强调，要坚持稳中求进。", "xi-jinping"),
    ],
)
def test_what_a_meeting_stresses_is_its_holders(body, speaker):
    found = _statements_at("http://www.xinhuanet.com/2022-12/01/c_1.htm", body)
    assert [k for k, _, _ in found] == [speaker], found


def test_a_surname_and_a_term_of_address_far_from_a_full_name_is_someone_else():
    body = ("台北市长候选人黄珊珊表示，她会专注市政。</p><p>选民对选情看法不一。</p><p>很多年轻人关心房价。</p>"
            "<p>在台北工作的黄先生说，他这次会投给第三势力。")
    found = [k for k, v, _, _ in statements(body) if v == "说"]
    assert found and found[0] != "person:zh-黄珊珊", statements(body)


def test_a_leader_named_for_an_administration_is_no_antecedent():
    body = ("30岁的选民赵纬宥说，他这次含泪投票。他满意蔡英文政府防疫的总体表现。</p>"
            "<p>自称天然独的他经历过太阳花学运。他认为，现时的民进党已大不一样。")
    found = [k for k, v, _, _ in statements(body) if v == "认为"]
    assert found == ["person:zh-赵纬宥"], statements(body)


@pytest.mark.parametrize(
    ("body", "ministry", "not_ministry"),
    [
        # a Taiwanese outlet's bare 外交部 is Taiwan's, whatever other country the line names
        ("台灣志願兵曾聖光在烏克蘭陣亡。</p><p>外交部表示，已協助家屬搭機前往鄰近的波蘭。", "taiwan-mofa", None),
        ("外交部表示，已協助曾聖光的家屬搭機前往鄰近的波蘭。", "taiwan-mofa", None),
        # …but not in a quotation of another country's speaker (普里格津說：「國防部…」)
        ("俄羅斯傭兵集團瓦格納領導人普里格津說：「國防部麾下一個單位今天逃離陣地。」", None, "taiwan-mnd"),
    ],
)
def test_a_home_outlets_bare_ministry(body, ministry, not_ministry):
    text = f"<!--1643120102000-->\n[标题](https://www.cna.com.tw/news/a.aspx)\n------\n<p>{body}</p>"
    keys = {m.key for m in extract(parse_text(text)).mentions}
    assert (ministry is None or ministry in keys) and not_ministry not in keys, keys
