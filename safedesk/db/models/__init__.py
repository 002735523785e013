"""All mapped tables; importing this module registers them on `Base.metadata`."""

from safedesk.db.models.audit import AuditEntry
from safedesk.db.models.base import Base
from safedesk.db.models.organisation import Organisation
from safedesk.db.models.responsible import ResponsibleAppointment
from safedesk.db.models.staff import Employee, Position, Unit

__all__ = [
    "AuditEntry",
    "Base",
    "Employee",
    "Organisation",
    "Position",
    "ResponsibleAppointment",
    "Unit",
]
