"""All mapped tables; importing this module registers them on `Base.metadata`."""

from safedesk.db.models.audit import AuditEntry
from safedesk.db.models.base import Base
from safedesk.db.models.certificates import Certificate, CertificateKind  # issue 4
from safedesk.db.models.contractors import (  # issue 4
    Contractor,
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
)
from safedesk.db.models.incidents import (  # issue 8
    Accident,
    AccidentCause,
    AccidentCommissionMember,
    AccidentDeadlineRule,
    AccidentVictim,
    NearMiss,
    Observation,
    ObservationCount,
    PublicHoliday,
)
from safedesk.db.models.indicators import IndicatorTarget, InsuranceContract
from safedesk.db.models.organisation import Organisation
from safedesk.db.models.permits import (  # issue 5
    Permit,
    PermitCrewMember,
    PermitExtension,
    PermitGasLimit,
    PermitGasTest,
    PermitIsolation,
    PermitLine,
    PermitOverride,
    PermitRole,
    PermitSetting,
    PermitShift,
    PermitTransition,
    PermitTypeRule,
)
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
from safedesk.db.models.safety_days import SafetyDay, SafetyDayAttendance  # issue 4
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
    "AccidentDeadlineRule",
    "AccidentVictim",
    "AuditEntry",
    "BankQuestion",
    "Base",
    "Briefing",
    "Certificate",  # issue 4
    "CertificateKind",
    "CheckCommission",
    "CheckResult",
    "CheckSession",
    "CommissionMember",
    "Contractor",  # issue 4
    "ContractorBriefing",
    "ContractorCheck",
    "ContractorWorker",
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
    "Permit",  # issue 5
    "PermitCrewMember",
    "PermitExtension",
    "PermitGasLimit",
    "PermitGasTest",
    "PermitIsolation",
    "PermitLine",
    "PermitOverride",
    "PermitRole",
    "PermitSetting",
    "PermitShift",
    "PermitTransition",
    "PermitTypeRule",
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
    "SafetyDay",  # issue 4
    "SafetyDayAttendance",
    "SlamCard",
    "TrainingNorm",
    "Unit",
]
