"""The sign-in form and the password change on the account page."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from disputes.forms import ServiceForm


class LoginForm(FlaskForm):
    username = StringField(_l("用户名"), validators=[DataRequired(_l("请填写用户名。")), Length(max=64)])
    password = PasswordField(_l("密码"), validators=[DataRequired(_l("请填写密码。")), Length(max=128)])


class PasswordChangeForm(ServiceForm):
    current_password = PasswordField(_l("当前密码"), validators=[DataRequired(_l("此项必填。")), Length(max=128)])
    new_password = PasswordField(_l("新密码"), validators=[DataRequired(_l("此项必填。")), Length(max=128)])
