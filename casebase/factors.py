"""Finding the labour-relationship factors in a worker's or mediator's own account (free Chinese text).

The rules are data: ``CUES`` lists, per factor, the words that show it and which way they point,
each with the reason in Chinese, and ``MEASURES`` turns stated days and hours into continuity.
Every statement found is kept as a ``Span``: the clause with its offsets into the original text (for
highlighting), the cue words, the actor (``ACTORS``: station manager, agent, cooperating company,
platform, company, the worker), negation, condition and mode. A freedom the next clause penalises
("可以拒单但会扣分") is control, with the condition recorded (``_apply_conditions``).

Text is read clause by clause (split at ，；。 and the like) so a negation such as 不需要 / 没有 /
无需 / 不用 / 不强制 only reaches the words right after it in the same clause ("不需要打卡" points
away from attendance management). A negation is cut off by 时要 / 就 / 但 …, so "没有订单时要服从
公司安排" is not read as "no instructions".

Facts over labels (事实优先, 劳动合同法第七条; 指导性案例237号): the mode is read per clause — a
clause that reports the agreement (协议写明 / 约定 …) or a party's assertion (公司称 / 他主张 …)
opens a mode that lasts until 但 / 实际 …; what actually happened (实际上 / 事实上 / 法院查明) then
decides, and the agreement or assertion is used only when nothing else is said (marked so). Contract names such as 合作协议 or 承揽协议 never decide a
factor; ``find_contract_labels`` lists them so the assessment can say so.

What the worker asks for (申请仲裁，要求支付加班工资、提成…) is relief sought, not a fact of the work: from
the filing or the demand to the end of its list, clauses are not read (``RELIEF_CLAUSE``). A clause that
opens with 都由 / 均由 / 由他自己决定 has its subject in the clause before and is read with it
(``CONTINUATION``). A value that rests only on background statements (订单由系统派发, nothing on
refusing) is marked ``partial``. Facts of legal standing — a signed labour contract, a pension, a driver
hired by a vehicle's owner under 挂靠, social insurance paid — are read apart (``find_standing``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .records import FACTOR_KEYS

NUM = r"[0-9一二两三四五六七八九十]+"
WORKPLACE = "站|岗|网点|驿站|公司|仓库|门店|店里|直播间|车队|分拨中心|中心|仓"
EMPLOYER = "公司|平台|站点|网点|驿站|老板|站长|主管|门店"


@dataclass(frozen=True)
class Cue:
    """One way a factor shows in text: a regular expression and the value it points to.

    ``negatable`` cues flip their value when a negation stands just before them in the clause;
    cues that carry their own negation (不能拒单, 可以不接) are not negatable. A ``silent_if_negated``
    cue says nothing when negated: "没有底薪" does not mean the worker sets the price, only that the
    pay has no fixed part. ``unless`` skips the clause when it also matches (在两个平台开播 is not
    free multi-homing if the company required it).
    """

    factor: str
    value: bool
    pattern: str
    why: str
    negatable: bool = True
    unless: str | None = None
    # A background cue says only what is usual ("订单由系统派发"); a statement the other way about
    # the same thing ("派的单可以拒") decides over it instead of cancelling it out.
    background: bool = False
    silent_if_negated: bool = False


@dataclass(frozen=True)
class Measure:
    """A stated amount of work (days a week, hours a day …) read as continuity (long_term_stable_work).

    ``long_if_mean_at_least`` applies to the middle of a range (三到六天 → 4.5), ``short_if_max_at_most``
    to its top. Rest is the other way round: ``long_if_max_at_most`` (一个月只休两三天 → long).
    """

    name: str
    pattern: str
    long_if_mean_at_least: float | None = None
    short_if_max_at_most: float | None = None
    long_if_max_at_most: float | None = None


@dataclass
class FactorFinding:
    """What the text shows about one factor: value (None when silent or contradictory), the
    fragments that showed it and the rule(s) that fired."""

    key: str
    value: bool | None
    evidence: list[str] = field(default_factory=list)
    rule: str = ""
    spans: list = field(default_factory=list)  # list[Span]: every statement, decisive ones marked
    # True when the value rests only on background statements ("订单由系统派发" without a word on
    # refusing): half of what the factor describes, so the assessment counts it at half weight.
    partial: bool = False

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"key": self.key, "value": self.value, "evidence": list(self.evidence), "rule": self.rule,
                "spans": [span.to_dict() for span in self.spans], "partial": self.partial}

    @property
    def decisive_spans(self) -> list:
        """The statements that decided the value."""
        return [span for span in self.spans if span.decisive]


def _cues(factor: str, *rows: tuple) -> tuple[Cue, ...]:
    return tuple(Cue(factor, *row) for row in rows)


T, F = True, False

# Order matters inside a factor: specific cues first; a later cue that overlaps an earlier match in
# the same clause is ignored, so "不能拒单" is not also read as a bare "拒单".
CUES: tuple[Cue, ...] = (
    *_cues(
        "platform_controls_hours",
        (F, r"上不上线|想(?:什么时候|跑)[^，。]{0,8}(?:就|的时候)|想跑就跑|有空就跑|累了就下线|随时(?:上线|下线|登录|登陆|退出|收车|出车)|"
            r"想休息(?:就|的时候)[^，。]{0,6}(?:关|下线|退出|不接|停)|(?:什么时候|何时|几点)(?:干活|上班|上线|出车|接单|开工)[^，。]{0,8}(?:都)?(?:不管|不过问|不干涉)|"
            r"(?:自己|自行)决定[^，。]{0,6}(?:做|接|跑|送)(?:几|多少)",
         "自主决定是否及何时上线（指导性案例240号）", False),
        (F, r"(?:时间|时段|什么时候|何时|几点|哪天|开播|播多久|哪天休息)[^，。]{0,14}"
            r"(?:(?:自己|自行|自主|本人)(?:决定|安排|定|掌握|拿主意)|由(?:其|他|她|本人|.{1,2}某)(?:自己|自行|自主)?(?:决定|选择|确定|安排|掌握)|全凭自己|全看自己|自己说了算)|"
            r"自由安排(?:工作)?时间|(?:自行|自己)(?:与[^，。]{0,6})?商定[^，。]{0,6}(?:休息|服务)?时间|"
            r"时间[^，。]{0,4}由(?:其|他|她|.某|本人)?(?:自己)?(?:与|和|跟)(?:客户|雇主|顾客|客人)[^，。]{0,4}(?:约定|商定|协商)|"
            r"(?:自己|自行|自主)(?:决定|安排|设置|掌握|选择)[^，。]{0,8}(?:时间|什么时候|上线|登录|出车|开播|哪几天|哪天)|看自己的课表|"
            r"(?:何时|什么时候|上线|开播|时间)[^，。]{0,8}由(?:其|他|她|本人|自己)(?:自行|自主)?决定",
         "工作时间由劳动者自己决定", False),
        (F, r"(?:工作|上班|上线|在线|出勤|接单)?时间[^，。]{0,6}(?:没有|无|不作|不做|未作|未做|并无)(?:任何)?(?:要求|规定|限制)|"
            r"(?:不需要|不用|无需|不必)(?:向[^，。]{0,6})?(?:请假|报备)|(?:随时|任何时候)(?:都)?(?:可以)?(?:停止|暂停|退出|下线|不干)",
         "对工作时间没有要求，可随时停止，休息不必请假", False),
        (F, r"(?:几点|什么时候|何时)(?:上线|上班|出车|开播|下线)[^，。]{0,4}(?:都|也)?不受(?:任何)?(?:限制|约束)|"
            r"(?:未|没有|并未|并没有|不)对[^，。]{0,4}(?:工作|上班|上线|出车)时间(?:作出|做出|进行|有)?(?:任何)?(?:安排|规定|要求|限制)",
         "对何时工作没有安排或限制", False),
        (F, r"自由(?:上下线|上线|下线)|上下线(?:自由|随意)|自由(?:选择|决定|安排)[^，。]{0,6}(?:时间|是否|何时|上线|接单|出车)|(?:工作|上班|上线|接单|出车)时间(?:比较|相对|完全)?(?:自由|灵活)|"
            r"想(?:干|做|送|跑|接|播|出车)就(?:干|做|送|跑|接|播|出车)|不受(?:工作)?时间(?:的)?(?:限制|约束)|来去自由|"
            r"可以(?:自己)?找(?:别人|他人|人)(?:替|代)|(?:可以|可|能够|有权)[^，。]{0,10}选择(?:工作|上线|出车|接单|服务|直播|上班)?时间|"
            r"(?:不|未|没有|并未|并不)(?:限定|限制|规定|固定)[^，。]{0,8}(?:工作|上班|上线|出车|配送|服务|接单|直播)(?:的)?时间",
         "自由上下线、时间自由，或可找人替班（不受人身支配）", False),
        (F, r"不(?:给)?排班|没有固定(?:的)?(?:工作|上班)?时间|(?:自己|自行|自主)安排(?:每天|每日|日常)?的?(?:收派件|收件|派件|送货|配送|接单|出车)|"
            r"(?:时间|时长|天数|多少天|多久|多长|几天)[^，。]{0,6}都?(?:不固定|没有定数)",
         "没有排班或固定工作时间", False),
        (F, r"(?:做|干|送)完[^，。]{0,6}就(?:可以)?(?:走|回家|离开)|干完就走|(?:不用|不必|无需|不需要)坐班|不坐班",
         "做完手头的活即可离开，不坐班", False),
        (T, r"(?:服从|听从)[^，。]{0,6}(?:的)?(?:安排|指挥|调度|工作安排)",
         "须服从企业的安排和指挥"),
        (T, r"没有(?:订单|配送任务|任务|活)[^，。]{0,3}时[^，。]{0,10}(?:安排|杂活|其他工作|值班|培训)|两单之间[^，。]{0,10}(?:值班|培训|回公司)",
         "空闲时也须服从企业安排（指导性案例237号）", False),
        (T, r"排(?:了)?(?:[一二两三四五六七八九十几]次|[早晚白夜第二天的]{0,4})?班|班(?:次)?[^，。]{0,4}(?:排|定)的|班[^，。]{0,10}排(?:好|定)|班次|[白夜早晚]班|轮(?:流)?(?:班|值班)|值班|排班表",
         "排班、班次由企业安排"),
        (T, r"上下班|(?:固定|规定|指定)(?:的)?(?:上线|上班|工作|出勤)?(?:时间|时段|区域)(?!内)|"
            r"(?:上线|在线|工作|出勤)时间[^，。]{0,8}要求|(?:要求|管|规定)[^，。]{0,6}(?:几点|什么时候)(?:上线|上班|出车)|"
            r"(?:规定|要求|安排)[^，。]{0,12}" + NUM + r"点[^，。]{0,10}(?:在岗|在线|上班|工作|到岗|值守)|"
            r"对[^，。]{0,8}(?:工作|上班|上户|上线|出车|服务|直播|开播)(?:时间|时段)[^，。]{0,4}(?:作出|做出|进行)?(?:统一|具体)?(?:安排|规定)",
         "上下班或工作时段由企业规定", True, r"(?:没有|无|不作|不做|未作|未做|并无)(?:任何)?(?:要求|规定|限制)"),
        (T, r"(?:早上|上午|下午|晚上)?" + NUM + r"点(?:半)?(?:前)?[^，。]{0,10}?(?:(?:到|回)[^，。]{0,3}(?:" + WORKPLACE
            + r")|接车|签到|上班|上线|到岗|出车|开工|开播|报到|分拣|点名|装货|装车)|" + NUM + r"点(?:半)?前(?:必须|要)|才能下班|不(?:能|准)提前下班",
         "规定到岗时间"),
        (T, r"(?:按照?|依照|根据)(?:" + EMPLOYER + r"|车队|企业)[^，。]{0,6}(?:时间表|时间|时段|班表)(?:开播|上班|出车|上线|工作|到岗|上户)|"
            r"(?:上班|工作|作息|出勤|营业)时间(?:为|是|从|定为)|(?:工作|上班|上线|出车|开播|直播|上户|服务|接单|配送)(?:时间|时段)[^，。]{0,6}由[^，。]{0,4}(?:公司|站点|站长|平台|主管|老板|车队|店长)"
            r"[^，。]{0,4}(?:安排|决定|规定|定|统一)|不(?:能|得|准|许)[^，。]{0,4}(?:随意|擅自|自行|私自)(?:下线|离岗|离开|休息|换班)|"
            r"不(?:能|准|许|得)[^，。]{0,2}(?:收工|下班|离岗)|[两三]班倒|轮班",
         "工作时间由企业规定，不得擅自离岗"),
        (T, r"(?:安排|要求|规定)[^，。]{0,6}每(?:天|日)[^，。]{0,10}(?:上班|到岗|出勤|上岗)", "企业要求每天按时上班"),
        (T, r"(?:安排|要求|规定)(?:其|他|她)?[^，。]{0,6}(?:早上?|上午|中午|下午|晚上?)?" + NUM + r"(?:点|时)(?:半)?(?:至|到|-)",
         "企业规定每天的工作时段"),
        (T, NUM + r"(?:点|时|[:：][0-5][0-9])(?:到|至|-)[^，。]{0,4}" + NUM + r"(?:点|时|[:：][0-5][0-9])[^，。]{0,4}(?:须|必须|要|得)"
            r"(?:在岗|在线|上班|随时|接单|待命)", "规定的时段内须在岗、随时接单"),
        (T, r"未经[^，。]{0,6}(?:同意|批准|允许)[^，。]{0,4}(?:休息|请假|离岗|不到岗|下线|休假)|才(?:能|可以|可)(?:下线|收工|离开|离岗)",
         "休息、离岗须经企业同意"),
        (T, r"(?:请假|休假|调休)[^，。]{0,12}(?:批|同意|申请|报备|审批|扣)|休息[^，。]{0,8}(?:报备|申请|审批)|提前(?:向[^，。]{0,6})?申请|只能休|"
            r"(?:找|经|向)(?:站长|主管|老板|领导|队长|店长|组长)(?:审)?批|只有" + NUM + r"天(?:的)?(?:假|休息)",
         "请假、休息须企业批准"),
        (T, r"(?:高峰|节假日|过年过节)[^，。]{0,8}(?:必须|要求)[^，。]{0,4}(?:在岗|上岗|在线)|(?:必须|要求|须)[^，。]{0,4}(?:上岗|在岗)|"
            r"不得(?:排休|休息|请假)|要求[^，。]{0,8}延长[^，。]{0,4}(?:时长|时间)|加班",
         "规定必须在岗的时段"),
    ),
    *_cues(
        "platform_assigns_orders_no_refusal",
        (F, r"抢单|抢到|抢不抢|就抢|抢的|自由接单|自主接单|挑单|想接就接|(?:单子|订单)[^，。]{0,4}(?:自己挑|自己选)|"
            r"报价竞价|哪边价格高就接",
         "抢单或自选订单（人社部函〔2023〕36号案例2）", False, r"(?:要求|必须|须|规定)[^，。]{0,16}抢单"),
        (F, r"只有[^，。]{0,12}(?:时|的时候)才(?:接|上线|出车|干活|做)|(?:接单|接受|接活)与否[^，。]{0,6}(?:自己|自愿|自行|自主|由他|由她)",
         "只在自己方便时才接活", False),
        (F, r"(?<![不没无])(?:可以|能)[^，。]{0,3}(?:不接|拒单|拒绝|挑)|接不接(?:单)?[^，。]{0,8}(?:自己|由他|由她|看自己)|"
            r"是否接单[^，。]{0,8}(?:自己|自行|自主|由他|由她)|(?:合适|价格合适)(?:就|再|才)接|不合适就不接|可以接也可以不接",
         "可以自由拒单", False),
        (F, r"可以接也可以拒|可接可拒|(?<![不没无])(?:可以|能)拒(?!绝履行)|看中哪单就接|哪单就接哪单|挑着接|自愿(?:排队|接单|选择)",
         "可以自由拒单", False),
        (T, r"接受[^，。]{0,12}(?:指派|安排|分配|派发)的?(?:任务|订单|工作|活)|(?:必须|须|要)[^，。]{0,4}(?:去|到)[^，。]{0,6}(?:指定|安排)的?(?:地点|地方|客户)",
         "须完成企业指派的任务", False),
        (F, r"(?:自己|自行|自主)(?:选择|决定)(?:是否)?(?:接单|接受|抢单|接活)|有权(?:选择)?[^，。]{0,4}拒绝|(?:享有|有)(?:自主)?选择权|"
            r"(?:自己|自行|自主)(?:在[^，。]{0,6})?(?:选择|挑选)[^，。]{0,4}(?:货源|订单|单子|客户|活)|"
            r"(?:自己|自行|自主)选择(?:接收|接受|承接)?(?:哪些|什么)?[^，。]{0,4}(?:服务事项|任务|配送需求)", "自主选择是否接单", False),
        (F, r"(?:" + EMPLOYER + r"|系统)(?:并)?(?:不|没有|未|从不|从未)(?:会)?(?:向[^，。]{0,6})?(?:派单|指派|分配|派发|派)", "企业不派单", False),
        (F, r"(?:没有人|没人|无人|从来没有人?)(?:给|向|为)?(?:他|她|其|我)?(?:派单|派活|派任务|安排(?:活|任务|订单))|"
            r"(?:他|她|其|我)?自己(?:在[^，。]{0,6})?(?:找活|接活|揽活|找单|拉活|揽货|找货)|接或不接|接与不接|接还是不接|"
            r"接不接[^，。]{0,12}(?:不管|不过问|不干涉)|(?:可以|能)挑(?:选)?[^，。]{0,6}(?:单|活)", "没有人派单，活由劳动者自己找、自己挑", False),
        (F, r"(?:接|跑)[^，。]{0,8}单[^，。]{0,6}(?:都是|都由|由)?(?:他|她)?自己(?:定|决定|选)", "接哪些单由自己决定", False),
        (F, r"(?:拒单|拒接|拒绝接单|拒绝派单|拒绝订单|不接单)[^，。]{0,4}(?:也)?(?:不会|没有|不受|不影响|不扣|不罚|不作|不做|不予|未作|不进行)",
         "拒单不受处罚", False),
        (T, r"(?:必须|只能|一律)(?:接|接受|服从)(?:单|派单|订单|平台派|系统派|公司的?安排|分配)|强制派单|强派|硬派|"
            r"(?:由|受)(?:" + EMPLOYER + r"|企业|调度员?)[^，。]{0,4}(?:统一)?调度",
         "必须接受派单"),
        (T, r"不(?:能|得|准|许|可以)[^，。]{0,3}(?:拒|推|挑)|(?:拒单|拒接|拒绝接单|无故拒|不接单|不接活)[^，。]{0,12}(?:扣|罚|停|没单|封|降)|"
            r"派什么做什么|不(?:服从|听从|听)调度|以[^，。]{0,6}拒单[^，。]{0,8}(?:为由|理由)[^，。]{0,10}(?:开除|辞退|解除|罚|扣|封|停)|无权拒|没有权利拒|接不了[^，。]{0,8}(?:申请|报备)|申请改派|"
            r"(?:按照?|依照|根据|服从|听从)(?:公司|平台|车队|站点)?[^，。]{0,4}(?:调度指令|调度安排|派车单|派工单)",
         "派单不得拒绝，拒单受罚", False),
        (T, r"(?:系统|调度|派单员|客服|后台|车队|队长|班长|组长|" + EMPLOYER + r")[^，。]{0,8}(?:派(?!遣|自己|别人|其他人|人|送员|费|件(?:工作|员|时效|量|费))|指派|(?<![例成益润])分配|分给)|派单|派发|指派|派的(?:单|活)|"
            r"分给(?:他|她)|按[^，。]{0,6}派给|(?:路线|片区|区域)[^，。]{0,8}(?:" + EMPLOYER + r")[^，。]{0,4}(?:划|分|定|安排)|"
            r"(?:" + EMPLOYER + r"|车队|队长|车队长|调度)[^，。]{0,4}(?:安排|规划|指定)[^，。]{0,8}(?:运输|配送|行驶|送货)?(?:路线|线路)|"
            r"(?:" + EMPLOYER + r"|车队|队长|车队长|调度员?)[^，。]{0,4}安排(?:我|他|她|其|司机|骑手|家政员|阿姨)[^，。]{0,10}(?:运送|送|出车|配送|跑|拉|派件|收件|服务|上户|干活)|"
            r"(?:" + EMPLOYER + r"|车队|队长|车队长|调度)[^，。]{0,4}(?:安排|指定|划定|分配)[^，。]{0,8}(?:送|跑|负责)[^，。]{0,4}(?:片区|区域|路线)",
         "订单由企业或系统派发", False, None, True),
        # 劳社部发〔2005〕12号第一条: the worker "从事用人单位安排的有报酬的劳动".
        (T, r"(?:日常|具体)?工作(?:任务)?[^，。]{0,4}由[^，。]{0,12}安排|安排(?:日常|具体|每天的?)工作|从事[^，。]{0,6}安排的[^，。]{0,6}(?:劳动|工作)|"
            r"(?:工作|服务|配送)(?:地点|内容|区域|对象)[^，。]{0,8}由(?:" + EMPLOYER + r"|企业|车队)[^，。]{0,4}(?:指定|安排|分配|决定)|"
            r"(?:由|被)(?:公司|站点|平台|站长|企业|车队)?(?:统一)?安排(?:入户|上户|上门|做配送|去送|送货|出车)|"
            r"(?:按照?|依照|根据|听从|服从)(?:公司|平台|车队|站点|站长|调度)[^，。]{0,4}(?:的)?(?:安排|指示|要求)[^，。]{0,4}(?:出车|送货|配送|运输|上门|接送|派送)|"
            r"(?:任务|订单|货源|活儿?)[^，。]{0,2}(?:均|都)?由(?:" + EMPLOYER + r"|企业|车队|调度)[^，。]{0,10}(?:下达|派发|分配|安排|指派)",
         "工作任务由企业安排", False, None, True),
    ),
    *_cues(
        "attendance_or_online_time_required",
        # "未按要求上线的，罚款" states the requirement; its 未 is the breach, not a negation of it.
        (T, r"(?:未|没有|不)按(?:照)?(?:要求|规定|时|排班)[^，。]{0,6}(?:上线|在线|到岗|出勤|打卡|签到|上班)",
         "未按要求上线、到岗即受处理", False),
        (T, r"(?:不然|否则|要不然)[^，。]{0,4}(?:没有|拿不到|就没|没)[^，。]{0,2}全勤", "未达要求即失去全勤奖", False),
        (T, r"打卡|考勤|签到|早会|晨会|点名|报到|全勤|出勤|缺勤|复盘会|迟到|早退|旷工|驻(?:店|点|场)|坐班",
         "打卡、签到、早会等考勤管理"),
        (F, r"(?:不用|不必|无需|不需要|不须)[^，。]{0,4}(?:到|去|回)(?:公司|单位|店里|站点|门店)(?:出勤|上班|报到|坐班)?",
         "不必到企业出勤", False),
        (F, r"(?:接单量|接单数量|单量|在线时长|在线时间|上线时间|直播时长|工作量|出勤天数)[^，。]{0,6}(?:不作|不做|未作|没有|并无|无)(?:任何)?(?:要求|规定|限制|考核)",
         "对单量、在线时长或出勤没有要求", False),
        (T, r"(?:每月|每个月|每天|每日|每周)(?:须|必须|要|需|需要|得)?(?:完成|播满|播够|达到|跑满)[^，。]{0,10}(?:小时|有效天|天)",
         "每月、每天须完成规定的时长或天数"),
        (T, r"在线[^，。]{0,6}(?:不少于|至少|不低于|必须)|(?:每天|每日)[^，。]{0,6}(?:在线|上线)[^，。]{0,4}(?:不少于|至少)|在线时长",
         "最低在线时长要求"),
        (T, r"(?:必须|要求|得)[^，。]{0,3}(?:准时)?(?:上线|在线|在岗)|(?:必须|要求)[^，。]{0,4}在(?:岗|线)|(?:必须|要求|(?<![主需重])要|(?<![必无])须)[^，。]{0,4}(?:到|在)(?:公司的?)?(?:" + WORKPLACE + r")",
         "要求到岗、在线"),
        (T, r"(?:上线|在线)时间[^，。]{0,8}要求", "对上线时间提出要求", True, r"(?:未|没有|无|不|并未)(?:作|做|提)?(?:出)?(?:任何)?要求"),
        (T, r"(?:直播|开播|在线|上线)时长[^，。]{0,10}(?:要求|规定|考核)|(?:要求|规定|考核)[^，。]{0,10}(?:直播|开播)时长",
         "对直播或在线时长提出要求"),
        (T, r"(?:在线|上线|播|开播|直播|出车)(?:时长)?(?:须|必须|要|得)?(?:满|够|足|不少于|至少|不低于)" + NUM + r"(?:个)?(?:小时|钟头|天)|"
            r"(?:至少|不少于|不低于)(?:要|须|得)?(?:播|直播|开播|在线|上线|出车)" + NUM + r"(?:个)?(?:小时|钟头|天)",
         "每天或每月须在线、开播满规定时长"),
        (T, r"(?:每月|每个月|每周|每天|每日)[^，。]{0,8}(?:不少于|至少|不低于|不得少于)" + NUM + r"(?:个)?(?:天|单|小时|钟头)",
         "最低出勤天数、单量或时长"),
        (T, r"(?:规定|要求|必须|须|需要|得)[^，。]{0,6}(?:每天|每日|每月|每周)(?:要|须|得)?(?:在线|上线|开播|直播|出车)" + NUM
            + r"(?:个)?(?:小时|钟头|天)", "规定每天、每月须在线或开播的时长"),
        (T, r"(?:须|必须|要|要求|得)随时(?:接单|待命|在线|听候|等候)|随时待命", "须随时待命接单"),
        (T, r"开会|例会|(?:须|必须|要求|要)[^，。]{0,6}(?:完成|达到)[^，。]{0,6}(?:最低|至少)?(?:单量|时长|在线时长|直播时长|有效天)",
         "例会或最低单量、时长要求"),
    ),
    *_cues(
        "platform_sets_pay",
        (T, r"不能(?:自己|自行|自主)?(?:报价|议价|改价|定价)|改不了价格|不(?:能|得|可|准)[^，。]{0,8}(?:另行|自行|私自)?(?:议价|改价|加价|另行收费)|"
            r"(?:" + EMPLOYER + r"|企业)(?:根据|按照?|依据)[^，。]{0,10}(?:计算|确定|核定)[^，。]{0,4}(?:车费|运费|报酬|费用|价格|服务费)",
         "价格由企业确定，劳动者不能自行定价", False),
        (F, r"(?:价格|报价|收费|菜单和价格|运费|价钱|单价|费用标准|服务价格)[^，。]{0,8}(?:自己定|自行确定|自主确定|商量|协商|商定|议定)|自(?:己|主)定价|"
            r"(?:跟|和|与)(?:客户|客人|顾客|货主|乘客|雇主)[^，。]{0,6}(?:商量|协商|商定|议价|谈)|报价|竞价|议价|讨价还价|"
            r"(?:运费|运价|价格|报酬|费用)由(?:货主|客户|顾客|乘客|雇主)[^，。]{0,8}(?:发布|确定|决定|给出|出价|定)|"
            r"(?:由|经)(?:托运人|发货人|货主|客户|顾客|雇主|乘客)[^，。]{0,2}(?:与|和|跟)(?:司机|骑手|其|他|她|家政员|主播|劳动者)[^，。]{0,4}(?:自行)?(?:议定|商定|协商|约定)",
         "劳动者自行定价或与客户议价", False),
        (F, r"(?:分成|比例)[^，。]{0,12}(?:谈|协商|商量)|(?:商量|协商|谈)(?:好)?的(?:分成|比例)|谈了[^，。]{0,6}(?:条件|两轮|几轮)|"
            r"主要(?:取决于|来自|靠|看)[^，。]{0,4}(?:广告|打赏|礼物|粉丝)|礼物|打赏",
         "收益分成经协商，或收入来自打赏、广告（指导性案例239号）", False),
        (F, r"客(?:人|户)(?:付|支付)的[^，。]{0,6}(?:直接)?进(?:入)?(?:他|她)|直接(?:付|支付)给(?:他|她)|"
            r"雇主[^，。]{0,6}直接(?:付|支付)|向客(?:户|人)收|(?:收入|钱)[^，。]{0,6}直接进(?:他|她)",
         "报酬由客户直接支付", False),
        (F, r"向(?:寄件人|收件人|顾客|乘客|雇主|货主)[^，。]{0,4}收(?:取)?|(?:收入|钱|报酬)[^，。]{0,6}来自(?:自己|他|她|其)?(?:向[^，。]{0,6})?收取",
         "报酬由劳动者向客户收取", False),
        (F, r"(?:直播|打赏|礼物|后台|流水)?收益[^，。]{0,6}(?:的)?[一二三四五六七八九](?:成|七分)|"
            r"(?:收益|打赏|礼物|流水|利润|营业额|销售额|交易额)[^，。]{0,10}(?:按|以)?(?:[0-9]+[:：比][0-9]+|[一二三四五六七八九]{2}|[0-9]+%|比例)"
            r"[^，。]{0,4}(?:分成|分配|分账|分)|"
            r"(?:收益|打赏|礼物)[^，。]{0,8}(?:分成|按比例)|[一二三四五六七八九]{2}分成|谈判[^，。]{0,8}(?:分成|比例)|"
            r"(?:收益|打赏|礼物|流水)[^，。]{0,10}(?:[0-9]+%|[一二三四五六七八九]成|比例)[^，。]{0,4}(?:结算|计算)|"
            r"(?:分成|提成)?比例[^，。]{0,4}由双方[^，。]{0,10}(?:约定|协商|商定)",
         "报酬是直播或经营收益的分成（指导性案例239号）", False),
        (F, r"(?:客户|乘客|雇主|顾客|货主)直接(?:支付|付)|(?:货主|客户|乘客|顾客|雇主)[^，。]{0,10}(?:付给|转给|支付给)(?:他|她|其|司机|骑手)|直接来自(?:乘客|客户|顾客|货主|雇主)|"
            r"(?:收入|收益|利润|钱)[^，。]{0,4}(?:全部|都|全)?归(?:他|她|其)?自己|(?:报酬|费用|收入)[^，。]{0,6}由(?:客户|乘客|雇主)[^，。]{0,4}(?:支付|付)|"
            r"利润分成[^，。]{0,8}协商|(?:其余|剩余|余下)(?:部分|收入|款项|费用)?(?:归|由)(?:其|他|她|.某|本人|自己)(?:自己)?(?:所有|所得|享有|收取)|"
            r"向(?:公司|平台|网点|车队)(?:支付|缴纳|交纳|交)[^，。]{0,6}(?:[0-9.]+%|一定比例|[一二三四五六七八九]成)[^，。]{0,4}(?:的)?(?:信息费|服务费|佣金|管理费|平台费|技术服务费)",
         "报酬由客户支付或经协商分成", False),
        (F, r"(?:从中|每单|从[^，。]{0,6}中)?(?:抽取|抽成|提取|收取|扣除|扣取|抽)[^，。]{0,6}(?:[0-9.]+%|一定比例|[一二三四五六七八九]成)"
            r"[^，。]{0,8}(?:信息费|服务费|中介费|介绍费|佣金|管理费|平台费|技术服务费)",
         "企业从劳动者向客户收取的费用中抽取一定比例作为信息费、服务费，报酬来自客户", False),
        (F, r"(?:他|她|其|本人|我|某)(?:个人)?(?:又|还)?(?:承包|包下)(?:了|经营)?[^，。]{0,10}(?:业务|片区|区域|线路|网点|路线)",
         "劳动者自己承包经营片区或线路", False),
        (F, r"(?:业务|片区|区域|线路|网点)[^，。]{0,8}(?:全部|都)?(?:由|归)(?:他|她|其|.某)(?:个人)?承包", "劳动者自己承包经营片区或线路", False),
        (F, r"(?:交|缴|缴纳|上交|支付)(?:了)?[^，。]{0,6}(?:承包费|挂靠费|加盟费)|(?:承包费|挂靠费|加盟费)[^，。]{0,4}(?:每月|每年)?[^，。]{0,4}(?:交|缴)",
         "劳动者向企业交承包费、挂靠费或加盟费，自主经营", False),
        (F, r"自负盈亏|盈亏[^，。]{0,4}(?:由|归)[^，。]{0,2}(?:自己|他|她|其|本人)|(?:经营)?风险[^，。]{0,6}(?:由(?:其|他|她)|自行|自己)(?:自行)?(?:承担|负担)|"
            r"(?:剩余)?利润[^，。]{0,2}归(?:他|她|其)?自己|差价[^，。]{0,4}归(?:他|她|其|.某)(?:自己)?|(?:自行|自己|独立)(?:承担|负担)[^，。]{0,2}(?:经营)?风险|收益[^，。]{0,2}(?:仍)?归(?:他|她|其)?(?:自己|车主)",
         "劳动者自负盈亏、经营收益归己，报酬不是企业支付的工资", False),
        (T, r"核定(?:工资|报酬)|(?:工资|报酬)[^，。]{0,8}(?:都|均)?由[^，。]{0,16}(?:发放|支付|发|转账|打到|转给)|负责发放[^，。]{0,4}(?:报酬|工资)|"
            r"(?:调整|发放|核算|计发)(?:和发放)?(?:了)?(?:工资|薪酬|薪水)",
         "报酬由企业核定、发放", True, None, False, True),
        (T, r"(?:价格|运价|运费|配送费|车费|收费|费用|多少钱|计价(?:规则|标准|方式)?|单价|分成比例|抽成(?:比例)?|薪资规则|报酬|工资|奖励标准|服务费)"
            r"[^，。]{0,24}(?:公司|平台|站点|运力公司|代理商|网点)[^，。]{0,8}(?:定|决定|确定|说了算|统一|单方|规定|制定|计算|计价|核定)|"
            r"统一(?:标准|定价|标价|计算|算)|格式条款",
         "报酬规则由企业确定", False),
        (T, r"底薪|保底|基本工资|基本报酬|固定月薪|月薪|包月费|每月固定|工资条|计件|按单(?:计酬|结算)|逐单结算|按件(?!扣|罚)|"
            r"提成|按月[^，。]{0,6}(?:发|结|支付)|(?:每月|每个月|月)工资[^，。]{0,2}" + NUM + r"|(?:每月|每个月|一个月)[^，。]{0,8}(?:发|结算|结)|"
            r"(?:流水|钱)[^，。]{0,8}(?:进|交给|付给)(?:公司|平台|站点)",
         "底薪、计件或按月发放的报酬", True, None, False, True),
        (T, r"(?:公司|站点|平台|站长|老板|车队|网点)[^，。]{0,14}(?:发|支付|付|结算)(?:给(?:他|她|我|其))?(?:了)?[^，。]{0,4}(?:工资|薪水|薪酬|服务费|配送费|劳动报酬|固定报酬)|"
            r"向(?:其|他|她|骑手|司机|主播|员工)(?:支付|发放)[^，。]{0,4}(?:工资|报酬|劳动报酬|薪酬)|"
            r"每(?:送|跑|派|完成|做|接)(?:一|1)?(?:单|件|趟|车|票)[^，。]{0,6}元|(?:一|每)(?:单|件|趟|票)[^，。]{0,4}(?:[0-9.]+|[一二三四五六七八九十两]+)(?:块|元)|"
            r"(?:" + EMPLOYER + r")(?:统一)?(?:定|制定|规定)的(?:价|价格|标准|单价|配送费|运费|车费|服务费|报酬|工资|提成|计价)|"
            r"(?:按|按照|依照|依)(?:公司|平台|站点|企业)(?:的|规定的|制定的|统一的?)?(?:标准|规定|规则|办法)[^，。]{0,4}(?:计算|结算|支付|计发|发放)|"
            r"工资(?:表|单|清单|明细)|薪资表|时薪|日薪|按(?:小时|天|日)(?:计酬|计算|结算|付)|(?:高温|餐|交通|话费|雨天|夜间|冲单)补贴|津贴|奖金|年终奖|过节费|节日福利",
         "企业发放工资、奖金或补贴", True, None, False, True),
        (T, r"(?:按|以)[^，。]{0,8}(?:单量|单数|件数|接单数|运输量|趟数|车次)[^，。]{0,8}(?:计算|结算|计酬|计发|核算|发放|支付)|"
            r"(?:收入|报酬|工资|劳务费|提成)[^，。]{0,6}由(?:" + EMPLOYER + r"|企业)[^，。]{0,6}(?:核算|计算|计发|发放|支付)|薪资(?:规则|账单)|包月|每单[0-9.至到~\-一二三四五六七八九十百两]{1,10}元",
         "按单量计酬或企业发布薪资规则", True, None, False, True),
    ),
    *_cues(
        "penalties_or_rules_enforced",
        (F, r"(?:无须|无需|不需要?|不必|不用)[^，。]{0,3}遵守[^，。]{0,12}(?:规章|制度|纪律|奖惩)|不受[^，。]{0,12}(?:奖惩|规章|纪律|处罚)|不(?:会)?(?:罚|扣钱|扣款)|没有(?:罚款|处罚|扣款)",
         "不受企业奖惩约束", False),
        (F, r"不受[^，。]{0,8}(?:管理|约束)|(?:彼此|相互|双方)?没有(?:任何)?(?:约束|管理)|不存在[^，。]{0,6}(?:管理|约束)",
         "不受企业管理或约束", False),
        (T, r"受罚|被罚|要罚|处分|违反[^，。]{0,8}(?:规范|规定|制度|纪律|规则|管理)", "违反规则要受罚"),
        (T, r"(?:内容|直播内容|文案|脚本|话术)[^，。]{0,6}(?:须|要|需|必须|需要)?经(?:过)?(?:" + EMPLOYER + r"|企业|公会|运营)[^，。]{0,2}审核",
         "工作内容须经企业审核"),
        (T, r"(?:遵守|执行)[^，。]{0,16}(?:规定|规则|要求|规范|标准)|(?:进行|实行|实施|接受)[^，。]{0,8}(?:规范|统一|严格)?管理|管理(?:办法|规定|规范)|考核办法",
         "须遵守企业的工作规则、接受其管理"),
        # 劳社部发〔2005〕12号第一条第（二）项: the worker "受用人单位的劳动管理".
        (T, r"(?<![接享遭承忍感])受(?:到)?(?:" + EMPLOYER + r"|企业|用人单位|对方)[^，。]{0,4}(?:监督|管理|指挥|约束)",
         "受企业的管理、监督或指挥"),
        (T, r"罚(?:款|钱|了|" + NUM + r"|[百千])|扣(?:" + NUM + r"|钱|款|工资|绩效|奖|服务费|服务分|信用分|分|配送费|保证金|风险金|减|除当月|了他)|"
            r"扣除[^，。]{0,6}(?:收益|报酬|工资|服务费|保证金|分成|提成)|(?:工资|收入|报酬|服务费)里扣|(?:奖励|工资|钱|服务费)[^，。]{0,4}被扣|按比例扣|差评[^，。]{0,6}扣|超时[^，。]{0,6}(?:扣|罚)|照价赔",
         "罚款、扣款等奖惩"),
        (T, r"封号|冻结(?:账户|账号)|关停[^，。]{0,6}(?:账户|账号)|开除|屏蔽[^，。]{0,4}账号|停(?:了)?(?:他|她)?[^，。]{0,4}(?:的)?单|降[^，。]{0,6}优先级|"
            r"考核|行为规范|规章制度|管理制度|管理规则|算法(?:规则)?|平台规则|员工手册|纪律|奖惩|处罚|违者|记过|通报批评|末位淘汰|警告|降级|限制接单|暂停接单|停止派单|不再(?:给(?:他|她))?派单",
         "工作规则、算法规则或纪律"),
    ),
    *_cues(
        "worker_owns_main_tools",
        (F, r"(?:" + EMPLOYER + r")[^，。]{0,6}(?:提供|(?<!匹)配(?:了)?|发的|统一租|出钱买|分配)[^，。]{0,12}"
            r"(?:车|设备|工具|直播间|巴枪|清洁剂|吸尘器|油卡|电动车|手机|终端)|"
            r"(?:车|车辆|设备|直播间|工具|油卡|账号|吸尘器|手机|声卡|电脑|补光灯)[^，。]{0,10}(?:都是|是|也是|均由|由|都由)(?:" + EMPLOYER + r")(?:的|提供|统一|发|配)|"
            r"公司的(?:新能源车|车|店铺账号|账号)|(?:公司|企业|平台|站点|车队)(?:所有|名下)的(?:车|车辆|货车|设备)|由(?:公司|平台|站点)[^，。]{0,6}(?:配备|配发)|用的是公司|^(?:给(?:他|她))?(?:提供|配)(?:了|齐)?[^，。]{0,8}(?:设备|直播间|车辆|工具)",
         "企业提供车辆、设备或场地"),
        (T, r"(?:自带|自备|自有|自己(?:的|掏钱买的|买的|分期买的)|骑(?:着)?自己的|开着自己的|用自己的)[^，。]{0,6}"
            r"(?:车|设备|工具|账号|三轮|货车|面包车|电动车|私家车)|"
            r"(?:他|她)?有(?:一|两|几|" + NUM + r")辆|(?:我|他|她|其|本人)?自己有(?:一)?(?:辆|台|部)?[^，。]{0,2}(?:车|电动车|三轮车|货车|面包车|摩托车|电瓶车|设备)|"
            r"(?:车|设备|工具|用具|刀具|工作室|三轮车)[^，。]{0,6}(?:是|都是|也是)?(?:他|她)?自己(?:的|买的|租的|掏钱买的|出钱买的|花钱买的|分期买的|带的|购买的|购置的|出资购买的)|"
            r"自(?:己)?(?:创建|建)[^，。]{0,4}账号|(?:本人|自己)(?:开设|创建|注册|开)的?账号|"
            r"账号[^，。]{0,6}(?:本人|自己)(?:开设|创建|注册|开)|自有的一辆",
         "劳动者自备主要工具（较弱因素：人社部函〔2023〕36号案例1中自带车辆不影响认定）"),
        (T, r"(?:工具|用品|设备|车辆|用具)[^，。]{0,8}(?:均|都|也)?(?:自备|自带|自理)|"
            r"(?:车|车辆|电动车|货车|设备|工具)[^，。]{0,4}(?:由|系)(?:其|他|她|.某|本人)(?:自行|自己)?(?:购买|购置|出资|租赁|租用)|(?:自行|自己)(?:购买|购置|出资购买)[^，。]{0,4}(?:车|车辆|货车|设备|工具)|油费[^，。]{0,6}(?:自己|自行|由其|由他)(?:承担|负担|出)|"
            r"(?:自己|自行)(?:承担|负担)[^，。]{0,4}(?:油费|车辆费用|开支)|开支[^，。]{0,6}(?:全部)?由(?:他|她|其)(?:自己)?负担|"
            r"(?:车|车辆|设备|工具|货车)[^，。]{0,6}(?:系|为|是|归)(?:其|他|她|.某)?(?:本人|自己|个人)所有|"
            r"(?:设备|工具|车辆|用品)[^，。]{0,6}由(?:其|他|她|.某|主播|司机|骑手|劳动者)?(?:本人|自己|自行)(?:准备|提供|购买|配备|承担)",
         "劳动者自备工具、自担经营开支"),
        (T, r"(?:" + EMPLOYER + r")[^，。]{0,12}不(?:负担|承担|报销|管)[^，。]{0,6}(?:交通|车辆|油费|路费|开支|费用)",
         "企业不负担劳动者的交通、车辆等费用，由劳动者自担", False),
    ),
    *_cues(
        "can_work_multi_platform",
        (F, r"不(?:得|能|准|许|可以|允许|让)[^，。]{0,12}(?:其他|其它|别的|另外)[^，。]{0,8}(?:平台|公司|APP|app)|"
            r"禁止[^，。]{0,8}(?:其他|别的)[^，。]{0,4}平台|不(?:能|得|准|许)(?:私下|私自|另外|自己)(?:接活|接单|揽活|接私单)|只能(?:跑|接)[^，。]{0,6}单|排他性|不(?:得|能|准|允许)[^，。]{0,4}兼职|只能(?:为|给)(?:公司|本公司|该公司)",
         "禁止在其他平台接单（人社部函〔2023〕36号案例6）", False),
        (F, r"竞业限制|独家", "独家或竞业限制约定", False),
        (T, r"同时为[^，。]{0,6}(?:其他|别的|多家|多个|几家)|以个人名义[^，。]{0,4}(?:对外)?(?:接|承揽|承接)|"
            r"同时(?:在|为|给|跑)[^，。]{0,10}(?:和|与|、)[^，。]{0,10}(?:接单|跑单|送单|送餐|拉活|平台)|"
            r"(?:同时|也|还|另外)(?:在)?(?:跑|接|做)[^，。]{0,4}(?:另一个|另外一个|别的|其他)(?:平台|APP|app|公司)|"
            r"一边(?:跑|送|接|开)[^，。]{1,6}一边(?:跑|送|接|开)[^，。]{0,4}(?:单|平台|外卖|快递|滴滴|美团|饿了么|闪送|货拉拉|代驾|网约车)|"
            r"(?:还|也|同时)在(?:别的|其他|其它|另外的?|另一家)[^，。]{0,6}(?:公司|平台|APP|app)[^，。]{0,4}(?:接活|接单|干活|做|跑|工作)",
         "同时为他人或多个平台提供服务", False),
        (T, r"(?:同时|也|还)[^，。]{0,8}(?:在|开着|用)[^，。]{0,10}(?:两个|三个|几个|多个|两家|几家|多家|另外|另一|其他|其它|别的)[^，。]{0,8}(?:平台|APP|app)|"
            r"在(?:两|三|几|多)个[^，。]{0,10}(?:平台|APP|app)上|哪边价格高",
         "同时在多个平台接单", False, r"按[^，。]{0,4}要求|安排"),
        (T, r"(?:可以|能)[^，。]{0,4}(?:到|去|在)(?:其他|其它|别的|另外的?)(?:平台|公司|APP|app)", "可以到其他平台工作", False),
        (T, r"(?:不|未|没有|并未|并不)(?:限制|禁止|干涉)[^，。]{0,6}(?:在|到|去)(?:其他|其它|别的|另外的?)(?:平台|公司|APP|app)", "不限制在其他平台工作", False),
        (T, r"(?:自己|本人|他|她|其)(?:还|另外|另)?(?:经营|开)(?:着|了|有)?(?:一|两)?(?:家|个|间)[^，。]{0,8}(?:店|门店|工作室|公司|厂)|"
            r"在自己(?:的)?(?:店|门店|工作室)",
         "劳动者另有自己经营的店铺或业务（factors.md：可自营业务指向自主）", False),
    ),
    *_cues(
        "registered_as_individual_business",
        (T, r"(?:注册|登记)(?:了|成|为)?[^，。]{0,20}(?:个体工商户|个体户|个人工作室|个体运输户)|成为个体工商户|营业执照",
         "登记为个体工商户（是否被安排登记见证据；指导性案例238号：不影响劳动关系的认定）"),
    ),
    *_cues(
        "uniform_or_brand_required",
        (F, r"(?:不用|不必|无需|不需要|没有要求|不要求|不)(?:穿|戴|佩戴|穿戴)[^，。]{0,6}(?:工服|工装|工作服|制服|工牌|马甲|头盔)",
         "不必穿工服、戴工牌", False),
        (T, r"工服|工装|工作服|制服|骑手服|工牌|工作证|服务证|胸牌|马甲|印有[^，。]{0,10}(?:字样|标识|标志)|统一装备|统一(?:着装|服装)|以(?:公司|平台)(?:的)?名义|"
            r"(?:配发|发(?:了|放)?|统一)[^，。]{0,4}(?:服装|衣服|头盔|雨衣)|(?:服装|衣服|头盔)[^，。]{0,6}(?:统一|配发|(?:公司|平台|站点)(?:发|配))",
         "统一着装或工牌（单独不足以认定：指导性案例240号）"),
    ),
    *_cues(
        "work_is_core_business",
        (F, r"信息(?:服务|中介)|(?:只是|仅是|仅为|不过是)[^，。]{0,4}信息平台|中间人|居间|牵线搭桥|牵线|对接信息|信息对接|只(?:负责|管)介绍|中介|会员费|只是提供(?:信息|平台)|撮合|租赁合同|以租代购|信息费|"
            r"介绍[^，。]{0,4}(?:到|去)[^，。]{0,10}(?<![一两几])家(?:里|中)?(?:做|当|照顾|干|服务)",
         "企业只提供信息中介或其他非用工服务（指导性案例240号）", False),
        (T, r"(?:承包|承接)(?:了)?[^，。]{0,16}(?:配送|送餐|外卖|分拣)|(?:配送|外卖|专送)站(?:点)?|快递(?:加盟)?网点|自营车队|"
            r"(?:配送|外卖)业务[^，。]{0,12}承包|专送|员工制家政|(?:家政|维修|售后服务|汽车服务|配送|物流|运输|快递|货运|网络货运|电商)公司|网约车车队|卖的是公司",
         "劳动者的工作是企业的主营业务（组织从属性）", False,
         r"介绍[^，。]{0,4}(?:到|去)[^，。]{0,10}(?<![一两几])家|(?:仅|只|只是|仅仅)[^，。]{0,8}(?:中介|信息服务|居间|撮合)"),
        (F, r"不(?:在|属于)[^，。]{0,8}经营范围", "工作不在企业经营范围内", False),
        (T, r"(?:属于|是)[^，。]{0,8}(?:主营|经营|主要|核心)(?:业务|范围)|经营范围(?:包括|包含|涵盖|有)|"
            r"(?:公司|企业)(?:就是|本身就是|主要是)?(?:主要)?(?:做|从事|经营|搞)[^，。]{0,6}(?:配送|快递|物流|运输|货运|家政|外卖|直播|跑腿)|"
            r"(?:主要|主营|核心)业务[^，。]{0,2}(?:就是|是|为)", "工作属于企业经营业务", False),
    ),
    *_cues(
        "long_term_stable_work",
        (F, r"兼职|业余|偶尔|零散|闲时|有空(?:就|的时候)|一单(?:也|都)没有|课余|只在周末|周末和节假日|" + NUM + r"(?:到|至)" + NUM
            + r"(?:个)?(?:小时|钟头)不等",
         "工作零散、不连续（人社部函〔2023〕36号案例2）"),
        (F, r"(?:天数|多少天|几天)[^，。]{0,6}都?(?:不固定|没有定数)", "每月工作天数不固定"),
        (F, r"(?:只|仅|才)(?:干|跑|做|工作|送|上|开)了?(?:十几|几|[0-9一二三四五六七八九十两]{1,3})(?:个)?(?:天|次|单|星期|礼拜|周)", "只工作了很短时间"),
        (F, r"(?:周末|节假日|晚上|下班后|放假)才(?:跑|送|接|做|干|开)", "只在业余时间工作"),
        (F, r"(?:接单量|单量|接单数)[^，。]{0,2}(?:很少|较少|不多|极少)|很少接单|接单不多", "接单很少"),
        (T, r"(?<!有)(?<!一份)全职|专职|每天都|天天|(?:每天|每日)全天|全年无休|没有休息日|常年|"
            r"(?:自|从)[0-9]{4}年[^，。]{0,10}(?:起|开始|以来)[^，。]{0,6}一直|长期(?:在|为|给|从事|跑|送)|一年到头|几乎(?:没有|没|不)休息|(?:全年|常年)(?:无休|不休)", "长期、每天工作"),
    ),
    *_cues(
        "pay_main_income",
        (F, r"主要(?:的)?(?:收入|来源)[^，。]{0,4}来自(?:自己|其|他|她)?(?:自己)?(?:向[^，。]{0,8})?(?:收取|收的)",
         "主要收入是劳动者自己向客户收取的费用，不是企业付的报酬", False),
        (F, r"本职|另有(?:正式|固定|稳定)?(?:工作|职业|主业|全职)|还在[^，。]{0,8}(?:另一家|别的|其他|另外一家)[^，。]{0,6}(?:上班|工作)|有(?:一份)?(?:全职|正式|固定)工作|平时在[^，。]{0,6}(?:厂|学校|单位|医院|机关|工地)[^，。]{0,2}(?:上班|工作|上学|读书)|白天在[^，。]{0,12}(?:上班|工作)|交着社保|补贴家用|学生",
         "另有主业或主要收入来源"),
        (T, r"主要收入|主要(?:的)?(?:经济)?来源|唯一(?:的)?(?:收入|工作)|养家|主要就?靠|依靠[^，。]{0,10}(?:生活|为生)|"
            r"(?:收入|生活|生计)[^，。]{0,4}(?:依赖|依靠|全靠)|(?:家里|一家人?|全家|家庭)[^，。]{0,6}(?:全|都|主要|就)靠", "报酬是主要生活来源"),
    ),
)

MEASURES: tuple[Measure, ...] = (
    Measure("每周工作天数", r"(?:每周|一周|每星期|每个星期|一个星期)[^，。\d休]{0,6}?(?P<a>" + NUM + r")(?:(?:到|至|-|~|或)(?P<b>" + NUM
            + r"))?(?:个)?(?:天|晚上|下午)", long_if_mean_at_least=5.5, short_if_max_at_most=4),
    Measure("每天工作小时", r"(?:每天|一天|每日|日均|每晚)[^，。\d]{0,8}?(?P<a>" + NUM + r")(?:(?:到|至|-|~)(?P<b>" + NUM
            + r"))?(?:个)?(?:多)?(?:小时|钟头)", long_if_mean_at_least=8, short_if_max_at_most=5),
    Measure("每月工作天数", r"(?:每月|每个月|一个月)[^，。\d休]{0,6}?(?P<a>" + NUM + r")(?:(?:到|至)(?P<b>" + NUM
            + r"))?(?:来|多)?天", long_if_mean_at_least=20, short_if_max_at_most=10),
    Measure("每月休息天数", r"(?:每月|每个月|一个月)[^，。\d]{0,4}?休(?:息)?(?P<a>" + NUM + r")(?:(?:到|至)(?P<b>" + NUM + r"))?天",
            long_if_max_at_most=4),
    Measure("每周休息天数", r"(?:每周|一周)[^，。\d]{0,4}?只(?:能)?休(?:息)?(?P<a>" + NUM + r")天",
            long_if_max_at_most=1),
)
CLOCK_SPAN = re.compile(
    r"(?P<p1>早上?|上午|中午|下午|晚上?|夜里|凌晨)?(?P<h1>" + NUM + r")(?:(?:点|时)(?:半)?|[:：][0-5][0-9])"
    r"(?:(?:一直)?(?:干|跑|送|做|工作|上班|开车|播|在线)?(?:到|至)|-)"
    r"(?P<p2>早上?|上午|中午|下午|晚上?|夜里|凌晨)?(?P<h2>" + NUM + r")(?:点|时|[:：][0-5][0-9])")
CLOCK_LONG_HOURS = 8
DURATION = re.compile(
    r"(?:干|做|跑|工作|送|开车|开|播|直播|连续|持续|长达|在[^，。]{0,8}(?:干|做|跑|送|工作))(?:了)?(?:快|近|约|将近|整整|差不多)?(?P<a>" + NUM
    + r")(?P<more>多)?(?:个)?(?P<half>半)?(?P<unit>年|月)")
# "2019年3月至2021年5月", "从2019年3月一直干到2021年5月": the period worked, in months.
DATE_RANGE = re.compile(
    r"(?P<y1>(?:19|20)\d\d)年(?P<m1>\d{1,2})月(?:\d{1,2}日)?(?:起)?[^，。\d]{0,8}?(?:至|到|—|-|~)(?:今|(?P<y2>(?:19|20)\d\d)年)?(?P<m2>\d{1,2})?月?")
DURATION_LONG_MONTHS = 6
DURATION_SHORT_MONTHS = 1
CLOCK_SHORT_HOURS = 4
# A short window the worker must be online in (午高峰11点到13点必须在线, 两个时段必须在线) is a least
# requirement, not how long the day's work lasts: it never reads as short work.
REQUIRED_WINDOW = re.compile(r"必须|须|要求|至少|不少于|高峰|时段")

NEGATORS = ("未进行", "没有进行", "不进行", "不会", "不曾", "并未", "并没有", "不需要", "不需", "无需", "不用", "不必", "从来没有", "从来不", "从没", "从未", "从不", "没有人", "没人",
            "没有", "未约定", "没有约定", "不强制", "不要求", "不规定", "不安排", "不再", "不管", "并不", "没", "不", "未", "无", "非")
SHORT_NEGATORS = frozenset("没不未无非")
NEGATION_WINDOW = 8
# A negation does not reach past these: "没有订单时要服从安排", "没活的时候就…".
NEGATION_BREAK = re.compile(r"时(?:要|就|也|还|得|须)|的时候|就|但|却|才|的话|以后|之后")
# A one-character negator reaches only the next word, except across "对其进行" and the like, where the
# negation is of what follows: "不对其进行考勤管理" is no attendance management.
NEGATION_BRIDGE = re.compile(r"(?:对|向|给|为)(?:其|他|她|他们|她们|骑手|司机|主播|员工|劳动者|.某)?"
                             r"(?:进行|实行|实施|作|做|有|提出|制定|设定|设置|规定|安排|发放|配发|提供)?(?:任何|过)?")

# What was offered or written down before the work (an advertisement, the rules for joining, a promise
# of terms) is weighed like an agreement, below what was done (事实优先).
CONTRACT_SENTENCE = re.compile(
    r"(?:协议|合同|条款|文件|广告|招聘信息|招聘启事|须知)[^。]{0,24}?(?:写明|写着|约定|声称|称|载明|注明|表明|定为|写的是|说|讲)|"
    r"(?:对方|公司|站长|老板|平台|招聘方)[^，。]{0,4}(?:答复|承诺|许诺|口头承诺)|"
    r"(?:按照|按|根据)(?:协议|合同|约定)")
PRACTICE_SENTENCE = re.compile(r"实际|事实上|其实")
MODE_WEIGHT = {"contract": 0.5, "claim": 0.5, "plain": 1.0, "practice": 1.5, "relief": 0.0}
# What the worker asks the commission or court for (申请仲裁，要求支付加班工资、提成…) is relief sought,
# not a fact of the work: a claim for overtime pay does not show that hours were controlled. The mode
# opens at the filing or the demand and lasts to the end of the sentence; its clauses are not read.
# What the parties fell out over (因提成怎么付起了争执) names the subject of the dispute, not how the
# work was done, and is not read either.
RELIEF_CLAUSE = re.compile(
    r"(?:因|为|就)[^，。]{0,12}(?:起了?|发生了?|产生了?|有了?)?(?:争执|纠纷|争议|分歧)|"
    r"申请(?:劳动)?仲裁|提起(?:劳动)?(?:仲裁|诉讼)|(?<!被)起诉|诉至|诉请|(?:仲裁|诉讼)请求|"
    r"请求(?:法院|仲裁委)?(?:确认|判令|裁决)|"
    r"(?:要求|请求)(?:公司|对方|被告|被申请人|平台|用人单位|[^，。]{0,6}公司)?(?:支付|确认|补缴|赔偿|补发|返还|给付|承担)")
# After the filing, only clauses that go on listing what is asked for stay in the relief mode
# ("…，要求支付工资、加班费，合计2万元"); "…起诉后，法院调取考勤记录，查明…" is narrative again.
RELIEF_ITEM = re.compile(
    r"^(?:并|以及|及|和|或者?|另|还|再|同时)?(?:要求|请求|主张|索赔|索要)|支付|赔偿|补偿|补缴|补发|返还|差额|"
    r"(?:加班|工资|提成|违约金|经济补偿)[^，。]{0,6}$|[0-9.]+(?:万|余)?元|合计|共计|总计|诉讼请求|仲裁请求")
# What a party asserts (公司称…, 他主张…) is weighed like the agreement: below what happened; what the
# court or commission found (法院认定 / 查明) like what actually happened.
CLAIM_CLAUSE = re.compile(
    r"(?<!法院)(?<!仲裁委)(?:他|她|原告|被告|申请人|被申请人|公司|平台|骑手|司机|主播|对方|一方|双方)[^，。]{0,8}?"
    r"(?:称|主张|诉称|辩称|答辩|声称|坚持认为|认为|表示|否认)|"
    # "公司否认劳动关系，称……": the party's account goes on in a clause that opens with its verb.
    r"^(?:并|还|又|另|则)?(?:辩称|声称|诉称|称|主张)")
FINDING_CLAUSE = re.compile(r"(?:法院|仲裁委|仲裁庭|二审|一审|再审|法官)[^，。]{0,8}(?:认为|认定|查明|指出|确认)|"
                            r"^(?:经|后|并|又|还)?(?:审理)?(?:查明|查实|核实)|^经(?:查|审理|审查|调查)")

CONTRACT_LABEL = re.compile(
    r"《[^》]{0,24}(?:协议|合同)》|合作关系|劳务合作关系|独立(?:的)?承包关系|承揽|不存在劳动[^，。]{0,6}关系|不是劳动合同|"
    r"不适用劳动合同法|自由职业者|个体工商户")

SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?；;\n])")
# A colon between digits is a time of day (9:30到21:30), not the end of a clause.
CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?\n]|(?<!\d)[：:]|[：:](?!\d)")
CLAUSE_PIECE = re.compile(r"(?:[^，,：:；;。！？!?\n]|(?<=\d)[：:](?=\d))+|[，,：:；;。！？!?\n]")
INDUCED_REGISTRATION = re.compile(r"安排|要求|让(?:他|她)|提示|被登记|诱导|强迫|才能领")


def normalise(text: str) -> str:
    """NFKC-fold the text (full-width digits and letters to ASCII), keeping Chinese punctuation."""
    folded = unicodedata.normalize("NFKC", text or "").replace(",", "，").replace(";", "；")
    # Quotation marks only get in the way of patterns: 扣“服务分” is 扣服务分.
    return re.sub(r"[“”‘’\"']", "", folded)


def _compiled() -> list[tuple[Cue, re.Pattern, re.Pattern | None]]:
    return [(cue, re.compile(cue.pattern), re.compile(cue.unless) if cue.unless else None) for cue in CUES]


_COMPILED = _compiled()
_MEASURES = [(measure, re.compile(measure.pattern)) for measure in MEASURES]


def sentences(text: str) -> list[tuple[str, str]]:
    """Split text into (sentence, mode) where mode is contract / plain / practice (see MODE_WEIGHT)."""
    found = []
    for sentence in SENTENCE_SPLIT.split(normalise(text)):
        if not sentence.strip():
            continue
        if PRACTICE_SENTENCE.search(sentence):
            mode = "practice"
        elif CONTRACT_SENTENCE.search(sentence):
            mode = "contract"
        else:
            mode = "plain"
        found.append((sentence, mode))
    return found


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, the scope a negation can reach."""
    return [part.strip() for part in CLAUSE_SPLIT.split(sentence) if part.strip()]


def is_negated(clause: str, start: int) -> bool:
    """True when a negator stands just before position ``start`` with nothing breaking its reach."""
    prefix = clause[max(0, start - NEGATION_WINDOW):start]
    best_end, best_word = -1, ""
    for word in NEGATORS:
        end = prefix.rfind(word)
        if end >= 0 and end + len(word) > best_end:
            best_end, best_word = end + len(word), word
    if best_end < 0:
        return False
    gap = prefix[best_end:]
    if best_word in SHORT_NEGATORS and len(gap) > 1 and not NEGATION_BRIDGE.fullmatch(gap):
        return False
    return not NEGATION_BREAK.search(gap)


# --- where each finding sits in the text: segments with offsets, actors, conditions ---------------

def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """``normalise`` plus, for every character of the result, its index in the original text
    (so a span found in the folded text can be highlighted in the worker's own words)."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text or ""):
        if char in "“”‘’\"'":
            continue
        folded = unicodedata.normalize("NFKC", char).replace(",", "，").replace(";", "；")
        if folded in "“”‘’\"'":
            continue
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), where


@dataclass(frozen=True)
class Segment:
    """One clause of the account: its text, where it sits (offsets into the original text),
    the sentence it belongs to, its mode (contract / plain / practice) and the connective it opens
    with (但 / 否则 …), which marks a condition on the clause before."""

    text: str
    start: int
    end: int
    sentence: int
    mode: str
    connective: str = ""
    # What the cues read when it differs from the text: a continuation joined to its subject
    # without the comma between ("播什么、在哪个时段播都由自己安排").
    reading: str = ""

    @property
    def read(self) -> str:
        return self.reading or self.text


CONNECTIVE = re.compile(r"^(?:但是|但|不过|可是|然而|否则|只是|却)")
# "播什么、在哪个时段播，都由自己安排": a clause that opens with 都由 / 均由 … has its subject in the
# clause before, so the two are read as one statement.
CONTINUATION = re.compile(
    r"^(?:公司|平台|站点|老板|站长|单位)?(?:也|就|则)?(?:完全|全)?(?:(?:都|均|全都|全部|一律|统统)(?:由|是|归|靠|听|要|得|须|必须|不|没)|"
    r"由(?:他|她|其|自己|本人|[^，。]{1,3}某)(?:自己|自行|自主)?(?:决定|安排|定|掌握|说了算))")
PRACTICE_CLAUSE = re.compile(r"实际|事实上|其实")


def segments(text: str) -> list[Segment]:
    """The clauses of ``text`` in order, each with its offsets and mode.

    The mode is read clause by clause (协议写明…，但实际…): a clause that reports the agreement
    (协议写明 / 约定 / 合同称 …) opens the contract mode, which lasts to the end of the sentence or
    until a clause about what happened (实际 / 事实上 / 其实) or one opening with 但 / 不过."""
    folded, where = normalise_with_map(text)
    found: list[Segment] = []
    sentence_index, mode = 0, "plain"
    previous_offset = 0
    for piece in CLAUSE_PIECE.finditer(folded):
        chunk = piece.group(0)
        if len(chunk) == 1 and chunk in "，,：:；;。！？!?\n":
            if chunk in "。！？!?\n":
                sentence_index, mode = sentence_index + 1, "plain"
            elif chunk in "；;":
                # A party's account or an agreement's terms go on past a semicolon ("辩称……；……"):
                # only a full stop ends them.
                sentence_index, mode = sentence_index + 1, mode if mode in ("claim", "contract") else "plain"
            continue
        stripped = chunk.strip()
        if not stripped:
            continue
        offset = piece.start() + chunk.index(stripped)
        connective = CONNECTIVE.match(stripped)
        relief = RELIEF_CLAUSE.search(stripped)
        finding = FINDING_CLAUSE.search(stripped)
        if relief and (not finding or relief.start() < finding.start()) and not CLAIM_CLAUSE.search(stripped):
            # "起诉到法院要求确认…" is the demand, not what the court found.
            mode = "relief"
        elif PRACTICE_CLAUSE.search(stripped) or finding:
            mode = "practice"
        elif CLAIM_CLAUSE.search(stripped):
            mode = "claim"
        elif CONTRACT_SENTENCE.search(stripped):
            mode = "contract"
        elif connective and mode in ("contract", "claim"):
            mode = "plain"
        elif mode == "relief" and not RELIEF_ITEM.search(stripped):
            mode = "plain"
        start = where[offset] if offset < len(where) else len(text)
        last = offset + len(stripped) - 1
        end = (where[last] + 1) if last < len(where) else len(text)
        reading = ""
        if CONTINUATION.match(stripped) and found and found[-1].sentence == sentence_index:
            previous = found.pop()
            reading = previous.read + stripped
            stripped, start, mode = folded[previous_offset:offset + len(stripped)], previous.start, previous.mode
            offset = previous_offset
        found.append(Segment(stripped, start, end, sentence_index, mode, connective.group(0) if connective else "",
                             reading))
        previous_offset = offset
    return found


# Who a clause is about: the party that acts (站长 schedules, 平台 dispatches) or the worker.
ACTORS: tuple[tuple[str, str], ...] = (
    ("station_manager", r"站长|副站长|队长|组长|主管|店长|站点负责人|负责人|调度员|派单员"),
    ("agent", r"代理商|加盟商|承包商|中介|经纪公司|公会|包工头"),
    ("cooperating_company", r"(?:外包|劳务|人力资源|配送|物流|运力|货运代理|货代|运输|快递|家政|服务|文化传媒|传媒)公司|站点|配送站|网点|车队"),
    ("platform", r"平台|系统|APP|app|App|后台|算法|软件"),
    ("company", r"公司|老板|单位"),
    ("worker", r"我|他|她|本人|自己|骑手|司机|主播|快递员|配送员"),
)
_ACTOR_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in ACTORS]
# "站长在系统里排好的": the system is the instrument, the station manager the actor.
SELF_WORDS = re.compile(r"自己|自行|自主|本人")
INSTRUMENT_BEFORE = re.compile(r"(?:在|通过|用|从|按)$")
ACTOR_LABELS = {"station_manager": "站长等现场管理人员", "agent": "代理商、加盟商或中介", "cooperating_company": "合作用工企业",
                "platform": "平台（系统）", "company": "企业", "worker": "劳动者本人"}


def actor_of(clause: str, before: int) -> tuple[str | None, str]:
    """(kind, words) of the party named last before position ``before`` in the clause, skipping a
    party named only as the instrument (在系统里, 通过APP); (None, "") when none is named."""
    found: list[tuple[int, int, str, str]] = []
    for kind, pattern in _ACTOR_PATTERNS:
        for match in pattern.finditer(clause, 0, max(before, 0)):
            if kind == "platform" and INSTRUMENT_BEFORE.search(clause[:match.start()]):
                continue
            found.append((match.end(), len(match.group(0)), kind, match.group(0)))
    if not found:
        return None, ""
    # The worker is the actor only when the clause says so (我自己决定, 自行安排); "站长给我们排班"
    # names the worker as the object.
    others = [item for item in found if item[2] != "worker"]
    if others and not SELF_WORDS.search(clause[:max(before, 0)]):
        found = others
    end, _, kind, words = max(found)
    return kind, words


@dataclass
class Span:
    """One statement in the account about one factor: the clause (with offsets into the original
    text, for highlighting), the words that showed it, who acts, negation, condition, mode, and
    whether it decided the factor."""

    factor: str
    value: bool
    quote: str
    start: int
    end: int
    words: str
    why: str
    actor: str | None = None
    actor_words: str = ""
    negated: bool = False
    condition: str = ""
    mode: str = "plain"
    decisive: bool = False
    # False for a statement read but not counted: a requirement of an incentive the worker chose to join.
    counted: bool = True

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"factor": self.factor, "value": self.value, "quote": self.quote, "start": self.start, "end": self.end,
                "words": self.words, "why": self.why, "actor": self.actor, "actor_words": self.actor_words,
                "negated": self.negated, "condition": self.condition, "mode": self.mode, "decisive": self.decisive,
                "counted": self.counted}


@dataclass
class _Vote:
    value: bool
    weight: float
    evidence: str
    why: str
    span: Span | None = None
    background: bool = False


def _cue_votes(clause: str, weight: float, segment: Segment | None = None,
               inherited: tuple[str | None, str] = (None, "")) -> list[tuple[str, _Vote]]:
    """One vote per cue per clause: "保底费和提成" is one statement about pay, not two."""
    votes: list[tuple[str, _Vote]] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for cue, pattern, unless in _COMPILED:
        if unless is not None and unless.search(clause):
            continue
        spans = taken.setdefault(cue.factor, [])
        fresh = [match for match in pattern.finditer(clause)
                 if not any(match.start() < end and start < match.end() for start, end in spans)]
        if not fresh:
            continue
        spans.extend(match.span() for match in fresh)
        value, why, negated = cue.value, cue.why, False
        if cue.negatable and is_negated(clause, fresh[0].start()):
            if cue.silent_if_negated:
                continue
            value, why, negated = not value, f"否定表述（{why}）", True
        votes.append((cue.factor, _Vote(value, weight, clause, why,
                                        _span(cue.factor, value, clause, fresh[0], why, segment, inherited, negated),
                                        background=cue.background and not negated)))
    return votes


def _span(factor: str, value: bool, clause: str, match: re.Match, why: str, segment: Segment | None,
          inherited: tuple[str | None, str], negated: bool = False) -> Span:
    actor, words = actor_of(clause, match.end())
    if actor is None:
        actor, words = inherited
    start, end = (segment.start, segment.end) if segment else (0, len(clause))
    quote = segment.text if segment else clause
    return Span(factor, value, quote, start, end, match.group(0), why, actor, words, negated,
                mode=segment.mode if segment else "plain")


def _numeral(text: str) -> tuple[float, float]:
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if text.isdigit():
        return float(text), float(text)
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = digits.get(head[-1:], 1) if head else 1
        values = [tens * 10 + digits[ch] for ch in tail if ch in digits] or [tens * 10]
    else:
        values = [digits[ch] for ch in text if ch in digits]
    return float(min(values)), float(max(values))


def _amount(match: re.Match) -> tuple[float, float]:
    low, high = _numeral(match.group("a"))
    if match.groupdict().get("b"):
        high = _numeral(match.group("b"))[1]
    return low, high


def _measure_votes(clause: str, weight: float, segment: Segment | None = None,
                   inherited: tuple[str | None, str] = (None, "")) -> list[tuple[str, _Vote]]:
    votes = []
    for measure, pattern in _MEASURES:
        for match in pattern.finditer(clause):
            value = _measure_value(measure, *_amount(match))
            if value is False and _is_a_floor(clause, match):
                continue  # "每天不少于4小时" is a minimum asked for, not a short day
            if value is not None:
                why = f"{measure.name}：{match.group(0)}"
                votes.append(("long_term_stable_work",
                               _Vote(value, weight, clause, why, _span("long_term_stable_work", value, clause, match, why,
                                                                       segment, ("worker", "")))))
    for match, value, why in _clock_matches(clause) + _duration_matches(clause):
        votes.append(("long_term_stable_work",
                      _Vote(value, weight, clause, why, _span("long_term_stable_work", value, clause, match, why,
                                                              segment, ("worker", "")))))
    return votes


FLOOR_WORDS = re.compile(r"不少于|至少|不低于|最少|不得少于|以上|起码")


def _is_a_floor(clause: str, match: re.Match) -> bool:
    """Whether the amount is a least one (每天不少于4小时, 每周至少3天, 4小时以上)."""
    return bool(FLOOR_WORDS.search(match.group(0)) or FLOOR_WORDS.match(clause, match.end()))


def _measure_value(measure: Measure, low: float, high: float) -> bool | None:
    if measure.long_if_max_at_most is not None and high <= measure.long_if_max_at_most:
        return True
    if measure.long_if_mean_at_least is not None and (low + high) / 2 >= measure.long_if_mean_at_least:
        return True
    if measure.short_if_max_at_most is not None and high <= measure.short_if_max_at_most:
        return False
    return None


def _clock_matches(clause: str) -> list[tuple[re.Match, bool, str]]:
    found = []
    for match in CLOCK_SPAN.finditer(clause):
        start = _clock_hour(match.group("p1"), _numeral(match.group("h1"))[0])
        end = _clock_hour(match.group("p2") or match.group("p1"), _numeral(match.group("h2"))[0])
        span = end - start if end > start else end + 24 - start
        if span >= CLOCK_LONG_HOURS:
            found.append((match, True, f"每天工作时段：{match.group(0)}"))
        elif span <= CLOCK_SHORT_HOURS and not REQUIRED_WINDOW.search(clause):
            found.append((match, False, f"每天工作时段较短：{match.group(0)}"))
    return found


def _duration_matches(clause: str) -> list[tuple[re.Match, bool, str]]:
    """How long the work went on (干了两年, 连续工作七个月): six months or more is continuity, a month
    or less is not (factors.md: "for months"; 人社部函〔2023〕36号案例2 for sporadic work)."""
    found = []
    for match in DATE_RANGE.finditer(clause):
        if not match.group("m2") or not match.group("y2") and int(match.group("m2")) < int(match.group("m1")):
            continue
        year2 = int(match.group("y2") or match.group("y1"))
        months = (year2 - int(match.group("y1"))) * 12 + int(match.group("m2")) - int(match.group("m1"))
        if months >= DURATION_LONG_MONTHS:
            found.append((match, True, f"工作期间：{match.group(0)}"))
    for match in DURATION.finditer(clause):
        months = _numeral(match.group("a"))[0] * (12 if match.group("unit") == "年" else 1)
        if match.group("half"):
            months += 6
        if months >= DURATION_LONG_MONTHS:
            found.append((match, True, f"工作持续时间：{match.group(0)}"))
        elif months <= DURATION_SHORT_MONTHS and not match.group("more"):
            found.append((match, False, f"工作持续时间较短：{match.group(0)}"))
    return found


def _clock_hour(period: str | None, hour: float) -> float:
    if period in ("下午", "晚", "晚上", "夜里") and hour < 12:
        return hour + 12
    if period == "中午" and hour < 6:  # 中午1点 is 13:00; 中午11点 and 12点 are as written
        return hour + 12
    return hour


def _votes(text: str) -> dict[str, list[_Vote]]:
    votes: dict[str, list[_Vote]] = {key: [] for key in FACTOR_KEYS}
    by_sentence: dict[int, list[tuple[Segment, str, _Vote]]] = {}
    opted_in: dict[int, str] = {}  # sentence -> the clause saying the worker signed up for an incentive (OPT_IN)
    read_segments: dict[int, list[Segment]] = {}  # each sentence's clauses as read, for _apply_thresholds
    actor: tuple[str | None, str] = (None, "")
    current = -1
    for segment in segments(text):
        if segment.sentence != current:
            current, actor = segment.sentence, (None, "")
        if segment.mode == "relief":
            continue
        if OPT_IN.search(segment.read) and not OPT_IN_FORCED.search(segment.read):
            opted_in.setdefault(segment.sentence, text[segment.start:segment.end])
        read_segments.setdefault(segment.sentence, []).append(segment)
        weight = MODE_WEIGHT[segment.mode]
        found = _cue_votes(segment.read, weight, segment, actor) + _measure_votes(segment.read, weight, segment)
        named = actor_of(segment.read, len(segment.read))
        if named[0] not in (None, "worker"):
            actor = named
        for key, vote in found:
            by_sentence.setdefault(segment.sentence, []).append((segment, key, vote))
    for sentence, clauses_read in read_segments.items():
        _apply_thresholds(clauses_read, by_sentence.setdefault(sentence, []))
    for sentence, rows in by_sentence.items():
        _apply_conditions(rows)
        if sentence in opted_in:
            _apply_opt_in(rows, opted_in[sentence])
        for _, key, vote in rows:
            votes[key].append(vote)
    return votes


# "可以拒单但会扣分": a freedom the enterprise penalises is no freedom (指导性案例237号: reward and
# penalty schemes and algorithm rules are labour management).
CONDITIONAL_FREEDOM = {
    "platform_assigns_orders_no_refusal": "名义上可以拒单或挑单，但拒单受罚",
    "platform_controls_hours": "名义上可以自己安排时间，但不按要求上线受罚",
    "attendance_or_online_time_required": "名义上不考勤，但在线时长或出勤不足受罚",
}


# The penalty must be about the freedom itself ("但拒单会扣钱", not "但差评会扣钱"), unless the clause is
# a bare consequence ("但会扣分").
CONDITION_TOPIC = {
    "platform_assigns_orders_no_refusal": re.compile(r"拒|不接|挑|转单|改派"),
    "platform_controls_hours": re.compile(r"上线|在线|下线|时长|迟到|早退|休息|请假|不上"),
    "attendance_or_online_time_required": re.compile(r"在线|时长|出勤|打卡|签到|缺勤|迟到"),
}
BARE_CONSEQUENCE = re.compile(r"^(?:但是?|否则|不过|可是)(?:会|就|要|就会|也会)?(?:被)?(?:扣|罚|降|封)[^，。]{0,4}$")
SAME_CLAUSE_CONDITION = re.compile(r"(?:但|否则|不过|可是)[^，。]{0,8}(?:扣|罚|降|封号|停单|少派|处罚)[^，。]*")


def _apply_conditions(rows: list[tuple[Segment, str, _Vote]]) -> None:
    """A freedom followed, in the same sentence, by a clause opening with 但 / 否则 … that
    penalises it turns into control, and the span records the condition."""
    for index, (segment, key, vote) in enumerate(rows):
        if key not in CONDITIONAL_FREEDOM or vote.value is not False:
            continue
        nxt = [(s, v) for s, k, v in rows if s.start > segment.start and k == "penalties_or_rules_enforced" and v.value]
        nearest = min((s.start for s, _ in nxt), default=None)
        penalty = next(((s, v) for s, v in nxt if s.start == nearest and s.connective
                        and (BARE_CONSEQUENCE.match(s.text) or CONDITION_TOPIC[key].search(s.text))), None)
        inside = SAME_CLAUSE_CONDITION.search(segment.text)
        if penalty is None and inside:
            penalty = (Segment(inside.group(0), segment.start, segment.end, segment.sentence, segment.mode, "但"), None)
        if penalty is None:
            continue
        words = segment.text if penalty[0].text in segment.text else f"{segment.text}，{penalty[0].text}"
        vote.value = True
        vote.why = f"{CONDITIONAL_FREEDOM[key]}（“{words}”；指导性案例237号：奖惩规则属劳动管理）"
        if vote.span is not None:
            vote.span.value = True
            vote.span.why = vote.why
            vote.span.condition = penalty[0].text
            vote.span.end = max(vote.span.end, penalty[0].end)
            vote.span.quote = words


# "辛某报名参加了公司的‘乐跑’活动，该活动要求每天至少在线8小时": hours and attendance required as the
# terms of an incentive the worker chose to join (and may leave) are not hours the enterprise imposes
# on the work. They are read and shown, not counted, so they neither make nor unmake domination.
OPT_IN = re.compile(r"(?:报名|自愿|主动|选择|自行)(?:报名)?参(?:加|与)(?:了)?[^，。]{0,14}(?:活动|奖励|激励|冲单)")
# Signed up because told to (公司要求骑手报名参加冲单活动) is not a choice.
OPT_IN_FORCED = re.compile(r"(?:要求|安排|强制|必须|须|让|逼|统一)[^，。]{0,8}(?:报名|参加|参与)")
# The factors an incentive's terms speak to: hours, time online, continuity.
INCENTIVE_FACTORS = ("platform_controls_hours", "attendance_or_online_time_required", "long_term_stable_work")
OPT_IN_CONDITION = "自愿报名参加的奖励活动所附的要求"


def _apply_opt_in(rows: list[tuple[Segment, str, _Vote]], signed_up: str) -> None:
    """In a sentence saying the worker signed up for an incentive activity (``signed_up``, the
    clause that says so), a requirement of hours or attendance toward control is that activity's
    term: recorded on its span with the clause as its condition, not counted."""
    for segment, key, vote in rows:
        if key in INCENTIVE_FACTORS and vote.value and not OPT_IN.search(segment.read):
            _read_not_counted(vote, signed_up, f"{OPT_IN_CONDITION}，不是企业对工作时间的强制安排（不计分）")


def _read_not_counted(vote: _Vote, condition: str, why: str) -> None:
    """Keep a statement toward control on its span, with what it is conditional on, without counting it."""
    vote.weight, vote.why = 0.0, why
    if vote.span is not None:
        vote.span.counted, vote.span.condition, vote.span.why = False, condition, why


# An amount of time online set as the condition of what follows it in the sentence ("…满8小时的，…"):
# a benefit ("可获得100元奖励", "由公会补足差额") makes it an incentive, not a requirement, so it is read
# and not counted; a penalty ("在线不满8小时的，扣50元") makes it a requirement the enterprise enforces
# (指导性案例237号: reward and penalty rules are labour management). A full-attendance bonus (全勤奖)
# rewards attendance that is kept and so stays attendance management.
THRESHOLD_CLAUSE = re.compile(r"(?:在线|上线|出勤|开播|直播|工作|接单|跑单)[^，。]{0,10}(?:小时|天|时长|单)[^，。]{0,16}的$")
SHORTFALL = re.compile(r"(?:在线|上线|出勤|开播|直播)[^，。]{0,6}(?:不满|不足|少于|未满|低于|不够|未达到?|未完成)")
BENEFIT = re.compile(r"^(?:则|就|即|便)?(?:由[^，。]{0,8})?(?:可以?|能|将|会)?(?:获得|领取|拿到|得到|补足|补齐|补差|给予|发放|奖励|享受)")
FULL_ATTENDANCE = re.compile(r"全勤")
PENALTY_AFTER = re.compile(r"^(?:则|就|即|便|将|会|要)?(?:被)?(?:扣|罚|处罚|降级|封号|停单|少派|取消)")


def _apply_thresholds(clauses_read: list[Segment], rows: list[tuple[Segment, str, _Vote]]) -> None:
    """Time online set as a condition, read by what the next clause of the sentence attaches to it."""
    for index, segment in enumerate(clauses_read[:-1]):
        if not THRESHOLD_CLAUSE.search(segment.read):
            continue
        after = clauses_read[index + 1]
        quote = after.text
        if BENEFIT.search(after.read) and not FULL_ATTENDANCE.search(after.read + segment.read):
            for row_segment, key, vote in rows:
                if row_segment is segment and key in INCENTIVE_FACTORS and vote.value:
                    _read_not_counted(vote, quote, "在线或出勤时长是取得奖励、补贴的条件，不是企业强制的工作安排（不计分）")
        elif SHORTFALL.search(segment.read) and PENALTY_AFTER.search(after.read):
            key = "attendance_or_online_time_required"
            if any(row_segment is segment and row_key == key and vote.value for row_segment, row_key, vote in rows):
                continue
            rows[:] = [row for row in rows if not (row[0] is segment and row[1] == key)]
            why = "在线或出勤时长不足受罚：企业以奖惩规则要求在线时长（指导性案例237号）"
            span = Span(key, True, f"{segment.text}，{quote}", segment.start, after.end, SHORTFALL.search(segment.read).group(0),
                        why, mode=segment.mode, condition=quote)
            rows.append((segment, key, _Vote(True, MODE_WEIGHT[segment.mode], segment.text, why, span)))


def _decide(key: str, votes: list[_Vote]) -> FactorFinding:
    if not votes:
        return FactorFinding(key, None, [], "文本未提及")
    if not any(vote.weight for vote in votes):
        return FactorFinding(key, None, _unique(vote.evidence for vote in votes),
                             "；".join(_unique(vote.why for vote in votes)),
                             [vote.span for vote in votes if vote.span is not None])
    read_only = [vote for vote in votes if not vote.weight]
    votes = [vote for vote in votes if vote.weight]
    facts = [vote for vote in votes if vote.span is None or vote.span.mode not in ("contract", "claim")]
    agreed = [vote for vote in votes if vote not in facts]
    note = ""
    if facts and agreed and {vote.value for vote in agreed} - {vote.value for vote in facts}:
        # 事实优先: what happened decides over what the agreement says (指导性案例237号).
        note = "；协议约定或一方主张与实际履行不一致，以实际履行为准（事实优先，指导性案例237号）"
    counted = facts or agreed
    counted = [vote for vote in counted
               if not (vote.background and any(v.value != vote.value and not v.background for v in counted))]
    toward = sum(vote.weight for vote in counted if vote.value)
    away = sum(vote.weight for vote in counted if not vote.value)
    spans = [vote.span for vote in votes + read_only if vote.span is not None]
    if toward == away:
        return FactorFinding(key, None, _unique(vote.evidence for vote in votes),
                             "表述相互矛盾，无法判断：" + "；".join(_unique(vote.why for vote in votes)), spans)
    value = toward > away
    winners = [vote for vote in counted if vote.value == value]
    for vote in winners:
        if vote.span is not None:
            vote.span.decisive = True
    rule = "；".join(_unique(vote.why for vote in winners)) + note
    if not facts:
        rule += "；仅见协议约定或一方主张，未见实际履行情况"
    partial = all(vote.background for vote in winners)
    if partial:
        rule += "；只说明了通常做法，未说明能否拒绝、拒绝的后果"
    return FactorFinding(key, value, _unique(vote.evidence for vote in winners), rule, spans, partial)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def extract_factors(text: str) -> dict[str, FactorFinding]:
    """Read the twelve factors (factors.md) from free Chinese text.

    Returns a finding for every key of ``FACTOR_KEYS``; value is None when the text is silent or
    the statements cancel out. Each finding carries its ``spans``: every statement about the factor
    with its offsets in the original text, the actor, negation, condition and mode. Contract labels
    are not factors (see ``find_contract_labels``); registration as an individual business is
    recorded but never decides the relationship (指导性案例238号).
    """
    findings = {key: _decide(key, votes) for key, votes in _votes(text).items()}
    _mark_induced_registration(text, findings["registered_as_individual_business"])
    return findings


def _mark_induced_registration(text: str, finding: FactorFinding) -> None:
    if finding.value and any(INDUCED_REGISTRATION.search(fragment) for fragment in _registration_context(text)):
        finding.rule = "由企业安排或诱导登记为个体工商户——不具决定性，不影响劳动关系的认定（指导性案例238号、人社部函〔2023〕36号案例4）"


def _registration_context(text: str) -> list[str]:
    return [sentence for sentence, _ in sentences(text) if re.search(r"个体工商户|个体户|个人工作室", sentence)]


def find_contract_labels(text: str) -> list[str]:
    """Contract names and labels in the text (合作协议, 承揽, 个体工商户 …): evidence of intent, never decisive."""
    return _unique(match.group(0) for match in CONTRACT_LABEL.finditer(normalise(text)))


# --- legal standing: facts about the relationship itself rather than how the work is done ---------

@dataclass(frozen=True)
class StandingRule:
    """A fact that bears on the relationship by law rather than as a factor of management: a signed
    labour contract, the worker drawing a pension, a hirer who is a natural person, social insurance
    paid by the enterprise. ``effect`` is "labor" / "civil" when the fact decides by law,
    "toward" when it is evidence toward a labour relationship (劳社部发〔2005〕12号第二条)."""

    key: str
    pattern: str
    effect: str
    why: str
    basis: str
    unless: str | None = None
    # The rule needs this elsewhere in the text as well (挂靠 and a hiring vehicle owner).
    also: str | None = None
    why_en: str = ""


STANDING_RULES: tuple[StandingRule, ...] = (
    StandingRule(
        "receives_pension",
        r"(?:享受|领取|领着|拿着?)(?:了)?(?:基本)?(?:养老保险待遇|养老金|退休金|退休工资)|退休(?:人员|职工)|退休后(?:返聘|再就业|又|到|在|去|开始|继续|就)",
        "civil", "劳动者已享受养老保险待遇或领取退休金，用工争议按劳务关系处理",
        "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条第一款",
        why_en="The worker already draws a pension or retirement pay: a dispute over the work is handled as one over "
               "labour services, not employment"),
    StandingRule(
        "hired_by_vehicle_owner",
        r"(?:车主|实际车主|实际所有人)[^。]{0,24}?(?:雇|聘|招)(?:来|用|请|佣)?|(?:聘请|雇请|雇用|招来)(?:了)?(?:的)?(?:司机|驾驶员)|雇工|"
        r"(?<![司业])(?:[^\s，。公司]{1,2}某|个人)(?:雇|聘请|雇请|雇用)(?:了)?[^，。]{1,10}(?:开|驾驶)[^，。]{0,6}(?:车|货车|车辆)",
        "civil", "车辆挂靠在企业名下，由车辆的实际所有人（自然人）雇用司机：自然人不具备用人单位的主体资格，"
                 "被挂靠单位对司机承担的是工伤保险责任，并不因此与司机形成劳动关系",
        "劳社部发〔2005〕12号第一条第（一）项；《最高人民法院关于审理工伤保险行政案件若干问题的规定》第三条第一款第（五）项",
        also=r"挂靠|挂户|挂(?:在|到)[^，。]{0,12}名下",
        why_en="The vehicle runs under the enterprise's name and its actual owner, a natural person, hired the driver: "
               "a natural person cannot be an employer, and the enterprise's liability to the driver for work injury "
               "does not make a labour relationship with it"),
    StandingRule(
        "labour_contract_signed",
        r"(?:签订|签署|订立|签(?:了|过|有|下))(?:了)?[^，。]{0,12}劳动合同",
        "labor", "双方订立了书面劳动合同", "劳动合同法第十条、第十六条",
        unless=r"而非劳动合同|不是劳动合同|非劳动合同|劳务合同|(?:要求|提出|请求|希望|想|让)[^，。]{0,4}签|补签",
        why_en="The parties signed a written labour contract"),
    StandingRule(
        "social_insurance_paid",
        r"(?:为|给|替)(?:(?:他|她|其|我)们?|[^，。]{1,4}某|骑手|司机|员工|大家)?(?:缴纳|缴|交|办理|参加|购买|买)(?:了)?[^，。]{0,16}"
        r"(?:社会保险|社保|五险|工伤保险|养老保险|医疗保险|失业保险|生育保险)",
        "toward", "企业为劳动者缴纳社会保险（劳动关系的凭证）", "劳社部发〔2005〕12号第二条第（一）项",
        unless=r"代缴|本人负担|自己负担|个人承担|案外",
        why_en="The enterprise paid social insurance for the worker (evidence of a labour relationship)"),
    StandingRule(
        "employer_liability_insurance",
        r"雇主(?:责任)?(?:险|保险)",
        "toward", "企业以雇主身份为劳动者投保雇主责任险", "劳社部发〔2005〕12号第二条",
        why_en="The enterprise, as employer, insured the worker under an employer's liability policy"),
)
_STANDING = [(rule, re.compile(rule.pattern), re.compile(rule.unless) if rule.unless else None,
              re.compile(rule.also) if rule.also else None) for rule in STANDING_RULES]
# A fact of standing stated as evidence counts for this much toward the score.
STANDING_WEIGHT = 1.5


@dataclass(frozen=True)
class StandingFact:
    """One statement of legal standing found in the account, with its clause and offsets."""

    key: str
    effect: str
    quote: str
    start: int
    end: int
    words: str
    why: str
    basis: str
    why_en: str = ""
    # The other party named in the statement: the company a labour contract was signed with.
    party: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"key": self.key, "effect": self.effect, "quote": self.quote, "start": self.start, "end": self.end,
                "words": self.words, "why": self.why, "basis": self.basis, "why_en": self.why_en, "party": self.party}


# Whom a labour contract was signed with: "与某某配送公司签订劳动合同", "物流公司和他签了劳动合同".
CONTRACT_PARTY = (
    re.compile(r"(?:与|和|跟|同)(?P<party>[^，。、与和跟同]{2,30}?(?:公司|企业|单位|中心))(?:直接|正式|书面)?(?:签订|签署|订立|签)"),
    re.compile(r"(?P<party>[^，。、]{2,30}?(?:公司|企业|单位|中心))(?:与|和|跟|同)(?:他|她|其|我|[^，。]{1,3}某)(?:直接|正式)?(?:签订|签署|订立|签)"),
)
UNNAMED_PARTY = re.compile(r"^(?:该|这家|那家|本|原|其|他们|我们)?(?:公司|企业|单位|用人单位|中心)$")


def contract_party(clause: str) -> str:
    """The company the clause says a labour contract was signed with, when it names one."""
    for pattern in CONTRACT_PARTY:
        found = pattern.search(clause)
        if found and not UNNAMED_PARTY.match(found.group("party")):
            return re.sub(r"^(?:在|到|进|入职|先|曾|已|又|就)+", "", found.group("party"))
    return ""


def find_standing(text: str) -> list[StandingFact]:
    """Facts of legal standing stated in the account (see ``STANDING_RULES``), at most one per rule.

    A statement in a demand (要求签劳动合同), a party's assertion or the agreement's words is not a
    fact of standing, nor one that is negated ("没有签劳动合同", "也没给他缴社保")."""
    folded = normalise(text)
    found: dict[str, StandingFact] = {}
    for segment in segments(text):
        if segment.mode in ("relief", "claim"):
            continue
        clause = segment.read
        for rule, pattern, unless, also in _STANDING:
            if rule.key in found or (unless and unless.search(clause)) or (also and not also.search(folded)):
                continue
            match = next((m for m in pattern.finditer(clause) if not is_negated(clause, m.start())), None)
            if match:
                party = contract_party(clause) if rule.key == "labour_contract_signed" else ""
                found[rule.key] = StandingFact(rule.key, rule.effect, segment.text, segment.start, segment.end,
                                               match.group(0), rule.why, rule.basis, rule.why_en, party)
    return [found[rule.key] for rule in STANDING_RULES if rule.key in found]
