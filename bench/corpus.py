"""A deterministic synthetic corpus of Chinese news articles, for benchmarks.

    python -m bench.corpus OUT_DIR --count N [--seed S] [--jobs J] [--density real|dense]

writes N article files in the two formats ``kb.parse`` reads (format A: ``<!--EPOCH_MS-->``,
``[title](url)``, ``------``, HTML; format B: YAML front matter, HTML), about half each, as
``OUT_DIR/000/000000.txt`` … (shards of at most 1000 files). Article ``i`` depends only on
``(seed, i)`` (``random.Random(f"kb-bench:{seed}:{i}")``), so memory stays flat, shards can be
written in parallel and the same seed and count give byte-identical files. The text is
built from the project's catalogs (``kb/data``: outlets, people with their roles and
aliases in both scripts, organizations, places) and from sentence templates shaped like
the seeds: titled speakers with English names in parentheses, direct quotes, reported
speech, quotes followed by their attribution, anonymous and unattributed sources,
continuations and pronouns, images with captions, bylines, datelines and boilerplate; some
paragraphs (whole articles for Taiwan and Hong Kong outlets) are in traditional script.

Two densities: ``real`` (the default) gives articles whose stored statements, mentions,
paragraphs and Chinese characters per article, as ``kb load`` extracts them, are within 20% of
a real month of eight outlets (``bench/density.py`` measures a loaded database and holds the
month's figures); ``dense`` is the stress profile of generator version 2, byte for byte (about
7 times the statements, 3.5 times the mentions and 3 times the text of real news).

The corpus also depends on the catalog files, so a marker file (``.kb-bench-corpus.json``,
hidden, so ``kb load`` skips it) records seed, count, density, generator version and digests of
this module and of ``kb/data``; ``bench.load`` reuses a corpus only when all of them match.

Python API: ``article_text(seed, index, density="real")``,
``generate(out_dir, count, seed=0, jobs=1, density="real")``.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import opencc

GENERATOR_VERSION = 3
SHARD_SIZE = 1000
MARKER_NAME = ".kb-bench-corpus.json"

# Publication instants: a bijection of the index onto the seconds of 2021-06-01 .. 2023-06-30,
# so every article has its own instant (format B identities are author|title|date) while
# neighbouring indices land far apart. STRIDE is a prime larger than SPAN, so coprime to it.
START = datetime(2021, 6, 1, tzinfo=UTC)
SPAN = int((datetime(2023, 7, 1, tzinfo=UTC) - START).total_seconds())
STRIDE = 2_654_435_761

# Densities: "real" (the default) writes articles whose stored statements, mentions, paragraphs
# and characters per article are within 20% of a real month's (bench/density.py's REAL_MONTH,
# checked by tests/test_bench_corpus.py); "dense" is the stress profile of generator version 2,
# byte for byte: about 7 times the statements and 3 times the text of real news.
DENSITIES = ("real", "dense")
DEFAULT_DENSITY = "real"

# Dense per-article length limits: paragraphs and Chinese characters (title and captions included).
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 5, 20
MIN_CHARS, MAX_CHARS = 800, 3000

# Real density, calibrated on agora0/2312 (bench/density.py): a quarter of the articles are
# one-paragraph briefs of about 200 characters (RTHK's there); the others have 3 to 30 short
# paragraphs (about 70 characters each); most sentences are narrative, not quoted speech; fewer
# images, fewer of them captioned.
REAL_BRIEF_SHARE = 0.27
REAL_BRIEF_CHARS = (120, 300)
REAL_MIN_PARAGRAPHS, REAL_MAX_PARAGRAPHS = 3, 30
REAL_PARAGRAPH_CHARS = (45, 95)
REAL_MAX_CHARS = 4000
REAL_NARRATIVE_SHARE = 0.75  # sentences drawn from BACKGROUND or PLAIN before the dense mix
REAL_PLAIN_SHARE = 0.4  # of those, from PLAIN (naming no one)
REAL_IMAGES = (0, 0, 0, 1, 1, 2)
REAL_CAPTIONED = 0.7
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def cjk_count(text: str) -> int:
    """Chinese characters (CJK unified ideographs) in ``text``."""
    return len(_NOT_CJK.sub("", text))

# --- text banks ---------------------------------------------------------------------------
# Slots: {C} {C2} countries, {CITY}, {ORG}, {IGO} an alliance or international body, {P} {P2}
# people (introduced with their role on first mention), {N} hundreds, {SN} a small number, {MD} a
# month and day, {Y} a year.

CLAIMS = [
    "{C}将继续支持{C2}的主权和领土完整",
    "双方同意在未来几周内保持密切沟通",
    "任何单方面改变现状的做法都是不可接受的",
    "{ORG}已经做好准备，以应对可能出现的各种情况",
    "西方对{C}实施的制裁已经开始显现效果",
    "{C}无意与{C2}发生军事冲突，但会坚决捍卫自身的安全利益",
    "谈判的大门仍然敞开，但{C}必须首先从边境地区撤军",
    "能源价格持续上涨给欧洲经济带来了巨大压力",
    "在{CITY}举行的会谈取得了一定进展，但双方在关键问题上仍有分歧",
    "{C}正在向边境地区增派约{N}0名士兵",
    "国际社会应当通过对话和协商解决分歧",
    "今年冬天的天然气供应不会出现中断",
    "{ORG}将于{MD}召开特别会议，讨论下一步行动",
    "这些措施是对{C}近期一系列挑衅行为的回击",
    "新一轮制裁将针对{C}的金融、能源和科技等关键领域",
    "{C2}的人道主义状况正在迅速恶化",
    "有关{C}准备发动进攻的说法毫无根据",
    "各国将与盟友和伙伴密切协调，共同应对当前的挑战",
    "粮食出口协议的延长对全球粮食安全至关重要",
    "{C}愿意在相互尊重的基础上与各方开展合作",
    "{IGO}成员国在这一问题上的立场是一致的",
    "局势仍然十分危险，随时可能进一步升级",
    "{C}向{C2}提供的军事援助总额已超过{SN}0亿美元",
    "目前没有迹象显示{C}打算缩减在{CITY}附近的军事存在",
    "{C}将在{CITY}设立新的后勤中心，以加快援助物资的运输",
    "外交努力必须与可信的威慑相结合",
    "{C}的经济在制裁下依然保持韧性",
    "难民问题需要整个欧洲共同承担责任",
    "{C}不会接受任何形式的最后通牒",
    "下一轮谈判预计将在{CITY}举行",
    "双方讨论了核电站安全、战俘交换和人道主义走廊等问题",
    "{ORG}需要进行深刻改革，才能应对新的安全环境",
    "网络攻击已成为混合战争的重要组成部分",
    "{C}已经冻结了约{N}亿美元的相关资产",
    "通胀压力短期内难以缓解，央行将继续收紧货币政策",
    "{C}与{C2}的双边贸易额今年有望增长{SN}%",
    "停火协议的执行情况将由{ORG}负责监督",
    "{C}的防空系统成功拦截了大部分来袭导弹",
    "明年的国防预算将大幅增加，以加强东翼的防御能力",
    "{P}此次访问{CITY}具有重要的象征意义",
    "{C}和{C2}的关系正处于冷战结束以来的最低点",
    "{ORG}将向{C2}派遣一个观察团，评估当地的安全局势",
    "过去{SN}天内，{CITY}周边地区至少遭到了{SN}次炮击",
    "与{P}的会谈非常坦率，双方都清楚对方的底线",
]

QUOTES = [
    "我们不会接受任何威胁，也不会在原则问题上让步。",
    "我们的立场非常明确：{C}的主权必须得到尊重。",
    "这是一个关键时刻，我们必须团结一致。",
    "我们已经准备好进行对话，但对话不能以牺牲我们的安全为代价。",
    "如果对方继续升级局势，必将付出沉重的代价。",
    "没有人希望看到战争，但我们必须为最坏的情况做好准备。",
    "今天的会谈是坦诚的、建设性的，但还有很多工作要做。",
    "我们将继续向{C2}提供一切必要的支持。",
    "制裁从来都不是目的，而是促使对方回到谈判桌的手段。",
    "这个决定是经过深思熟虑的，符合我们的国家利益。",
    "我们希望看到的是具体行动，而不是空洞的口号。",
    "{ORG}的大门始终是敞开的。",
    "我们不寻求对抗，但也绝不会惧怕对抗。",
    "普通民众正在为这场危机付出代价。",
    "任何企图分裂我们的做法都不会得逞。",
    "我们需要更多的防空系统，而且越快越好！",
    "这不仅关系到{C2}，也关系到整个欧洲的安全。",
    "现在是采取行动的时候了，我们没有时间可以浪费。",
    "我们会密切关注事态的发展，并与盟友保持协调。",
    "能源不应该被当作武器。",
    "谁能保证这样的事情不会再次发生？",
    "我们在{CITY}看到的一切令人震惊。",
    "这是对国际法的公然违反。",
    "我们对{C}的意图不抱任何幻想。",
    "局势比几个月前更加复杂，也更加危险。",
    "我们与{C2}人民站在一起。",
]

BACKGROUND = [
    "{C}与{C2}之间的紧张关系自{Y}年以来持续升级。",
    "来自{SN}个国家的代表出席了在{CITY}举行的会议。",
    "过去一周，{C}多个城市爆发抗议活动，数千人走上街头。",
    "今年以来，已有超过{SN}0万人离开{C2}东部地区。",
    "{IGO}的年度会议计划于{MD}在{CITY}举行。",
    "会谈持续了大约两个小时，双方随后举行了联合记者会。",
    "{CITY}近日气温骤降，当地电力供应一度中断。",
    "{C}的通胀率上个月升至{SN}%，创下多年来的新高。",
    "{P}于{MD}抵达{CITY}，开始为期两天的访问。",
    "这是{P}上任以来第一次访问{C2}。",
    "{P}与{P2}上一次会面是在{Y}年的峰会上。",
    "卫星图像显示，{CITY}附近的军事设施近期有所扩建。",
    "{C}国内对这一问题的看法存在明显分歧。",
    "国际原油价格当天上涨了{SN}%，天然气期货价格也随之走高。",
    "{C}此前已向{C2}交付了{N}辆装甲车和大批弹药。",
    "数千名难民在{CITY}火车站等待转移。",
    "外界普遍关注{C}下一步会采取什么行动。",
    "事件发生后，{C}股市和汇率均出现明显波动。",
    "{C}议会将于{MD}就相关法案进行表决。",
    "双方代表团在{CITY}的一家酒店进行了闭门磋商。",
    "{P}当天在社交媒体上发布了一段视频。",
    "截至目前，{ORG}尚未对此作出回应。",
    "{C}和{C2}的边境口岸已经连续多日排起长队。",
    "过去几个月，{C}的军费开支大幅增加。",
    "这次会议是在{C}与{C2}关系紧张的背景下举行的。",
    "{CITY}的居民对局势感到担忧，不少商店提前关门。",
    "{ORG}在{Y}年也曾面临类似的争议。",
    "相关谈判短期内恐怕难有突破。",
    "{C}外交部网站随后刊登了会谈的全文。",
    "{P}和{P2}在{CITY}进行了约{SN}0分钟的会晤。",
    "{C}政府上周宣布了一项总额为{N}亿美元的援助计划。",
    "这一消息公布后，{CITY}的燃油价格应声上涨。",
    "按照计划，{ORG}的专家组将在{MD}前提交评估报告。",
    "{C}军方在{CITY}附近举行了为期{SN}天的联合演习。",
]

# Plain narrative naming no one (real density): real news has fewer names per sentence than BACKGROUND.
PLAIN = [
    "当天的会议持续了大约三个小时。",
    "目前尚不清楚此事将对当地经济产生多大影响。",
    "这一数字比去年同期增加了将近一倍。",
    "事发地点位于市中心附近的一处商业区。",
    "救援人员连夜赶到现场，搜救工作仍在进行中。",
    "此前数周，当地物价持续上涨，民众的生活压力明显加大。",
    "新的规定将从下个月起正式生效。",
    "这项计划的总投资预计超过{N}亿美元。",
    "受恶劣天气影响，多个航班被迫取消或延误。",
    "过去{SN}年间，类似的事件已经发生过多次。",
    "调查工作预计需要数周时间才能完成。",
    "这一决定在网络上引发了广泛讨论。",
    "相关法案仍需经过议会的进一步审议。",
    "当地学校和商店已经陆续恢复正常运营。",
    "截至发稿时，伤亡人数仍在统计之中。",
    "会议结束后，与会代表参观了当地的一家工厂。",
    "这份报告长达{SN}0页，涵盖了经济、社会和环境等多个方面。",
    "近年来，该地区的人口持续减少，不少年轻人外出谋生。",
    "事件的起因目前仍在调查之中。",
    "这是今年以来规模最大的一次同类活动。",
    "活动现场吸引了数百名市民驻足观看。",
    "警方随后封锁了周边道路，并疏散了附近的居民。",
]

APPEALS = [
    "各方保持克制",
    "国际社会加大对{C2}的人道主义援助",
    "{C}立即停止军事行动",
    "尽快恢复谈判",
    "{ORG}采取更加果断的行动",
    "各国遵守国际法和《联合国宪章》",
    "盟友加快交付已经承诺的武器",
    "{C}释放所有被关押的记者",
]

HEADLINE_CLAIMS = [
    "不会在安全问题上让步",
    "制裁将持续到撤军为止",
    "谈判大门仍然敞开",
    "将向{C2}提供更多援助",
    "局势可能进一步升级",
    "呼吁通过外交途径化解危机",
    "对{C}发出严厉警告",
    "否认有发动进攻的计划",
    "{IGO}必须保持团结",
    "能源危机考验欧洲",
]

HEADLINES = [
    "{PS}：{HC}",
    "{PS}：{HC}",
    "{C}与{C2}在{CITY}举行会谈 {HC}",
    "{ORG}就{C2}局势召开紧急会议",
    "{PS}与{PS2}通话 讨论{TOPIC}",
    "{C}宣布对{C2}实施新一轮制裁",
    "{PS}抵达{CITY}访问 {HC}",
    "{TOPIC}：{C}和{C2}各执一词",
    "{IGO}峰会聚焦{TOPIC}",
]

TOPICS = ["乌克兰局势", "能源安全", "粮食出口", "核电站安全", "欧洲安全架构", "对俄制裁", "台海局势",
          "难民安置", "军事援助", "停火谈判"]

SUBHEADINGS = ["{C}的要求", "制裁的代价", "外交斡旋", "双方没交集", "能源危机", "下一步怎么走",
               "盟友之间的分歧", "人道主义危机", "{CITY}的担忧"]

CAPTIONS = [
    "资料照片：{PN}在{CITY}出席新闻发布会（{DATE}）",
    "{PN}与{PN2}（资料图）",
    "{CITY}街头的抗议民众（{DATE}）",
    "{C}士兵在边境地区参加演习",
    "{PN}在{ORG}会议上发言",
    "{CITY}一处遭到袭击的居民楼",
    "资料照片：{PN}（{DATE}）",
]

ANONYMOUS = [
    "一名不愿透露姓名的{C}官员",
    "一位{C}高级官员",
    "{ORG}一名官员",
    "知情人士",
    "一名{C}外交官",
    "多名西方官员",
    "一位不愿具名的{ORG}官员",
    "消息人士",
    "分析人士",
    "白宫一名官员",
    "一名熟悉谈判情况的消息人士",
]

UNATTRIBUTED = ["据悉", "据了解", "据报道", "有消息称", "据称"]
DIRECT_VERBS = ["说", "说", "表示", "强调", "指出", "警告说", "写道", "回应说", "告诉记者", "直言"]
REPORTED_VERBS = ["表示", "表示", "说", "说", "指出", "强调", "认为", "透露", "重申", "警告", "称", "补充说",
                  "坦言", "证实"]
CONTINUATIONS = ["强调", "表示", "警告", "指出"]
WEEKDAYS = "一二三四五六日"
SECTIONS = ["news", "world", "international", "politics", "china", "europe"]
FOCUS_COUNTRIES = ["russia", "ukraine", "united-states", "china", "germany", "france", "united-kingdom",
                   "poland", "belarus", "turkey", "japan", "taiwan"]
TRADITIONAL_OUTLETS = {"epoch-times", "ntdtv"}
INVENTED_TITLES = ["学者", "教授", "专家", "议员", "顾问", "参议员"]

# Outlets the catalogs do not know (their domains become new outlets when loaded).
UNKNOWN_OUTLETS = [
    ("环亚时报", "www.huanya-times.com"),
    ("欧亚观察网", "cn.eurasia-observer.net"),
    ("东方新闻周刊", "www.dongfang-weekly.com"),
    ("波罗的海中文网", "zh.baltic-herald.eu"),
    ("太平洋之声", "www.pacificvoice-news.org"),
    ("华语国际日报", "www.huayu-intl.com"),
    ("北欧华人报", "www.nordic-chinese.se"),
    ("中东欧视点", "www.cee-viewpoint.com"),
]

# Invented people (not in the catalogs), introduced as 中文名（English Name）.
_FIRST = [("Carlos", "卡洛斯"), ("Peter", "彼得"), ("Anna", "安娜"), ("Maria", "玛丽亚"),
          ("Thomas", "托马斯"), ("Michael", "迈克尔"), ("Laura", "劳拉"), ("David", "戴维"),
          ("Erik", "埃里克"), ("Sophie", "索菲"), ("Olga", "奥尔加"), ("Daniel", "丹尼尔"),
          ("Jonas", "约纳斯"), ("Elena", "埃琳娜"), ("Lukas", "卢卡斯"), ("Nina", "妮娜"),
          ("Tomas", "托马斯"), ("Simon", "西蒙"), ("Clara", "克拉拉"), ("Martin", "马丁"),
          ("Kristof", "克里斯托夫"), ("Ingrid", "英格丽德"), ("Pavel", "帕维尔"), ("Sara", "萨拉")]
_LAST = [("Martinez", "马丁内斯"), ("Weber", "韦伯"), ("Novak", "诺瓦克"), ("Fischer", "菲舍尔"),
         ("Larsen", "拉森"), ("Rossi", "罗西"), ("Dubois", "杜布瓦"), ("Kowalski", "科瓦尔斯基"),
         ("Jansen", "扬森"), ("Bauer", "鲍尔"), ("Hansen", "汉森"), ("Moreau", "莫罗"),
         ("Kovac", "科瓦奇"), ("Silva", "席尔瓦"), ("Keller", "凯勒"), ("Lindqvist", "林德奎斯特"),
         ("Horvat", "霍尔瓦特"), ("Meyer", "迈耶"), ("Garcia", "加西亚"), ("Costa", "科斯塔"),
         ("Berger", "贝格尔"), ("Nilsson", "尼尔森"), ("Petersen", "彼得森"), ("Marin", "马林")]
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋"
_GIVEN = "倩磊静伟敏洁涛斌晨蕾婷宇鹏飞琳杰娟勇军颖华平刚欣怡佳然凯峰岚雯慧文博"


# Remarks carried by several outlets (kb's utterances): the speaker's words as a direct quote,
# a reporter's paraphrase of them (synonyms, another order, the first person gone: sharing
# about a third of the quote's character pairs, as real ones do) and a shortened version, as
# leads and other outlets print them. Slots are the remark's own ({C2} a country, {CITY} a
# city, {N} hundreds), so every report of one remark names the same ones.
REMARKS = [
    ("我们将继续向{C2}提供一切必要的支持，直到这场冲突结束",
     "在冲突结束之前，会持续给予{C2}所需的一切援助", "继续向{C2}提供一切必要的支持"),
    ("我们绝不会接受任何以武力改变边界的企图，这一立场不会改变",
     "任何用武力改变边界的图谋都不可接受，其立场始终如一", "不会接受以武力改变边界"),
    ("我们已经向{C2}派出了{N}名救援人员，更多的人员将在未来几天抵达",
     "{N}名救援人员已被派往{C2}，未来几天还会增派人手", "已向{C2}派出{N}名救援人员"),
    ("对话是解决分歧的唯一出路，我们呼吁各方保持最大限度的克制",
     "各方应最大限度保持克制，分歧只能通过对话解决", "呼吁各方保持最大限度的克制"),
    ("我们对{CITY}发生的袭击事件深感震惊，并强烈谴责这一暴行",
     "强烈谴责{CITY}的袭击，对这一事件感到十分震惊", "强烈谴责{CITY}发生的袭击事件"),
    ("今年我们的国防开支将增加{N}亿美元，以应对日益严峻的安全挑战",
     "为应对更加严峻的安全挑战，今年将把国防开支提高{N}亿美元", "国防开支将增加{N}亿美元"),
    ("我们与{C2}的关系正处于历史上最好的时期，双方合作的潜力巨大",
     "同{C2}的关系目前处于史上最佳时期，两国合作潜力很大", "与{C2}的关系正处于历史上最好的时期"),
    ("我们不会在核心利益问题上做出任何让步，这一点毫无疑问",
     "毫无疑问，在涉及核心利益的问题上绝不退让", "不会在核心利益问题上做出任何让步"),
    ("这次会谈坦率而富有建设性，我们在几个关键问题上取得了进展",
     "会谈坦诚且具建设性，双方在数个关键议题上有所进展", "会谈坦率而富有建设性"),
    ("我们希望在年底前与{C2}签署新的贸易协定，谈判已经进入最后阶段",
     "与{C2}的新贸易协定谈判已到最后阶段，有望年底前签署", "与{C2}的贸易谈判已经进入最后阶段"),
]
REMARK_FORMS = ("quote", "paraphrase", "short")
# Remarks are news of two days: articles published in one period may carry its remarks.
REMARK_PERIOD = timedelta(days=2)


# --- catalog pools ------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """A catalog entry as the generator writes it: forms in each script, canonical first."""

    key: str
    simplified: tuple[str, ...]
    traditional: tuple[str, ...]
    name_en: str = ""
    roles: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    speaks_for: str | None = None
    subkind: str | None = None
    invented_title: str | None = None


@dataclass(frozen=True)
class OutletInfo:
    key: str
    names: tuple[str, ...]  # written forms for bylines, credits and front matter
    domain: str
    traditional: bool
    known: bool


@dataclass(frozen=True)
class Pools:
    people: tuple[Named, ...]
    invented: tuple[Named, ...]
    organizations: tuple[Named, ...]
    alliances: tuple[Named, ...]
    news_sources: tuple[Named, ...]
    focus_countries: tuple[Named, ...]
    countries: tuple[Named, ...]
    metonym_countries: tuple[Named, ...]
    cities: tuple[Named, ...]
    capitals: tuple[Named, ...]
    outlets: tuple[OutletInfo, ...]
    outlet_weights: tuple[float, ...]
    s2t: opencc.OpenCC


def _has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _english_person_name(name: str) -> str:
    words = name.split()
    return name if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else ""


@lru_cache(maxsize=1)
def pools() -> Pools:
    """Everything the generator takes from the catalogs, read once per process."""
    from kb.catalog import ORGANIZATION, PERSON, PLACE, default_catalog
    from kb.extract.entities import transliteration_chars
    from kb.normalise import normalise_key

    catalog = default_catalog()
    t2s = opencc.OpenCC("t2s")

    def forms(entry) -> tuple[tuple[str, ...], tuple[str, ...]]:
        # Only forms that name this entry and nothing else, so the extractor can find them.
        usable = [
            f for f in dict.fromkeys([entry.name, *entry.aliases])
            if _has_cjk(f) and catalog.alias_index.get(normalise_key(f)) == {entry.key}
        ]
        simplified = tuple(f for f in usable if t2s.convert(f) == f)
        traditional = tuple(f for f in usable if t2s.convert(f) != f)
        return simplified, traditional

    def named(entry, **extra) -> Named | None:
        simplified, traditional = forms(entry)
        if not simplified:
            return None
        return Named(entry.key, simplified, traditional, **extra)

    people, organizations, news_sources, countries, cities, capitals = [], [], [], [], [], []
    for entry in catalog.entries.values():
        if entry.kind == PERSON:
            item = named(entry, name_en=_english_person_name(entry.name_en), roles=entry.roles)
            if item:
                people.append(item)
        elif entry.kind == ORGANIZATION:
            item = named(entry, subkind=entry.subkind)
            if item is None:
                continue
            if entry.subkind in ("news_outlet", "news_agency", "newspaper", "broadcaster"):
                news_sources.append(item)
            else:
                organizations.append(item)
        elif entry.kind == PLACE:
            usable_metonyms = tuple(
                m for m in entry.metonyms if t2s.convert(m) == m and _has_cjk(m)
            )
            item = named(entry, metonyms=usable_metonyms, speaks_for=entry.speaks_for,
                         subkind=entry.subkind)
            if item is None:
                continue
            if entry.subkind == "country":
                countries.append(item)
            elif entry.subkind == "city":
                cities.append(item)
                if entry.speaks_for:
                    capitals.append(item)
    by_key = {c.key: c for c in countries}
    focus = tuple(by_key[k] for k in FOCUS_COUNTRIES if k in by_key)

    chars = transliteration_chars()
    known_forms = set(catalog.alias_index) | set(catalog.ambiguous_index)
    invented = []
    shuffle = random.Random("kb-bench-invented")
    pairs = [(f, last) for f in _FIRST for last in _LAST]
    shuffle.shuffle(pairs)
    for (first_en, first_zh), (last_en, last_zh) in pairs[:240]:
        chinese = f"{first_zh}·{last_zh}"
        if not all(c in chars for c in first_zh + last_zh):
            continue
        if {chinese, last_zh, normalise_key(f"{first_en} {last_en}")} & known_forms:
            continue
        invented.append(Named(f"invented:{first_en}-{last_en}".lower(), (chinese,), (),
                              name_en=f"{first_en} {last_en}",
                              invented_title=shuffle.choice(INVENTED_TITLES)))

    outlets: list[OutletInfo] = []
    weights: list[float] = []
    for position, outlet in enumerate(catalog.outlets.values()):
        names = tuple(n for n in dict.fromkeys([outlet.name, *outlet.aliases]) if _has_cjk(n))
        if not names or not outlet.domains:
            continue
        country = (outlet.country or "").upper()
        traditional = country in ("TW", "HK", "MO") or outlet.key in TRADITIONAL_OUTLETS
        outlets.append(OutletInfo(outlet.key, names, outlet.domains[0], traditional, True))
        # The international broadcasters first; fewer from Taiwan and Hong Kong.
        weights.append(4.0 if position < 8 else 0.6 if traditional else 1.0)
    for name, host in UNKNOWN_OUTLETS:
        outlets.append(OutletInfo("unknown:" + host, (name,), host, False, False))
        weights.append(1.0)

    return Pools(
        people=tuple(people),
        invented=tuple(invented),
        organizations=tuple(organizations),
        alliances=tuple(o for o in organizations if o.subkind in ("alliance", "intergovernmental")),
        news_sources=tuple(news_sources),
        focus_countries=focus,
        countries=tuple(countries),
        metonym_countries=tuple(c for c in countries if c.metonyms),
        cities=tuple(cities),
        capitals=tuple(capitals),
        outlets=tuple(outlets),
        outlet_weights=tuple(weights),
        s2t=opencc.OpenCC("s2t"),
    )


@lru_cache(maxsize=1)
def catalog_digest() -> str:
    """A digest of the catalog files the corpus is built from."""
    digest = hashlib.sha256()
    data = resources.files("kb.data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith((".yaml", ".txt"))):
        digest.update(name.encode())
        digest.update(data.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def published_at(seed: int, index: int) -> datetime:
    offset = int(hashlib.sha256(f"kb-bench:{seed}".encode()).hexdigest()[:12], 16) % SPAN
    return START + timedelta(seconds=(index * STRIDE + offset) % SPAN)


# --- remarks of a period -------------------------------------------------------------------


@dataclass(frozen=True)
class Remark:
    """A remark made in one period: ``key`` is ``period:number``; remark 0 is the news, the
    others are near-misses by the same speaker (another remark, or the same words about
    another country, city or number)."""

    key: str
    speaker: Named
    forms: tuple[str, str, str]  # quote, paraphrase, short (simplified script)


@dataclass(frozen=True)
class Reported:
    """A report of a remark in an article: which remark, in which form, in which words."""

    remark: str
    speaker: str
    form: str
    text: str
    traditional: bool
    outlet: str


def period_of(moment: datetime) -> int:
    return (moment - START) // REMARK_PERIOD


@lru_cache(maxsize=256)
def remarks_of(seed: int, period: int) -> tuple[Remark, ...]:
    """The remarks of a period: a pure function of ``(seed, period)``, so every article of the
    period, whatever its index, reports the same ones."""
    p = pools()
    rng = random.Random(f"kb-bench-remarks:{seed}:{period}")
    speaker = rng.choice([person for person in p.people if person.roles])
    families = rng.sample(range(len(REMARKS)), 2)

    def filled(family: int) -> tuple[str, str, str]:
        values = {"C2": rng.choice(p.countries).simplified[0], "CITY": rng.choice(p.cities).simplified[0],
                  "N": str(rng.randint(2, 99) * 100)}
        return tuple(_SLOT.sub(lambda m: values[m.group(1)], form) for form in REMARKS[family])  # type: ignore[return-value]

    news = filled(families[0])
    other = filled(families[1])  # the same speaker, the same days, another remark
    again = filled(families[0])  # the same words with other slots (or, without slots, the same remark)
    remarks = [Remark(f"{period}:0", speaker, news), Remark(f"{period}:1", speaker, other)]
    if again != news:
        remarks.append(Remark(f"{period}:2", speaker, again))
    return tuple(remarks)


# --- one article --------------------------------------------------------------------------

_SLOT = re.compile(r"\{(C2|C|CITY|ORG|IGO|P2|P|PN2|PN|PS2|PS|N|SN|MD|Y|DATE|HC|TOPIC)\}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Composer:
    """Builds article ``index`` of corpus ``seed``. All randomness comes from ``self.rng``."""

    def __init__(self, seed: int, index: int, density: str = DEFAULT_DENSITY) -> None:
        if density not in DENSITIES:
            raise ValueError(f"density must be one of {DENSITIES}, not {density!r}")
        self.pools = p = pools()
        self.seed, self.index = seed, index
        self.dense = density == "dense"
        self.rng = rng = random.Random(f"kb-bench:{seed}:{index}")
        self.when = published_at(seed, index)
        self.format = "A" if rng.random() < 0.5 else "B"
        self.outlet = rng.choices(p.outlets, weights=p.outlet_weights)[0]
        self.all_traditional = self.outlet.traditional and rng.random() < 0.85
        corner = self.outlet.traditional or self.outlet.key == "deutsche-welle"
        self.open, self.close = ("「", "」") if corner and rng.random() < 0.8 else ("“", "”")
        # The cast: who and what this article is about.
        focus = rng.sample(p.focus_countries, 2)
        others = [c for c in rng.sample(p.countries, 3) if c not in focus]
        self.countries = focus + others[:1]
        self.cities = rng.sample(p.cities, 2)
        self.orgs = rng.sample(p.organizations, 3)
        self.people = rng.sample(p.people, rng.randint(3, 7))
        self.invented = rng.sample(p.invented, rng.choice((0, 0, 1, 1, 2)))
        self.introduced: set[str] = set()
        self.house: dict[str, tuple[str, str | None]] = {}
        self.titled: list[tuple[str, Named]] = []  # (role, person) written as 'role+name'
        self.traditional = False  # script of the paragraph being written
        self.last_person: Named | None = None  # the speaker a pronoun may refer to
        self.paragraph_count = 0
        self.reported: list[Reported] = []  # the remarks of the period this article carries

    # -- choices ---------------------------------------------------------------------------

    def pick(self, items):
        return items[int(self.rng.random() * len(items))]

    def form(self, item: Named) -> str:
        """A written form of ``item``. Each article keeps a house form per name (mostly the
        canonical one, and a traditional one for traditional text), with an occasional variant."""
        rng = self.rng
        forms = self.house.get(item.key)
        if forms is None:
            simple = item.simplified[0]
            if len(item.simplified) > 1 and rng.random() < 0.25:
                simple = self.pick(item.simplified)
            traditional = self.pick(item.traditional) if item.traditional and rng.random() < 0.7 else None
            forms = self.house[item.key] = (simple, traditional)
        if self.traditional and forms[1]:
            return forms[1]
        if len(item.simplified) > 1 and rng.random() < 0.08:
            return self.pick(item.simplified)
        return forms[0]

    def person(self) -> Named:
        """A person of the cast, the first ones more often; sometimes an invented one."""
        rng = self.rng
        if self.invented and rng.random() < 0.15:
            return self.pick(self.invented)
        weights = [1.0 / (i + 1) for i in range(len(self.people))]
        return rng.choices(self.people, weights=weights)[0]

    def person_ref(self, person: Named) -> str:
        """How a person is written: role, name and English name on first mention."""
        rng = self.rng
        if person.invented_title:
            if person.key in self.introduced:
                return person.simplified[0]
            self.introduced.add(person.key)
            return f"{self.form(self.pick(self.countries))}{person.invented_title}" \
                   f"{person.simplified[0]}（{person.name_en}）"
        if person.key not in self.introduced:
            self.introduced.add(person.key)
            role = ""
            if person.roles and rng.random() < 0.75:
                role = self.pick(person.roles)
                self.titled.append((role, person))
            english = f"（{person.name_en}）" if person.name_en and rng.random() < 0.45 else ""
            return role + self.form(person) + english
        if person.roles and rng.random() < 0.12:
            return self.pick(person.roles) + self.form(person)
        return self.form(person)

    def country(self) -> str:
        return self.form(self.pick(self.countries))

    def fill(self, template: str) -> str:
        if "{" not in template:
            return template
        rng = self.rng
        chosen: dict[str, str] = {}

        def slot(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "C":
                country = self.countries[0] if rng.random() < 0.5 else self.pick(self.countries)
                chosen["_c"] = country.key
                value = self.form(country)
            elif name == "C2":
                first = chosen.get("_c")
                value = self.form(self.pick([c for c in self.countries if c.key != first]))
            elif name == "CITY":
                value = self.form(self.pick(self.cities))
            elif name == "ORG":
                value = self.form(self.pick(self.orgs))
            elif name == "IGO":
                value = self.form(self.pick(self.pools.alliances))
            elif name in ("P", "P2"):
                person = self.person()
                if name == "P2" and chosen.get("_p") == person.key:
                    person = self.pick([x for x in self.people if x.key != person.key] or self.people)
                chosen["_p"] = person.key
                value = self.person_ref(person)
            elif name in ("PN", "PN2", "PS", "PS2"):  # bare names (captions, headlines)
                person = self.person()
                if name in ("PN2", "PS2") and chosen.get("_pn") == person.key:
                    person = self.pick([x for x in self.people if x.key != person.key] or self.people)
                chosen["_pn"] = person.key
                value = person.simplified[0]
            elif name == "N":
                value = str(rng.randint(2, 99) * 100)
            elif name == "SN":
                value = str(rng.randint(2, 30))
            elif name == "MD":
                day = self.when + timedelta(days=rng.randint(1, 40))
                value = f"{day.month}月{day.day}日"
            elif name == "Y":
                value = str(rng.randint(2014, self.when.year - 1))
            elif name == "DATE":
                day = self.when - timedelta(days=rng.randint(0, 400))
                value = f"{day.year}年{day.month}月{day.day}日"
            elif name == "HC":
                value = self.fill(self.pick(HEADLINE_CLAIMS))
            else:  # TOPIC
                value = self.pick(TOPICS)
            chosen.setdefault(name, value)
            return value

        return _SLOT.sub(slot, template)

    def time_phrase(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.4:
            return ""
        day = self.when - timedelta(days=rng.choice((0, 0, 1, 2)))
        if roll < 0.55:
            return f"周{WEEKDAYS[day.weekday()]}"
        if roll < 0.62:
            return f"星期{WEEKDAYS[day.weekday()].replace('日', '天')}"
        if roll < 0.7:
            return f"当地时间{day.month}月{day.day}日"
        if roll < 0.76:
            return f"{day.day}日"
        if roll < 0.8:
            return f"周{WEEKDAYS[day.weekday()]}（{day.day}日）"
        return self.pick(["早些时候", "在记者会上", "在一份声明中", "在新闻发布会上", "在社交媒体上",
                          "接受采访时", f"在接受{self.pick(self.outlet.names)}采访时",
                          f"在{self.form(self.pick(self.cities))}"])

    def quote(self) -> str:
        if self.rng.random() < 0.35:
            return "".join(self.fill(q) for q in self.rng.sample(QUOTES, 2))
        return self.fill(self.pick(QUOTES))

    def claim(self) -> str:
        if self.rng.random() < 0.25:
            return "，".join(self.fill(c) for c in self.rng.sample(CLAIMS, 2))
        return self.fill(self.pick(CLAIMS))

    def speaker(self) -> str:
        """A named person, mostly with role on first mention; records them for pronouns."""
        person = self.person()
        self.last_person = person
        return self.person_ref(person)

    # -- sentences -------------------------------------------------------------------------

    def sentence(self) -> str:
        rng = self.rng
        if not self.dense and rng.random() < REAL_NARRATIVE_SHARE:
            return self.fill(self.pick(PLAIN if rng.random() < REAL_PLAIN_SHARE else BACKGROUND))
        roll = rng.random()
        o, c = self.open, self.close
        if roll < 0.38:
            return self.fill(self.pick(BACKGROUND))
        if roll < 0.48:  # X说：“Q”
            who = self.speaker()
            return f"{who}{self.time_phrase()}{self.pick(DIRECT_VERBS)}：{o}{self.quote()}{c}"
        if roll < 0.61:  # X表示，Q。
            who = self.speaker()
            return f"{who}{self.time_phrase()}{self.pick(REPORTED_VERBS)}，{self.claim()}。"
        if roll < 0.66:  # “Q，”X说。
            body = self.quote()[:-1]
            who = self.speaker()
            return f"{o}{body}，{c}{who}{self.pick(('说', '说', '表示', '补充说', '强调'))}。"
        if roll < 0.72:  # anonymous
            who = self.fill(self.pick(ANONYMOUS))
            self.last_person = None
            if rng.random() < 0.3:
                return f"{who}对记者说：{o}{self.quote()}{c}"
            return f"{who}{self.pick(('说', '表示', '透露', '指出'))}，{self.claim()}。"
        if roll < 0.745:  # unattributed
            self.last_person = None
            return f"{self.pick(UNATTRIBUTED)}，{self.claim()}。"
        if roll < 0.78:  # source attribution
            self.last_person = None
            if rng.random() < 0.6 and self.pools.news_sources:
                source = self.form(self.pick(self.pools.news_sources))
                if rng.random() < 0.3:
                    return f"{source}援引{self.fill(self.pick(ANONYMOUS))}的话说，{self.claim()}。"
                return f"{self.pick(('据', '另据'))}{source}报道，{self.claim()}。"
            return f"据{self.form(self.pick(self.orgs))}{self.pick(('介绍', '透露'))}，{self.claim()}。"
        if roll < 0.83:  # organization, metonym or capital as speaker
            self.last_person = None
            kind = rng.random()
            if kind < 0.5:
                who = self.form(self.pick(self.orgs))
            elif kind < 0.8 and self.pools.metonym_countries:
                cast = [c for c in self.countries if c.metonyms] or self.pools.metonym_countries
                who = self.pick(self.pick(cast).metonyms)
            else:
                who = self.form(self.pick(self.pools.capitals))
            verb = self.pick(("发表声明说", "在一份声明中表示", "表示", "指出", "宣布", "强调"))
            return f"{who}{self.time_phrase()}{verb}，{self.claim()}。"
        if roll < 0.89 and self.last_person is not None:  # pronoun continuation
            pronoun = "她" if rng.random() < 0.2 else "他"
            lead = self.pick(("还", "也", "同时", "", "随后"))
            return f"{pronoun}{lead}{self.pick(REPORTED_VERBS)}，{self.claim()}。"
        if roll < 0.93:  # X表示，Q，并呼吁/强调…
            who = self.speaker()
            first = f"{who}{self.time_phrase()}{self.pick(REPORTED_VERBS)}，{self.claim()}"
            if rng.random() < 0.5:
                return f"{first}，并呼吁{self.fill(self.pick(APPEALS))}。"
            return f"{first}，并{self.pick(CONTINUATIONS)}，{self.claim()}。"
        if roll < 0.96:
            unique = [(r, p) for r, p in self.titled if r.endswith(_UNIQUE_TITLES)]
            if unique:  # the title alone refers back to its holder
                role, person = self.pick(unique)
                self.last_person = person
                return f"{role}{self.time_phrase()}{self.pick(REPORTED_VERBS)}，{self.claim()}。"
            first, second = self.person(), self.person()
            if first.key != second.key and not first.invented_title and not second.invented_title:
                self.introduced.update((first.key, second.key))
                return f"{self.form(first)}与{self.form(second)}均表示，{self.claim()}。"
            return self.fill(self.pick(BACKGROUND))
        person = self.person()  # X在与Y通话时说，Q。
        partner = self.pick([p for p in self.people if p.key != person.key] or self.people)
        who = self.person_ref(person)
        other = self.person_ref(partner)
        self.last_person = person
        return f"{who}在与{other}通话时{self.pick(('说', '表示', '强调'))}，{self.claim()}。"

    def paragraphs(self) -> list[str]:
        """The paragraphs' text, within the paragraph and character limits."""
        rng = self.rng
        if self.dense:
            count = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
            limit = MAX_CHARS - 250  # room for the title, captions and headings
            target = rng.randint(max(MIN_CHARS + 50, count * 45), limit)
            floor = MIN_CHARS
        else:
            count, target = self.real_shape()
            limit, floor = REAL_MAX_CHARS, 0
        plan: list[tuple[list[str], list[int], bool]] = []
        remaining = target
        for position in range(count):
            self.traditional = self.all_traditional or rng.random() < 0.08
            self.last_person = None
            budget = remaining / (count - position)
            sentences: list[str] = []
            sizes: list[int] = []
            while not sentences or sum(sizes) < budget * 0.85:
                sentence = self.sentence()
                size = cjk_count(sentence)
                if sentences and sum(sizes) + size > budget * 1.3:
                    break
                sentences.append(sentence)
                sizes.append(size)
            plan.append((sentences, sizes, self.traditional))
            remaining -= sum(sizes)
        self._report_remarks(plan)
        # Exact limits: top up the last paragraph, trim the paragraph with most sentences.
        total = target - remaining
        while total < floor:
            sentence = self.sentence()
            plan[-1][0].append(sentence)
            plan[-1][1].append(cjk_count(sentence))
            total += plan[-1][1][-1]
        while total > limit:
            sentences, sizes, _ = max(plan, key=lambda item: len(item[0]))
            if len(sentences) < 2:
                break
            sentences.pop()
            total -= sizes.pop()
        convert = self.pools.s2t.convert
        return [convert("".join(s)) if traditional else "".join(s) for s, _, traditional in plan]

    def real_shape(self) -> tuple[int, int]:
        """Paragraphs and characters of a real-density article: a brief, or short paragraphs."""
        rng = self.rng
        if rng.random() < REAL_BRIEF_SHARE:
            return 1, rng.randint(*REAL_BRIEF_CHARS)
        count = min(REAL_MAX_PARAGRAPHS, rng.randint(REAL_MIN_PARAGRAPHS, 9) + int(rng.expovariate(1 / 4)))
        return count, round(count * rng.uniform(*REAL_PARAGRAPH_CHARS))

    def _report_remarks(self, plan: list[tuple[list[str], list[int], bool]]) -> None:
        """Most articles carry the news of their period, some a near-miss too, each as the
        first sentence of a paragraph: quoted, paraphrased or shortened, in the paragraph's
        script. A random stream of its own, so the rest of the article reads as before."""
        rng = random.Random(f"kb-bench-reports:{self.seed}:{self.index}")
        remarks = remarks_of(self.seed, period_of(self.when))
        carried = [remarks[0]] if rng.random() < 0.6 else []
        if rng.random() < 0.25:
            carried.append(rng.choice(remarks[1:]))
        o, c = self.open, self.close
        for remark in carried:
            sentences, sizes, traditional = plan[rng.randrange(len(plan))]
            form = rng.choice(("quote", "quote", "paraphrase", "paraphrase", "paraphrase", "short"))
            text = remark.forms[REMARK_FORMS.index(form)]
            self.traditional = traditional
            who = self.person_ref(remark.speaker)
            if form == "quote":
                sentence = f"{who}{rng.choice(DIRECT_VERBS)}：{o}{text}。{c}"
            else:
                sentence = f"{who}{rng.choice(REPORTED_VERBS)}，{text}。"
            sentences.insert(0, sentence)
            sizes.insert(0, cjk_count(sentence))
            self.reported.append(Reported(remark.key, remark.speaker.key, form, text, traditional,
                                          self.outlet.key))

    # -- rendering -------------------------------------------------------------------------

    def title(self) -> str:
        self.traditional = self.all_traditional
        text = self.fill(self.pick(HEADLINES)).replace("[", "").replace("]", "")
        return self.pools.s2t.convert(text) if self.all_traditional else text

    def caption(self) -> str:
        text = self.fill(self.pick(CAPTIONS))
        return self.pools.s2t.convert(text) if self.all_traditional else text

    def journalist(self) -> str:
        rng = self.rng
        return self.pick(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))

    def blocks(self) -> list[tuple[str, str, str | None]]:
        """('p', text, None), ('h', text, None) and ('img', url, caption) in reading order."""
        rng = self.rng
        paragraphs = [("p", text, None) for text in self.paragraphs()]
        self.paragraph_count = len(paragraphs)
        if len(paragraphs) >= 8 and rng.random() < 0.35:
            for _ in range(rng.choice((1, 2))):
                at = rng.randint(2, len(paragraphs) - 2)
                self.traditional = self.all_traditional
                heading = self.fill(self.pick(SUBHEADINGS))
                heading = self.pools.s2t.convert(heading) if self.all_traditional else heading
                paragraphs.insert(at, ("h", heading, None))
        images = rng.choice((0, 1, 1, 1, 2, 2, 3) if self.dense else REAL_IMAGES)
        captioned = 0.85 if self.dense else REAL_CAPTIONED
        blocks = list(paragraphs)
        for number in range(images):
            caption = self.caption() if rng.random() < captioned else None
            at = 0 if number == 0 and rng.random() < 0.6 else rng.randint(1, max(1, len(blocks) - 1))
            blocks.insert(at, ("img", self.image_url(number), caption))
        return blocks

    def uid(self) -> str:
        return f"{self.seed % 1000:03d}{self.index:07d}"

    def image_url(self, number: int) -> str:
        when, host = self.when, self.outlet.domain
        bare = host.removeprefix("www.")
        if self.format == "A" and self.rng.random() < 0.6:
            return f"https://images.weserv.nl/?url=static.{bare}/image/{self.uid()}{number}_303.jpg"
        return f"https://img.{bare}/{when:%Y/%m/%d}/{self.uid()}-{number}.jpg"

    def render(self) -> str:
        title = self.title()
        blocks = self.blocks()
        lead = self.lead_credit()
        if lead:
            for position, (kind, text, _) in enumerate(blocks):
                if kind == "p":
                    blocks[position] = ("p", lead + text, None)
                    break
        return self.render_a(title, blocks) if self.format == "A" else self.render_b(title, blocks)

    def lead_credit(self) -> str:
        """（德国之声中文网）, 【文/观察者网 齐倩】, （记者 张三） — at the start of the first paragraph."""
        rng = self.rng
        key = self.outlet.key
        if key == "deutsche-welle":
            return "（德国之声中文网）" if not self.all_traditional else "（德國之聲中文網）"
        if key == "guancha":
            return f"【文/观察者网 {self.journalist()}】"
        roll = rng.random()
        if roll < 0.15:
            return f"（记者 {self.journalist()}）"
        if roll < 0.25:
            return f"（{self.pick(self.outlet.names)}）"
        return ""

    def footer(self) -> str:
        rng = self.rng
        roll = rng.random()
        name = self.outlet.names[0]
        if roll < 0.25:
            return f"<p><em>© {self.when.year}年{name}版权声明：本文所有内容受到著作权法保护，" \
                   f"如无{name}特别授权，不得擅自使用。</em></p>"
        if roll < 0.4:
            return f"<p><strong>本文系{name}独家稿件，未经授权，不得转载。</strong></p>"
        if roll < 0.5:
            return f"<p>责任编辑：{self.journalist()}</p>"
        if roll < 0.6:
            return '<div class="share-tools"><a href="#">分享到微信</a><a href="#">分享到微博</a></div>'
        if roll < 0.7 and self.paragraph_count < MAX_PARAGRAPHS:  # a paragraph of its own
            return "<p><em>（本文部分内容依据了美联社和路透社的报道）</em></p>"
        return ""

    def url(self, title: str) -> str:
        key, host, when = self.outlet.key, self.outlet.domain, self.when
        if key == "rfi":
            slug = quote(title.replace(" ", "-")[:24])
            section = self.pick(("国际", "欧洲", "中国", "亚洲"))
            url = f"https://www.rfi.fr/cn/{section}/{when:%Y%m%d}-{slug}-{self.uid()}"
            return quote(url, safe=":/%-?=&")
        if key == "voa":
            return f"https://www.voachinese.com/a/{self.pick(SECTIONS)}-{when:%Y%m%d}/{self.uid()}.html"
        if key == "deutsche-welle":
            return f"https://www.dw.com/zh/{quote(title.replace(' ', '-')[:24])}/a-{self.uid()}"
        if host.count(".") < 2:
            host = "www." + host
        url = f"https://{host}/{self.pick(SECTIONS)}/{when:%Y/%m/%d}/{self.uid()}.html"
        if self.rng.random() < 0.05:
            url += "?utm_source=rss&utm_medium=feed"
        return url

    def render_a(self, title: str, blocks: list[tuple[str, str, str | None]]) -> str:
        key, when = self.outlet.key, self.when
        style = {"rfi": "rfi", "voa": "voa", "deutsche-welle": "dw"}.get(key)
        style = style or self.pick(("voa", "dw", "plain"))
        if style == "rfi":
            paris = when + timedelta(hours=1)
            head = f"<div>{paris:%d/%m/%Y - %H:%M}</div>Array"
        elif style == "voa":
            head = f"<div><i>{email.utils.format_datetime(when, usegmt=True)}</i></div>"
        elif style == "dw":
            head = f"<div><i><br>{when:%Y-%m-%dT%H:%M:%S}.{self.rng.randint(0, 999):03d}Z</i></div>"
        else:
            head = f"<div>{when.year}年{when.month}月{when.day}日 {when:%H:%M}</div>"
        parts = [head]
        first = True
        for kind, text, caption in blocks:
            if kind == "img":
                if style == "plain":
                    cap = f"<figcaption>{_escape(caption)}</figcaption>" if caption else ""
                    parts.append(f'<figure><img src="{text}" width="100%">{cap}</figure>')
                else:
                    parts.append(f'<img src="{text}" width="100%">')
                    if caption:
                        parts.append(f'<div><small style="color: #999;">{_escape(caption)}</small></div>')
            elif kind == "h":
                parts.append(f"<p><strong>{_escape(text)}</strong></p>")
            elif first and style == "rfi":
                parts.append(f"<p><strong>{_escape(text)}                </strong></p><div >")
                first = False
            else:
                parts.append(f"<p>{_escape(text)}</p>")
                first = False
        parts.append(self.footer())
        if style == "rfi":
            parts.append("<div data-selfpromo-newsletter></div><div data-selfpromo-app></div></div>")
        header = f"<!--{int(when.timestamp()) * 1000}-->\n[{title}]({self.url(title)})\n------\n\n"
        return header + "".join(parts)

    def render_b(self, title: str, blocks: list[tuple[str, str, str | None]]) -> str:
        rng, when, outlet = self.rng, self.when, self.outlet
        author = self.pick(outlet.names)
        if not re.fullmatch(r"[\w\u4e00-\u9fff][^:#'\"\[\]{}]*", author):
            author = "'" + author.replace("'", "''") + "'"
        images = [text for kind, text, _ in blocks if kind == "img"]
        headimg = images[0] if images else (self.image_url(9) if rng.random() < 0.7 else "")
        front = ["---", f"title: '{title.replace(chr(39), chr(39) * 2)}'", "categories: ",
                 " - 新媒体", f" - {author}", f" - {self.pick(('新闻', '首页', '国际', '时事'))}"]
        if headimg:
            front.append(f"headimg: '{headimg}'")
        front += [f"author: {author}", "comments: false",
                  f"date: {email.utils.format_datetime(when, usegmt=True)}"]
        if headimg:
            front.append(f"thumbnail: '{headimg}'")
        front.append("---")
        guancha = outlet.key == "guancha" or (not outlet.known and rng.random() < 0.5)
        body = ["<div>   "]
        for kind, text, caption in blocks:
            if kind == "img":
                if guancha:
                    body.append(f'<p style="text-align:center;">\n<img src="{text}" title="点击查看大图" '
                                'width="530" class="bigimg" referrerpolicy="no-referrer"> \n</p>')
                    if caption:
                        body.append(f'<p style="text-align:center;">\n<span style="color:#666666;">'
                                    f"{_escape(caption)}</span> \n</p>")
                else:
                    body.append(f'<p><img loading="lazy" class="aligncenter" src="{text}" alt '
                                'referrerpolicy="no-referrer"></p>')
            elif kind == "h":
                body.append(f"<h3>{_escape(text)}</h3>")
            elif guancha:
                body.append(f"<p>\n{_escape(text)}\n</p>")
            else:
                body.append(f"<p>{_escape(text)}</p>")
        body.append(self.footer())
        body.append("  \n</div>\n")
        return "\n" + "\n".join(front) + "\n\n" + "\n".join(body)


_UNIQUE_TITLES = ("总统", "总理", "首相", "国务卿", "外长", "外交部长", "国防部长", "秘书长", "外交大臣",
                  "防长", "国家安全顾问", "主席")


def article_text(seed: int, index: int, density: str = DEFAULT_DENSITY) -> str:
    """The text of article ``index`` of the corpus with ``seed`` and ``density``: a pure function."""
    return _Composer(seed, index, density).render()


def article_remarks(seed: int, index: int, density: str = DEFAULT_DENSITY) -> tuple[Reported, ...]:
    """The remarks article ``index`` reports (the truth grouping is measured against)."""
    composer = _Composer(seed, index, density)
    composer.render()
    return tuple(composer.reported)


# --- writing a corpus ---------------------------------------------------------------------


def article_path(out_dir: str | Path, index: int, count: int) -> Path:
    """``OUT_DIR/000/000123.txt``: shards of SHARD_SIZE files, widths fixed by ``count`` so
    that name order is index order."""
    last = max(count - 1, 0)
    shard_width = max(3, len(str(last // SHARD_SIZE)))
    file_width = max(6, len(str(last)))
    return Path(out_dir) / f"{index // SHARD_SIZE:0{shard_width}d}" / f"{index:0{file_width}d}.txt"


@lru_cache(maxsize=1)
def generator_digest() -> str:
    """A digest of this module's source: any change to the generator makes a new corpus."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def marker(count: int, seed: int, density: str = DEFAULT_DENSITY) -> dict[str, object]:
    """What the marker file records: a corpus is reusable when all of it matches."""
    return {"seed": seed, "count": count, "density": density, "generator_version": GENERATOR_VERSION,
            "generator_digest": generator_digest(), "catalog_digest": catalog_digest()}


def read_marker(out_dir: str | Path) -> dict[str, object] | None:
    try:
        return json.loads((Path(out_dir) / MARKER_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _write_shard(task: tuple[str, int, int, int, int, str]) -> int:
    out_dir, seed, count, start, stop, density = task
    written = 0
    for index in range(start, stop):
        path = article_path(out_dir, index, count)
        if index == start:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(article_text(seed, index, density).encode("utf-8"))
        written += 1
    return written


def generate(out_dir: str | Path, count: int, seed: int = 0, jobs: int = 1,
             density: str = DEFAULT_DENSITY) -> int:
    """Write ``count`` articles of ``density`` under ``out_dir`` and the marker file; return the
    number written.

    Files of an earlier corpus in ``out_dir`` are removed first, so that the folder holds
    exactly this corpus."""
    out = Path(out_dir)
    if count < 0:
        raise ValueError("count must not be negative")
    if density not in DENSITIES:
        raise ValueError(f"density must be one of {DENSITIES}, not {density!r}")
    if out.exists():
        (out / MARKER_NAME).unlink(missing_ok=True)
        for child in out.iterdir():
            if child.is_dir() and child.name.isdigit():
                shutil.rmtree(child)
    out.mkdir(parents=True, exist_ok=True)
    pools()  # read the catalogs once, before any fork
    tasks = [(str(out), seed, count, start, min(start + SHARD_SIZE, count), density)
             for start in range(0, count, SHARD_SIZE)]
    if jobs > 1 and len(tasks) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
            written = sum(pool.imap_unordered(_write_shard, tasks))
    else:
        written = sum(_write_shard(task) for task in tasks)
    (out / MARKER_NAME).write_text(json.dumps(marker(count, seed, density), indent=2) + "\n", "utf-8")
    return written


def check(count: int, seed: int = 0, density: str = DEFAULT_DENSITY) -> dict[str, float]:
    """Parse and extract the first ``count`` articles in memory; averages per article.

    Raises ``kb.parse.ParseError`` if an article does not parse."""
    from kb.catalog import default_catalog
    from kb.extract import extract
    from kb.parse import parse_text

    catalog = default_catalog()
    totals: dict[str, float] = {}
    identities: set[str] = set()
    started = time.perf_counter()
    for index in range(count):
        text = article_text(seed, index, density)
        parsed = parse_text(text, f"<{seed}:{index}>")
        identities.add(parsed.identity)
        result = extract(parsed, catalog)
        statements = result.statements
        paragraphs = [b.text for b in parsed.blocks if b.kind == "paragraph"]
        chars = len(_CJK.findall(parsed.text))
        row = {
            "format_a": parsed.source_format == "A",
            "paragraphs": len(paragraphs),
            "chars": chars,
            "images": len(parsed.images),
            "traditional_paragraphs": sum(_t2s().convert(p) != p for p in paragraphs),
            "people": sum(e.kind == "person" for e in result.entities.values()),
            "organizations": sum(e.kind == "organization" for e in result.entities.values()),
            "places": sum(e.kind == "place" for e in result.entities.values()),
            "mentions": len(result.mentions),
            "statements": len(statements),
            "direct": sum(s.kind == "direct" for s in statements),
            "anonymous": sum(s.anonymous for s in statements),
            "person_statements": sum(s.speaker_kind == "person" for s in statements),
            "with_anonymous": any(s.anonymous for s in statements),
            "outlet_known": result.outlet.origin == "catalog",
        }
        for name, value in row.items():
            totals[name] = totals.get(name, 0) + float(value)
        totals["min_chars"] = min(totals.get("min_chars", chars), chars)
        totals["max_chars"] = max(totals.get("max_chars", chars), chars)
    averages = {k: v / count if not k.startswith(("min_", "max_")) else v for k, v in totals.items()}
    averages["unique_identities"] = len(identities)
    averages["seconds"] = time.perf_counter() - started
    return averages


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, nargs="?", help="folder to write the articles into")
    parser.add_argument("--count", "-n", type=int, help="number of articles")
    parser.add_argument("--seed", "-s", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--jobs", "-j", type=int, default=1,
                        help="worker processes (default 1; output does not depend on it)")
    parser.add_argument("--density", choices=DENSITIES, default=DEFAULT_DENSITY,
                        help="real: the densities of a real month of news (default); dense: the stress "
                             "profile, about 7 times the statements and 3 times the text")
    parser.add_argument("--check", type=int, metavar="N",
                        help="instead of writing: parse and extract the first N articles, print averages")
    args = parser.parse_args(argv)
    if args.check is not None:
        for name, value in check(args.check, args.seed, args.density).items():
            print(f"{name:24} {value:10.2f}")
        return 0
    if args.out_dir is None or args.count is None:
        parser.error("OUT_DIR and --count are required (or use --check N)")
    started = time.perf_counter()
    written = generate(args.out_dir, args.count, seed=args.seed, jobs=args.jobs, density=args.density)
    seconds = time.perf_counter() - started
    rate = written / seconds if seconds > 0 else 0.0
    print(f"wrote {written} {args.density} articles to {args.out_dir} in {seconds:.1f} s "
          f"({rate:.0f} articles/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
