"""The notice form: shape only; holidays.services.read_notice checks the meaning."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import Optional

from disputes.forms import ServiceForm


class NoticeForm(ServiceForm):
    year = StringField(_l("年度"), render_kw={"inputmode": "numeric", "autocomplete": "off"})
    source = StringField(_l("通知名称和文号"))
    url = StringField(_l("通知网址（选填）"), render_kw={"inputmode": "url"})
    published_on = DateField(_l("发布日期（选填）"), validators=[Optional()])
    text = TextAreaField(_l("通知正文"), render_kw={"rows": 12})
