"""Admin forms: shape only; meaning is checked by the services."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from disputes.forms import ServiceForm



class MinimumWageForm(ServiceForm):
    region_code = SelectField(_l("地区"), choices=[], validate_choice=False)
    monthly = StringField(_l("月最低工资（元）"), validators=[DataRequired(_l("此项必填。"))], render_kw={"inputmode": "decimal"})
    hourly = StringField(_l("小时最低工资（元，选填）"), render_kw={"inputmode": "decimal"})
    effective_on = DateField(_l("生效日期"), validators=[Optional()])
    verified = BooleanField(_l("已与本省公布的标准核对"))
    note = StringField(_l("依据（文件名称、文号）"), validators=[Length(max=256)])


class UserForm(ServiceForm):
    username = StringField(_l("用户名"), validators=[DataRequired(_l("此项必填。")), Length(max=64)])
    display_name = StringField(_l("显示名称"), validators=[Length(max=64)])
    role = SelectField(_l("角色"), choices=[], validate_choice=False)
    organisation_id = SelectField(_l("所属机构"), choices=[], validate_choice=False)
    password = PasswordField(_l("初始密码"), validators=[DataRequired(_l("此项必填。"))])
