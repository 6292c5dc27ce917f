"""Who actually manages the worker and pays: the party a labour relationship lies with, read from an account.

Each clause that names a party (a company in full, 平台, 站点, 站长, or a bare 公司 / 它 resolved to the
company the account means) scores for that party: paying for the work counts double, a management
verb once, a labour-dispatch contract decides (劳动合同法第五十八条), and "只是挂名 / 从没管过" counts
against. Sentences are weighed as in ``casebase.factors`` (what the agreement says counts half, what
actually happened one and a half).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .factors import MODE_WEIGHT, _unique, clauses, normalise, sentences
from .wording import CLAUSES, LIST, SAME, Words


@dataclass
class ManagingParty:
    """Who actually manages the worker and pays (the party the relationship lies with)."""

    name: str | None
    kind: str | None
    evidence: list[str] = field(default_factory=list)
    reason_zh: str = ""
    # Every party the account names, in order of how much it manages and pays: {name, kind, role, score}.
    chain: list[dict] = field(default_factory=list)
    # What the account leaves open about who the employer is (e.g. whom the station manager works for).
    open_question_zh: str = ""
    reason_en: str = ""
    open_question_en: str = ""

    @property
    def reason(self) -> Words:
        return Words(self.reason_zh, self.reason_en or self.reason_zh)

    @property
    def open_question(self) -> Words:
        return Words(self.open_question_zh, self.open_question_en or self.open_question_zh)

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        english = language == "en"
        chain = [{**{key: value for key, value in link.items() if key != "role_en"},
                  "role": link.get("role_en", link["role"]) if english else link["role"]} for link in self.chain]
        return {"name": self.name, "kind": self.kind, "evidence": list(self.evidence),
                "reason": self.reason.in_language(language), "chain": chain,
                "open_question": self.open_question.in_language(language)}


def _party(name, kind, evidence, reason: Words, chain, question: Words = SAME) -> ManagingParty:
    return ManagingParty(name, kind, evidence, reason.zh, chain, question.zh, reason.en, question.en)


ORG_TYPES: tuple[tuple[str, str], ...] = (
    # (type words before 公司 or the noun itself, respondent kind)
    ("劳务派遣|人力资源|劳务", "dispatch_agency"),
    ("货运代理|货代|物流|配送科技|配送|服务外包|外包|运力|汽车服务|汽车租赁|售后服务|快递", "cooperating_company"),
    ("网络科技|科技|信息技术|网络货运|家政", "platform"),
    ("商务信息咨询|咨询|第三方管理|管理|文化传播|文化传媒|传媒|MCN|租赁|电商|服务", "other"),
)
ORG_MENTION = re.compile(
    r"(?:" + "|".join(words for words, _ in ORG_TYPES) + r")公司|外卖平台|平台|配送站|站点|网点|车队|代理商|加盟商|承包商|中介|站长|"
    r"公司|(?<!其)它")
CONTRACTOR = re.compile(r"(?P<org>(?:" + "|".join(words for words, _ in ORG_TYPES) + r")公司)(?:又)?(?:承包|承接|承揽)")
# Short forms an account uses for a party already named in full.
ORG_ALIASES = {"货代公司": "货运代理公司"}
NOUN_KIND = {"外卖平台": "platform", "平台": "platform", "配送站": "cooperating_company", "站点": "cooperating_company",
             "网点": "cooperating_company", "车队": "cooperating_company", "代理商": "cooperating_company",
             "加盟商": "cooperating_company", "承包商": "cooperating_company", "中介": "other", "站长": "cooperating_company"}

# Management and pay verbs in a clause that names a party; pay weighs double (劳社部发〔2005〕12号:
# the worker does paid work the employer arranges). Paying through someone (代发, 转给) is a conduit.
MANAGES = re.compile(r"排(?:了)?[^，。]{0,3}班|班[^，。]{0,10}排|管理|安排|派单|派给|考勤|点名|早会|请假|批准|审批|罚|扣|调度|规定|要求|培训|说了算|定的|决定|制定")
PAYS = re.compile(r"(?:发|付|支付|结算|转)(?:了)?(?:工资|报酬|钱|的|给|放)|工资条|工资单|直接转|打过来|转过来|打到|(?:按月|每月)(?:发|付|结)|"
                  r"发[^，。]{0,4}工资|拖欠|拖着不发|欠(?:薪|工资)")
CONDUIT = re.compile(r"代发|代付|转给|转入|挂名|管理费")
# Money flowing to the company (rent, deposits, fees) is not the company paying for work.
SELF_DECIDED = re.compile(r"(?:自己|自行|自主)(?:定|决定|安排|选|掌握)")
FEES_TO_COMPANY = re.compile(r"租金|押金|保证金|风险金|会员费|信息服务费|抽成|承包费")
NOT_MANAGING = re.compile(r"(?:从未|从没|从来没有|没有|只是|只负责|只管|仅)[^，。]{0,10}(?:管理|管过|介绍|挂名|签)|"
                          r"一次都没见过|[与跟][^，。]{0,6}无关")
DISPATCH_CONTRACT = re.compile(r"劳务派遣合同")
# One stray verb ("扣下了押金") does not make a manager: at least one pay clause or two management ones.
MIN_MANAGING_SCORE = 1.5


def _org_kind(name: str) -> str:
    if name in NOUN_KIND:
        return NOUN_KIND[name]
    for words, kind in ORG_TYPES:
        if re.fullmatch(f"(?:{words})公司", name):
            return kind
    return "other"


@dataclass
class _Party:
    name: str
    kind: str
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Cast:
    """Who the bare words of an account refer to: 公司 / 它 and 平台."""

    contractor: str | None  # the company that took over the station or the delivery business
    principal: str | None  # the contractor, else the only company named
    platform: str | None  # the company that runs the platform, when it is named
    companies: tuple[str, ...] = ()  # every company named in full
    last: str | None = None


def _cast(text: str) -> _Cast:
    folded = normalise(text)
    found = CONTRACTOR.search(folded)
    contractor = ORG_ALIASES.get(found.group("org"), found.group("org")) if found else None
    named = _unique(ORG_ALIASES.get(m.group(0), m.group(0)) for m in ORG_MENTION.finditer(folded)
                    if len(m.group(0)) > 2 and m.group(0).endswith("公司"))
    companies = [name for name in named if not any(other != name and other.endswith(name) for other in named)]
    platforms = [name for name in companies if _org_kind(name) == "platform" and name != contractor]
    principal = contractor or (companies[0] if len(companies) == 1 else None)
    return _Cast(contractor, principal, platforms[0] if len(platforms) == 1 else None, tuple(companies))


def _mentions(clause: str, cast: _Cast) -> list[str]:
    names = []
    for match in ORG_MENTION.finditer(clause):
        name = ORG_ALIASES.get(match.group(0), match.group(0))
        # The station manager speaks for whoever runs the station (2023 case 3: 站长 → 货代公司).
        if name in ("站长", "站点", "配送站"):
            name = cast.contractor or "站点"
        elif name in ("平台", "外卖平台") and cast.platform:
            name = cast.platform
        elif name.endswith("公司") and len(name) > 2:
            # A short name stands for the longer one it ends: 外包公司 → 服务外包公司.
            name = next((full for full in cast.companies if full.endswith(name)), name)
        elif name in ("公司", "它"):
            # A bare 公司 is the contractor or the only company named; 它 is the last one named.
            name = (cast.principal or cast.last) if name == "公司" else (cast.last or cast.principal)
        if name:
            names.append(name)
    return _unique(names)


def _clause_score(clause: str) -> float:
    if NOT_MANAGING.search(clause):
        return -3.0
    score = 0.0
    if DISPATCH_CONTRACT.search(clause):
        score += 5.0  # 劳动合同法第五十八条: the dispatch agency is the employer
    if CONDUIT.search(clause) and not re.search(r"直接", clause):
        score += 0.5
    elif PAYS.search(clause) and not FEES_TO_COMPANY.search(clause):
        score += 2.0
    if MANAGES.search(clause) and not SELF_DECIDED.search(clause):
        score += 1.0
    return score


def _sentence_party(sentence: str, cast: _Cast, subject: list[str]) -> list[str]:
    if subject:
        return subject
    for clause in clauses(sentence):
        names = _mentions(clause, cast)
        if names:
            return names[:1]
    return []


def _score_parties(text: str) -> dict[str, _Party]:
    cast = _cast(text)
    parties: dict[str, _Party] = {}
    for sentence, mode in sentences(text):
        subject: list[str] = []
        for clause in clauses(sentence):
            names = _mentions(clause, cast)
            score = _clause_score(clause) * MODE_WEIGHT[mode]
            if not names:
                # "工资按月发，…，一直是物流公司的账户打过来": an unnamed clause belongs to the
                # party the sentence names, at half weight.
                names, score = _sentence_party(sentence, cast, subject), score / 2
            if not names:
                continue
            subject = subject or names[:1]
            # The clause's first-named party is its subject; others (objects) get half.
            for position, name in enumerate(names):
                kind = "cooperating_company" if name == cast.contractor else _org_kind(name)
                party = parties.setdefault(name, _Party(name, kind))
                share = score if position == 0 or score < 0 else score / 2
                party.score += share
                if share > 0:
                    party.evidence.append(clause)
            if names[-1].endswith("公司"):
                cast.last = names[-1]
    return parties


KIND_ROLE_WORDS = {
    "platform": Words("平台", "platform"),
    "cooperating_company": Words("合作用工企业（站点承包、外包、配送公司）",
                                 "cooperating company (station contractor, outsourcing or delivery company)"),
    "dispatch_agency": Words("劳务派遣或劳务公司", "labour-dispatch or labour-service company"),
    "other": Words("其他主体", "other party")}
KIND_ROLES = {kind: words.zh for kind, words in KIND_ROLE_WORDS.items()}
# Work passed on to a person (包工头, 个人承包) — who cannot be an employer — stays with the principal
# (劳社部发〔2005〕12号第四条, 2005-05-25: the contracting party with the capacity to employ bears the
# employer's responsibility for those the person hires).
INDIVIDUAL_CONTRACTOR = re.compile(r"包工头|个人承包|承包给(?:了)?(?:个人|他|她|站长)|转包给(?:了)?(?:个人|站长)|站长个人")
STATION_ONLY = "站点"


def _chain(parties: Sequence[_Party]) -> list[dict]:
    return [{"name": party.name, "kind": party.kind, "role": KIND_ROLES.get(party.kind, KIND_ROLES["other"]),
             "role_en": KIND_ROLE_WORDS.get(party.kind, KIND_ROLE_WORDS["other"]).en,
             "score": round(party.score, 2)} for party in parties]


PLATFORM_NOT_MANAGER = Words(
    "用工链条中平台（{platforms}）与实际管理者不同：劳动关系与关系最密切、实际管理和支付报酬的企业确认（指导性案例237号、238号）",
    "in the chain, the platform ({platforms}) is not the party that manages: the labour relationship is found with the "
    "enterprise closest to the work, which actually manages and pays (Guiding Cases Nos 237, 238)")
WORK_PASSED_TO_A_PERSON = Words(
    "业务发包给不具备用工主体资格的个人的，由具备用工主体资格的发包方承担用工主体责任（劳社部发〔2005〕12号第四条）",
    "where work is contracted out to a person who cannot be an employer, the contracting enterprise that can be one bears "
    "the employer's responsibility (Lao She Bu Fa [2005] No. 12, Art. 4)")


def _chain_note(text: str, best: _Party, parties: Sequence[_Party]) -> Words:
    notes = []
    platforms = [party.name for party in parties if party.kind == "platform" and party.name != best.name]
    if platforms and best.kind != "platform":
        notes.append(PLATFORM_NOT_MANAGER.format(platforms=LIST.join(platforms)))
    if INDIVIDUAL_CONTRACTOR.search(normalise(text)):
        notes.append(WORK_PASSED_TO_A_PERSON)
    return CLAUSES.join(notes)


def find_managing_party(text: str, respondents: Sequence[Mapping] | None = None) -> ManagingParty:
    """The party that actually manages the work and pays for it, per the text.

    The relationship lies with whoever really manages and pays — often a station contractor or a
    labour-service company in the chain rather than the platform (人社部函〔2023〕36号案例3); with a
    labour-dispatch contract, the dispatch agency is the employer (劳动合同法第五十八条). When
    ``respondents`` (``[{name, kind}]``) are given, the answer is the respondent that matches.
    """
    parties = sorted(_score_parties(text).values(), key=lambda party: -party.score)
    best = next((party for party in parties if party.score >= MIN_MANAGING_SCORE), None)
    chain = _chain(parties)
    if best is None or best.name == STATION_ONLY:
        station = next((party for party in parties if party.name == STATION_ONLY and party.score > 0), None)
        question = Words(
            "站长或站点在安排工作，但陈述没有说站点属于谁（平台自营，还是承包站点的配送、外包公司）、报酬由谁支付；"
            "请查明站点的经营者和发放报酬的账户（工资条、收款流水上的付款方）。",
            "A station manager or the station arranges the work, but the account does not say whom the station belongs "
            "to (the platform itself, or a delivery or outsourcing company that runs it) or who pays; find out who runs "
            "the station and which account pays (the payer on pay slips and payment records).") if station else SAME
        if best is None:
            return _party(None, None, [], Words("陈述中看不出由谁安排工作、支付报酬，需进一步查明实际用工管理者。",
                                                "The account does not show who arranges the work and pays for it; who "
                                                "actually manages the worker is still to be found."), chain, question)
        chain_note = _chain_note(text, best, parties)
        reason = Words("站点实际安排工作，但其经营者不明", "The station arranges the work, but who runs it is not known")
        return _party(None, None, _unique(best.evidence)[:4],
                      reason + (CLAUSES + chain_note if chain_note else SAME) + Words("。", "."), chain, question)
    evidence = _unique(best.evidence)[:4]
    dispatched = any(DISPATCH_CONTRACT.search(clause) for clause in best.evidence)
    others = [party.name for party in parties if party.score < 0]
    name, kind, note = _as_respondent(best, respondents or [])
    chain_note = _chain_note(text, best, parties)
    reason = _reason(name, others, dispatched) + note + (CLAUSES + chain_note if chain_note else SAME)
    return _party(name, kind, evidence, reason, chain)


def _core(name: str) -> str:
    return re.sub(r"(?:股份)?有限(?:责任)?公司$|公司$", "", name or "")


def names_the_same(mentioned: str, listed: str | None) -> bool:
    """Whether a party the account names ("某某配送公司") is a listed party ("北京某某配送有限公司")."""
    listed = listed or ""
    return bool(listed) and (mentioned in listed or bool(_core(listed) and _core(listed) in mentioned)
                             or bool(_core(mentioned) and len(_core(mentioned)) >= 2 and _core(mentioned) in listed))


def _as_respondent(best: _Party, respondents: Sequence[Mapping]) -> tuple[str, str, Words]:
    """The listed respondent the text's party refers to: by name, else the only one of its kind."""
    if not respondents:
        return best.name, best.kind, SAME

    for respondent in respondents:
        name = respondent.get("name") or ""
        if names_the_same(best.name, name):
            return name, respondent.get("kind") or best.kind, SAME
    same_kind = [respondent for respondent in respondents if respondent.get("kind") == best.kind]
    if len(same_kind) == 1:
        return same_kind[0].get("name") or best.name, best.kind, Words(
            "（陈述中称为“{name}”）", " (called “{name}” in the account)").format(name=best.name)
    return best.name, best.kind, Words("；该主体与所列被申请人无法对应，请核实。",
                                       "; this party does not match any listed respondent, please check.")


def _reason(name: str, others: list[str], dispatched: bool) -> Words:
    if dispatched:
        reason = Words("陈述显示劳动者与“{name}”订立劳务派遣合同，派遣单位是用人单位，用工单位承担连带责任（劳动合同法第五十八条、第九十二条）",
                       "the account shows the worker signed a labour-dispatch contract with “{name}”: the dispatch agency "
                       "is the employer and the host enterprise is jointly liable (Labour Contract Law, Arts 58, 92)")
    else:
        reason = Words("陈述显示由“{name}”实际安排工作、进行管理或支付报酬，劳动关系应与实际用工管理者确认（人社部函〔2023〕36号案例3）",
                       "the account shows that “{name}” actually arranges the work, manages it or pays for it: the labour "
                       "relationship is found with whoever actually manages (Ren She Bu Han [2023] No. 36, Case 3)")
    reason = reason.format(name=name)
    if others:
        reason += Words("；陈述称{others}未实际管理", "; the account says {others} did not actually manage").format(
            others=LIST.join(others))
    return reason
