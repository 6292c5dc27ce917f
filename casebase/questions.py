"""What is still to be found out when the facts do not decide: the two or three questions whose answers
would, the evidence that answers each, who holds it and who bears the burden (劳社部发〔2005〕12号第二条；
劳动争议调解仲裁法第六条、第三十九条), in Chinese and English."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .weights import DOMINATING, MANAGEMENT, STRONG_KEYS, WEIGHT_BY_KEY
from .wording import Words

if TYPE_CHECKING:
    from .assess import FactorAssessment

QUESTION_LIMIT = 3


@dataclass
class Question:
    """What still has to be found out, and the evidence that answers it (who holds it, who bears the burden)."""

    factor: str
    question: Words
    evidence: list[Words]
    holder: Words
    burden: Words
    why: Words

    @property
    def question_zh(self) -> str:
        return self.question.zh

    @property
    def evidence_zh(self) -> list[str]:
        return [item.zh for item in self.evidence]

    @property
    def holder_zh(self) -> str:
        return self.holder.zh

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        return {"factor": self.factor, "question": self.question.in_language(language),
                "evidence": [item.in_language(language) for item in self.evidence],
                "holder": self.holder.in_language(language), "burden": self.burden.in_language(language),
                "why": self.why.in_language(language)}


EMPLOYER_BURDEN_WORDS = Words(
    "工资支付凭证、招用记录和考勤记录由用人单位负举证责任（劳社部发〔2005〕12号第二条）；"
    "与争议事项有关、由用人单位掌握管理的证据，用人单位应当提供，不提供的承担不利后果"
    "（劳动争议调解仲裁法第六条、第三十九条）",
    "The employer bears the burden of proof for pay records, hiring records and attendance records "
    "(Lao She Bu Fa [2005] No. 12, Art. 2); evidence about the matter in dispute that the employer holds and "
    "manages must be produced by it, and if it is not produced the employer bears the consequences "
    "(Labour Dispute Mediation and Arbitration Law, Arts 6, 39)")
WORKER_BURDEN_WORDS = Words("当事人对自己的主张有责任提供证据（劳动争议调解仲裁法第六条）",
                            "A party must provide evidence for what it claims (Labour Dispute Mediation and Arbitration Law, Art. 6)")


@dataclass(frozen=True)
class OpenQuestion:
    """What to ask about one factor, the evidence that answers it and who holds that evidence."""

    question: Words
    evidence: tuple[Words, ...]
    holder: Words
    burden: Words

    @property
    def burden_short(self) -> Words:
        """The burden in a line, for the factor table."""
        return EMPLOYER_BURDEN_SHORT if self.burden is EMPLOYER_BURDEN_WORDS else WORKER_BURDEN_SHORT


EMPLOYER_BURDEN_SHORT = Words(
    "用人单位掌握的证据由用人单位提供，不提供的承担不利后果（劳社部发〔2005〕12号第二条；劳动争议调解仲裁法第六条、第三十九条）",
    "Evidence the employer holds is for the employer to produce; if it does not, that counts against it "
    "(Lao She Bu Fa [2005] No. 12, Art. 2; Labour Dispute Mediation and Arbitration Law, Arts 6, 39)")
WORKER_BURDEN_SHORT = Words("主张的一方举证（劳动争议调解仲裁法第六条）",
                            "The party asserting it proves it (Labour Dispute Mediation and Arbitration Law, Art. 6)")


def _question(question, evidence, holder, burden) -> OpenQuestion:
    return OpenQuestion(Words(*question), tuple(Words(*item) for item in evidence), Words(*holder), burden)


QUESTIONS: dict[str, OpenQuestion] = {
    "platform_controls_hours": _question(
        ("每天什么时候上线、干多久，是自己决定，还是由站点（站长）、公司或平台排班、规定？休息要不要批准？",
         "When do you go online and for how long each day: do you decide, or does the station (its manager), the "
         "company or the platform set rotas and rules? Does a day off need approval?"),
        (("排班表或排班截图", "rotas or screenshots of them"), ("站点群里的排班、请假通知", "rota and leave notices in the station's chat group"),
         ("请假审批记录", "leave approval records"), ("平台在线时长记录", "the platform's online-time records")),
        ("企业（平台、站点）掌握系统排班和在线记录；工作群截图劳动者自己有",
         "The enterprise (platform, station) holds the system's rotas and online records; the worker has screenshots "
         "of the work chat group"),
        EMPLOYER_BURDEN_WORDS),
    "platform_assigns_orders_no_refusal": _question(
        ("订单是系统或站长派的，还是自己抢、自己挑？不接或拒单会怎样（扣钱、扣分、少派单、封号）？",
         "Are orders sent by the system or the station manager, or do you grab and pick them yourself? What happens if "
         "you do not take one or refuse it (money or points deducted, fewer orders, a blocked account)?"),
        (("派单和拒单记录（APP截图）", "dispatch and refusal records (screenshots of the app)"),
         ("因拒单被扣款、降级的记录", "records of deductions or demotion for refusing"),
         ("平台或站点的派单规则", "the platform's or the station's dispatch rules")),
        ("平台掌握派单与拒单日志；劳动者可截取APP页面",
         "The platform holds the dispatch and refusal logs; the worker can take screenshots of the app"),
        EMPLOYER_BURDEN_WORDS),
    "attendance_or_online_time_required": _question(
        ("有没有打卡、签到、早会，或者每天必须在线多长时间、每月必须出勤多少天？",
         "Is there clocking in, signing in or a morning meeting, or a number of hours you must be online each day or "
         "of days you must work each month?"),
        (("考勤或签到记录", "attendance or sign-in records"), ("早会通知、点名记录", "morning-meeting notices, roll calls"),
         ("在线时长统计", "online-time statistics"), ("全勤奖发放记录", "records of full-attendance bonuses")),
        ("企业掌握考勤记录", "The enterprise holds the attendance records"),
        EMPLOYER_BURDEN_WORDS),
    "platform_sets_pay": _question(
        ("报酬怎么算、谁定的？是企业定的单价、底薪、按月发放，还是自己定价、和客户谈？钱是谁付的？",
         "How is the pay worked out and who set it: a unit price, base pay or monthly pay set by the enterprise, or "
         "your own prices agreed with customers? Who pays you?"),
        (("工资条或结算单", "pay slips or statements"), ("银行或微信、支付宝收款流水", "bank, WeChat or Alipay records of payments received"),
         ("薪资规则截图", "screenshots of the pay rules"), ("发放报酬的账户名称", "the name of the account that pays")),
        ("企业掌握发放记录；劳动者有收款流水", "The enterprise holds the payment records; the worker has the record of payments received"),
        EMPLOYER_BURDEN_WORDS),
    "penalties_or_rules_enforced": _question(
        ("有没有罚款、扣款、扣分、降级、封号，或者必须遵守的规章制度、考核？",
         "Are there fines, deductions, points taken off, demotions or blocked accounts, or rules and reviews you "
         "must follow?"),
        (("罚款、扣款记录", "records of fines and deductions"), ("处罚或考核通知", "notices of penalties or reviews"),
         ("规章制度、平台规则", "work rules, the platform's rules"), ("站点群里的处罚通报", "penalty notices in the station's chat group")),
        ("企业掌握处罚和考核记录；劳动者可保存通知截图",
         "The enterprise holds the penalty and review records; the worker can keep screenshots of the notices"),
        EMPLOYER_BURDEN_WORDS),
    "long_term_stable_work": _question(
        ("干了多久，每周干几天、每天干几个小时？", "How long have you done the work, how many days a week and how many hours a day?"),
        (("接单或配送记录", "order or delivery records"), ("收入流水的起止时间", "the first and last dates of the income records"),
         ("工作群聊天记录", "messages in the work chat group")),
        ("平台掌握完整接单记录；劳动者有流水", "The platform holds the complete order records; the worker has the income records"),
        WORKER_BURDEN_WORDS),
    "can_work_multi_platform": _question(
        ("能不能同时在别的平台或别家接活？有没有独家或禁止的约定？",
         "Can you take work on other platforms or from others at the same time? Is there an exclusivity term or a ban?"),
        (("协议中的独家或竞业条款", "exclusivity or non-compete terms in the agreement"),
         ("在其他平台的接单记录", "order records on other platforms")),
        ("双方各自持有", "Each party holds its own"), WORKER_BURDEN_WORDS),
    "work_is_core_business": _question(
        ("这份工作是不是企业的主营业务（企业是直接经营配送、运输、家政等，还是只提供信息撮合）？",
         "Is this work the enterprise's core business (does it run delivery, transport, domestic services and the "
         "like itself, or does it only match supply and demand)?"),
        (("企业营业执照的经营范围", "the business scope on the enterprise's licence"),
         ("企业与平台的合作或承包协议", "the enterprise's cooperation or contracting agreement with the platform")),
        ("企业；经营范围可在企业信用信息公示系统查询",
         "The enterprise; its business scope can be looked up in the National Enterprise Credit Information Publicity System"),
        WORKER_BURDEN_WORDS),
}
WHY_ASKED = {"未知": Words("陈述没有提到这一点", "the account does not mention this"),
             "矛盾": Words("陈述中的说法相互矛盾", "the account says different things about this"),
             "核实": Words("这一点与其余事实的指向相反，需要核实", "this points the other way from the rest of the facts and needs checking"),
             "自愿": Words("陈述只提到奖励、补贴或自愿参加的活动所附的条件",
                         "the account mentions only the terms of a reward, a subsidy or an incentive the worker chose to join")}


def only_incentive_terms(factor: FactorAssessment) -> bool:
    """Every statement about the factor is a term of a reward or of an incentive the worker chose to
    join (read, not counted: casebase.factors._apply_opt_in and _apply_thresholds)."""
    return bool(factor.spans) and not any(span.get("counted", True) for span in factor.spans)


def open_questions(assessed: Sequence[FactorAssessment], category: str) -> list[Question]:
    """The two or three questions whose answers would decide: the unknown (or contradictory) strong
    factors first, heaviest first; then, if none is unknown, the strong factors pointing against the
    leaning, to be checked."""
    by_key = {factor.key: factor for factor in assessed}
    def size(key: str) -> float:
        weight = WEIGHT_BY_KEY[key]
        return max(abs(weight.if_true), abs(weight.if_false))
    unknown = [key for key in (*DOMINATING, *MANAGEMENT, "long_term_stable_work", "can_work_multi_platform",
                               "work_is_core_business") if by_key[key].value is None]
    unknown.sort(key=lambda key: (key not in DOMINATING, -size(key)))
    picked = [(key, "自愿" if only_incentive_terms(by_key[key]) else "矛盾" if by_key[key].spans else "未知") for key in unknown]
    if len(picked) < 2:
        leaning_labor = category == "labor_relation"
        against = [factor.key for factor in assessed if factor.key in STRONG_KEYS and factor.value is not None
                   and (factor.direction == "away") == leaning_labor]
        picked += [(key, "核实") for key in against]
    questions = []
    for key, reason in picked[:QUESTION_LIMIT]:
        asked = QUESTIONS[key]
        questions.append(Question(key, asked.question, list(asked.evidence), asked.holder, asked.burden, WHY_ASKED[reason]))
    return questions
