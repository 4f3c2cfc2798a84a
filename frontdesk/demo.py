"""Realistic demo data, made through the services.

``frontdesk demo`` fills a (migrated) database with what a Beijing repair
service center's front desk sees after ``days`` days of work: the demo users
(manager ``wang`` / 1111, clerks ``li`` / 2222 and ``zhao`` / 3333), the shop
profile, technicians with their areas, customers with Chinese and Latin names
who come back with several products, and about 60 tickets a working day.

The demo fills only a new database or one it made
(:mod:`frontdesk.demo_marker`): a shop's own database is refused untouched.

Nothing is inserted behind the services' back: every ticket is taken with
:func:`frontdesk.intake.service.take_intake`, moved with ``move``, answered,
verified, visited, complained about, called back and rated with the same
functions the window calls, each given the simulated moment with ``now=``.
So the data obeys the rules (legal moves only, to-verify flags, response
promises, call-back due times, audit records) and shows what they produce.

Each repair lives the life docs/rules.md#the-life-of-a-ticket describes:
diagnosed (at the counter, or by a technician on a visit, who may pull the
product back to the workshop with a loaner lent meanwhile,
:mod:`frontdesk.loaners.demo`); in warranty repaired at once (some with a
quote whose lines warranty pays), otherwise quoted and approved at the
counter or by phone, or declined (the inspection fee is owed), priced by the
fee schedules and card editions of :mod:`frontdesk.billing.demo`; some end
from diagnosing with "no fault found" or "cannot be repaired".  Every repair
ends with a repair record (the fault category, what was done, the parts with
their serials).  A product at the shop is then ready for pick-up ("please
collect" is called) and collected hours to weeks later: the loaner comes
back, the bill is paid (or waived, or owed on the manager's word), every
accessory is ticked; some are still waiting at the end.  A visit closes at
the customer's home, paid there.  A few products come back for the same
fault, one or twice (三包 then says exchange).  With ``close_days`` every
past working day is closed, its drawer balanced (:mod:`frontdesk.dayclose.demo`).

How it works: the history is **planned** first (a pure function of the seed
and the end moment), as a list of timed actions per ticket; actions after the
end moment are dropped, so old tickets are finished and recent ones are still
in progress.  The plan is then **run** in time order, in a handful of
transactions, money included: receipt numbers follow the clock across the
whole history.  The same seed and end moment give the same data.

Call-backs and feedback cards look like a working shop's: most calls are made
soon after they fall due (some reach nobody, some a wrong number, some an
unhappy customer who is followed up), a few due in the last working day are
still waiting at the end (overdue), and some were made in the last hours.
Most cards come back within a few days; two technicians lose a few (missing),
one brings back "satisfied" cards without a signature, and one (PATTERN_TECH)
brings every card back the day it is handed out with top marks, so card
supervision has something to flag.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import time as _time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from frontdesk import bulkdemo, clock, counters, demo_marker, pickup, settings, users
from frontdesk.billing import demo as billing_demo
from frontdesk.billing import payments, quotes, schedules
from frontdesk.billing.models import CardEdition, FeeSchedule
from frontdesk.billing.pricing import LEVELS, PART
from frontdesk.claims import demo as claims_demo
from frontdesk.dayclose.demo import close_past_days
from frontdesk.db.engine import Database
from frontdesk.db.models import Complaint, Customer, RepairPart, RepairRecord, Setting, Technician, Ticket, User, Visit
from frontdesk.followup import complaints
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack
from frontdesk.followup.service import NOT_SATISFIED as NOT_SAT
from frontdesk.i18n import _, ngettext
from frontdesk.intake import faults, repairs, responses, states, visits
from frontdesk.intake import service as intake
from frontdesk.intake.warranty import STATUS_IN, STATUS_PARTIAL, WarrantyStatus, load_category_rules
from frontdesk.loaners import demo as loaner_demo
from frontdesk.loaners import service as loaners
from frontdesk.technicians import add_technician
from frontdesk.users import Actor
from frontdesk.workcalendar import WorkCalendar

log = logging.getLogger(__name__)

TICKETS_PER_DAY = 60
DEFAULT_SHOP = "鸿运家电维修中心"
BATCHES = 8  # transactions for the tickets (plus one for the set-up)

Progress = Callable[[float, str], "bool | None"]


@dataclass(frozen=True)
class DemoOptions:
    days: int = 60
    tickets: int | None = None  # None: about TICKETS_PER_DAY a day
    seed: int = 1
    shop: str | None = None  # the shop's name (default DEFAULT_SHOP)
    shop_code: str | None = None  # the shop's code on the head-office workbook (default SHOP_PROFILE's)
    now: datetime | None = None  # the end of the history (default: the shop's clock)
    # Close the past days (the day close's demo).  Off by default: a later
    # demo run over the same database would take payments on closed days.
    close_days: bool = False
    # Bulk inserts (frontdesk.bulkdemo) instead of the services; None: above
    # bulkdemo.BULK_THRESHOLD tickets.
    bulk: bool | None = None
    counter: str = counters.MAIN  # the desk whose drawer takes the demo's money (and whose days are closed)
    language: str | None = None  # the shop's language, of its printed documents (None: as it is)


@dataclass(frozen=True)
class DemoUser:
    name: str
    full_name: str
    role: str
    pin: str
    pin_known: bool = True  # False: an existing user whose PIN the demo did not set


@dataclass(frozen=True)
class DemoSummary:
    shop: str
    customers: int
    tickets: int
    visits: int
    complaints: int
    open_complaints: int
    users: tuple[DemoUser, ...]
    completed: bool
    seconds: float
    billing: dict[str, int] = field(default_factory=dict)
    loaners: dict[str, int] = field(default_factory=dict)
    repairs: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    settlement_file: str = ""  # the maker's settlement workbook written beside the database (frontdesk.claims.demo)

    def text(self) -> str:
        lines = [
            _("Demo data for {shop}: {customers} customers, {tickets} tickets, {visits} visits, "
              "{complaints} complaints ({open} open).").format(
                shop=self.shop, customers=self.customers, tickets=self.tickets, visits=self.visits,
                complaints=self.complaints, open=self.open_complaints),
        ]
        if self.billing:
            b = self.billing
            lines.append(_("Billing: {quotes} quotes ({approved} approved, {declined} declined), {receipts} receipts "
                           "({voided} void), {waivers} waivers, {owed} invoices owed.").format(
                quotes=b.get("quotes", 0), approved=b.get("approved", 0), declined=b.get("declined", 0),
                receipts=b.get("receipts", 0), voided=b.get("voided", 0), waivers=b.get("waivers", 0),
                owed=b.get("invoices_owed", 0)))
        if self.repairs:
            n = self.repairs
            lines.append(_("Repairs: {records} repair records ({parts} parts replaced), {picked} picked up, "
                           "{waiting} waiting for pick-up ({long} for more than {days} days).").format(
                records=n.get("records", 0), parts=n.get("parts", 0), picked=n.get("picked_up", 0),
                waiting=n.get("waiting", 0), long=n.get("waiting_long", 0), days=n.get("reminder_days", 0)))
        if self.loaners:
            n = self.loaners
            lines.append(_("Loaners: {units} units, {out} out ({overdue} overdue), {returned} returned, "
                           "{pullbacks} pull-backs.").format(
                units=n.get("loaner_units", 0), out=n.get("loans_out", 0), overdue=n.get("loans_overdue", 0),
                returned=n.get("loans_returned", 0), pullbacks=n.get("pullbacks", 0)))
        if self.claims:
            n = self.claims
            lines.append(_("Claims to the makers: {claims} ({drafted} drafted, {late} of them late, {submitted} "
                           "submitted, {paid} paid, {short} paid short, {rejected} rejected, {appealed} appealed, "
                           "{settled} settled); old-part batches: {shipped} shipped, {open} open.").format(
                claims=n.get("claims", 0), drafted=n.get("drafted", 0), late=n.get("late", 0),
                submitted=n.get("submitted", 0), paid=n.get("paid", 0), short=n.get("paid_short", 0),
                rejected=n.get("rejected", 0), appealed=n.get("appealed", 0), settled=n.get("settled", 0),
                shipped=n.get("batches_shipped", 0), open=n.get("batches_open", 0)))
        if self.settlement_file:
            lines.append(_("A maker's settlement workbook to try: frontdesk claims import-settlement \"{path}\" "
                           "--maker {maker} --dry-run").format(path=self.settlement_file, maker=claims_demo.HAIER))
        if not self.completed:
            lines.append(_("Stopped before the end: the data saved so far stays."))
        lines.append(_("Demo users (name / PIN):"))
        for u in self.users:
            role = _(users.ROLES.get(u.role, u.role))
            if u.pin_known:
                lines.append(_("  {name} / {pin}  {full_name} ({role})").format(
                    name=u.name, pin=u.pin, full_name=u.full_name, role=role))
            else:
                lines.append(_("  {name}  {full_name} ({role}): existing user, PIN unchanged").format(
                    name=u.name, full_name=u.full_name, role=role))
        return "\n".join(lines)


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("wang", "王经理", users.MANAGER, "1111"),
    DemoUser("li", "李小红", users.CLERK, "2222"),
    DemoUser("zhao", "赵磊", users.CLERK, "3333"),
)

SHOP_PROFILE = {
    "shop_code": "BJ-HD01",
    "shop_address": "北京市海淀区中关村南大街12号鸿运大厦一层",
    "shop_phone": "010-6288 1234",
    "region": "CN",
}

# name, phone, areas
TECHNICIANS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("刘师傅", "139 1102 3344", ("海淀区", "西城区")),
    ("陈师傅", "138 0113 5566", ("朝阳区", "东城区")),
    ("张师傅", "186 1234 7788", ("丰台区", "石景山区")),
    ("Li Wei", "135 2233 9900", ("通州区", "朝阳区")),
    ("王师傅", "158 0107 6655", ("昌平区", "海淀区")),
)

# -- people and places -------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
GIVEN_ONE = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞鑫波宇浩凯晨琳颖萍红斌"
GIVEN_TWO = (
    "秀英", "桂英", "建华", "志强", "丽娟", "海燕", "晓东", "文博", "子涵", "欣怡", "宇轩", "梓萱",
    "俊杰", "雨桐", "国强", "建国", "春梅", "红梅", "立新", "玉兰", "晓明", "思远", "佳怡", "振华",
)
# Always present, so that searching for them finds something.
FEATURED_NAMES = ("张三", "李四", "王芳", "John Smith")
LATIN_NAMES = (
    "Mary Johnson", "David Miller", "Anna Schmidt", "Pierre Dubois", "Maria Garcia", "James Wilson",
    "Sarah O'Brien", "Tom Anderson", "Emily Davis", "Kenji Tanaka", "Olga Ivanova", "Lucas Martin",
    "Sophie Smith", "Ahmed Hassan",
)
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "191", "198", "199",
)
FOREIGN_PHONES = ("+1 415 555 01{:02d}", "+44 20 7946 0{:03d}", "+49 30 901820{:02d}", "+852 9123 {:04d}")

AREAS = ("海淀区", "朝阳区", "西城区", "东城区", "丰台区", "石景山区", "通州区", "昌平区")
STREETS = {
    "海淀区": ("中关村大街", "学院路", "万柳中路", "知春路", "清河中街"),
    "朝阳区": ("建国路", "望京西路", "朝阳北路", "东三环中路", "酒仙桥路"),
    "西城区": ("西直门南大街", "金融大街", "德胜门外大街", "广安门内大街"),
    "东城区": ("东直门内大街", "王府井大街", "和平里东街", "安定门外大街"),
    "丰台区": ("丰台路", "方庄路", "草桥东路", "南三环西路"),
    "石景山区": ("鲁谷路", "八角西街", "古城大街"),
    "通州区": ("新华大街", "梨园北街", "九棵树东路"),
    "昌平区": ("回龙观西大街", "立汤路", "府学路"),
}
COMPOUNDS = {
    "海淀区": ("华清嘉园", "当代城市家园", "知春里小区", "万柳书院"),
    "朝阳区": ("望京花园", "远洋天地", "团结湖小区", "首开常青藤"),
    "西城区": ("百万庄小区", "西便门东里", "天宁寺北里"),
    "东城区": ("和平里小区", "东花市北里", "安贞苑"),
    "丰台区": ("方庄芳古园", "草桥欣园", "丰益花园"),
    "石景山区": ("鲁谷小区", "八角北里", "古城南里"),
    "通州区": ("梨园小区", "新华联家园", "运河湾"),
    "昌平区": ("天通苑北一区", "回龙观龙泽苑", "北七家名佳花园"),
}

# -- products ----------------------------------------------------------------------

CATEGORY_WEIGHTS = {
    "refrigerator": 12, "air_conditioner": 14, "washing_machine": 11, "colour_tv": 10, "water_heater": 8,
    "microwave": 5, "mobile_phone": 18, "computer": 12, "tablet": 6, "other": 4,
}
PRODUCTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "refrigerator": (("海尔 Haier", ("BCD-470WDPG", "BCD-216STPT", "BCD-601WDGQ")),
                     ("美的 Midea", ("BCD-516WKPZM", "BCD-321WTPZM")),
                     ("容声 Ronshen", ("BCD-529WD18HP",)), ("西门子 Siemens", ("KA92NV02TI",))),
    "air_conditioner": (("格力 Gree", ("KFR-35GW/NhGd1B", "KFR-72LW/NhIb1BAj")),
                        ("美的 Midea", ("KFR-35GW/N8XHC1",)), ("海尔 Haier", ("KFR-35GW/81@U1-Ge",)),
                        ("奥克斯 AUX", ("KFR-35GW/BpR3AQE1",))),
    "washing_machine": (("小天鹅 LittleSwan", ("TG100V88WMUIADY5",)), ("海尔 Haier", ("EG100MATE2S",)),
                        ("美的 Midea", ("MG100V11F",)), ("西门子 Siemens", ("WM12P2602W",))),
    "colour_tv": (("海信 Hisense", ("65E7K", "55E3F")), ("TCL", ("65Q10G",)), ("创维 Skyworth", ("55A3D",)),
                  ("小米 Xiaomi", ("L65M7-EA",)), ("长虹 Changhong", ("55D4PS",))),
    "water_heater": (("A.O.史密斯 A.O. Smith", ("E60VN3",)), ("海尔 Haier", ("EC6002-JT3",)),
                     ("美的 Midea", ("F6030-JE5",)), ("万和 Vanward", ("JSQ24-12ET23",))),
    "microwave": (("格兰仕 Galanz", ("G80F23CN3L",)), ("美的 Midea", ("M1-L213C",)),
                  ("松下 Panasonic", ("NN-GF39JW",))),
    "mobile_phone": (("华为 Huawei", ("Mate 60 Pro", "P60", "nova 12")), ("小米 Xiaomi", ("Xiaomi 14", "Redmi K70")),
                     ("Apple", ("iPhone 15", "iPhone 14 Pro", "iPhone 13")), ("OPPO", ("Find X7", "Reno 11")),
                     ("vivo", ("X100",)), ("荣耀 Honor", ("Magic6",))),
    "computer": (("联想 Lenovo", ("ThinkPad X1 Carbon Gen 11", "小新 Pro 16", "拯救者 Y9000P")),
                 ("Apple", ("MacBook Air M2", "MacBook Pro 14")), ("华为 Huawei", ("MateBook 14",)),
                 ("戴尔 Dell", ("XPS 13", "Inspiron 14")), ("惠普 HP", ("战66 六代",))),
    "tablet": (("Apple", ("iPad Air 5", "iPad 10")), ("华为 Huawei", ("MatePad 11",)),
               ("小米 Xiaomi", ("Xiaomi Pad 6",))),
    "other": (("九阳 Joyoung", ("DJ13B-D08D 豆浆机",)), ("苏泊尔 Supor", ("SF40FC875 电饭煲",)),
              ("戴森 Dyson", ("V12 吸尘器",)), ("飞利浦 Philips", ("S5266 剃须刀",))),
}
FAULTS = {
    "refrigerator": ("冷藏室不制冷", "压缩机频繁启动，噪音大", "冷冻室结霜严重", "门封条漏冷", "显示屏报E1故障"),
    "air_conditioner": ("不制冷，外机不转", "室内机漏水", "制热效果差", "遥控无反应", "显示F3故障代码", "开机有异味"),
    "washing_machine": ("不脱水", "排水慢", "滚筒异响", "门锁打不开", "显示E21", "底部漏水"),
    "colour_tv": ("有声音无图像", "屏幕出现竖线", "开机红灯不亮", "遥控失灵", "画面闪烁"),
    "water_heater": ("不加热", "安全阀漏水", "出水温度忽冷忽热", "显示E4", "漏电保护跳闸"),
    "microwave": ("不加热", "转盘不转", "炉腔内打火", "按键失灵"),
    "mobile_phone": ("屏幕碎裂", "电池不耐用，半天没电", "充电口接触不良", "进水后无法开机", "听筒无声", "自动重启"),
    "computer": ("开机蓝屏", "键盘部分按键失灵", "无法开机", "风扇噪音大，过热", "屏幕闪烁", "无法连接WiFi"),
    "tablet": ("屏幕触摸失灵", "无法充电", "电池鼓包"),
    "other": ("不工作", "加热异常", "有焦味"),
}
FAULTS_EN = ("Does not switch on", "Stopped working after a power cut", "Makes a loud noise",
             "Screen cracked after a fall", "Does not charge")
# The fault as the shop classifies it (frontdesk.intake.faults), by what the customer says.
FAULT_KEYS = {
    "冷藏室不制冷": "no_cooling", "压缩机频繁启动，噪音大": "noise", "冷冻室结霜严重": "controls", "门封条漏冷": "door",
    "显示屏报E1故障": "controls", "不制冷，外机不转": "no_cooling", "室内机漏水": "leak", "制热效果差": "no_heating",
    "遥控无反应": "controls", "显示F3故障代码": "electrical", "开机有异味": "other", "不脱水": "no_spin",
    "排水慢": "no_drain", "滚筒异响": "noise", "门锁打不开": "door", "显示E21": "no_drain", "底部漏水": "leak",
    "有声音无图像": "no_picture", "屏幕出现竖线": "screen", "开机红灯不亮": "no_power", "遥控失灵": "controls",
    "画面闪烁": "screen", "不加热": "no_heating", "安全阀漏水": "leak", "出水温度忽冷忽热": "controls",
    "显示E4": "electrical", "漏电保护跳闸": "electrical", "转盘不转": "other", "炉腔内打火": "electrical",
    "按键失灵": "controls", "屏幕碎裂": "screen", "电池不耐用，半天没电": "battery", "充电口接触不良": "battery",
    "进水后无法开机": "no_power", "听筒无声": "other", "自动重启": "software", "开机蓝屏": "software",
    "键盘部分按键失灵": "keyboard", "无法开机": "no_power", "风扇噪音大，过热": "overheating", "屏幕闪烁": "screen",
    "无法连接WiFi": "software", "屏幕触摸失灵": "screen", "无法充电": "battery", "电池鼓包": "battery",
    "不工作": "electrical", "加热异常": "electrical", "有焦味": "electrical",
}
# The part numbers (fee schedule codes) a fault usually needs, by category.
FAULT_PARTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("refrigerator", "no_cooling"): ("BX-COMP-QD65", "BX-R600A", "BX-THERM-01"),
    ("refrigerator", "noise"): ("BX-FANMOTOR", "BX-COMP-QD65"), ("refrigerator", "door"): ("BX-DOORSEAL",),
    ("refrigerator", "controls"): ("BX-THERM-01",), ("refrigerator", "electrical"): ("TY-FUSE", "TY-CORD"),
    ("air_conditioner", "no_cooling"): ("KT-COMP-1P", "KT-CAP-35UF", "KT-R32"),
    ("air_conditioner", "no_heating"): ("KT-COMP-1P", "KT-R32"), ("air_conditioner", "noise"): ("KT-FAN-OUT",),
    ("air_conditioner", "controls"): ("KT-PCB-IN",), ("air_conditioner", "electrical"): ("KT-CAP-35UF", "KT-PCB-IN"),
    ("washing_machine", "no_drain"): ("XY-PUMP",), ("washing_machine", "no_spin"): ("XY-MOTOR", "XY-BELT"),
    ("washing_machine", "leak"): ("XY-INLET",), ("washing_machine", "noise"): ("XY-BELT", "XY-MOTOR"),
    ("washing_machine", "controls"): ("XY-PCB",), ("washing_machine", "electrical"): ("XY-PCB",),
    ("colour_tv", "no_picture"): ("DS-BL-LED", "DS-PANEL-55", "DS-MAIN"), ("colour_tv", "no_sound"): ("DS-MAIN",),
    ("colour_tv", "screen"): ("DS-PANEL-55", "DS-BL-LED"), ("colour_tv", "no_power"): ("DS-PSU",),
    ("colour_tv", "controls"): ("DS-MAIN",),
    ("water_heater", "no_heating"): ("RS-HEAT-2KW", "RS-THERMO"), ("water_heater", "leak"): ("RS-TANK-60",),
    ("water_heater", "controls"): ("RS-PCB", "RS-THERMO"), ("water_heater", "electrical"): ("RS-PCB", "RS-HEAT-2KW"),
    ("microwave", "no_heating"): ("WB-MAG", "WB-TRANS", "WB-FUSE"), ("microwave", "door"): ("WB-DOORSW",),
    ("microwave", "electrical"): ("WB-FUSE",), ("microwave", "noise"): ("WB-TRANS",),
    ("mobile_phone", "screen"): ("SJ-SCREEN",), ("mobile_phone", "battery"): ("SJ-BATT", "SJ-PORT"),
    ("mobile_phone", "camera"): ("SJ-CAM",), ("mobile_phone", "no_power"): ("SJ-BATT", "SJ-PORT"),
    ("computer", "no_power"): ("DN-ADAPTER", "DN-MB"), ("computer", "keyboard"): ("DN-KB",),
    ("computer", "storage"): ("DN-SSD-512",), ("computer", "overheating"): ("DN-FAN",), ("computer", "screen"): ("DN-MB",),
    ("tablet", "screen"): ("PB-SCREEN",), ("tablet", "battery"): ("PB-BATT",), ("tablet", "no_power"): ("PB-BATT",),
    ("other", "electrical"): ("TY-FUSE", "TY-CORD"),
}
SOFTWARE_CATEGORIES = ("mobile_phone", "computer", "tablet", "colour_tv")
# Products big enough that a technician on a visit takes them to the workshop.
PULLED_ON_VISITS = ("refrigerator", "washing_machine", "colour_tv", "air_conditioner", "microwave", "water_heater")
REQUESTS = ("免费维修", "尽快修好", "检测后报价", "修好后电话通知", "保留手机数据", "需要开发票")
REQUESTS_EN = ("Please repair it", "Quote first, please", "Call me when it is ready")
VISIT_REQUESTS = ("上门维修", "周末上门", "上午上门检测")
INSTALL_FAULTS = {
    "air_conditioner": "新购空调需安装（挂机）", "water_heater": "新购热水器需安装",
    "colour_tv": "电视挂墙安装", "washing_machine": "新购洗衣机安装调试", "refrigerator": "新冰箱送装",
}
CONSULTATIONS = ("询问空调清洗收费", "询问冰箱保修期多久", "洗衣机怎么设置童锁", "热水器多久清洗一次水垢",
                 "手机换电池多少钱", "上门费怎么收", "电视如何恢复出厂设置")
MISUSE = (
    ("air_conditioner", "空调不制冷", "遥控器设在送风模式，已电话指导改为制冷模式"),
    ("washing_machine", "洗衣机按键没反应", "童锁开着，已电话指导解锁"),
    ("colour_tv", "电视没有图像", "信号源选错，已指导切换到HDMI1"),
    ("refrigerator", "冰箱冷藏室结冰", "温度调到最低档，已指导调回5度"),
    ("microwave", "微波炉不加热", "选择了解冻档，已电话说明"),
)
COMPLAINTS = ("师傅上门迟到两个小时，也没有提前打电话", "维修后一周又出现同样故障", "收费与报价不一致",
              "师傅服务态度不好", "等配件时间太长，一直没人通知", "电话一直打不通")
RESOLUTIONS = ("已向客户道歉，免收上门费", "已安排主管回访，客户表示理解", "已退还多收费用",
               "已加急配件并每日通知进度", "已对师傅进行批评教育，客户满意")
CONDITION_NOTES = ("背面有轻微划痕", "右下角磕碰", "外壳发黄", "屏幕有细小划痕", "门把手松动", "", "", "")
ACCESSORIES = {
    "mobile_phone": ("charger", "cable", "case", "sim_card", "memory_card"), "computer": ("charger", "box"),
    "tablet": ("charger", "case"), "colour_tv": ("remote",), "air_conditioner": ("remote",),
}
CARD_COMMENTS_GOOD = ("师傅很专业", "服务很好，谢谢", "修得很快", "", "", "")
CARD_COMMENTS_BAD = ("修了两次还没好", "师傅态度差", "收费太贵", "")
CALL_NOTES = {
    followup.REACHED_FINE: ("客户表示已正常使用", "客户说问题已解决，谢谢", "客户满意，无其他问题"),
    followup.REACHED_NOT_FINE: ("客户仍不满意，约定再联系", "故障又出现，客户要求再上门", "客户对收费有意见，已记录"),
    followup.NO_ANSWER: ("无人接听", "关机", "占线，稍后再打"),
    followup.WRONG_NUMBER: ("号码错误，对方说不认识客户", "空号", "号码少一位，打不通"),
}

# Call-backs and cards near the end: the queue a shop sees in the morning.
FORGET_SHARE = 0.3  # call-backs due in the last working day that nobody has called yet (overdue)
# Feedback cards, per technician (index in TECHNICIANS): the share a technician
# never hands to the customer (the cards go missing), and the share of
# "satisfied" cards he brings back without the customer's signature.
CARDS_NEVER_BACK = {0: 0.14, 2: 0.07}
CARDS_UNSIGNED = {1: 0.08}
# One technician makes cards up in the last weeks: every card back the day it
# is handed out, every one with top marks (the supervision view flags him).
# The pattern covers more than the supervision view's default range (30 days).
PATTERN_TECH = 3
PATTERN_DAYS = 35

WINDOWS = ((time(9), time(12)), (time(13), time(15)), (time(14), time(17)), (time(15), time(18)))

# How a diagnosis ends.  In warranty the repair starts at once (some get a
# quote whose lines are all covered, at no charge); otherwise the customer
# answers a quote first.  No fault found and cannot be repaired end from
# diagnosing with a repair record and no repair.
REPAIR, APPROVE, DECLINE, NO_FAULT, CANNOT, CANCEL = "repair", "approve", "decline", "no_fault", "cannot", "cancel"
EXCHANGE = "exchange"  # back a third time for the same fault in warranty: 三包 says exchange
IN_WARRANTY_OUTCOMES = ((REPAIR, 80), (NO_FAULT, 8), (CANNOT, 4), (CANCEL, 4))
PAID_OUTCOMES = ((APPROVE, 60), (DECLINE, 20), (NO_FAULT, 7), (CANNOT, 4), (CANCEL, 6))
FREE_QUOTE_SHARE = 0.35  # in-warranty repairs that get a quote at no charge
REPAIR_NOTES = {
    faults.REPLACED_PART: ("更换{part}后试机正常", "已更换{part}，测试通过", "{part}损坏，更换后正常"),
    faults.ADJUSTED: ("重新调整后试机正常", "紧固松动部件，调试正常"),
    faults.CLEANED: ("清洗除尘后恢复正常", "清理堵塞，试机正常"),
    faults.SOFTWARE: ("升级系统后正常", "重装系统，数据已备份", "恢复出厂设置后正常"),
    faults.NO_FAULT: ("检测无故障，已指导使用", "反复测试未见异常", "客户描述的故障未能重现"),
    faults.CANNOT_REPAIR: ("配件停产，无法修复", "主板烧毁，维修价值不大，建议换新", "机身严重变形，无法修复"),
}
EXCHANGE_NOTE = "已修两次仍有同样故障，按三包为客户换新机"
OWED_REASONS = ("老客户，下次来店一并结清", "客户忘带钱包，已留身份证复印件")
ALL_STATES = tuple(states.TRANSITIONS)

# Plan kinds and their share of the tickets.
WALK_IN, PHONE_REPAIR, INSTALL, CONSULT, INQUIRY, COMPLAINT, MISUSE_CALL = (
    "walk_in", "phone_repair", "installation", "consultation", "inquiry", "complaint", "misuse")
SHARES = ((WALK_IN, 0.44), (PHONE_REPAIR, 0.25), (INSTALL, 0.06), (CONSULT, 0.09), (INQUIRY, 0.09),
          (COMPLAINT, 0.03), (MISUSE_CALL, 0.04))
SMALL_ORDER = (WALK_IN, PHONE_REPAIR, CONSULT, INSTALL, MISUSE_CALL, COMPLAINT, INQUIRY)


# -- the plan ------------------------------------------------------------------------

@dataclass
class _Item:
    category: str
    brand: str
    model: str
    serial: str
    purchase_date: date | None
    invoice_shown: bool
    invoice_no: str
    card_shown: bool
    card_stamp_date: date | None
    card_edition: str
    card_whole_unit_months: int | None
    card_component_months: dict[str, int]
    factory_date: date | None
    product_id: int | None = None  # known once its first ticket is taken


@dataclass
class _Person:
    name: str
    digits: str  # the number; how it is typed varies per call
    address: str
    area: str
    latin: bool
    customer_id: int | None = None  # known once their first ticket is taken
    items: list[_Item] = field(default_factory=list)


ActionFn = Callable[[Session, datetime], None]


@dataclass
class _Action:
    at: datetime
    run: ActionFn
    state: str | None = None  # the ticket's state after this action, when it moves it
    dep: int | None = None  # index of the action this one follows from (None: the intake)
    main: bool = True  # on the ticket's main line (its moves), as opposed to cards and calls


@dataclass
class _Plan:
    index: int
    at: datetime
    kind: str
    person: _Person
    first_state: str
    actions: list[_Action] = field(default_factory=list)
    pinned: bool = False  # another plan refers to it: coverage must not cut it short
    cut: int | None = None  # main-line actions after this index are left out
    close_at: datetime | None = None
    repaired: bool = False
    comeback_taken: bool = False
    ticket_id: int | None = None
    number: str = ""
    card_id: int | None = None
    complaint_id: int | None = None
    tech_id: int | None = None  # the technician who does the work (known when planned)
    kept: list[int] = field(default_factory=list)
    category: str = ""  # the product's category
    fault_text: str = ""  # the fault in the customer's words
    fault_key: str = ""  # the fault category its repair record names
    coverage: str = "out"  # "in", "partial" or "out" of warranty, as planned from the intake form
    pulled: bool = False  # pulled back to the workshop
    depth: int = 0  # a repeat repair: 1 back once for the same fault, 2 back twice
    ready: int | None = None  # the index of its move to "ready for pick-up"
    lend: int | None = None  # the index of its pull-back with a loaner
    settle: int | None = None  # the index of its pick-up, or of the end of its visit (the bill is settled)
    approved: bool = False  # the customer approves a quote
    live: random.Random = field(default_factory=random.Random)  # choices made as it runs
    warranty: WarrantyStatus | None = None  # as planned from the intake form


def _part_serial(rng: random.Random, code: str, year: int) -> str:
    """A part's serial as its label shows it: the maker's prefix, the year and a number."""
    return f"{code.split('-')[0]}{year % 100:02d}{rng.randrange(10 ** 7):07d}"


class _Stop(Exception):
    """The progress callback asked to stop."""


@dataclass
class _Settlement:
    method: str
    waive: bool
    owe: bool
    invoice: bool
    reason: str


@dataclass
class _Desk:
    """What the actions need as they run and the plan does not know: set up
    once the plan is made."""

    counter: str
    till: billing_demo.Till
    editions: dict[billing_demo.CardKey, int] = field(default_factory=dict)


class _Planner:
    def __init__(self, rng: random.Random, cal: WorkCalendar, end: datetime, days: int, total: int,
                 manager: Actor, clerks: Sequence[Actor], techs: Sequence[tuple[int, str, tuple[str, ...]]],
                 desk: _Desk, reminder_days: int = 7) -> None:
        self.rng = rng
        self.desk = desk
        self.reminder_days = reminder_days
        self.fee_lines = schedules.default_schedule().lines  # every version lists the same lines
        shipped = [ln for ln in self.fee_lines if ln.kind == PART]
        self.part_names = {ln.code: ln.description for ln in shipped}
        self.parts_by_category: dict[str, tuple[str, ...]] = {}
        for ln in shipped:
            self.parts_by_category[ln.category] = (*self.parts_by_category.get(ln.category, ()), ln.code)
        self.fault_keys: dict[str, list[str]] = {}
        self.exchange_shown = False  # a product came back a second time for its fault
        self.cal = cal
        self.end = end
        self.days = days
        self.total = total
        self.manager = manager
        self.clerks = list(clerks)
        self.techs = list(techs)
        self.plans: list[_Plan] = []
        self.persons: list[_Person] = []
        self.featured: list[_Person] = []
        self.used_digits: set[str] = set()
        self.items_of: dict[int, _Item] = {}  # plan index -> the product it is about
        self.rules = load_category_rules()
        self.unseen_categories = [c for c in self.rules if c in PRODUCTS]
        rng.shuffle(self.unseen_categories)
        self.span = int((datetime.combine(date.min, cal.closing) - datetime.combine(date.min, cal.opening))
                        .total_seconds() // 60)
        # Call-backs due after this moment may still be waiting at the end (overdue).
        prev = end.date() - timedelta(days=1)
        while not cal.is_working_day(prev) and prev > end.date() - timedelta(days=30):
            prev -= timedelta(days=1)
        self.recent = datetime.combine(prev, min(max(end.time(), cal.opening), cal.closing))
        self.tech_index = {t[0]: i for i, t in enumerate(self.techs)}
        self.pattern_since = end.date() - timedelta(days=PATTERN_DAYS)

    # ---- time ----------------------------------------------------------------------

    def _open(self, t: datetime) -> datetime:
        """``t`` moved into the shop's hours (with a little jitter when moved)."""
        moved = self.cal.next_opening(t)
        if moved != t:
            moved += timedelta(minutes=self.rng.randint(0, max(0, min(40, self.span - 1))))
        return moved.replace(second=0, microsecond=0)

    def _after(self, t: datetime, lo: int, hi: int) -> datetime:
        return self._open(t + timedelta(minutes=self.rng.randint(lo, hi)))

    def _after_days(self, t: datetime, lo: int, hi: int) -> datetime:
        day = self.cal.add_working_days(t, self.rng.randint(max(1, lo), max(1, hi))).date()
        return datetime.combine(day, self.cal.opening) + timedelta(minutes=self.rng.randrange(max(1, self.span)))

    def _slot_times(self, n: int) -> list[datetime]:
        """``n`` intake moments inside opening hours on the working days of the window."""
        today = self.end.date()
        first = today - timedelta(days=max(1, self.days) - 1)
        spans: list[tuple[datetime, int]] = []
        while True:
            spans.clear()
            d = first
            while d <= today:
                if self.cal.is_working_day(d):
                    start = datetime.combine(d, self.cal.opening)
                    stop = datetime.combine(d, self.cal.closing)
                    if d == today:
                        stop = min(stop, self.end.replace(second=0, microsecond=0))
                    minutes = int((stop - start).total_seconds() // 60)
                    if minutes > 0:
                        spans.append((start, minutes))
                d += timedelta(days=1)
            if spans or first < today - timedelta(days=60):
                break
            first -= timedelta(days=1)  # no working time in the window: reach back to the last working day
        if not spans:
            return []
        total = sum(m for _s, m in spans)
        out = []
        for pick in sorted(self.rng.randrange(total) for _i in range(n)):
            for start, minutes in spans:
                if pick < minutes:
                    out.append(start + timedelta(minutes=pick))
                    break
                pick -= minutes
        return out

    # ---- people, places, products --------------------------------------------------

    def _chinese_name(self) -> str:
        r = self.rng
        surname = r.choice(COMPOUND_SURNAMES) if r.random() < 0.02 else r.choice(SURNAMES)
        given = r.choice(GIVEN_ONE) if r.random() < 0.45 else r.choice(GIVEN_TWO)
        return surname + given

    def _digits(self, latin: bool) -> str:
        r = self.rng
        while True:
            roll = r.random()
            if latin and roll < 0.4:
                pattern = r.choice(FOREIGN_PHONES)
                digits = pattern.format(r.randrange(100 if "{:02d}" in pattern else 1000 if "{:03d}" in pattern
                                                    else 10000))
            elif roll < 0.9:
                digits = r.choice(MOBILE_PREFIXES) + f"{r.randrange(10 ** 8):08d}"
            else:
                digits = f"010-{r.choice('5678')}{r.randrange(10 ** 7):07d}"
            if digits not in self.used_digits:
                self.used_digits.add(digits)
                return digits

    def _typed(self, digits: str) -> str:
        """The number as a clerk types it this time."""
        r = self.rng
        if digits.startswith("+") or "-" in digits or len(digits) != 11:
            return digits
        style = r.random()
        if style < 0.55:
            return digits
        if style < 0.8:
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        if style < 0.92:
            return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"

    def _address(self, area: str) -> str:
        r = self.rng
        if r.random() < 0.5:
            return (f"北京市{area}{r.choice(STREETS[area])}{r.randint(1, 199)}号"
                    f"{r.randint(1, 12)}号楼{r.randint(1, 6)}单元{r.randint(1, 24)}{r.randint(1, 4):02d}室")
        return f"北京市{area}{r.choice(COMPOUNDS[area])}{r.randint(1, 30)}号楼{r.randint(1, 28)}{r.randint(1, 6):02d}"

    def _new_person(self) -> _Person:
        r = self.rng
        if len(self.featured) < len(FEATURED_NAMES):
            name = FEATURED_NAMES[len(self.featured)]
            latin = name.isascii()
        else:
            latin = r.random() < 0.08
            name = r.choice(LATIN_NAMES) if latin else self._chinese_name()
        area = r.choice(AREAS)
        person = _Person(name=name, digits=self._digits(latin), address=self._address(area), area=area, latin=latin)
        if len(self.featured) < len(FEATURED_NAMES):
            self.featured.append(person)
        self.persons.append(person)
        return person

    def _person(self, returning: float = 0.3) -> tuple[_Person, bool]:
        """A returning customer, or a new one (True)."""
        r = self.rng
        if self.persons and r.random() < returning:
            if self.featured and r.random() < 0.25:
                return r.choice(self.featured), False
            return r.choice(self.persons), False
        return self._new_person(), True

    def _serial(self, category: str, brand: str) -> str:
        r = self.rng
        alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        if brand == "Apple":
            return r.choice(("C02", "F2L", "DX3", "G6T")) + "".join(r.choice(alnum) for _i in range(9))
        if category == "mobile_phone":
            return "86" + "".join(r.choice("0123456789") for _i in range(13))
        if "Lenovo" in brand:
            return "PF" + "".join(r.choice(alnum) for _i in range(6))
        letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _i in range(2))
        return letters + f"{r.randint(18, 25)}" + "".join(r.choice(alnum) for _i in range(10))

    def _new_item(self, on: date, category: str | None = None, new_purchase: bool = False) -> _Item:
        r = self.rng
        if category is None and self.unseen_categories:
            category = self.unseen_categories.pop()  # every category shows, even in a small demo
        if category is None:
            category = r.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        if category in self.unseen_categories:
            self.unseen_categories.remove(category)
        brand, models = r.choice(PRODUCTS[category])
        model = r.choice(models)
        serial = "" if r.random() < 0.05 else self._serial(category, brand)
        if new_purchase:
            age = r.randint(0, 10)
        else:
            lo, hi = r.choices(((0, 7), (8, 15), (16, 360), (366, 720), (721, 1090), (1100, 2600)),
                               weights=(6, 5, 35, 22, 14, 18))[0]
            age = r.randint(lo, hi)
        purchase: date | None = on - timedelta(days=age)
        proof = r.random() if not new_purchase else r.random() * 0.7
        invoice = proof < 0.65
        card = 0.65 <= proof < 0.80 or (invoice and r.random() < 0.3)
        if proof >= 0.95:
            purchase = None  # the customer does not remember
        stamp = None
        if card and purchase is not None:
            stamp = min(on, purchase + timedelta(days=r.randint(0, 2)))
        factory = None
        if category == "mobile_phone" and r.random() < 0.5:
            factory = (purchase or on - timedelta(days=r.randint(100, 900))) - timedelta(days=r.randint(30, 120))
        card_months: int | None = None
        components: dict[str, int] = {}
        if card and brand.startswith("格力") and r.random() < 0.7:
            card_months = 72  # 格力 "六年包修"
        if card and category == "refrigerator" and brand.startswith("海尔") and r.random() < 0.5:
            components = {"compressor": 120}
        return _Item(
            category=category, brand=brand, model=model, serial=serial, purchase_date=purchase,
            invoice_shown=invoice, invoice_no=f"{r.randrange(10 ** 8):08d}" if invoice else "",
            card_shown=card, card_stamp_date=stamp, card_edition=f"{r.randint(2019, 2025)}版" if card else "",
            card_whole_unit_months=card_months, card_component_months=components, factory_date=factory,
        )

    def _item_for(self, person: _Person, on: date) -> tuple[_Item, bool]:
        """One of the person's products, or a new one; True when it is known already."""
        if person.items and self.rng.random() < 0.35:
            return self.rng.choice(person.items), True
        item = self._new_item(on)
        person.items.append(item)
        return item, False

    def _tech_for(self, area: str) -> int:
        listed = [t[0] for t in self.techs if area in t[2]]
        return self.rng.choice(listed) if listed else self.rng.choice(self.techs)[0]

    def _clerk(self) -> Actor:
        if self.rng.random() < 0.05:
            return self.manager
        return self.rng.choice(self.clerks)

    # ---- forms ------------------------------------------------------------------------

    def _service_form(self, channel: str, kind: str, person: _Person, item: _Item,
                      fresh: bool = False) -> intake.IntakeForm:
        r = self.rng
        fault = r.choice(FAULTS_EN) if person.latin and r.random() < 0.5 else r.choice(FAULTS[item.category])
        request = r.choice(REQUESTS_EN) if person.latin and r.random() < 0.5 else r.choice(REQUESTS)
        form = intake.IntakeForm(
            channel=channel, kind=kind, name=person.name, phone=self._typed(person.digits),
            address=person.address if channel == intake.PHONE or r.random() < 0.5 else "", area=person.area,
            category=item.category, brand=item.brand, model=item.model, serial=item.serial,
            purchase_date=item.purchase_date, invoice_shown=item.invoice_shown, invoice_no=item.invoice_no,
            card_shown=item.card_shown, card_stamp_date=item.card_stamp_date, card_edition=item.card_edition,
            card_whole_unit_months=item.card_whole_unit_months,
            card_component_months=dict(item.card_component_months), factory_date=item.factory_date,
            fault=fault, request=request,
        )
        if r.random() < 0.05:
            form.doubtful = {r.choice(("purchase_date", "serial", "model"))}
        if r.random() < 0.04 and item.category in ("mobile_phone", "tablet", "computer"):
            form.exclusion = "misuse"
            form.fault = "进水后无法开机"
            form.performance_fault = False
        elif r.random() < 0.02:
            form.exclusion = "unauthorised_disassembly"
            form.performance_fault = False
        if fresh and r.random() < 0.02 and len(person.digits) == 11:
            form.phone = person.digits[:-1]  # a digit missing: saved, phone to verify
        if channel == intake.WALK_IN:
            accessories = ACCESSORIES.get(item.category, ("manual", "box"))
            form.accessories = r.sample(accessories, k=r.randint(0, len(accessories)))
            checks = intake.condition_checks(item.category)
            form.condition = r.sample(checks, k=r.choice((0, 0, 1, 1, 2)))
            form.condition_note = r.choice(CONDITION_NOTES)
            form.passcode_given = item.category in intake.PASSCODE_CATEGORIES and r.random() < 0.6
        return form

    def _coverage(self, plan: _Plan, form: intake.IntakeForm, on: date) -> str:
        """The warranty as the desk will find it: "in", "partial" or "out"
        (unknown counts as out: the customer approves a quote first)."""
        plan.warranty = status = intake.warranty_for(form, on, calendar=self.cal)
        overall = status.overall if status is not None else "unknown"
        return {STATUS_IN: "in", STATUS_PARTIAL: "partial"}.get(overall, "out")

    def _fault_keys(self, category: str) -> list[str]:
        if category not in self.fault_keys:
            self.fault_keys[category] = [f.key for f in faults.fault_categories(category)]
        return self.fault_keys[category]

    def _fault_key(self, category: str, fault: str) -> str:
        """The fault category a technician files the customer's words under."""
        keys = self._fault_keys(category)
        key = FAULT_KEYS.get(fault, "")
        return key if key in keys else self.rng.choice(keys)

    def _repair_action(self, plan: _Plan) -> str:
        """What the repair will be: a part replaced when the fault usually
        needs one, else an adjustment, a cleaning or software."""
        r = self.rng
        mapped = FAULT_PARTS.get((plan.category, plan.fault_key), ())
        if plan.fault_key == "software" and r.random() < 0.8:
            return faults.SOFTWARE
        if r.random() < (0.75 if mapped else 0.3):
            return faults.REPLACED_PART
        others = [faults.ADJUSTED, faults.CLEANED]
        if plan.category in SOFTWARE_CATEGORIES:
            others.append(faults.SOFTWARE)
        return r.choice(others)

    def _parts(self, plan: _Plan, action: str) -> tuple[str, ...]:
        """The part numbers a repair replaces (those the fault needs, else any
        part of the category)."""
        if action != faults.REPLACED_PART:
            return ()
        mapped = FAULT_PARTS.get((plan.category, plan.fault_key), ()) or self.parts_by_category.get(
            plan.category, ()) or self.parts_by_category.get("*", ())
        return tuple(self.rng.sample(mapped, k=min(len(mapped), 2 if self.rng.random() < 0.15 else 1)))

    # ---- building blocks ----------------------------------------------------------

    def _add(self, plan: _Plan, at: datetime, run: ActionFn, state: str | None = None,
             dep: int | None = None, main: bool = True) -> int:
        if main:
            last = max((a.at for a in plan.actions if a.main), default=plan.at)
            at = max(at, last)
        elif dep is not None:
            at = max(at, plan.actions[dep].at)
        plan.actions.append(_Action(at, run, state, dep, main))
        return len(plan.actions) - 1

    def _last_main(self, plan: _Plan) -> int:
        return max(i for i, a in enumerate(plan.actions) if a.main)

    def _step(self, plan: _Plan, at: datetime, run: ActionFn, state: str | None = None) -> int:
        """A step on the ticket's main line (after the one before it)."""
        index = self._add(plan, at, run, state=state, dep=self._last_main(plan))
        if state in states.FINAL:
            plan.close_at = plan.actions[index].at
        if state == states.READY:
            plan.ready = index
        return index

    def _move(self, plan: _Plan, at: datetime, to: str, note: str = "") -> int:
        who = self._clerk()

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            intake.move(s, who, plan.ticket_id, to, note=note, now=now)

        return self._step(plan, at, run, to)

    def _quote(self, plan: _Plan, at: datetime, parts: Sequence[str], visit: bool) -> int:
        """The quote, priced through billing: in warranty its lines cost
        nothing; partly in warranty the covered component is free."""
        r = self.rng
        who = self._clerk()
        verify_first = r.random() < 0.6
        software = plan.category in SOFTWARE_CATEGORIES and r.random() < 0.12
        status = plan.warranty
        items = billing_demo.quote_items(
            r, self.fee_lines, plan.category, visit=visit, transport=plan.pulled, parts=parts,
            covered=lambda component: status is not None and status.covers(component),
            covered_part=plan.coverage == "partial" and r.random() < 0.7, software=software)
        charge = r.random() < 0.5
        manager, desk = self.manager, self.desk

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            ticket = intake.get_ticket(s, plan.ticket_id)
            product = ticket.product
            assert product is not None
            approver = manager if software else None  # a manager decides whether the set-up is charged
            if ticket.to_verify and ticket.verify_override_by_id is None and not who.is_manager:
                if verify_first:
                    intake.verify(s, who, ticket.id, now=now)
                else:
                    approver = manager  # the manager enters their PIN for the override
            card_id = desk.editions.get(billing_demo.card_key(product.brand, product.category, product.card_edition)) \
                if product.card_shown else None
            quotes.make_quote(s, who, ticket.id, items, card_edition_id=card_id, approver=approver, now=now,
                              software_charge=charge if software else None)

        return self._step(plan, at, run, states.QUOTED)

    def _answer(self, plan: _Plan, at: datetime, approve: bool, onsite: bool) -> int:
        """The customer's answer to the quote: at the counter, or by phone."""
        r = self.rng
        who = self._clerk()
        channel = quotes.PHONE if onsite or r.random() < 0.45 else quotes.COUNTER
        fault_found = r.random() < 0.8

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            quote = quotes.current_quote(s, plan.ticket_id)
            assert quote is not None
            if approve:
                quotes.approve_quote(s, who, quote.id, channel=channel, now=now)
            else:
                quotes.decline_quote(s, who, quote.id, fault_found=fault_found, now=now)

        plan.approved = approve
        return self._step(plan, at, run, states.APPROVED if approve else states.DECLINED)

    def _start_repair(self, plan: _Plan, at: datetime, note: str = "") -> int:
        """Into repair.  A ticket not wholly in warranty that comes here
        without an approved quote (a repeat repair the shop redoes for free,
        a warranty the desk could not see at intake) needs the manager's word."""
        who = self._clerk()
        manager = self.manager
        reason = ("返修：上次修好后又出现同样故障，经理同意免费返修" if plan.depth
                  else "保修凭证已补齐，经理同意先修")

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            ticket = intake.get_ticket(s, plan.ticket_id)
            approver, text = None, note
            if ticket.state in states.BEFORE_APPROVAL and ticket.warranty_status != STATUS_IN:
                approver, text = manager, reason
            intake.move(s, who, ticket.id, states.IN_REPAIR, note=text, approver=approver, now=now)

        return self._step(plan, at, run, states.IN_REPAIR)

    def _record(self, plan: _Plan, at: datetime, action: str, parts: Sequence[str], note: str = "") -> int:
        """The repair record (the ticket becomes repaired): the fault
        category, what was done, and the parts replaced with the serials of
        the new and the old part (the quoted parts, when a quote names them)."""
        who = self._clerk()
        text = note or self.rng.choice(REPAIR_NOTES[action])
        names, live = self.part_names, plan.live
        # The repair level (the maker's labour on a claim): from the ticket's place, not the plan's random
        # draws, so the rest of the demo stays as it was for a seed.
        level = tuple(LEVELS)[(plan.index * 7 + len(parts)) % 3]

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            chosen = [(code, names.get(code, "")) for code in parts]
            if action == faults.REPLACED_PART:
                quote = quotes.current_quote(s, plan.ticket_id)
                if quote is not None and quote.state == quotes.APPROVED:
                    chosen = [(ln.code, ln.description) for ln in quote.lines
                              if ln.kind == PART and ln.stage == quotes.STAGE_QUOTE] or chosen
            replaced = [repairs.PartReplaced(code, description, _part_serial(live, code, now.year),
                                             _part_serial(live, code, now.year - live.randint(1, 4))
                                             if live.random() < 0.8 else "")
                        for code, description in chosen] if action == faults.REPLACED_PART else []
            said = text.format(part="、".join(p.description or p.part_no for p in replaced) or "配件")
            repairs.record_repair(s, who, plan.ticket_id, repairs.RepairResult(
                plan.fault_key, action if replaced or action != faults.REPLACED_PART else faults.ADJUSTED, said,
                replaced, level=level), now=now)

        if action in faults.REPAIRS:
            plan.repaired = True
        return self._step(plan, at, run, states.REPAIRED)

    def _pull(self, plan: _Plan, at: datetime) -> datetime:
        """The product goes to the workshop (the pull-back receipt), with a
        loaner of its category when one is free; the ticket's state stays."""
        r = self.rng
        who = self._clerk()
        lend = r.random() < 0.75
        deposit = r.random() < 0.5
        promised_days = r.randint(2, 6)
        desk, live, cal = self.desk, plan.live, self.cal

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            promised = cal.add_working_days(now, promised_days).date()
            loaner_demo.pull_back(s, who, plan.ticket_id, plan.category, promised, now, live, lend=lend,
                                  deposit=deposit, counter=desk.counter)

        index = self._step(plan, at, run)
        plan.pulled = True
        if lend:
            plan.lend = index
        return plan.actions[index].at

    def _pay(self, plan: _Plan, at: datetime, method: str, share: Decimal | None = None,
             kind: str = payments.PAYMENT) -> int:
        """Money before the pick-up: paid in full when the customer approves,
        or a part of it on account."""
        who = self._clerk()
        desk, live = self.desk, plan.live

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            desk.till.pay(s, who, plan.ticket_id, method, now, live, share=share, kind=kind)

        return self._step(plan, at, run)

    def _method(self) -> str:
        return self.rng.choices((payments.CASH, payments.MOBILE, payments.CARD, payments.TRANSFER),
                                weights=(35, 42, 18, 5))[0]

    def _settlement(self, plan: _Plan) -> _Settlement:
        """What the desk will do about the money when the work is handed over
        (decided as the plan is made)."""
        r = self.rng
        charged = plan.coverage != "in"
        return _Settlement(method=self._method(), waive=charged and r.random() < 0.06,
                           owe=charged and r.random() < 0.02, invoice=charged and r.random() < 0.1,
                           reason=r.choice(OWED_REASONS))

    def _settle(self, s: Session, who: Actor, plan: _Plan, how: _Settlement, now: datetime) -> None:
        """Sometimes a waiver first, then the rest paid (or, rarely, owed on
        the manager's word); sometimes the customer asks for a tax invoice."""
        assert plan.ticket_id is not None
        if how.waive or "waiver" not in self.desk.till.shown:  # the first bill that can be gets one
            self.desk.till.waive(s, who, plan.ticket_id, now, plan.live)
        if not how.owe:
            self.desk.till.pay(s, who, plan.ticket_id, how.method, now, plan.live)
        if (how.invoice or self.desk.till.invoices < 2) and payments.balance(s, plan.ticket_id).paid > 0:
            self.desk.till.ask_invoice(s, who, plan.ticket_id, now, plan.live)

    def _invoice_later(self, plan: _Plan, dep: int) -> None:
        """Most invoices asked for are issued a few days later; the rest stay owed."""
        if self.rng.random() >= 0.6:
            return
        who = self._clerk()
        desk, live = self.desk, plan.live

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            desk.till.issue_invoice(s, who, plan.ticket_id, now, live)

        self._add(plan, self._after_days(plan.actions[dep].at, 1, 5), run, dep=dep, main=False)

    def _collect(self, plan: _Plan, at: datetime) -> int:
        """The customer collects the product: the loaner comes back, the bill
        is settled, every accessory is ticked, and the ticket closes."""
        who = self._clerk()
        keep = self.rng.random() < 0.1
        how = self._settlement(plan)
        manager, desk = self.manager, self.desk

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            loaner_demo.take_back(s, who, manager, plan.ticket_id, now, plan.live, keep=keep, counter=desk.counter)
            self._settle(s, who, plan, how, now)
            owed = how.owe and payments.balance(s, plan.ticket_id).outstanding > 0
            # Every accessory taken in (at the counter, or with the pull-back) is handed back.
            pulled = loaners.last_pullback(s, plan.ticket_id)
            handed = [*intake.get_ticket(s, plan.ticket_id).accessories, *(pulled.accessories if pulled else [])]
            pickup.pick_up(s, who, plan.ticket_id, handed_back=handed, owed_reason=how.reason if owed else "",
                           approver=manager if owed else None, now=now)

        index = plan.settle = self._step(plan, at, run, states.CLOSED)
        if how.invoice:
            self._invoice_later(plan, index)
        return index

    def _close_on_site(self, plan: _Plan, at: datetime, repaired: bool) -> int:
        """A visit ends at the customer's home: paid there (the technician's
        mobile pay, card reader or cash), signed, and closed."""
        who = self._clerk()
        how = self._settlement(plan)
        how.owe = False  # nobody leaves a visit unpaid
        note = "上门维修完成，客户签字" if repaired else self.rng.choice(("客户不修，已收检测费", "检测完毕，客户签字"))

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            self._settle(s, who, plan, how, now)
            intake.move(s, who, plan.ticket_id, states.CLOSED, note=note, now=now)

        index = plan.settle = self._step(plan, at, run, states.CLOSED)
        if how.invoice:
            self._invoice_later(plan, index)
        return index

    def _to_counter(self, plan: _Plan, at: datetime) -> int:
        """The work is done and the product is at the counter: ready for
        pick-up (a pulled-back product once it is back from the workshop)."""
        who = self._clerk()
        pulled = plan.pulled

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            if pulled:
                loaners.back_at_counter(s, who, plan.ticket_id, now=now)
            else:
                pickup.mark_ready(s, who, plan.ticket_id, now=now)

        return self._step(plan, at, run, states.READY)

    def _pickup_time(self, ready_at: datetime) -> datetime:
        """When the customer comes: the same day, within days, or weeks later."""
        roll = self.rng.random()
        if roll < 0.4:
            return self._after(ready_at, 40, 300)
        if roll < 0.82:
            return self._after_days(ready_at, 1, 3)
        if roll < 0.97:
            return self._after_days(ready_at, 4, 8)
        return self._after_days(ready_at, 9, 35)

    def _ready_calls(self, plan: _Plan, ready: int, pickup_at: datetime) -> None:
        """"Please collect": called when the product is ready, again after no
        answer, and again after the shop's reminder days while it waits."""
        r = self.rng
        dep = ready
        ready_at = plan.actions[ready].at
        if pickup_at.date() == ready_at.date():
            return  # told to come back the same day: nobody calls
        due = followup.due_time(followup.READY_TO_COLLECT, ready_at, self.cal)
        tries = 0
        while True:
            at = self._call_time(due)
            if at >= pickup_at:
                return  # collected first: the call is off
            outcome = followup.REACHED_FINE if tries >= 2 or r.random() < 0.78 else followup.NO_ANSWER
            dep = self._call(plan, at, followup.READY_TO_COLLECT, outcome, dep)
            done = plan.actions[dep].at
            if done > self.end:
                return
            if outcome == followup.NO_ANSWER:
                tries += 1
                due = self.cal.due_after(done, followup.RETRY_AFTER)
            else:
                tries = 0
                due = self.cal.due_after(done + timedelta(days=self.reminder_days), timedelta(0))

    def _finish(self, plan: _Plan, t: datetime, onsite: bool, repaired: bool, card: bool = True) -> None:
        """The product goes back: on a visit the ticket closes there; a product
        at the shop is ready for pick-up and collected later.  ``card``: the
        technician's work is done (a repair record), so a feedback card may be
        handed out."""
        if onsite:
            done = self._close_on_site(plan, self._after(t, 5, 20), repaired)
        else:
            t = self._after_days(t, 1, 3) if plan.pulled else self._after(t, 10, 90)
            ready = self._to_counter(plan, t)
            ready_at = plan.actions[ready].at
            collect = self._pickup_time(ready_at)
            self._ready_calls(plan, ready, collect)
            done = self._collect(plan, collect)
        if card:
            self._card(plan, plan.actions[done].at, done, onsite)

    def _assign(self, plan: _Plan, at: datetime, tech_id: int) -> None:
        who = self._clerk()
        if plan.tech_id is None:
            plan.tech_id = tech_id

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            if intake.get_ticket(s, plan.ticket_id).technician_id is None:
                intake.assign_technician(s, who, plan.ticket_id, tech_id, now=now)

        self._add(plan, at, run, dep=self._last_main(plan))

    def _maybe_verify(self, plan: _Plan, at: datetime) -> None:
        """The clerk checks the doubtful facts later (the customer brings the invoice)."""
        if self.rng.random() >= 0.35:
            return
        who = self._clerk()
        partly = self.rng.random() < 0.3

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            ticket = intake.get_ticket(s, plan.ticket_id)
            if ticket.to_verify and ticket.state in states.OPEN:
                fields = [ticket.verify_fields[0]] if partly and len(ticket.verify_fields) > 1 else None
                intake.verify(s, who, plan.ticket_id, fields, now=now)

        self._add(plan, at, run, dep=0, main=False)

    def _call_time(self, due: datetime) -> datetime:
        """When the desk makes a call due at ``due``: soon after, as a rule.
        Near the end some calls are not made yet (overdue in the queue), and
        some are made just before the end (the calls of today)."""
        r = self.rng
        at = self._after(due, 0, 150)
        if self.recent <= due <= self.end:
            if r.random() < FORGET_SHARE:
                return self.end + timedelta(days=1)  # not called by the end: overdue
            if at > self.end and r.random() < 0.7:
                at = self._open(due + (self.end - due) * r.random())  # called in the last calling hours
                if at > self.end:  # the end is before opening: not called yet
                    return self.end + timedelta(days=1)
        return at.replace(second=0, microsecond=0)

    def _outcome(self, reason: str, last: bool) -> str:
        """What a call comes to; the last try of a chain reaches the customer."""
        r = self.rng
        if last:
            return followup.REACHED_FINE
        if reason == followup.DISSATISFIED:
            return r.choices((followup.REACHED_NOT_FINE, followup.REACHED_FINE, followup.NO_ANSWER,
                              followup.WRONG_NUMBER), weights=(50, 30, 15, 5))[0]
        if reason == followup.FOLLOW_UP:
            return r.choices((followup.REACHED_FINE, followup.REACHED_NOT_FINE, followup.NO_ANSWER),
                             weights=(70, 15, 15))[0]
        return r.choices((followup.REACHED_FINE, followup.NO_ANSWER, followup.REACHED_NOT_FINE,
                          followup.WRONG_NUMBER), weights=(72, 15, 8, 5))[0]

    def _callbacks(self, plan: _Plan, reason: str, raised_at: datetime, dep: int,
                   first: str | None = None) -> None:
        """Make the call-back raised at ``raised_at`` and what it leads to: a
        retry after no answer, follow-ups until the customer is fine (a few
        tries at most), nothing more after a wrong number."""
        due = followup.due_time(reason, raised_at, self.cal)
        outcome = first or self._outcome(reason, False)
        retries = follow_ups = 0
        while True:
            at = self._call_time(due)
            dep = self._call(plan, at, reason, outcome, dep)
            if outcome == followup.NO_ANSWER:
                retries += 1
                due = self.cal.due_after(plan.actions[dep].at, followup.RETRY_AFTER)
            elif outcome == followup.REACHED_NOT_FINE:
                follow_ups += 1
                reason = followup.FOLLOW_UP
                due = followup.due_time(reason, plan.actions[dep].at, self.cal)
            else:
                return
            outcome = self._outcome(reason, retries >= 2 or follow_ups >= 3)

    def _call(self, plan: _Plan, at: datetime, reason: str, outcome: str, dep: int) -> int:
        who = self._clerk()
        note = self.rng.choice(CALL_NOTES[outcome])

        def run(s: Session, now: datetime) -> None:
            cb_id = s.scalar(select(CallBack.id).where(
                CallBack.ticket_id == plan.ticket_id, CallBack.reason == reason, CallBack.done_at.is_(None))
                .order_by(CallBack.id).limit(1))
            if cb_id is not None:
                followup.record_outcome(s, who, cb_id, outcome, note, now=now)

        return self._add(plan, at, run, dep=dep, main=False)

    def _card(self, plan: _Plan, at: datetime, dep: int, onsite: bool) -> None:
        """A feedback card handed out when the work is done.  Most come back
        within a few days; a few technicians lose some; one makes them up."""
        r = self.rng
        tech = self.tech_index.get(plan.tech_id) if plan.tech_id is not None else None
        pattern = tech == PATTERN_TECH and at.date() >= self.pattern_since
        if r.random() >= 0.9 and not pattern:
            return
        who = self._clerk()

        def issue(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            ticket = intake.get_ticket(s, plan.ticket_id)
            if ticket.technician_id is not None:
                plan.card_id = followup.issue_card(s, who, plan.ticket_id, now=now).id

        index = self._add(plan, at, issue, dep=dep, main=False)
        at = plan.actions[index].at
        if pattern:
            # Back within the hour, the same day, signed, top marks.
            closing = datetime.combine(at.date(), self.cal.closing) - timedelta(minutes=1)
            back = max(at, min(at + timedelta(minutes=r.randint(5, 60)), closing))
            quality, attitude, signed = followup.SATISFIED, followup.SATISFIED, True
        else:
            never = CARDS_NEVER_BACK.get(tech, 0.0) if tech is not None else 0.0
            if r.random() < never:
                return  # the card never reaches the customer: missing
            if onsite and r.random() < 0.35:
                back = self._after(at, 20, 240)
            else:
                back = self._after_days(at, 1, r.choices((1, 2, 3, 4), weights=(40, 30, 18, 12))[0])
            quality, attitude = r.choices(
                ((3, 3), (3, 2), (2, 3), (2, 2), (1, 2), (2, 1), (1, 1)), weights=(68, 11, 6, 4, 5, 3, 3))[0]
            if NOT_SAT in (quality, attitude):
                signed = r.random() < 0.6
            else:
                unsigned = CARDS_UNSIGNED.get(tech, 0.0) if tech is not None else 0.0
                signed = r.random() >= unsigned
        satisfied = NOT_SAT not in (quality, attitude)
        comment = r.choice(CARD_COMMENTS_GOOD if satisfied else CARD_COMMENTS_BAD)
        clerk = self._clerk()

        def enter(s: Session, now: datetime) -> None:
            if plan.card_id is not None:
                followup.enter_card(s, clerk, plan.card_id, quality=quality, attitude=attitude, signed=signed,
                                    comment=comment, now=now)

        entered = self._add(plan, back, enter, dep=index, main=False)
        if not satisfied:
            entered_at = plan.actions[entered].at
            # A card entered in the last working day still has its call-back open at the end.
            first = followup.REACHED_NOT_FINE if entered_at >= self.recent else None
            self._callbacks(plan, followup.DISSATISFIED, entered_at, entered, first)

    def _workshop(self, plan: _Plan, t: datetime, onsite: bool, tech_id: int | None,
                  outcome: str | None = None) -> None:
        """From the diagnosis (at ``t``; ``onsite``: at the customer's home)
        until the product is back with its owner."""
        r = self.rng
        if tech_id is not None:
            self._assign(plan, t, tech_id)
        self._move(plan, t, states.DIAGNOSING, "师傅上门检测" if onsite else "")
        if outcome is None:
            weights = IN_WARRANTY_OUTCOMES if plan.coverage == "in" else PAID_OUTCOMES
            outcome = r.choices([o for o, _w in weights], weights=[w for _o, w in weights])[0]
        if outcome == CANCEL:
            self._move(plan, self._gap(states.DIAGNOSING, states.CANCELLED, t, onsite), states.CANCELLED,
                       self._note(states.DIAGNOSING, states.CANCELLED, onsite))
            return
        on_visit = onsite
        if onsite and plan.category in PULLED_ON_VISITS and r.random() < 0.25:
            t = self._pull(plan, self._after(t, 10, 40))  # the technician takes it to the workshop
            onsite = False
        elif not onsite and r.random() < 0.06:
            t = self._pull(plan, self._after(t, 30, 240))  # sent from the counter to the workshop
        if outcome in (NO_FAULT, CANNOT, EXCHANGE):
            action = faults.NO_FAULT if outcome == NO_FAULT else faults.CANNOT_REPAIR
            t = self._after(t, 20, 90) if onsite else self._after(t, 60, 480)
            self._record(plan, t, action, (), EXCHANGE_NOTE if outcome == EXCHANGE else "")
            self._finish(plan, t, onsite, repaired=False)
            return
        action = self._repair_action(plan)
        parts = self._parts(plan, action)
        if outcome != REPAIR or (plan.coverage == "in" and r.random() < FREE_QUOTE_SHARE):
            t = self._gap(states.DIAGNOSING, states.QUOTED, t, onsite)
            self._quote(plan, t, parts, on_visit)
            t = self._after(t, 5, 30) if onsite else self._gap(states.QUOTED, states.APPROVED, t, onsite)
            if outcome == DECLINE:
                self._answer(plan, t, approve=False, onsite=onsite)
                self._finish(plan, t, onsite, repaired=False, card=False)
                return
            self._answer(plan, t, approve=True, onsite=onsite)
            roll = r.random()
            if plan.coverage != "in" and not onsite and roll < 0.22:
                # Money before the work: paid in full at once, or a part paid on account.
                t = self._after(t, 1, 10)
                if roll < 0.1:
                    self._pay(plan, t, self._method())
                else:
                    self._pay(plan, t, r.choice((payments.CASH, payments.MOBILE)), share=Decimal("0.3"))
        t = self._gap(states.APPROVED, states.IN_REPAIR, t, onsite)
        self._start_repair(plan, t, "开始维修" if onsite else "")
        if onsite and not plan.pulled and plan.category in PULLED_ON_VISITS and r.random() < 0.06:
            t = self._pull(plan, self._after(t, 20, 60))  # it needs the workshop after all
            onsite = False
        if r.random() < 0.2:
            t = self._gap(states.IN_REPAIR, states.AWAITING_PARTS, t, onsite)
            self._move(plan, t, states.AWAITING_PARTS, self._note(states.IN_REPAIR, states.AWAITING_PARTS, onsite))
            t = self._gap(states.AWAITING_PARTS, states.IN_REPAIR, t, onsite)
            self._move(plan, t, states.IN_REPAIR, "配件已到")
        uncertain = r.random() < 0.08
        t = self._gap(states.IN_REPAIR, states.REPAIRED, t, onsite)
        if uncertain:
            self._uncertain(plan, t)
        self._record(plan, t, action, parts)
        if uncertain:
            self._callbacks(plan, followup.UNCERTAIN_REPAIR, t, self._last_main(plan))
        self._finish(plan, t, onsite, repaired=True)

    def _uncertain(self, plan: _Plan, at: datetime) -> None:
        who = self._clerk()

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            intake.set_uncertain(s, who, plan.ticket_id, True, now=now)

        self._add(plan, at, run, dep=self._last_main(plan))

    def _gap(self, frm: str, to: str, t: datetime, onsite: bool) -> datetime:
        S = states
        if to == S.QUOTED:
            return self._after(t, 10, 40) if onsite else self._after(t, 30, 180)
        if frm == S.QUOTED:
            return self._after(t, 60, 1500)  # the customer's answer
        if to == S.AWAITING_PARTS:
            return self._after(t, 60, 300)
        if frm == S.AWAITING_PARTS:
            return self._after_days(t, 2, 8)
        if to == S.IN_REPAIR:
            return self._after(t, 10, 60) if onsite else self._after(t, 30, 240)
        if to == S.REPAIRED:
            return self._after(t, 30, 120) if onsite else self._after(t, 60, 480)
        if to == S.CANCELLED:
            return self._after(t, 60, 2000)
        return self._after(t, 30, 120)

    def _note(self, frm: str, to: str, onsite: bool) -> str:
        r = self.rng
        S = states
        if to == S.AWAITING_PARTS:
            return r.choice(("等待配件：压缩机", "已向厂家订购主板", "屏幕总成缺货，预计一周", "等待电源板"))
        if to == S.CANCELLED:
            return r.choice(("客户取消维修", "客户已自行解决", "客户联系不上，取消"))
        return ""

    # ---- the visit -------------------------------------------------------------------

    def _visit(self, booked: datetime, area: str) -> visits.VisitRequest:
        r = self.rng
        today = self.end.date()
        if booked.date() >= today - timedelta(days=2):
            days = [d for d in (today, today + timedelta(days=1)) if d >= booked.date()]
        else:
            days = [self.cal.next_working_day(booked.date())]
            if r.random() < 0.3:
                days.append(self.cal.next_working_day(days[0]))
            if booked.time() < time(11):
                days.append(booked.date())
        earliest = (booked + timedelta(hours=1)).time()
        choices = [(d, w) for d in days for w in WINDOWS if d > booked.date() or w[0] >= earliest]
        if not choices:
            day = booked.date() + timedelta(days=1)
            choices = [(day, w) for w in WINDOWS]
        day, (start, stop) = r.choice(choices)
        tech = self._tech_for(area) if r.random() < 0.75 else None
        return visits.VisitRequest(day=day, window_start=start, window_end=stop, technician_id=tech)

    def _arrival(self, visit: visits.VisitRequest) -> datetime:
        start = datetime.combine(visit.day, visit.window_start)
        minutes = int((datetime.combine(visit.day, visit.window_end) - start).total_seconds() // 60)
        return start + timedelta(minutes=self.rng.randrange(max(1, minutes - 30)))

    # ---- the kinds of plan ---------------------------------------------------------

    def _intake(self, plan: _Plan, form: intake.IntakeForm, item: _Item | None = None,
                known: bool = False, pick: bool = False, related: _Plan | None = None) -> None:
        """The intake action.  ``pick``: the clerk picks the returning customer
        (and, for a known product, the product) from the search list instead of
        typing them again (a repeat repair's product always)."""
        who = self._clerk()
        person = plan.person
        is_complaint = plan.kind == COMPLAINT
        pick_product = known and (plan.depth > 0 or self.rng.random() < 0.6)

        def run(s: Session, now: datetime) -> None:
            if pick and person.customer_id is not None:
                form.customer_id = person.customer_id
                if item is not None and pick_product and item.product_id is not None:
                    form.product_id = item.product_id
            if related is not None:
                form.related_ticket = related.number
            result = intake.take_intake(s, who, form, now=now)
            plan.ticket_id, plan.number = result.ticket_id, result.number
            if person.customer_id is None:
                person.customer_id = result.customer_id
            if item is not None and item.product_id is None and result.customer_id == person.customer_id:
                ticket = s.get(Ticket, result.ticket_id)  # held: no query
                item.product_id = ticket.product_id if ticket is not None else None
            if is_complaint:
                plan.complaint_id = s.scalar(select(Complaint.id).order_by(Complaint.id.desc()).limit(1))

        plan.actions.append(_Action(plan.at, run, plan.first_state, None, True))

    def _new_plan(self, at: datetime, kind: str, person: _Person, first_state: str = states.RECEIVED) -> _Plan:
        plan = _Plan(index=len(self.plans), at=at, kind=kind, person=person, first_state=first_state,
                     live=random.Random(self.rng.getrandbits(32)))
        self.plans.append(plan)
        return plan

    def _about(self, plan: _Plan, form: intake.IntakeForm, item: _Item, t0: datetime) -> None:
        """What the plan knows of the product from the form: its category, the
        fault category of the customer's words (the clerk picks it at intake
        now and then), the warranty."""
        plan.category = item.category
        plan.fault_key = plan.fault_key or self._fault_key(item.category, form.fault)
        plan.coverage = self._coverage(plan, form, t0.date())
        self.items_of[plan.index] = item
        if plan.depth or self.rng.random() < 0.25:
            form.fault_category = plan.fault_key

    def walk_in(self, t0: datetime, comeback_of: _Plan | None = None) -> None:
        r = self.rng
        person, fresh = (comeback_of.person, False) if comeback_of is not None else self._person()
        plan = self._new_plan(t0, WALK_IN, person)
        if comeback_of is not None:
            # The unit repaired a few weeks ago is back with the same fault: a repeat repair.
            item, known = self.items_of[comeback_of.index], True
            comeback_of.pinned = comeback_of.comeback_taken = True
            plan.depth, plan.fault_key = comeback_of.depth + 1, comeback_of.fault_key
        else:
            item, known = self._item_for(person, t0.date())
        form = self._service_form(intake.WALK_IN, intake.REPAIR, person, item, fresh)
        if comeback_of is not None:
            form.fault = comeback_of.fault_text or form.fault
            form.request = "返修：上次修好后又出现同样故障"
            form.exclusion, form.performance_fault = None, True
        plan.fault_text = form.fault
        if r.random() < 0.3:
            form.technician_id = r.choice(self.techs)[0]
        plan.tech_id = form.technician_id
        self._about(plan, form, item, t0)
        self._intake(plan, form, item, known, pick=comeback_of is not None or (not fresh and r.random() < 0.6))
        self._maybe_verify(plan, self._after(t0, 30, 1500))
        if comeback_of is None and r.random() < 0.02:
            self._move(plan, self._after(t0, 30, 600), states.CANCELLED, "客户取回，不修了")
            return
        if comeback_of is None and plan.coverage == "in" and r.random() < 0.05:  # a quick fix at the counter
            t = self._after(t0, 10, 60)
            self._assign(plan, t, form.technician_id or r.choice(self.techs)[0])
            self._start_repair(plan, t, "柜台快修")
            action = r.choice((faults.ADJUSTED, faults.CLEANED))
            self._record(plan, self._after(t, 15, 60), action, ())
            ready = self._to_counter(plan, self._after(plan.actions[-1].at, 2, 10))
            done = self._collect(plan, self._after(plan.actions[ready].at, 5, 40))
            self._card(plan, plan.actions[done].at, done, False)
            return
        outcome = None
        if plan.depth:
            # A repeat repair is redone for free; back a second time in warranty, 三包 says exchange.
            outcome = EXCHANGE if plan.depth >= 2 and plan.coverage == "in" else REPAIR
        tech = None if form.technician_id else r.choice(self.techs)[0]
        self._workshop(plan, self._after(t0, 20, 240), False, tech, outcome)

    def phone_repair(self, t0: datetime) -> None:
        r = self.rng
        person, fresh = self._person()
        item, known = self._item_for(person, t0.date())
        form = self._service_form(intake.PHONE, intake.REPAIR, person, item, fresh)
        if r.random() < 0.6:
            form.request = r.choice(VISIT_REQUESTS)
        if r.random() < 0.08:
            form.address = ""  # the customer will send it later: to verify
        mode = r.choices(("visit_now", "visit_later", "bring_in", "cancel"), weights=(45, 25, 25, 5))[0]
        if not form.address and mode.startswith("visit"):
            mode = "bring_in"
        plan = self._new_plan(t0, PHONE_REPAIR, person, states.SCHEDULED if mode == "visit_now" else states.RECEIVED)
        self._about(plan, form, item, t0)
        visit = None
        if mode == "visit_now":
            visit = form.visit = self._visit(t0, person.area)
        self._intake(plan, form, item, known, pick=not fresh and r.random() < 0.6)
        self._maybe_verify(plan, self._after(t0, 30, 1500))
        if mode == "visit_later":
            booked = self._after(t0, 30, 300)
            visit = self._visit(booked, person.area)
            self._book(plan, booked, visit)
        if visit is not None:
            if r.random() < 0.04:
                booked_at = plan.actions[self._last_main(plan)].at
                self._move(plan, self._after(booked_at, 60, 600), states.CANCELLED, "客户取消上门")
                return
            tech = visit.technician_id or self._tech_for(person.area)
            self._workshop(plan, self._arrival(visit), True, tech)
            return
        if mode == "cancel":
            self._move(plan, self._after(t0, 30, 600), states.CANCELLED, "客户已自行解决")
            return
        answered = self._after(t0, 30, 360)
        who = self._clerk()

        def respond(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            if intake.get_ticket(s, plan.ticket_id).responded_at is None:
                responses.mark_responded(s, who, plan.ticket_id, "已回电，客户送修", now=now)

        self._add(plan, answered, respond, dep=0)
        # The customer brings the product in: it is picked up at the counter like a walk-in's.
        self._workshop(plan, self._after_days(answered, 1, 3), False, r.choice(self.techs)[0])

    def _book(self, plan: _Plan, at: datetime, visit: visits.VisitRequest) -> None:
        who = self._clerk()

        def run(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            visits.book_visit(s, who, plan.ticket_id, visit, now=now)

        self._add(plan, at, run, state=states.SCHEDULED, dep=self._last_main(plan))

    def installation(self, t0: datetime) -> None:
        r = self.rng
        person, fresh = self._person(returning=0.2)
        category = r.choice(list(INSTALL_FAULTS))
        item = self._new_item(t0.date(), category, new_purchase=True)
        person.items.append(item)
        form = self._service_form(intake.PHONE, intake.INSTALLATION, person, item, fresh)
        form.fault, form.request = INSTALL_FAULTS[category], "上门安装"
        form.exclusion, form.performance_fault = None, True
        visit_now = r.random() < 0.7
        plan = self._new_plan(t0, INSTALL, person, states.SCHEDULED if visit_now else states.RECEIVED)
        self.items_of[plan.index] = item
        if visit_now:
            visit = form.visit = self._visit(t0, person.area)
        self._intake(plan, form, item, False, pick=not fresh and r.random() < 0.6)
        if not visit_now:
            booked = self._after(t0, 30, 240)
            visit = self._visit(booked, person.area)
            self._book(plan, booked, visit)
        t = self._arrival(visit)
        self._assign(plan, t, visit.technician_id or self._tech_for(person.area))
        self._start_repair(plan, t, "开始安装")
        t = self._after(t, 40, 150)
        self._move(plan, t, states.REPAIRED, "安装完成，试机正常")
        plan.repaired = True
        t = self._after(t, 5, 20)
        self._move(plan, t, states.CLOSED, "安装完成，客户签字")
        self._card(plan, t, self._last_main(plan), True)

    def consultation(self, t0: datetime) -> None:
        person, _fresh = self._person()
        form = intake.IntakeForm(channel=intake.PHONE, kind=intake.CONSULTATION, name=person.name,
                                 phone=self._typed(person.digits), request=self.rng.choice(CONSULTATIONS))
        plan = self._new_plan(t0, CONSULT, person, states.CLOSED)
        self._intake(plan, form)
        self._callbacks(plan, followup.CONSULTATION, t0, 0)

    def misuse(self, t0: datetime) -> None:
        """The product works; the clerk explains on the phone and calls back 2 hours later."""
        r = self.rng
        person, fresh = self._person()
        category, fault, resolution = r.choice(MISUSE)
        item = self._new_item(t0.date(), category)
        person.items.append(item)
        form = self._service_form(intake.PHONE, intake.REPAIR, person, item)
        form.fault, form.request = fault, resolution
        form.misuse, form.resolved_on_phone, form.performance_fault, form.exclusion = True, True, False, None
        plan = self._new_plan(t0, MISUSE_CALL, person, states.CLOSED)
        self.items_of[plan.index] = item
        self._intake(plan, form, item)
        self._callbacks(plan, followup.MISUSE, t0, 0)

    def inquiry(self, t0: datetime) -> bool:
        target = self._recent_ticket(t0, open_only=True)
        if target is None:
            return False
        target.pinned = True
        person = target.person
        form = intake.IntakeForm(channel=intake.PHONE, kind=intake.INQUIRY, name=person.name,
                                 phone=self._typed(person.digits), request="询问维修进度")
        plan = self._new_plan(t0, INQUIRY, person, states.CLOSED)
        self._intake(plan, form, related=target)
        return True

    def complaint(self, t0: datetime) -> None:
        r = self.rng
        target = self._recent_ticket(t0, open_only=False) if r.random() < 0.7 else None
        person = target.person if target is not None else self._person()[0]
        if target is not None:
            target.pinned = True
        form = intake.IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name=person.name,
                                 phone=self._typed(person.digits), what_happened=r.choice(COMPLAINTS),
                                 handler_id=self.manager.id)
        if r.random() < 0.5:
            form.promised_answer_at = self._after(t0, 120, 300)
        plan = self._new_plan(t0, COMPLAINT, person, states.RECEIVED)
        self._intake(plan, form, related=target)
        if r.random() < 0.75:
            self._close_complaint(plan, self._after_days(t0, 1, 3))

    def _close_complaint(self, plan: _Plan, at: datetime) -> None:
        r = self.rng
        resolution = r.choice(RESOLUTIONS)
        manager = self.manager
        # Sometimes a clerk records it, with the manager's PIN.
        clerk = r.choice(self.clerks) if r.random() < 0.3 else None

        def run(s: Session, now: datetime) -> None:
            assert plan.complaint_id is not None and plan.ticket_id is not None
            complaints.close_complaint(s, clerk or manager, plan.complaint_id, resolution,
                                   approver=manager if clerk else None, now=now)
            ticket = intake.get_ticket(s, plan.ticket_id)
            if ticket.kind == intake.COMPLAINT and ticket.state == states.RECEIVED:
                intake.move(s, manager, plan.ticket_id, states.CLOSED, note=resolution, now=now)

        self._add(plan, at.replace(second=0, microsecond=0), run, state=states.CLOSED, dep=0)

    def _recent_ticket(self, t: datetime, open_only: bool) -> _Plan | None:
        since = t - timedelta(days=20)
        found = [p for p in self.plans if p.kind in (WALK_IN, PHONE_REPAIR, INSTALL) and since <= p.at < t
                 and (not open_only or p.close_at is None or p.close_at > t)]
        return self.rng.choice(found) if found else None

    def _comeback_target(self, t: datetime, again_only: bool = False) -> _Plan | None:
        """A product repaired and collected in the last four weeks that fails
        again, for the same fault.  ``again_only``: one in warranty already
        back once, so that 三包's "repaired twice, exchange" shows."""
        since = t - timedelta(days=28)
        found = [p for p in self.plans if p.kind == WALK_IN and p.repaired and not p.comeback_taken
                 and p.close_at is not None and since <= p.close_at < t - timedelta(hours=2)]
        if again_only:
            found = [p for p in found if p.depth == 1 and p.coverage == "in"]
        covered = [p for p in found if p.coverage == "in"]
        if covered and self.rng.random() < 0.7:
            found = covered  # 三包 brings a product in warranty back to the shop that repaired it
        return self.rng.choice(found) if found else None

    def unanswered(self, t0: datetime) -> None:
        """A phone repair request nobody has answered yet."""
        person = self._new_person()
        item = self._new_item(t0.date())
        person.items.append(item)
        form = self._service_form(intake.PHONE, intake.REPAIR, person, item)
        form.request = self.rng.choice(VISIT_REQUESTS)
        plan = self._new_plan(t0, PHONE_REPAIR, person)
        plan.pinned = True
        self.items_of[plan.index] = item
        self._intake(plan, form, item)

    # ---- the whole plan ----------------------------------------------------------------

    def _kinds(self, n: int) -> list[str]:
        if n < len(SHARES):
            return list(SMALL_ORDER[:n])
        counts = {k: max(1, round(share * n)) for k, share in SHARES if k != WALK_IN}
        counts[WALK_IN] = max(1, n - sum(counts.values()))
        kinds = [k for k, c in counts.items() for _i in range(c)]
        while len(kinds) > n:
            kinds.remove(WALK_IN if kinds.count(WALK_IN) > 1 else PHONE_REPAIR)
        self.rng.shuffle(kinds)
        # Something to ask about or complain about must come first.
        for pos in range(min(2, n)):
            if kinds[pos] not in (WALK_IN, PHONE_REPAIR):
                swap = next((i for i in range(pos + 1, n) if kinds[i] in (WALK_IN, PHONE_REPAIR)), None)
                if swap is not None:
                    kinds[pos], kinds[swap] = kinds[swap], kinds[pos]
        return kinds

    def missed(self, t0: datetime) -> None:
        """A phone repair request that missed its one-working-day promise some
        days ago: the sweep raised a call-back, the desk called, the customer
        brought the unit in."""
        r = self.rng
        person = self._new_person()
        item = self._new_item(t0.date())
        person.items.append(item)
        form = self._service_form(intake.PHONE, intake.REPAIR, person, item)
        form.address = form.address or person.address
        plan = self._new_plan(t0, PHONE_REPAIR, person)
        plan.pinned = True
        self._about(plan, form, item, t0)
        self._intake(plan, form, item)
        swept = self._after(self.cal.add_working_days(t0, 1), 5, 40)

        def sweep(s: Session, now: datetime) -> None:
            followup.sweep_missed_responses(s, now=now)

        index = self._add(plan, swept, sweep, dep=0, main=False)
        called = self._after(swept, 5, 60)
        index = self._call(plan, called, followup.NO_RESPONSE, followup.REACHED_FINE, index)
        who = self._clerk()

        def respond(s: Session, now: datetime) -> None:
            assert plan.ticket_id is not None
            if intake.get_ticket(s, plan.ticket_id).responded_at is None:
                responses.mark_responded(s, who, plan.ticket_id, "回访电话：客户同意送修", now=now)

        self._add(plan, plan.actions[index].at, respond, dep=index)
        self._workshop(plan, self._after_days(called, 1, 2), False, r.choice(self.techs)[0])

    def _soon_consultations(self, count: int) -> list[datetime]:
        """Intake moments of consultations whose call-backs fall due in the
        next half hour after the end (when the end is inside calling hours)."""
        out: list[datetime] = []
        for _i in range(count):
            t0 = (self.end - followup.DELAYS[followup.CONSULTATION]
                  + timedelta(minutes=self.rng.randint(2, 28))).replace(second=0, microsecond=0)
            due = followup.due_time(followup.CONSULTATION, t0, self.cal)
            if self.cal.within_hours(t0) and t0.date() == self.end.date() and \
                    self.end < due < self.end + followup.DUE_SOON:
                out.append(t0)
        return out

    def build(self) -> list[_Plan]:
        n = self.total
        soon = 0 if n < 4 else 1 if n < 20 else 2 if n < 600 else 4
        late = 0 if n < 6 else 1 if n < 20 else 2 if n < 600 else 3
        missed = 0 if n < 30 or self.days < 5 else 1 if n < 300 else 2
        due_soon = self._soon_consultations(0 if n < 30 else 1 if n < 300 else 2)
        regular = n - soon - late - missed - len(due_soon)
        for t0, kind in zip(self._slot_times(regular), self._kinds(regular), strict=False):
            if kind == WALK_IN:
                # The first product that can come back a second time does.
                target = None if self.exchange_shown else self._comeback_target(t0, again_only=True)
                self.exchange_shown = self.exchange_shown or target is not None
                if target is None and self.rng.random() < 0.07:
                    target = self._comeback_target(t0)
                self.walk_in(t0, comeback_of=target)
            elif kind == PHONE_REPAIR:
                self.phone_repair(t0)
            elif kind == INSTALL:
                self.installation(t0)
            elif kind == CONSULT:
                self.consultation(t0)
            elif kind == INQUIRY:
                if not self.inquiry(t0):
                    self.consultation(t0)
            elif kind == COMPLAINT:
                self.complaint(t0)
            else:
                self.misuse(t0)
        # Phone requests about to miss the one-working-day promise, and some past it.
        ref = self.cal.next_opening(self.end)
        prev = ref.date() - timedelta(days=1)
        while not self.cal.is_working_day(prev):
            prev -= timedelta(days=1)
        last = datetime.combine(prev, self.cal.closing) - timedelta(minutes=1)
        for _i in range(soon):
            at = datetime.combine(prev, ref.time()) + timedelta(minutes=self.rng.randint(30, 200))
            self.unanswered(min(at, last).replace(second=0, microsecond=0))
        for _i in range(late):
            day = prev
            for _j in range(self.rng.randint(1, 2)):
                day = day - timedelta(days=1)
                while not self.cal.is_working_day(day):
                    day -= timedelta(days=1)
            self.unanswered(datetime.combine(day, self.cal.opening) + timedelta(minutes=self.rng.randrange(self.span)))
        for t0 in due_soon:
            self.consultation(t0)
        for _i in range(missed):
            day = self.end.date() - timedelta(days=self.rng.randint(max(4, self.days // 2), max(5, self.days - 2)))
            while not self.cal.is_working_day(day):
                day -= timedelta(days=1)
            if day < self.end.date() - timedelta(days=self.days - 1):  # not before the history starts
                day = self.cal.next_working_day(self.end.date() - timedelta(days=self.days))
            self.missed(datetime.combine(day, self.cal.opening) + timedelta(minutes=self.rng.randrange(self.span)))
        for plan in self.plans:
            self._keep(plan)
        self._cover_states()
        self._cover_uncollected()
        self._cover_loans()
        self._cover_money()
        self._cover_complaints()
        return self.plans

    # ---- what happens by the end, and making sure everything shows ---------------------

    def _keep(self, plan: _Plan) -> None:
        """Which actions happen by the end: those due by then whose cause happened."""
        kept: list[int] = []
        alive: set[int] = set()
        for i, action in enumerate(plan.actions):
            if plan.cut is not None and action.main and i > plan.cut:
                continue
            if action.at <= self.end and (action.dep is None or action.dep in alive):
                alive.add(i)
                kept.append(i)
        plan.kept = kept

    def _final_state(self, plan: _Plan) -> str:
        state = plan.first_state
        for i in plan.kept:
            if plan.actions[i].state is not None:
                state = plan.actions[i].state  # type: ignore[assignment]
        return state

    def _cover_states(self) -> None:
        """Make sure every state shows at the end: cut a recent ticket short at
        the state, or, when no ticket reaches it by the end, bring a recent
        ticket's next moves forward so that it does."""
        finals = {self._final_state(p) for p in self.plans}
        newest_first = sorted((p for p in self.plans if not p.pinned and p.kind in (WALK_IN, PHONE_REPAIR, INSTALL)),
                              key=lambda p: p.at, reverse=True)
        for wanted in ALL_STATES:
            if wanted in finals:
                continue
            for early in (False, True):
                plan = next((p for p in newest_first if not p.pinned and self._reach(p, wanted, early)), None)
                if plan is not None:
                    plan.pinned = True
                    finals.add(wanted)
                    break

    def _reach(self, plan: _Plan, wanted: str, early: bool) -> bool:
        """Cut ``plan`` right after its move into ``wanted``; with ``early``,
        also move the moves up to it (planned after the end) before the end."""
        moves = [i for i, a in enumerate(plan.actions) if a.main and a.state is not None]
        kept = set(plan.kept)
        for pos, i in enumerate(moves):
            if plan.actions[i].state != wanted:
                continue
            if i in kept and pos < len(moves) - 1 and plan.actions[moves[pos + 1]].at <= self.end:
                plan.cut = i
                self._keep(plan)
                return True
            if early and i not in kept:
                last = max(plan.actions[k].at for k in plan.kept if plan.actions[k].main)
                late = [k for k, a in enumerate(plan.actions) if a.main and k <= i and a.at > self.end]
                room = (self.end - last) / (len(late) + 1)
                if room < timedelta(minutes=1):
                    return False
                for step, k in enumerate(late, start=1):
                    plan.actions[k].at = (last + room * step).replace(second=0, microsecond=0)
                plan.cut = i
                self._keep(plan)
                return self._final_state(plan) == wanted
            return False
        return False

    def _cover_uncollected(self) -> None:
        """A product ready for pick-up for longer than the shop's reminder days
        is still not collected at the end (so the uncollected list shows it,
        with its second "please collect" call due): when none is, the newest
        one ready that long ago is left uncollected."""
        limit = self.end - timedelta(days=self.reminder_days + 1)

        def ready_long(p: _Plan) -> bool:
            return p.ready is not None and p.ready in p.kept and p.actions[p.ready].at <= limit

        if any(ready_long(p) and self._final_state(p) == states.READY for p in self.plans):
            return
        found = [p for p in self.plans if not p.pinned and ready_long(p)]
        if found:
            plan = max(found, key=lambda p: p.actions[p.ready or 0].at)
            plan.cut, plan.pinned = plan.ready, True
            self._keep(plan)

    def _cover_loans(self) -> None:
        """A loaner is out at the end: when every product lent against is back
        with its owner, the newest is not collected yet."""
        def lent(p: _Plan) -> bool:
            return p.lend is not None and p.lend in p.kept

        if any(lent(p) and self._final_state(p) not in states.FINAL for p in self.plans):
            return
        found = [p for p in self.plans if not p.pinned and lent(p)]
        if found:
            plan = max(found, key=lambda p: p.actions[p.lend or 0].at)
            plan.cut = plan.ready if plan.ready is not None and plan.ready in plan.kept else plan.lend
            plan.pinned = True
            self._keep(plan)

    def _cover_money(self) -> None:
        """Money shows even in a small demo: when no bill out of warranty is
        settled by the end, the first ticket whose customer approved a quote
        is brought forward to its pick-up (or the end of its visit)."""
        def settled(p: _Plan) -> bool:
            return p.settle is not None and p.settle in p.kept

        if any(settled(p) for p in self.plans if p.coverage != "in" and p.approved):
            return
        found = [p for p in self.plans if not p.pinned and p.coverage != "in" and p.approved and p.settle is not None]
        for plan in sorted(found, key=lambda p: p.actions[p.settle or 0].at):
            if self._reach(plan, states.CLOSED, early=True):
                plan.pinned = True
                return

    def cards_seen(self) -> list[tuple[str, str, str]]:
        """The warranty cards the customers will show: (brand, category, edition)."""
        return sorted({(i.brand, i.category, i.card_edition) for p in self.persons for i in p.items
                       if i.card_shown and i.card_edition})

    def _cover_complaints(self) -> None:
        plans = [p for p in self.plans if p.kind == COMPLAINT]
        closed = [p for p in plans if len(p.kept) > 1]
        if len(plans) >= 2 and len(closed) == len(plans):
            newest = max(plans, key=lambda p: p.at)
            newest.cut = 0
            self._keep(newest)
        elif len(plans) >= 2 and not closed:
            oldest = min(plans, key=lambda p: p.at)
            at = (oldest.at + (self.end - oldest.at) / 2).replace(second=0, microsecond=0)
            if len(oldest.actions) > 1:
                oldest.actions[1].at = at  # the manager closes it sooner
            else:
                self._close_complaint(oldest, at)
            self._keep(oldest)


# -- running it --------------------------------------------------------------------------

def _ensure_users(session: Session) -> tuple[list[DemoUser], dict[str, Actor]]:
    out: list[DemoUser] = []
    actors: dict[str, Actor] = {}
    for spec in DEMO_USERS:
        user = session.scalar(select(User).where(User.name == spec.name))
        if user is None:
            acting = None
            if users.count_users(session) > 0:
                manager = session.scalar(select(User).where(User.role == users.MANAGER, User.active.is_(True))
                                         .order_by(User.id).limit(1))
                if manager is None:
                    raise RuntimeError("no active manager to add the demo users")
                acting = Actor(manager.id, manager.name, manager.role)
            user = users.add_user(session, acting, spec.name, spec.role, spec.pin, spec.full_name)
            out.append(spec)
        else:
            known = users.check_pin(user.pin_hash, spec.pin)
            out.append(DemoUser(user.name, user.full_name or spec.full_name, user.role, spec.pin, known))
            log.info("demo user %s exists already (PIN %s)", user.name, "as in the demo" if known else "unchanged")
        actors[spec.name] = Actor(user.id, user.name, user.role)
    return out, actors


def _ensure_technicians(session: Session, manager: Actor) -> list[tuple[int, str, tuple[str, ...]]]:
    out = []
    for name, phone, areas in TECHNICIANS:
        tech = session.scalar(select(Technician).where(Technician.name == name))
        tech_id = tech.id if tech is not None else add_technician(session, manager, name, phone, list(areas)).id
        out.append((tech_id, name, areas))
    return out


class _Holder:
    """Keeps the tickets still in play in this batch (and the settings rows) alive.

    The identity map holds objects weakly, so a ticket that a service loads,
    changes and lets go is loaded again (after an autoflush) by the next action
    on it, which doubles the time of a fill.  Holding every object is no better:
    ORM-enabled UPDATE and DELETE statements (ticket numbers, search keys) scan
    the whole identity map.  So only the tickets with actions still to come in
    the batch are held."""

    def __init__(self, session: Session) -> None:
        self.tickets: dict[int, Ticket] = {}
        self.fixed: list[object] = []  # settings rows, technicians, users, fee schedules: few and read often
        event.listen(session, "pending_to_persistent", self._seen)
        event.listen(session, "loaded_as_persistent", self._seen)

    def _seen(self, _session: Session, obj: object) -> None:
        if isinstance(obj, Ticket):
            self.tickets[obj.id] = obj
        elif isinstance(obj, (Setting, Technician, User, FeeSchedule, CardEdition)):
            self.fixed.append(obj)  # a fee schedule or card edition keeps its lines loaded

    def release(self, ticket_id: int | None) -> None:
        if ticket_id is not None:
            self.tickets.pop(ticket_id, None)


def _summary(db: Database, shop: str, demo_users: Sequence[DemoUser], completed: bool, started: float) -> DemoSummary:
    with db.read() as s:
        def count(q: object) -> int:
            return int(s.scalar(q) or 0)  # type: ignore[call-overload]

        return DemoSummary(
            shop=shop,
            customers=count(select(func.count(Customer.id))),
            tickets=count(select(func.count(Ticket.id))),
            visits=count(select(func.count(Visit.id))),
            complaints=count(select(func.count(Complaint.id))),
            open_complaints=count(select(func.count(Complaint.id)).where(Complaint.closed_at.is_(None))),
            users=tuple(demo_users),
            completed=completed,
            seconds=round(_time.monotonic() - started, 2),
        )


def _repair_counts(db: Database, today: date, reminder_days: int) -> dict[str, int]:
    with db.read() as s:
        return {
            "records": int(s.scalar(select(func.count(RepairRecord.id))) or 0),
            "parts": int(s.scalar(select(func.count(RepairPart.id))) or 0),
            "picked_up": int(s.scalar(select(func.count(Ticket.id)).where(Ticket.picked_up_at.is_not(None))) or 0),
            "waiting": len(pickup.uncollected(s, today)),
            "waiting_long": len(pickup.uncollected(s, today, min_days=reminder_days + 1)),
            "reminder_days": reminder_days,
        }


def fill(db: Database, options: DemoOptions, progress: Progress | None = None) -> DemoSummary:
    """Fill ``db`` (already migrated) with demo data; see the module docstring.

    ``progress(fraction, note)`` is called as it goes; when it returns False
    the fill stops cleanly: the transactions already committed stay, the one
    under way is rolled back.
    """
    started = _time.monotonic()
    end = (options.now or clock.now()).replace(second=0, microsecond=0)
    total = options.tickets if options.tickets is not None else TICKETS_PER_DAY * max(1, options.days)
    shop = (options.shop or "").strip() or DEFAULT_SHOP
    rng = random.Random(options.seed)

    def report(fraction: float, note: str) -> None:
        if progress is not None and progress(min(1.0, max(0.0, fraction)), note) is False:
            raise _Stop()

    demo_users: list[DemoUser] = []
    try:
        report(0.0, _("Users and shop profile"))
        profile = {"shop_name": shop, **SHOP_PROFILE}
        if (options.shop_code or "").strip():
            profile["shop_code"] = (options.shop_code or "").strip()
        if options.language:
            profile["language"] = options.language
        with db.write() as s:
            demo_marker.claim(s, end)  # a shop's own database is refused here, before anything is written
            settings.store(s, profile)
            demo_users, actors = _ensure_users(s)
            manager = actors["wang"] if actors["wang"].is_manager else next(
                (a for a in actors.values() if a.is_manager), actors["wang"])
            techs = _ensure_technicians(s, manager)
            cal = settings.work_calendar(s)
            reminder_days = int(settings.get(s, "pickup_reminder_days"))
        clerks = [actors["li"], actors["zhao"]]
        if bulkdemo.dispatch_threshold(options.tickets, options.bulk):
            counts = bulkdemo.bulk_fill(db, tickets=max(0, total), days=options.days, seed=options.seed, end=end,
                                        manager=manager, clerk_ids=[c.id for c in clerks], techs=techs,
                                        counter=options.counter,
                                        progress=lambda f, note: report(0.02 + 0.97 * f, note))
            summary = dataclasses.replace(_summary(db, shop, demo_users, True, started), billing={
                "quotes": counts.quotes, "approved": counts.approved, "declined": counts.declined,
                "receipts": counts.receipts})
            if progress is not None:
                progress(1.0, _("Done"))
            return summary
        desk = _Desk(options.counter, billing_demo.Till(manager, options.counter))
        planner = _Planner(rng, cal, end, options.days, max(0, total), manager, clerks, techs, desk, reminder_days)
        plans = planner.build()
        order = sorted((p.actions[i].at, p.index, i) for p in plans for i in p.kept)
        log.info("demo plan: %d tickets, %d actions (%.2f s)", len(plans), len(order), _time.monotonic() - started)
        report(0.03, _("Fee schedules, warranty cards and loaners"))
        first_day = min((p.at for p in plans), default=end).date()
        with db.write() as s:
            desk.editions = billing_demo.setup(
                s, random.Random(options.seed + 1), manager, first_day=first_day,
                switch_day=first_day + (end.date() - first_day) / 2, cards_seen=planner.cards_seen(), now=end)[0]
            loaner_demo.setup_units(s, random.Random(options.seed + 2), manager, clerks[0],
                                    [c for c in PRODUCTS if c != "other"],
                                    datetime.combine(first_day - timedelta(days=180), cal.opening))
            claims_demo.setup(s, manager, first_day, first_day + (end.date() - first_day) / 2,
                              datetime.combine(first_day - timedelta(days=30), cal.opening))
        report(0.05, ngettext("Planned {count} ticket", "Planned {count} tickets", len(plans)).format(count=len(plans)))
        per_batch = max(200, -(-len(order) // BATCHES))
        every = max(1, len(order) // 200)
        done = 0
        while done < len(order):
            chunk = order[done:done + per_batch]
            last_in_chunk = {plan_index: n for n, (_at, plan_index, _i) in enumerate(chunk)}
            with db.write() as s:
                holder = _Holder(s)
                for n, (at, plan_index, i) in enumerate(chunk, start=1):
                    plan = plans[plan_index]
                    plan.actions[i].run(s, at)
                    if last_in_chunk[plan_index] == n - 1:
                        holder.release(plan.ticket_id)
                    if (done + n) % every == 0:
                        report(0.05 + 0.90 * (done + n) / len(order),
                               _("Tickets of {day}").format(day=at.date().isoformat()))
            done += len(chunk)
            log.debug("batch of %d actions done at %.1f s", len(chunk), _time.monotonic() - started)
        with db.write() as s:
            followup.sweep_missed_responses(s, now=end)
        if options.close_days:
            report(0.96, _("Closing the past days"))
            close_past_days(db, end, counter=options.counter)
        report(0.97, _("Claims to the makers"))
        played = claims_demo.play(db, manager, clerks[0], end)
        summary = dataclasses.replace(
            _summary(db, shop, demo_users, True, started), billing=billing_demo.counts(db),
            loaners=loaner_demo.counts(db, end.date()), repairs=_repair_counts(db, end.date(), reminder_days),
            claims=played.counts, settlement_file=played.settlement_file)
    except _Stop:
        log.info("demo fill stopped by the caller")
        return _summary(db, shop, demo_users, False, started)
    if progress is not None:
        progress(1.0, _("Done"))
    log.info("demo data: %d customers, %d tickets, %d visits, %d complaints in %.1f s",
             summary.customers, summary.tickets, summary.visits, summary.complaints, summary.seconds)
    return summary
