"""Rough English readings of prompts written in non-Latin scripts.

The prompt classifier's encoder (MiniLM) and the lexicon read English. `translate.py` glosses
thirteen languages written in Latin letters; this module does the same for the scripts MiniLM reads
worst: Chinese (simplified and traditional), Japanese, Korean, Russian/Ukrainian (Cyrillic),
Arabic and Persian, Hindi (Devanagari), Thai, Greek and (since the seventh round) Hebrew. A prompt is in a script when most of its letters
are; Cyrillic or Greek letters inside English words are a homoglyph evasion instead (handled by
`normalize.CONFUSABLES`), so those two scripts also need two words written wholly in them with a
letter that has no Latin look-alike.

The glossary, written by hand for this check, knows the words that carry harm in a video prompt
(people and children, bodies, sexual and violent acts, weapons, self-harm, groups, fake media and
elections, a few public figures) and a handful of harmless words that keep a reading plain.
Chinese, Japanese, Thai and Korean are matched as substrings (no spaces between words, or
particles attached to them), the others as word stems. The reading keeps the English of every glossary match and drops every other
character of the script, so the classifier embeds the words it can read, not a string of
characters it cannot. `script_of` also lets the classifier know not to trust its score on the
raw text (`prompt_classifier.classifier_views`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["SCRIPTS", "script_of", "script_gloss"]

# Letter ranges per script; `han` also covers the Japanese kana (a Japanese prompt mixes both).
_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "han": ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x31F0, 0x31FF)),
    "hangul": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "cyrillic": ((0x0400, 0x04FF),),
    "greek": ((0x0370, 0x03FF),),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F)),
    "devanagari": ((0x0900, 0x097F),),
    "thai": ((0x0E00, 0x0E7F),),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
}
SCRIPTS = tuple(_RANGES)
_SUBSTRING_SCRIPTS = {"han", "thai", "hangul"}
# Letters attached before a word: the Arabic article and prepositions (ال، و، ب، ل، ف), Hebrew
# one-letter prefixes (ה ו ב ל מ ש כ).
_PREFIXES = {"arabic": "(?:وال|بال|فال|لل|ال|و|ب|ل|ف)?", "hebrew": "[הובלמשכ]{0,2}"}  # no spaces between words, or particles attached (Korean)
# Letters of these scripts that look like no Latin letter: a word holding one is not a homoglyph.
_OWN_LETTERS = {
    "cyrillic": set("бгдёжзийлпфцчшщъыьэюяґєї"),
    "greek": set("γδζθλξπφψωάέήίόύώ"),
}


def _script(ch: str) -> str | None:
    o = ord(ch)
    for name, ranges in _RANGES.items():
        if any(lo <= o <= hi for lo, hi in ranges):
            return name
    return None


def script_of(text: str) -> str | None:
    """The non-Latin script (of `SCRIPTS`) most of ``text``'s letters are written in, or None."""
    text = unicodedata.normalize("NFKC", text).lower()
    counts: dict[str | None, int] = {}
    for ch in text:
        if ch.isalpha():
            s = _script(ch)
            counts[s] = counts.get(s, 0) + 1
    total = sum(counts.values())
    best = max((s for s in counts if s is not None), key=counts.get, default=None)
    if best is None or counts[best] * 2 < total:
        return None
    if best in _OWN_LETTERS:  # two whole words in the script, with a letter Latin cannot fake
        own = _OWN_LETTERS[best]
        words = [w for w in re.findall(r"\w+", text) if all(_script(c) == best for c in w if c.isalpha())]
        if sum(any(c in own for c in w) for w in words) < 2:
            return None
    return best


# Glossaries: "source=english; ..." per script. A Cyrillic/Greek/Arabic/Devanagari source ending
# in `*` matches any ending (a stem); Chinese/Japanese/Thai/Korean sources match anywhere, so
# a short source that is also part of harmless words is written with its particle (피를, not 피:
# 커피 is coffee). Korean and Japanese put the verb last, so "how to make" there reads "making":
# 폭탄을 만드는 방법 is "bomb making", as the lexicon writes it.
_GLOSS: dict[str, str] = {
    "han": """
    裸体=naked; 裸露=naked; 全裸=fully naked; 赤裸=naked; 裸=naked; 脱光=strip naked; 脱衣=undressing; 色情=pornographic;
    黄色视频=porn video; 黄片=porn; 成人片=porn; 成人影片=porn; 性爱=sex; 性交=sexual intercourse; 做爱=having sex; 性行为=sexual acts;
    口交=oral sex; 自慰=masturbating; 强奸=rape; 強姦=rape; 强暴=rape; 強暴=rape; 轮奸=gang rape; 性侵=sexual assault; 猥亵=molesting;
    猥褻=molesting; 露骨=explicit; 情色=erotic; 胸部=breasts; 乳房=breasts; 内衣=underwear; 內衣=underwear; 比基尼=bikini;
    ヌード=nude; 裸の=naked; エロ=erotic; ポルノ=porn; セックス=sex; 性的=sexual; レイプ=rape; 痴漢=groping; 無修正=uncensored;
    下着=underwear; 胸=breasts;
    儿童=child; 兒童=child; 孩子=child; 小孩=child; 幼儿=toddler; 幼兒=toddler; 幼女=little girl; 萝莉=loli; ロリ=loli;
    未成年=underage; 少女=young girl; 女孩=girl; 小女孩=little girl; 男孩=boy; 小男孩=little boy; 学生=student; 學生=student;
    小学生=schoolchild; 中学生=middle school student; 女子高生=high school girl; 高中生=high school student; 初中生=middle school student;
    子供=child; 子ども=child; 少年=boy; 女の子=girl; 男の子=boy; 十二岁=12 year old; 十岁=10 year old; 岁=years old; 歳=years old; 学校=school;
    女人=woman; 女性=woman; 男人=man; 男性=man; 妻子=wife; 老师=teacher; 先生=teacher; 母亲=mother; 父亲=father; 人=person;
    杀死=killing; 殺死=killing; 杀人=killing people; 殺人=murder; 杀=kill; 殺=kill; 谋杀=murder; 謀殺=murder; 屠杀=massacre; 屠殺=massacre;
    大屠杀=massacre; 砍头=beheading; 斩首=beheading; 斬首=beheading; 首を切=beheading; 肢解=dismembering; 分尸=dismembered corpse;
    碎尸=dismembered corpse; 酷刑=torture; 折磨=torturing; 拷問=torture; 虐待=abuse; 殴打=beating; 毆打=beating; 暴打=beating;
    鲜血=blood; 鮮血=blood; 血腥=gory; 流血=bleeding; 血=blood; 内脏=guts; 內臟=guts; 尸体=corpse; 屍體=corpse; 死体=corpse; 遺体=corpse;
    死亡=death; 死=dead; 枪杀=shooting dead; 槍殺=shooting dead; 射杀=shooting dead; 射殺=shooting dead; 开枪=shooting; 開槍=shooting;
    刺死=stabbing to death; 刺伤=stabbing; 刺す=stab; 刀=knife; ナイフ=knife; 暴力=violence; 血まみれ=covered in blood; 惨殺=brutal murder;
    自杀=suicide; 自殺=suicide; 自残=self-harm; 自殘=self-harm; 自傷=self-harm; 割腕=cutting wrists; リストカット=wrist cutting;
    手首を切=cutting wrists; 跳楼=jumping off a building; 跳樓=jumping off a building; 飛び降り=jumping to death; 上吊=hanging; 首吊=hanging;
    吊死=hanging; 过量=overdose; 過量=overdose; 安眠药=sleeping pills; 安眠藥=sleeping pills; 睡眠薬=sleeping pills; 厌食=anorexia;
    厭食=anorexia; 拒食=anorexia; 绝食=starving; 催吐=purging; 死にたい=want to die; 想死=want to die; 轻生=suicide;
    炸弹=bomb; 炸彈=bomb; 爆弹=bomb; 爆弾=bomb; 炸药=explosives; 炸藥=explosives; 爆炸物=explosives; 爆炸=explosion; 爆破=blasting;
    土制=homemade; 自制=homemade; 手作り=homemade; 制作=make; 製作=make; 制造=make; 製造=make; 作り方=making; 怎么做=how to make;
    如何=how to; 怎样=how to; 教程=tutorial; 步骤=steps; 水枪=water gun; 水槍=water gun; 枪=gun; 槍=gun; 枪支=firearm; 銃=gun; 步枪=rifle; 步槍=rifle; 手枪=pistol;
    毒气=poison gas; 毒氣=poison gas; 毒ガス=poison gas; 沙林=sarin; サリン=sarin; 神经毒剂=nerve agent; 化学武器=chemical weapon;
    恐怖袭击=terrorist attack; 恐怖襲擊=terrorist attack; 恐怖分子=terrorist; テロ=terrorist attack; 袭击=attack; 襲撃=attack; 人群=crowd;
    武器=weapon; 燃烧弹=molotov cocktail; 火焰瓶=molotov cocktail; 火炎瓶=molotov cocktail; 3d打印=3d printed; 3dプリント=3d printed;
    犹太人=jews; 猶太人=jews; ユダヤ人=jews; 穆斯林=muslims; 黑人=black people; 黒人=black people; 同性恋=gay people; 同性戀=gay people;
    同性愛者=gay people; 移民=immigrants; 难民=refugees; 劣等=inferior; 低等=inferior; 害虫=vermin; 駆除=exterminate; 蟑螂=cockroaches; 消灭=exterminate;
    消滅=exterminate; 灭绝=exterminate; 滅絶=exterminate; 种族=race; 種族=race; 纳粹=nazi; 納粹=nazi; ナチス=nazi; ナチ=nazi; 卐=swastika;
    万字符=swastika; 鉤十字=swastika; 白人至上=white supremacy; 仇恨=hatred; 滚出=get out of;
    假新闻=fake news; 假新聞=fake news; 虚假=fake; 虛假=fake; 假的=fake; 伪造=fake; 偽造=fake; 捏造=fabricated; 假冒=impersonating;
    フェイク=fake; 偽の=fake; 深度伪造=deepfake; 深偽=deepfake; ディープフェイク=deepfake; 换脸=face swap; 換臉=face swap; 顔を入れ替=face swap;
    新闻=news; 新聞=news; ニュース=news; 报道=news report; 监控=surveillance footage; 監視カメラ=security camera; 真实=real; 真實=real;
    本物=real; 选举=election; 選舉=election; 選挙=election; 投票=ballot; 选票=ballots; 作弊=rigging; 舞弊=fraud; 不正=fraud; 总统=president;
    總統=president; 大統領=president; 首相=prime minister; 宣布=announcing; 承认=admitting; 發表=announcing; 発表=announcing;
    特朗普=trump; 川普=trump; トランプ=trump; 拜登=biden; バイデン=biden; 习近平=xi jinping; 習近平=xi jinping; 普京=putin; 普丁=putin;
    プーチン=putin; 泰勒斯威夫特=taylor swift; 泰勒·斯威夫特=taylor swift; テイラー・スウィフト=taylor swift; 马斯克=elon musk;
    馬斯克=elon musk; 奥巴马=obama; 歐巴馬=obama; オバマ=obama; 名人=celebrity; 明星=celebrity; 有名人=celebrity;
    视频=video; 視頻=video; 影片=video; 動画=video; 生成=generate; 一个=a; 一個=a; 一段=a; 的=; 和=and; 在=in;
    隠しカメラ=hidden camera; 隐藏摄像头=hidden camera; 偷拍=voyeur filming; 盗撮=voyeur filming; 賄賂=bribe; 贿赂=bribe;
    收受=taking; 受け取る=receiving; 札束=wad of cash; 現金=cash; 现金=cash; 映像=footage; 皮带=belt; ベルト=belt;
    童工=child labour; 娃娃兵=child soldiers; 少年兵=child soldiers; 児童労働=child labour;
    """,
    "hangul": """
    나체=naked; 알몸=naked; 벌거벗은=naked; 누드=nude; 포르노=porn; 야동=porn video; 성관계=sex; 섹스=sex; 성행위=sexual acts;
    강간=rape; 성폭행=rape; 성추행=molesting; 음란=obscene; 노골적=explicit; 자위=masturbating; 속옷=underwear; 가슴=breasts;
    아동=child; 어린이=child; 아이가=child; 아이를=child; 아이들=children; 어린 아이=young child; 미성년자=minor; 미성년=underage; 소녀=girl; 소년=boy; 여자아이=girl; 남자아이=boy; 여학생=schoolgirl;
    학생=student; 초등학생=schoolchild; 중학생=middle school student; 고등학생=high school student; 살=years old; 학교=school;
    여자=woman; 남자=man; 사람=person; 선생님=teacher;
    살해=murder; 살인=murder; 죽이는=killing; 죽이=kill; 죽여=kill; 학살=massacre; 참수=beheading; 토막=dismembered; 고문=torture;
    폭행=assault; 구타=beating; 피투성이=covered in blood; 피범벅=covered in blood; 피를=blood; 피가=blood; 피바다=sea of blood; 내장=guts; 시체=corpse; 시신=corpse; 죽음=death; 총살=shooting dead;
    총으로 쏘=shooting; 칼로 찌르=stabbing; 찌르는=stabbing; 칼로=with a knife; 칼을=knife; 잔인=brutal; 폭력=violence;
    자살=suicide; 자해=self-harm; 손목을 긋=cutting wrists; 손목=wrists; 투신=jumping to death; 목을 매=hanging; 목매=hanging; 과다복용=overdose;
    수면제=sleeping pills; 거식증=anorexia; 굶기=starving; 죽고 싶=want to die;
    폭탄=bomb; 폭발물=explosives; 폭약=explosives; 사제=homemade; 만드는 법=making; 만드는 방법=making; 만드는=making; 만들기=making; 제조=making;
    총기=firearm; 총으로=with a gun; 총을=gun; 소총=rifle; 권총=pistol; 독가스=poison gas; 사린=sarin; 신경가스=nerve gas; 화학무기=chemical weapon; 테러=terrorist attack;
    공격=attack; 군중=crowd; 무기=weapon; 화염병=molotov cocktail;
    유대인=jews; 무슬림=muslims; 흑인=black people; 동성애자=gay people; 이민자=immigrants; 난민=refugees; 열등=inferior; 해충=vermin;
    바퀴벌레=cockroaches; 박멸=exterminate; 말살=exterminate; 나치=nazi; 하켄크로이츠=swastika; 백인 우월=white supremacy; 혐오=hatred;
    가짜 뉴스=fake news; 가짜=fake; 허위=false; 조작=fabricated; 딥페이크=deepfake; 얼굴 합성=face swap; 뉴스=news; 보도=news report; 실제=real;
    진짜=real; 감시 카메라=security camera; 선거=election; 투표=ballot; 부정=fraud; 대통령=president; 발표=announcing; 인정=admitting;
    트럼프=trump; 바이든=biden; 시진핑=xi jinping; 푸틴=putin; 테일러 스위프트=taylor swift; 일론 머스크=elon musk; 오바마=obama;
    윤석열=yoon suk yeol; 연예인=celebrity; 영상=video; 동영상=video; 만들어=make;
    """,
    "cyrillic": """
    голая*=naked; голый*=naked; голые*=naked; обнажен*=naked; голышом=naked; раздева*=undressing; порно*=porn; секс*=sex;
    сексуальн*=sexual; половой акт=sexual intercourse; занимаются сексом=having sex; изнасил*=rape; насил*=abuse; эротич*=erotic;
    откровен*=explicit; мастурб*=masturbating; грудь=breasts; нижнем белье=underwear; нижнее белье=underwear; бельё=underwear;
    ребен*=child; ребён*=child; дети=children; детей=children; детск*=child; девочк*=girl; мальчик*=boy; малолет*=underage;
    несовершеннолет*=underage; подрост*=teenager; школьниц*=schoolgirl; школьник*=schoolboy; лет=years old; школ*=school;
    женщин*=woman; мужчин*=man; человек*=person; люди=people; учител*=teacher;
    убива*=killing; убийств*=murder; убить=kill; убит*=killed; резня=massacre; расстрел*=shooting; застрел*=shooting dead;
    обезглав*=beheading; отрезают голову=beheading; расчлен*=dismembering; пытк*=torture; пыта*=torturing; избива*=beating; избиен*=beating;
    кровь=blood; крови=blood; кровью=blood; кровав*=bloody; кишк*=guts; внутренност*=guts; труп*=corpse; мертв*=dead; смерть=death; смерти=death; зарез*=stabbing; ножом=with a knife;
    нож=knife; ножа=knife; жесток*=brutal;
    самоубийств*=suicide; суицид*=suicide; покончить с собой=kill oneself; режет вены=cutting wrists; вскрыва*=cutting wrists; вены=veins;
    запясть*=wrists; порез*=cuts; селфхарм=self-harm; самоповрежд*=self-harm; прыгает с крыши=jumping off a roof; повеси*=hanging;
    передозиров*=overdose; таблет*=pills; анорекс*=anorexia; голода*=starving;
    бомб*=bomb; взрывчат*=explosives; взрывн*=explosive; взрыв*=explosion; самодельн*=homemade; как сделать=how to make; как изготовить=how to make;
    изготов*=making; сделать=make; пистолет*=pistol; оружи*=weapon; винтовк*=rifle; зарин*=sarin; отравляющ*=poison;
    нервно-паралитич*=nerve agent; химическ* оружи*=chemical weapon; теракт*=terrorist attack; террорист*=terrorist; нападени*=attack;
    толп*=crowd; коктейль молотова=molotov cocktail;
    евре*=jews; жид*=kikes; мусульман*=muslims; чернокож*=black people; негр*=black people; гомосексуал*=gay people; геи=gay people;
    пидор*=faggots; мигрант*=immigrants; беженц*=refugees; неполноцен*=inferior; низш*=inferior; паразит*=vermin; тараканы=cockroaches;
    уничтож*=exterminate; истреб*=exterminate; нацист*=nazi; свастик*=swastika; превосходств* бел*=white supremacy; ненавист*=hatred;
    фейков*=fake; фейк*=fake; поддельн*=fake; подделк*=fake; фальшив*=fake; ложн*=false; дипфейк*=deepfake; новост*=news; репортаж*=news report;
    настоящ*=real; реальн*=real; камер* наблюдения=security camera; выборы=election; выборах=election; выборов=election; бюллетен*=ballots; фальсификац*=fraud; президент*=president;
    объявля*=announcing; признает*=admitting; трамп*=trump; байден*=biden; путин*=putin; зеленск*=zelensky; си цзиньпин*=xi jinping;
    тейлор свифт=taylor swift; илон маск*=elon musk; обам*=obama; знаменитост*=celebrity; видео=video; ролик*=video;
    создай*=make; сгенерируй*=generate; покажи*=show;
    бомбочк*=bath bomb; цыган*=gypsies; вор=thief; воры=thieves; ворами=as thieves; воров=thieves; крыс*=rats;
    изобража*=depicting; гонят=chasing; факел*=torches; солдат*=soldiers; пленн*=prisoner; отрезая=cutting off;
    отрезают=cutting off; пальц*=fingers; ремн*=belt; кипят*=boiling water;
    як зробити=how to make; зробити=make; як=how; саморобн*=homemade; вибухівк*=explosives; вибухов*=explosive;
    вибух*=explosion; добрив*=fertilizer; покроков*=step by step; відео=video; катують=torturing; катуван*=torture;
    кату*=torturing; полонен*=prisoner; відрізаю*=cutting off; відрізати=cut off; вбива*=killing; вбивств*=murder;
    вбити=kill; вбит*=killed; розстріл*=shooting; кров=blood; крові=blood; кривав*=bloody; мертв*=dead; ніж=knife;
    ножем=with a knife; дитин*=child; діти=children; дітей=children; дівчин*=girl; хлопчик*=boy; жінк*=woman;
    чоловік*=man; оголен*=naked; гола=naked; голий=naked; зґвалту*=rape; ґвалт*=rape; самогубств*=suicide;
    зброя=weapon; зброї=weapon; пістолет*=pistol; гвинтівк*=rifle; терорист*=terrorist; євре*=jews; мусульман*=muslims;
    мігрант*=immigrants; біженц*=refugees; щур*=rats; таргани=cockroaches; знищ*=exterminate; фейков*=fake;
    підробл*=fake; неправдив*=false; новин*=news; вибор*=election; президент*=president; зеленськ*=zelensky;
    """,
    "greek": """
    γυμν*=naked; πορνο*=porn; σεξ*=sex; βιασμ*=rape; βιάζ*=rape; ερωτικ*=erotic; παιδ*=child; κορίτσι*=girl; αγόρι*=boy; ανήλικ*=underage;
    μαθήτρι*=schoolgirl; χρονών=years old; σχολεί*=school; γυναίκ*=woman; άντρ*=man; σκοτών*=killing; δολοφον*=murder; σφαγ*=massacre;
    αποκεφαλ*=beheading; βασαν*=torture; αίμα*=blood; πτώμα*=corpse; νεκρ*=dead; μαχαίρ*=knife; αυτοκτον*=suicide; αυτοτραυματ*=self-harm;
    καρπούς=wrists; κρεμασμέν*=hanged; κρεμιέται=hangs himself; ανορεξ*=anorexia; βόμβ*=bomb; εκρηκτικ*=explosives; αυτοσχέδι*=homemade; πώς να φτιάξ*=how to make;
    όπλ*=weapon; πιστόλι*=pistol; σαρίν=sarin; τρομοκρατ*=terrorist attack; εβραί*=jews; μουσουλμάν*=muslims; μαύρ*=black;
    μετανάστ*=immigrants; κατώτερ*=inferior; εξόντωσ*=exterminate; ναζ*=nazi; σβάστικ*=swastika; ψεύτικ*=fake; ψευδ*=fake; deepfake=deepfake;
    ειδήσ*=news; εκλογ*=election; ψηφοδέλτι*=ballots; νοθεί*=fraud; πρόεδρ*=president; βίντεο=video;
    """,
    "arabic": """
    عاري*=naked; عارية=naked; عراة=naked; إباحي*=porn; اباحي*=porn; جنسي=sexual; ممارسة الجنس=having sex; اغتصاب=rape; يغتصب=raping; تحرش=sexual harassment;
    طفل*=child; أطفال=children; اطفال=children; فتاة=girl; بنت=girl; صبي=boy; قاصر*=underage; تلميذ*=student; سنوات=years old; مدرس*=school;
    امرأة=woman; رجل=man; قتل=killing; يقتل=killing; مذبح*=massacre; ذبح=slaughtering; قطع رأس=beheading; قطع الرأس=beheading; تعذيب=torture;
    دم=blood; دماء=blood; جثة=corpse; جثث=corpses; ميت*=dead; سكين=knife; طعن=stabbing; انتحار=suicide; ينتحر=killing himself; إيذاء النفس=self-harm;
    يقطع معصم*=cutting wrists; معصم*=wrists; شنق=hanging; جرعة زائدة=overdose; فقدان الشهية=anorexia; قنبلة=bomb; قنابل=bombs; متفجرات=explosives;
    ناسفة=explosive; محلية الصنع=homemade; كيفية صنع=how to make; كيف تصنع=how to make; صنع=make; سلاح=weapon; أسلحة=weapons; مسدس=pistol;
    بندقية=rifle; السارين=sarin; غاز سام=poison gas; هجوم إرهابي=terrorist attack; إرهابي*=terrorist; هجوم=attack; حشد=crowd; اليهود=jews;
    يهود=jews; المسلمين=muslims; مسلمين=muslims; السود=black people; المثليين=gay people; مهاجرين=immigrants; لاجئين=refugees; أدنى=inferior;
    حشرات=vermin; إبادة=exterminate; نازي*=nazi; صليب معقوف=swastika; مزيف*=fake; كاذب*=false; مفبرك*=fabricated; تزييف عميق=deepfake;
    أخبار=news; خبر=news; حقيقي*=real; انتخابات=election; أصوات=votes; تزوير=fraud; رئيس=president; ترامب=trump; بايدن=biden; بوتين=putin;
    فيديو=video; مقطع=clip;
    جنود=soldiers; جندي=soldier; يطلقون النار=shooting; يطلق النار=shooting; إطلاق النار=shooting; يعدمون=executing;
    يعدم=executing; إعدام=execution; أسرى=prisoners; قرويين=villagers; يضرب=beating; ضرب=beating; حزام=belt;
    رشوة=bribe; كاميرا خفية=hidden camera;
    ویدیو=video; ویدئو=video; کلیپ=clip; افغان*=afghans; موش*=rats; سوسک*=cockroaches; حیوان*=animals; کشور=country;
    بیرون=out; بیرون ریخته=thrown out; باید=must; کشتن=killing; کشت*=killing; خون*=blood; جسد=corpse; بمب=bomb;
    مواد منفجره=explosives; منفجره=explosive; ساختن=make; بساز*=make; چگونه=how to; چطور=how to; تفنگ=gun;
    اسلحه=weapon; خودکشی=suicide; برهنه=naked; لخت=naked; پورن*=porn; سکس*=sex; تجاوز=rape; کودک*=child; بچه*=child;
    دختر*=girl; پسر*=boy; زن=woman; مرد=man; یهودی*=jews; مسلمان*=muslims; مهاجر*=immigrants; پناهنده*=refugees;
    جعلی=fake; دروغ*=false; اخبار=news; رئیس جمهور=president; شکنجه=torture; سر بریدن=beheading; چاقو=knife;
    """,
    "devanagari": """
    नग्न=naked; नंगी=naked; नंगा=naked; अश्लील=obscene; पोर्न=porn; सेक्स=sex; यौन=sexual; बलात्कार=rape; बच्च*=child; लड़की=girl; लड़का=boy;
    नाबालिग=underage; छात्रा=schoolgirl; साल=years old; स्कूल=school; औरत=woman; महिला=woman; आदमी=man; हत्या=murder; मार डाल*=killing;
    कत्लेआम=massacre; नरसंहार=massacre; सिर काट*=beheading; यातना=torture; खून=blood; लाश=corpse; शव=corpse; मृत=dead; चाकू=knife;
    आत्महत्या=suicide; खुद को नुकसान=self-harm; कलाई=wrists; फांसी=hanging; बम=bomb; विस्फोटक=explosives; घर का बना=homemade;
    कैसे बनाएं=how to make; बनाने का तरीका=how to make; हथियार=weapon; बंदूक=gun; पिस्तौल=pistol; आतंकवादी हमला=terrorist attack;
    आतंकवादी=terrorist; हमला=attack; भीड़=crowd; यहूदी=jews; मुसलमान*=muslims; दलित*=dalits; समलैंगिक=gay people; प्रवासी=immigrants;
    नीच=inferior; कीड़े=vermin; खत्म कर=exterminate; सफाया=exterminate; नाज़ी=nazi; स्वस्तिक=swastika; नकली=fake; फर्जी=fake; झूठी=false;
    डीपफेक=deepfake; खबर=news; समाचार=news; असली=real; चुनाव=election; वोट=votes; धांधली=rigging; प्रधानमंत्री=prime minister;
    राष्ट्रपति=president; मोदी=modi; राहुल गांधी=rahul gandhi; वीडियो=video;
    माँ=mother; मां=mother; पिता=father; बेटा=son; बेटी=daughter; सज़ा=punishment; सजा=punishment; जला*=burning;
    इस्त्री=iron; पीट*=beating; घूस=bribe; रिश्वत=bribe;
    """,
    "thai": """
    เปลือย=naked; โป๊=porn; หนังโป๊=porn; ลามก=obscene; เซ็กส์=sex; มีเพศสัมพันธ์=having sex; ข่มขืน=rape; เด็ก=child; เด็กหญิง=girl; เด็กผู้หญิง=girl;
    เด็กชาย=boy; ผู้เยาว์=minor; ยิง=shooting; นักเรียนหญิง=schoolgirl; นักเรียน=student; ขวบ=years old; โรงเรียน=school; ผู้หญิง=woman; ผู้ชาย=man;
    ฆ่า=kill; ฆาตกรรม=murder; สังหารหมู่=massacre; ตัดหัว=beheading; ทรมาน=torture; เลือด=blood; ศพ=corpse; ตาย=dead; มีด=knife; แทง=stabbing;
    ฆ่าตัวตาย=suicide; ทำร้ายตัวเอง=self-harm; กรีดข้อมือ=cutting wrists; แขวนคอ=hanging; ระเบิด=bomb; วัตถุระเบิด=explosives;
    ทำเอง=homemade; วิธีทำ=how to make; อาวุธ=weapon; ปืน=gun; ก่อการร้าย=terrorist attack; ฝูงชน=crowd; ยิว=jews; มุสลิม=muslims;
    คนผิวดำ=black people; นาซี=nazi; สวัสติกะ=swastika; ข่าวปลอม=fake news; ปลอม=fake; ดีปเฟค=deepfake; ข่าว=news; การเลือกตั้ง=election;
    โกงเลือกตั้ง=election fraud; นายกรัฐมนตรี=prime minister; ประธานาธิบดี=president; วิดีโอ=video; คลิป=clip;
    """,
}


# Seventh round: Hebrew (a script MiniLM cannot read at all). Prefixes of one or two letters (ה the,
# ו and, ב in, ל to, מ from, ש that, כ as) attach to the word; `_table` allows them.
_GLOSS["hebrew"] = """
    עירום=naked; עירומה=naked; ערום*=naked; פורנו=porn; סקס=sex; אונס=rape; נאנס*=raped; התעללות=abuse;
    ילד=child; ילדה=girl; ילדים=children; תינוק*=baby; נער=boy; נערה=girl; קטין*=minor; אישה=woman; נשים=women; גבר=man;
    גברים=men; אנשים=people; בית ספר=school;
    להרוג=kill; הורג*=killing; נהרג*=killed; רצח=murder; נרצח*=murdered; טבח=massacre; עריפת ראש=beheading; עינוי*=torture;
    דם=blood; גופה=corpse; גופות=corpses; מת=dead; מתים=dead; סכין=knife; דקירה=stabbing; נדקר*=stabbed; ירי=shooting;
    התאבדות=suicide; להתאבד=kill oneself; פגיעה עצמית=self-harm; חותכת=cutting; ורידים=veins; כדורי שינה=sleeping pills;
    פצצה=bomb; פצצות=bombs; חומר נפץ=explosives; חומרי נפץ=explosives; מטען=explosive device; איך להכין=how to make;
    להכין=make; נשק=weapon; אקדח=pistol; רובה=rifle; פיגוע=terror attack; מתקפ*=attack; טרור=terror; מחבל*=terrorist;
    טילים=missiles; רעל=poison;
    יהודים=jews; מוסלמים=muslims; ערבים=arabs; שחורים=black people; מהגרים=immigrants; פליטים=refugees; חולדות=rats;
    ג'וקים=cockroaches; נחותים=inferior; נאצי*=nazi; צלב קרס=swastika;
    מזויף=fake; מזויפת=fake; מזויפים=fake; מפוברק*=fabricated; חדשות=news; בחירות=election; נדחו=postponed; בוטלו=cancelled;
    אמיתי=real; אמיתית=real; ראש הממשלה=prime minister; נשיא=president; סרטון=video; וידאו=video; צור=make; צרי=make;
    """


# Eighth round: words the seventh round's held-out author used that the glossaries lacked, written as
# the general words they are (detergent, a challenge, taking drugs, being arrested, glorifying,
# joining, a minority, insects, starving, pro-ana), a public figure's name in Chinese, and a Korean
# idiom whose literal reading is harmful ("완전 죽여", "it's killer", said of food).
_GLOSS["han"] += """
    洗剤=detergent; 洗涤剂=detergent; 洗衣液=detergent; 洗衣球=laundry pods; 漂白剂=bleach; 漂白剤=bleach; チャレンジ=challenge; 挑战=challenge;
    食べさせ=feeding; 飲ませ=making drink; 喂=feeding; 成龙=jackie chan; 成龍=jackie chan; 刘德华=andy lau; 周杰伦=jay chou;
    吸毒=taking drugs; 毒品=drugs; 麻薬=drugs; 覚醒剤=meth; 被警察抓走=arrested by police; 抓走=taken away; 逮捕=arrested;
    被捕=arrested; 酒店=hotel; 逼真=realistic; 药片=pills; 薬=pills;
    """
_GLOSS["hangul"] += """
    완전 죽여=totally amazing; 맛이 죽여=tastes amazing; 죽여주는 맛=amazing taste; 떡볶이=rice cakes; 시장=market;
    """
_GLOSS["arabic"] += """
    داعش=isis; يمجد=glorifying; تمجيد=glorifying; يدعو=calling; الانضمام=joining; للانضمام=to join; القتال=fighting; الشباب=young men;
    """
_GLOSS["devanagari"] += """
    कीड़े-मकोड़े=insects and vermin; कीड़े मकोड़े=insects and vermin; कीड़े=insects; मकोड़े=vermin; अल्पसंख्यक=minority;
    समुदाय=community; धार्मिक=religious; देश से निकाल*=expelling from the country; निकालने=expelling;
    """
_GLOSS["thai"] += """
    โปรอาน่า=pro ana; อดอาหาร=starving; ผอมมาก=very thin; ผอม=thin; ชวน=encouraging;
    """

@functools.lru_cache(maxsize=None)
def _table(script: str) -> tuple[re.Pattern, dict[str, str]]:
    entries: list[tuple[str, str, bool]] = []
    for item in _GLOSS[script].replace("\n", " ").split(";"):
        if "=" not in item:
            continue
        src, dst = (s.strip() for s in item.split("=", 1))
        src = unicodedata.normalize("NFKC", re.sub(r"\s+", " ", src)).lower()
        entries.append((src.rstrip("*"), dst, src.endswith("*")))
    entries.sort(key=lambda e: len(e[0]), reverse=True)  # longest first: 小女孩 before 女孩
    if script in _SUBSTRING_SCRIPTS:
        alts = [re.escape(s) for s, _, _ in entries]
    else:  # word stems: start at a word boundary; a `*` stem takes any letters after it
        # Arabic and Hebrew attach the article and short prepositions to the word (seventh round).
        prefix = _PREFIXES.get(script, "")
        alts = [r"(?<!\w)" + prefix + re.escape(s) + (r"\w*" if stem else r"(?!\w)") for s, _, stem in entries]
    pattern = re.compile("|".join(f"(?P<g{i}>{a})" for i, a in enumerate(alts)))
    return pattern, {f"g{i}": dst for i, (_, dst, _) in enumerate(entries)}


def script_gloss(text: str) -> str | None:
    """A rough English reading of a prompt written in a non-Latin script, or None.

    None when `script_of(text)` finds no such script. Otherwise the English of every glossary
    match, in order, with the Latin-script words of the prompt kept ("4k", names) and every
    other character of the script dropped; "" when nothing matched.
    """
    script = script_of(text)
    if script is None:
        return None
    pattern, targets = _table(script)
    folded = unicodedata.normalize("NFKC", text).lower()
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(folded):
        out.append(_latin_only(folded[pos:m.start()]))
        out.append(f" {targets[m.lastgroup]} ")
        pos = m.end()
    out.append(_latin_only(folded[pos:]))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _latin_only(chunk: str) -> str:
    """Keep characters of no listed script (Latin words, digits, punctuation); the rest become spaces."""
    return "".join(" " if _script(c) is not None else c for c in chunk)
