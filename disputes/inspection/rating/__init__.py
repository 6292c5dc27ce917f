"""The employer's compliance rating (企业劳动保障守法诚信等级评价) in the app.

`record.py` assembles an employer's record from the app's data, exactly as
workflows/compliance_rating.py reads it; `services.py` rates, records objections and decides reviews
(the only module here that commits); `panel.py` is what a page shows of it (the employer page and the
inspectorate's own page); `views.py` and `api.py` are the doors. The rules are the workflows module's.
"""
