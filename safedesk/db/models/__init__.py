"""All mapped tables; importing this module registers them on `Base.metadata`."""

from safedesk.db.models.audit import AuditEntry
from safedesk.db.models.base import Base
from safedesk.db.models.incidents import (  # issue 8
    Accident,
    AccidentCause,
    AccidentCommissionMember,
    AccidentVictim,
    NearMiss,
    Observation,
    ObservationCount,
    PublicHoliday,
)
from safedesk.db.models.indicators import IndicatorTarget, InsuranceContract
from safedesk.db.models.organisation import Organisation
from safedesk.db.models.ppe import (  # issue 7
    MilkIssue,
    MilkNorm,
    PpeIssue,
    PpeItem,
    PpeNormLine,
    PpeNormSet,
    PpePersonalNorm,
    PpePositionNorm,
    PpeReceipt,
    PpeReturn,
    ProtectiveEquipment,
    ProtectiveTest,
)
from safedesk.db.models.responsible import ResponsibleAppointment
from safedesk.db.models.risk import (  # issue 6
    FiveSAudit,
    Hazard,
    HazardCategory,
    JobSafetyAnalysis,
    RiskAssessment,
    RiskControl,
    RiskMatrix,
    RiskRow,
    SlamCard,
)
from safedesk.db.models.staff import Employee, Position, Unit
from safedesk.db.models.training import (  # issue 4
    BankQuestion,
    Briefing,
    CheckCommission,
    CheckResult,
    CheckSession,
    CommissionMember,
    TrainingNorm,
)

__all__ = [
    "Accident",  # issue 8
    "AccidentCause",
    "AccidentCommissionMember",
    "AccidentVictim",
    "AuditEntry",
    "BankQuestion",
    "Base",
    "Briefing",
    "CheckCommission",
    "CheckResult",
    "CheckSession",
    "CommissionMember",
    "Employee",
    "FiveSAudit",  # issue 6
    "Hazard",
    "HazardCategory",
    "IndicatorTarget",
    "InsuranceContract",
    "JobSafetyAnalysis",
    "MilkIssue",  # issue 7
    "MilkNorm",
    "NearMiss",
    "Observation",
    "ObservationCount",
    "Organisation",
    "Position",
    "PpeIssue",
    "PpeItem",
    "PpeNormLine",
    "PpeNormSet",
    "PpePersonalNorm",
    "PpePositionNorm",
    "PpeReceipt",
    "PpeReturn",
    "ProtectiveEquipment",
    "ProtectiveTest",
    "PublicHoliday",
    "ResponsibleAppointment",
    "RiskAssessment",
    "RiskControl",
    "RiskMatrix",
    "RiskRow",
    "SlamCard",
    "TrainingNorm",
    "Unit",
]
