"""Choosing a contractor's worker: the workers still on the site, by name, with the firm."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from safedesk.db.contractors import workers_on_site
from safedesk.db.engine import Database
from safedesk.db.models import ContractorWorker
from safedesk.domain.people import full_name


def worker_label(w: ContractorWorker) -> str:
    return f"{full_name(w.surname, w.name, w.patronymic)} — {w.contractor.name}"


class WorkerPicker(QComboBox):
    """A contractor's worker on the site (tens to hundreds: a plain list is enough)."""

    def __init__(
        self, db: Database, contractor_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setEditable(False)
        self.fill(contractor_id)

    def fill(self, contractor_id: int | None = None) -> None:
        self.clear()
        self.addItem("—", None)
        with self.db.session() as s:
            for w in workers_on_site(s, dt.date.today(), contractor_id):
                self.addItem(worker_label(w), w.id)

    def value(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_value(self, worker_id: int | None) -> None:
        if worker_id is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(worker_id)
        if index < 0:  # gone from the site since: still shown for its own record
            with self.db.session() as s:
                w = s.get(ContractorWorker, worker_id)
                if w is None:
                    return
                self.addItem(worker_label(w), w.id)
            index = self.count() - 1
        self.setCurrentIndex(index)
