"""The domain model: cases and their parties, people, organisations, history and evidence."""
from disputes.models.assessment import CaseAssessment
from disputes.models.audit import AuditEntry
from disputes.models.base import Base, utcnow
from disputes.models.case import Case, CaseNumberCounter, Claim, Respondent, Worker
from disputes.models.compliance import ComplianceRating, RatingObjection
from disputes.models.dashboard_count import DashboardCount
from disputes.models.document import GeneratedDocument
from disputes.models.draft import IntakeDraft
from disputes.models.evidence import Evidence
from disputes.models.history import CaseEvent, HistoryIsAppendOnly
from disputes.models.inspection import CaseInspectionLink, InspectionEvent, InspectionMatter, InspectionNumberCounter
from disputes.models.holiday import HolidayArrangement
from disputes.models.typical_case import LIBRARY_STATUSES, LibraryGeneration, TypicalCase
from disputes.models.notification import Notification
from disputes.models.organisation import ORGANISATION_KINDS, MinimumWage, Organisation, Region
from disputes.models.user import ROLES, ApiToken, User
from disputes.models.warning import RULE_KEYS, Alert, WarningRule

__all__ = [
    "Alert", "ApiToken", "RULE_KEYS", "WarningRule", "AuditEntry", "CaseAssessment", "Base", "Case", "CaseEvent", "CaseNumberCounter", "Claim", "DashboardCount", "Evidence", "GeneratedDocument",
    "ComplianceRating", "RatingObjection", "HistoryIsAppendOnly", "HolidayArrangement", "CaseInspectionLink", "InspectionEvent", "InspectionMatter",
    "InspectionNumberCounter", "IntakeDraft", "MinimumWage", "Notification", "ORGANISATION_KINDS", "Organisation", "ROLES", "Region",
    "Respondent", "User", "Worker", "utcnow", "LIBRARY_STATUSES", "LibraryGeneration", "TypicalCase",
]
